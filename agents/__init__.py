"""Agentic retrieval: an iterative retriever on LangGraph with pluggable policies.

``AgentRetriever`` implements the common retriever interface (registry name
``agent``); a policy (:class:`Policy`) decides what to retrieve and when to stop, and a
judge (:class:`Judge`) reads what was retrieved. Built in: :class:`HeuristicPolicy`
(offline default) and :class:`LLMPolicy` (any OpenAI-compatible endpoint); judges
``reader`` (default), ``embedding``, ``llm`` and ``simulated`` (an oracle).
"""

from __future__ import annotations

from typing import Any

from .budget import Budget, Meter
from .expressions import And, Not, Or, Term
from .judges import JUDGES, Judge, resolve_judge
from .policies import POLICIES, HeuristicPolicy, Policy, resolve_policy
from .query_parsing import ParsedQuery, parse_query
from .retriever import AgentRetriever
from .state import Action, AgentView, Judgment, Plan, SubQuery, ToolInfo

__all__ = [
    "AgentRetriever",
    "Policy",
    "HeuristicPolicy",
    "LLMPolicy",
    "resolve_policy",
    "POLICIES",
    "Judge",
    "JUDGES",
    "resolve_judge",
    "Plan",
    "SubQuery",
    "Action",
    "Judgment",
    "AgentView",
    "ToolInfo",
    "Budget",
    "Meter",
    "parse_query",
    "ParsedQuery",
    "Term",
    "And",
    "Or",
    "Not",
]


def __getattr__(name: str) -> Any:
    if name == "LLMPolicy":  # imports openai only when used
        from .policies.llm import LLMPolicy

        return LLMPolicy
    raise AttributeError(name)
