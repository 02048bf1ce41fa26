"""Pluggable policies for the agentic retriever, found through one registry.

``policy`` may be ``"heuristic"`` (the offline default), ``"llm"`` (an
OpenAI-compatible model), a name registered with ``POLICIES.register`` or the
``limitbench.policies`` entry-point group, ``"package.module:Class"`` (any class
following :class:`Policy`, created with ``policy_options``), or a policy object.
"""

from __future__ import annotations

from typing import Any, Mapping

from limitbench.retrievers.errors import ConfigError
from limitbench.retrievers.plugins import Registry

from .base import Policy
from .heuristic import HeuristicPolicy

__all__ = ["Policy", "POLICIES", "HeuristicPolicy", "LLMPolicy", "resolve_policy"]

POLICIES: Registry[Policy] = Registry(
    "policy",
    protocol=Policy,
    group="limitbench.policies",
    builtins={
        "heuristic": "limitbench.agents.policies.heuristic:HeuristicPolicy",
        "llm": "limitbench.agents.policies.llm:LLMPolicy",
    },
)


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
        POLICIES.check_instance(policy, name=type(policy).__name__)
        return policy
    if policy == "llm":
        options = {**options, "llm": dict(llm or {})}
    return POLICIES.create(policy, **options)
