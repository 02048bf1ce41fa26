"""Judges: plug-ins that read documents and say whether each answers the plan.

=============== ===============================================================================
name            what
=============== ===============================================================================
``reader``      the offline default: reads ordinary English (:mod:`.reader`)
``embedding``   the bundled sentence model's phrase-to-sentence similarity, fitted threshold
``llm``         a language model behind an OpenAI-compatible endpoint
``simulated``   an oracle: the qrels with seeded false-positive/negative rates (labelled so)
=============== ===============================================================================

Policies choose one by name (``judge: reader``, ``judge_options: {...}``); any class
following :class:`Judge` can be named as ``package.module:Class`` or registered with
``JUDGES.register("name")`` or the ``limitbench.judges`` entry-point group.
"""

from __future__ import annotations

from typing import Any, Mapping

from limitbench.retrievers.plugins import Registry

from .base import CONSTRAINTS, Judge, TermVerdict, judge_terms

__all__ = ["Judge", "JUDGES", "resolve_judge", "CONSTRAINTS", "TermVerdict", "judge_terms"]

JUDGES: Registry[Judge] = Registry(
    "judge",
    protocol=Judge,
    builtins={
        "reader": "limitbench.agents.judges.reader:ReaderJudge",
        "embedding": "limitbench.agents.judges.embedding:EmbeddingJudge",
        "llm": "limitbench.agents.judges.llm:LLMJudge",
        "simulated": "limitbench.agents.judges.simulated:SimulatedJudge",
    },
)


def resolve_judge(judge: Any, *, options: Mapping[str, Any] | None = None) -> Judge:
    """A judge from a name or an object (options only with a name)."""
    if isinstance(judge, str):
        return JUDGES.create(judge, **dict(options or {}))
    JUDGES.check_instance(judge, name=type(judge).__name__)
    return judge
