"""The offline default policy: no model, no network, decisions from evidence.

**Analyse.** Parse the query into a boolean expression over key phrases
(:mod:`..query_parsing`) and, when :mod:`limitbench.retrievers.numeric` is present,
numeric constraints. Retrieval texts are the key phrases themselves (a rewrite that
drops "Who likes"): one per alternative of an "or", the joined phrases of an "and"
(its single phrases as optional fall-backs), nothing for a negated part
(:mod:`..planning`). A query with constraints goes to the ``numeric`` tool first. Tools
are tried lexical first (exact phrases are lexical evidence), then semantic.

**Judge.** Delegated to a judge plug-in (``judge``, default ``reader``; see
:mod:`..judges`).

**Decide.** Per retrieval text, read the ranking from the top, skipping documents
already judged, and:

* once it has found something, stop after ``patience`` misses in a row (the ranking
  has fallen off), or — lexical tools — when the next candidate scores below
  ``score_cliff`` times the lowest-scoring hit (a keyword score cliff);
* having found nothing after ``probe`` documents, move to the next tool (but never away
  from a numeric ranking that has documents: it ranks every document by constraint and
  topic, and a text tool's ranking fused in would only dilute it);
* with a ``target`` count keep going until it is reached or the budget runs out,
  leaving a tool only for a later one. A count the question states ("Which two people
  ...") is read from it; a ``target`` *option* is an oracle hint when it comes from the
  qrels (LIMIT's two relevant documents per query), and the agent labels its results so;
* a query it cannot parse is ranked by its first tools without reading;
* the question as asked is also retrieved once by the first lexical tool (option
  ``ask_as_is``), so the fused ranking keeps what the tools give for it when the question
  was misread; it is read from only if every parsed text found nothing.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from limitbench.retrievers.errors import ConfigError
from limitbench.retrievers.types import Document, Qrels

from ..budget import Meter
from ..judges import Judge, resolve_judge
from ..expressions import Term
from ..numeric_support import TOPIC_PREFIX, mentions_constraint, query_constraints, query_topic
from ..planning import has_content, retrieval_texts, weak_constraints, with_constraints
from ..expressions import prune
from ..query_parsing import parse_query
from ..state import Action, AgentView, Judgment, Plan, Ranking, SubQuery, ToolInfo

__all__ = ["HeuristicPolicy"]


class HeuristicPolicy:
    """Rule-based policy (see the module docstring for the rules)."""

    name = "heuristic"

    def __init__(
        self,
        *,
        first_read: int = 2,
        read_batch: int = 2,
        patience: int = 2,
        semantic_patience: int = 3,
        probe: int = 4,
        semantic_probe: int = 8,
        score_cliff: float | None = 0.5,
        target: int | None = None,
        unjudged_tools: int = 2,
        numeric: bool = True,
        judge: str | Judge = "reader",
        judge_options: Mapping[str, Any] | None = None,
        ask_as_is: bool = True,
    ) -> None:
        for option, value in {
            "first_read": first_read, "read_batch": read_batch, "patience": patience,
            "semantic_patience": semantic_patience, "probe": probe, "semantic_probe": semantic_probe,
            "unjudged_tools": unjudged_tools,
        }.items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigError(f"heuristic policy: option {option!r} must be a positive integer, got {value!r}")
        if target is not None and (not isinstance(target, int) or target < 1):
            raise ConfigError(f"heuristic policy: option 'target' must be a positive integer or null, got {target!r}")
        if score_cliff is not None and not 0 < float(score_cliff) < 1:
            raise ConfigError(f"heuristic policy: option 'score_cliff' must be in (0, 1) or null, got {score_cliff!r}")
        self.first_read, self.read_batch = first_read, read_batch
        self.patience, self.semantic_patience = patience, semantic_patience
        self.probe, self.semantic_probe = probe, semantic_probe
        self.score_cliff = None if score_cliff is None else float(score_cliff)
        self.target, self.unjudged_tools, self.numeric = target, unjudged_tools, numeric
        self.judge_impl: Judge = resolve_judge(judge, options=judge_options)
        self.ask_as_is = ask_as_is

    @property
    def oracle_hints(self) -> list[str]:
        """What this policy was told that comes from the answers (for the results row)."""
        hints = list(getattr(self.judge_impl, "oracle_hints", []))
        if self.target is not None:
            hints.append(f"target={self.target}: the number of relevant documents per query, given as an option")
        return hints

    def provide_oracle(self, *, qrels: Qrels) -> None:
        provide = getattr(self.judge_impl, "provide_oracle", None)
        if provide is not None:
            provide(qrels=qrels)

    # -- analyse ---------------------------------------------------------------------------
    def analyse(self, *, query: str, tools: Sequence[ToolInfo], meter: Meter) -> Plan:
        constraints = query_constraints(query) if self.numeric else ()
        parsed = parse_query(query)
        keywords = prune(parsed.expression, has_content)
        expression = with_constraints(keywords, constraints, topic=_topic_term(query) if constraints and keywords is None else None)
        numeric = tuple(t.name for t in tools if t.kind == "numeric")
        text_tools = tuple(t.name for t in tools if t.kind == "lexical") + tuple(t.name for t in tools if t.kind == "semantic")
        text_tools = text_tools or tuple(t.name for t in tools)
        weak = weak_constraints(keywords, constraints)
        sub_queries: list[SubQuery] = []
        if expression is not None:
            for text, optional in retrieval_texts(expression):
                # a text holding a constraint's words ("... older than 40") is a fall-back only,
                # unless the constraint is weak evidence and the words may be an item's name
                optional = optional or (mentions_constraint(text, constraints) and not weak)
                sub_queries.append(SubQuery(text=text, tools=text_tools, optional=optional))
        if constraints and numeric:
            numeric_first = SubQuery(text=query, tools=numeric + text_tools, optional=weak)
            sub_queries.insert(len(sub_queries) if weak else 0, numeric_first)
        if not sub_queries:
            sub_queries.append(SubQuery(text=parsed.remainder or query, tools=text_tools))
        elif expression is not None:
            sub_queries.append(SubQuery(text=query, tools=text_tools, optional=True))  # if the reading found nothing
        unique = list({s.text: s for s in reversed(sub_queries)}.values())[::-1]  # first occurrence wins
        if expression is None:
            meter.note("no predicate or constraint found: ranking with the tools only")
        return Plan(
            query=query,
            expression=expression,
            sub_queries=tuple(unique),
            constraints=constraints,
            target=self.target or parsed.target,
            by=self.name,
        )

    # -- judge -----------------------------------------------------------------------------
    def judge(self, *, plan: Plan, documents: Sequence[Document], meter: Meter) -> Mapping[str, Judgment]:
        return self.judge_impl.judge(plan=plan, documents=documents, meter=meter)

    # -- decide ----------------------------------------------------------------------------
    def decide(self, *, view: AgentView, meter: Meter) -> Action | None:
        plan = view.plan
        if not plan.judgeable:
            return self._rank_only(view)
        if plan.target is not None and len(view.relevant) >= plan.target:
            meter.note(f"target of {plan.target} reached")
            return None
        asked = self._question_as_asked(view)
        if asked is not None:
            return asked
        found_any = bool(view.relevant)
        for sub in plan.sub_queries:
            if sub.optional and found_any:
                continue
            action = self._next_for(view, sub, meter)
            if action is not None:
                return action
        meter.note(f"every search done: {len(view.relevant)} relevant found")
        return None

    def _question_as_asked(self, view: AgentView) -> Action | None:
        """The first lexical tool's ranking for the question exactly as asked, once, read
        from only as a last resort: fused with the rest, it keeps the agent's ranking close
        to its tools' when the question was misread."""
        if not self.ask_as_is or view.plan.constraints:
            return None  # a numeric question already goes whole to the numeric tool
        lexical = [t.name for t in view.tools if t.kind == "lexical"]
        if not lexical or not view.rankings or any(query == view.plan.query for _, query in view.rankings):
            return None  # after the plan's first retrieval, so the plan decides where to look first
        return Action(tool=lexical[0], query=view.plan.query, read=0, depth=view.search_k, reason="the question as asked, for fusion")

    def _rank_only(self, view: AgentView) -> Action | None:
        for sub in view.plan.sub_queries:
            for name in [t for t in sub.tools if view.tool(t)][: self.unjudged_tools]:
                if (name, sub.text) not in view.rankings:
                    return Action(tool=name, query=sub.text, read=0, depth=view.search_k, reason="cannot judge: rank by tools")
        return None

    def _next_for(self, view: AgentView, sub: SubQuery, meter: Meter) -> Action | None:
        target_open = view.plan.target is not None
        available = [name for name in sub.tools if view.tool(name) is not None]
        for position, name in enumerate(available):
            has_next = position + 1 < len(available)
            ranking = view.rankings.get((name, sub.text))
            if ranking is not None and ranking.docs and view.tool(name).kind == "numeric":  # type: ignore[union-attr]
                has_next = False  # it ranks every document, on topic and constraint: a text tool would only dilute it
            if ranking is None:
                # with evidence already in hand, look at the ranking before reading from it
                read = 0 if view.judged else self.first_read
                return Action(tool=name, query=sub.text, read=read, depth=None, reason="first look")
            verdicts = _read_prefix(ranking, view.judged)
            hits = verdicts.count(True)
            misses = _trailing_misses(verdicts)
            if ranking.complete and len(verdicts) == len(ranking.docs):
                if hits and not target_open:
                    meter.note(f"{name} {sub.text!r}: ranking read to the end")
                    return None
                continue  # read the whole ranking: try the next tool
            semantic = view.tool(name).kind == "semantic"  # type: ignore[union-attr]
            patience = self.semantic_patience if semantic else self.patience
            probe = self.semantic_probe if semantic else self.probe
            if hits and not target_open:
                if misses >= patience:
                    meter.note(f"{name} {sub.text!r}: {misses} misses after {hits} hits")
                    return None  # the ranking has fallen off
                if not semantic and self._below_cliff(view, ranking):
                    meter.note(f"{name} {sub.text!r}: score cliff after {hits} hits")
                    return None
                read = max(1, min(self.read_batch, patience - misses))
                return Action(tool=name, query=sub.text, read=read, reason=f"{hits} found, {misses} misses since")
            if misses >= probe and has_next:
                continue  # this tool is not finding anything: the next one
            if misses >= probe and not target_open:
                meter.note(f"{name} {sub.text!r}: nothing in {misses} read")
                return None
            read = self.first_read if not verdicts else self.read_batch
            reason = f"target {view.plan.target}: {len(view.relevant)} found" if target_open else "nothing found yet"
            return Action(tool=name, query=sub.text, read=read, reason=reason)
        return None

    def _below_cliff(self, view: AgentView, ranking: Ranking | None) -> bool:
        """Keyword score cliff: the next unread candidate scores far below the hits."""
        if self.score_cliff is None or ranking is None:
            return False
        hit_scores = [s for d, s in ranking.docs if (j := view.judged.get(d)) is not None and j.relevant is True]
        following = next((s for d, s in ranking.docs if d not in view.judged), None)
        if not hit_scores or following is None or min(hit_scores) <= 0:
            return False
        return following < self.score_cliff * min(hit_scores)


def _read_prefix(ranking: Ranking, judged: Mapping[str, Judgment]) -> list[bool | None]:
    """Verdicts down the ranking up to its first unjudged document — what this ranking
    has shown so far, including documents judged while following another ranking."""
    verdicts: list[bool | None] = []
    for doc_id, _ in ranking.docs:
        judgment = judged.get(doc_id)
        if judgment is None:
            break
        verdicts.append(judgment.relevant)
    return verdicts


def _trailing_misses(verdicts: Sequence[bool | None]) -> int:
    count = 0
    for verdict in reversed(verdicts):
        if verdict is True:
            break
        count += 1
    return count


def _topic_term(query: str) -> Term | None:
    """The plan term for what a numeric question is about ("#topic product: laptops")."""
    topic, entity = query_topic(query)
    return Term(f"{TOPIC_PREFIX}{entity}: {topic}") if topic or entity else None
