"""The offline default policy: no model, no network, decisions from evidence.

**Analyse.** Parse the query into a boolean expression over key phrases
(:mod:`..query_parsing`) and, when :mod:`limitbench.retrievers.numeric` is present,
numeric constraints. Retrieval texts are the key phrases themselves (a rewrite that
drops "Who likes"): one per alternative of an "or", the joined phrases of an "and"
(its single phrases as optional fall-backs), nothing for a negated part. A query
with constraints goes to the ``numeric`` tool first. Tools are tried lexical first
(exact phrases are lexical evidence), then semantic.

**Judge.** Read each candidate and evaluate the expression on what it states
(:func:`..matching.phrase_liked`, Kleene logic), and the constraints with
``document_satisfies``.

**Decide.** Per retrieval text, read the ranking from the top, skipping documents
already judged, and:

* once it has found something, stop after ``patience`` misses in a row (the ranking
  has fallen off), or — lexical tools — when the next candidate scores below
  ``score_cliff`` times the lowest-scoring hit (a keyword score cliff);
* having found nothing after ``probe`` documents, move to the next tool;
* with a ``target`` count (option, or "Which two people ...") keep going until it is
  reached or the budget runs out, leaving a tool only for a later one;
* a query it cannot parse is ranked by its first tools without reading.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from limitbench.retrievers.errors import ConfigError
from limitbench.retrievers.types import Document

from ..budget import Meter
from ..expressions import And, Expr, Not, Or, Term, evaluate, positive_terms, prune, terms_of
from ..matching import normalize_phrase, phrase_liked
from ..numeric_support import mentions_constraint, query_constraints, satisfies
from ..query_parsing import parse_query
from ..state import Action, AgentView, Judgment, Plan, Ranking, SubQuery, ToolInfo

__all__ = ["HeuristicPolicy", "CONSTRAINTS", "judge_document", "retrieval_texts"]

# The numeric constraints of a query, as one term of its expression; its evidence
# comes from ``document_satisfies`` rather than from reading for a phrase.
CONSTRAINTS = Term("#numeric constraints")

# Words that are never the thing liked: what is left of a query once a numeric
# constraint's own words are cut out ("... and is older than 30").
_FILLER = frozenset(normalize_phrase("is are was were be been who whom has have had and or with than that this it they them someone people person"))


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

    # -- analyse ---------------------------------------------------------------------------
    def analyse(self, *, query: str, tools: Sequence[ToolInfo], meter: Meter) -> Plan:
        constraints = query_constraints(query) if self.numeric else ()
        parsed = parse_query(query)
        keywords = prune(parsed.expression, _has_content)
        expression = _with_constraints(keywords, constraints)
        numeric = tuple(t.name for t in tools if t.kind == "numeric")
        text_tools = tuple(t.name for t in tools if t.kind == "lexical") + tuple(t.name for t in tools if t.kind == "semantic")
        text_tools = text_tools or tuple(t.name for t in tools)
        weak = _weak_constraints(keywords, constraints)
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
        return {doc.id: judge_document(plan, doc, by=self.name) for doc in documents}

    # -- decide ----------------------------------------------------------------------------
    def decide(self, *, view: AgentView, meter: Meter) -> Action | None:
        plan = view.plan
        if not plan.judgeable:
            return self._rank_only(view)
        if plan.target is not None and len(view.relevant) >= plan.target:
            meter.note(f"target of {plan.target} reached")
            return None
        found_any = bool(view.relevant)
        for sub in plan.sub_queries:
            if sub.optional and found_any:
                continue
            action = self._next_for(view, sub, meter)
            if action is not None:
                return action
        meter.note(f"every search done: {len(view.relevant)} relevant found")
        return None

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


def _with_constraints(full: Expr | None, constraints: Sequence[object]) -> Expr | None:
    """Combine the keyword reading with the numeric constraints: phrases that contain a
    constraint's words ("is older than 40") give way to the constraint. Since a number
    may also belong to a liked thing ("3D Modeling"), the literal reading then stays
    as an alternative."""
    if not constraints:
        return full
    stripped = prune(full, lambda phrase: not mentions_constraint(phrase, constraints))
    numeric_reading: Expr = CONSTRAINTS if stripped is None else And((stripped, CONSTRAINTS))
    if full is None or full == stripped:
        return numeric_reading
    return Or((full, numeric_reading))


def _weak_constraints(keywords: Expr | None, constraints: Sequence[object]) -> bool:
    """Equality constraints read from inside every liked phrase ("Who likes 3D Modeling?":
    "3D" as three dimes) are weak evidence: the phrase is searched for first and the
    numeric tool only if that finds nothing."""
    if not constraints or keywords is None:
        return False
    if not all(getattr(c, "operator", None) == "==" for c in constraints):
        return False
    return prune(keywords, lambda phrase: not mentions_constraint(phrase, constraints)) is None


def _has_content(phrase: str) -> bool:
    return any(token not in _FILLER for token in normalize_phrase(phrase))


def retrieval_texts(expr: Expr) -> list[tuple[str, bool]]:
    """``(text, optional)`` to retrieve for ``expr``: its phrases, an "and" joined."""
    if expr == CONSTRAINTS:
        return []  # found by the numeric tool, not by text
    if isinstance(expr, Term):
        return [(expr.phrase, False)]
    if isinstance(expr, Not):
        return []
    if isinstance(expr, Or):
        return [item for part in expr.parts for item in retrieval_texts(part)]
    positive = [part for part in expr.parts if not isinstance(part, Not) and part != CONSTRAINTS]
    if len(positive) == 1:
        return retrieval_texts(positive[0])
    joined = " and ".join(positive_terms(And(tuple(positive))))
    return [(joined, False)] + [(text, True) for part in positive for text, _ in retrieval_texts(part)]


def judge_document(plan: Plan, document: Document, *, by: str = "heuristic") -> Judgment:
    """Read ``document`` and judge it against the plan's expression and constraints."""
    text = document.full_text
    evidence: dict[str, bool | None] = {}
    value: bool | None = None
    if plan.expression is not None:
        for term in terms_of(plan.expression):
            found = satisfies(text, plan.constraints) if term == CONSTRAINTS.phrase else phrase_liked(term, text)
            evidence[term] = found
        value = evaluate(plan.expression, evidence)
    return Judgment(relevant=value, evidence=evidence, reason=_reason(evidence), by=by)


def _reason(evidence: Mapping[str, bool | None]) -> str:
    words = {True: "states", False: "does not state", None: "says nothing on"}
    return "; ".join(f"{words[v]} {k!r}" for k, v in evidence.items()) or "nothing to check"

