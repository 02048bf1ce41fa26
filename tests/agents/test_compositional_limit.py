"""Compositional questions over LIMIT-small, in wordings the agent was not written
against; the expected answers come from the profiles' item lists by set logic."""

from __future__ import annotations

import random
import re

from limitbench.agents import AgentRetriever
from limitbench.retrievers.types import Query

AND_FORMS = ["Which people like {x} as well as {y}?", "Who is a fan of both {x} and {y}?", "Who enjoys {x} along with {y}?"]
OR_FORMS = ["Who likes either {x} or {y}?", "Who enjoys {x} or {y}?", "Which people are into {x} and/or {y}?"]
NOT_FORMS = ["Who likes {x} and not {y}?", "Who is a fan of {x} but doesn't like {y}?", "Which people love {x}, but not {y}?"]


def _items(text: str) -> set[str]:
    body = text.split(" likes ", 1)[1].rstrip(".")
    head, _, last = body.rpartition(" and ")
    return {item.strip() for item in head.split(", ") + [last]}


def _questions(corpus, rng: random.Random, per_form: int = 4):
    likes = {doc.id: _items(doc.text) for doc in corpus}
    fans: dict[str, set[str]] = {}
    for person, items in likes.items():
        for item in items:
            fans.setdefault(item, set()).add(person)
    safe = sorted(i for i in fans if not re.search(r"\b(and|or|not|but)\b", i, re.IGNORECASE))
    questions = []
    for number in range(per_form * 3):
        person = rng.choice(sorted(likes))
        x, y = rng.sample(sorted(likes[person] & set(safe)), 2)
        questions.append((AND_FORMS[number % 3].format(x=x, y=y), fans[x] & fans[y]))
        x, y = rng.sample(safe, 2)
        questions.append((OR_FORMS[number % 3].format(x=x, y=y), fans[x] | fans[y]))
        x = rng.choice([i for i in safe if len(fans[i]) >= 2])
        y = rng.choice(sorted(set(safe) & set().union(*(likes[p] for p in fans[x])) - {x}))
        questions.append((NOT_FORMS[number % 3].format(x=x, y=y), fans[x] - fans[y]))
    return [(text, answer) for text, answer in questions if answer]


def test_compositional_questions_on_limit_small(limit_small) -> None:
    questions = _questions(limit_small.corpus, random.Random(7))
    agent = AgentRetriever(tools=["bm25"])
    agent.index(corpus=limit_small.corpus)
    run = agent.search(queries=[Query(id=str(i), text=text) for i, (text, _) in enumerate(questions)], k=10)
    exact = sum(set(list(run[str(i)])[: len(answer)]) == answer for i, (_, answer) in enumerate(questions))
    assert len(questions) >= 30
    assert exact == len(questions), [(t, a, list(run[str(i)])[:4]) for i, (t, a) in enumerate(questions)]
    assert agent.cost.mean()["docs_read"] <= 12
