"""Queries found by search over the generator's own records, with qrels by construction.

For a domain, each try picks a scope (:mod:`.questions`), one or two conditions (an ask
anchored at a value some in-scope record states, near the end of the range its operator
points to, so the answer set is small; or an idiom), and keeps the query only if

* 1 to :data:`MAX_RELEVANT` in-scope records satisfy every condition (:mod:`.relevance`),
* no in-scope record is *doubtful* for any condition (too close to a bound to call),
* no earlier query has the same scope and constraints, or the same text.

The relevant documents are exactly those records: they are computed from the facts the
documents were written from, never read back from the text.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .facts import Record
from .questions import Domain
from .relevance import Condition, doubtful, in_scope, satisfies
from .wording import capital, pick

__all__ = ["MAX_RELEVANT", "Question", "find_questions"]

MAX_RELEVANT = 10
TWO_CONDITIONS = 0.4
IDIOM = 0.12
ANCHOR_POOL = 8  # anchors come from the 8 values at the end the operator points to
PREFIX = "^"

FRAMES = ("{s} {c}", "{s} {c}", "Show me {s} {c}", "I'm looking for {s} {c}", "Any {s} {c}?", "Find {s} {c}",
          "Which {s} are there {c}?", "List {s} {c}", "{s} {c}, please")
JOINS = (" and ", ", ", " and also ", " — ")


@dataclass(frozen=True)
class Question:
    text: str
    domain: str
    scope: dict[str, str]
    conditions: tuple[Condition, ...]
    relevant: tuple[str, ...]  # record ids


def find_questions(rng: random.Random, domain: Domain, records: list[Record], count: int) -> list[Question]:
    found: list[Question] = []
    seen_texts: set[str] = set()
    seen_meanings: set[tuple] = set()
    for _ in range(count * 400):
        if len(found) == count:
            break
        question = _try(rng, domain, records)
        if question is None:
            continue
        meaning = (tuple(sorted(question.scope.items())), tuple(sorted(str(c.constraint) for c in question.conditions)))
        if question.text.lower() in seen_texts or meaning in seen_meanings:
            continue
        seen_texts.add(question.text.lower())
        seen_meanings.add(meaning)
        found.append(question)
    if len(found) < count:
        raise RuntimeError(f"only {len(found)} of {count} {domain.name} queries found; widen the corpus or the asks")
    return found


def _try(rng: random.Random, domain: Domain, records: list[Record]) -> Question | None:
    scope, nouns = rng.choice(domain.scopes)
    pool = [record for record in records if in_scope(record.extra["categories"], scope)]
    conditions: list[Condition] = []
    for _ in range(2 if rng.random() < TWO_CONDITIONS else 1):
        condition = _idiom(rng, domain) if rng.random() < IDIOM else _anchored(rng, domain, pool)
        if condition is None or any(c.constraint.attribute == condition.constraint.attribute for c in conditions):
            return None
        conditions.append(condition)
    relevant = [r.id for r in pool if all(satisfies(r.facts, c) for c in conditions)]
    if not 1 <= len(relevant) <= MAX_RELEVANT:
        return None
    if any(doubtful(r.facts, c) for r in pool for c in conditions):
        return None
    return Question(_text(rng, pick(rng, list(nouns)), conditions), domain.name, scope, tuple(conditions), tuple(relevant))


def _idiom(rng: random.Random, domain: Domain) -> Condition | None:
    return rng.choice(domain.idioms) if domain.idioms else None


def _anchored(rng: random.Random, domain: Domain, pool: list[Record]) -> Condition | None:
    ask = rng.choice(domain.asks)
    facts = [r.facts[ask.attribute] for r in pool if ask.attribute in r.facts]
    if ask.currency is not None:
        facts = [fact for fact in facts if fact.unit.split("/")[0] == ask.currency]
    if not facts:
        return None
    op = rng.choice(ask.ops)
    ordered = sorted(facts, key=lambda fact: ask.key((fact.low + fact.high) / 2))
    if op in (">", ">="):
        ordered = ordered[-ANCHOR_POOL:]
    elif op in ("<", "<="):
        ordered = ordered[:ANCHOR_POOL]
    anchor = rng.choice(ordered)
    return ask.near(op, rng, (anchor.low + anchor.high) / 2)


def _text(rng: random.Random, noun: str, conditions: list[Condition]) -> str:
    before = [c.words[len(PREFIX):] for c in conditions if c.words.startswith(PREFIX)]
    after = [c.words for c in conditions if not c.words.startswith(PREFIX)]
    subject = " ".join([*before, noun])
    if not after:
        return capital(pick(rng, ["{s}", "Show me {s}", "Any {s}?", "I'm looking for {s}"]).format(s=subject))
    return capital(pick(rng, list(FRAMES)).format(s=subject, c=pick(rng, list(JOINS)).join(after)))
