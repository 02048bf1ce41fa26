"""Pluggable policies for the agentic retriever and how a name resolves to one.

``policy`` may be ``"heuristic"`` (the offline default), ``"llm"`` (an
OpenAI-compatible model), ``"package.module:Class"`` (any class following
:class:`Policy`, created with ``policy_options``), or a policy object.
"""

from __future__ import annotations

import importlib
from typing import Any, Mapping

from limitbench.retrievers.errors import ConfigError

from .base import Policy
from .heuristic import HeuristicPolicy, judge_document, retrieval_texts

__all__ = ["Policy", "HeuristicPolicy", "LLMPolicy", "resolve_policy", "judge_document", "retrieval_texts"]


def __getattr__(name: str) -> Any:
    # the LLM policy imports openai; load it only when asked for
    if name == "LLMPolicy":
        from .llm import LLMPolicy

        return LLMPolicy
    raise AttributeError(name)


def resolve_policy(policy: Any, *, options: Mapping[str, Any] | None = None, llm: Mapping[str, Any] | None = None) -> Policy:
    """A policy object from a name, an import path or an object."""
    options = dict(options or {})
    if not isinstance(policy, str):
        if options:
            raise ConfigError("agent: 'policy_options' apply only when 'policy' is a name")
        chosen = policy
    elif policy == "heuristic":
        chosen = _create(HeuristicPolicy, options, "heuristic")
    elif policy == "llm":
        from .llm import LLMPolicy

        chosen = _create(LLMPolicy, {**options, "llm": dict(llm or {})}, "llm")
    elif ":" in policy:
        chosen = _create(_import(policy), options, policy)
    else:
        raise ConfigError(f"agent: unknown policy {policy!r} (use heuristic, llm or package.module:Class)")
    if not isinstance(chosen, Policy):
        raise ConfigError(f"agent: policy {type(chosen).__name__} lacks name/analyse/judge/decide (see limitbench.agents.Policy)")
    return chosen


def _import(path: str) -> Any:
    module_name, _, attribute = path.partition(":")
    try:
        return getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as error:
        raise ConfigError(f"agent: cannot load policy {path!r} ({error})") from None


def _create(factory: Any, options: dict[str, Any], shown_as: str) -> Any:
    try:
        return factory(**options)
    except TypeError as error:
        raise ConfigError(f"agent: policy {shown_as!r}: {error}") from None
