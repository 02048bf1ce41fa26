"""Per-query budgets and the counters they are checked against.

Budgets live in the agent's state and are checked by the graph before every
retrieval and every read, so a query stops because it spent its budget — never
because LangGraph's recursion limit fired (that limit is set well above what the
budgets allow, as a guard against a bug, not as a policy).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Mapping

from limitbench.retrievers.errors import ConfigError

__all__ = ["Budget", "COUNTERS", "Meter", "add_counters"]

# Counters every query reports (zeros included), in the order results show them.
COUNTERS = (
    "tool_calls",
    "docs_retrieved",
    "docs_read",
    "rounds",
    "llm_calls",
    "llm_tokens",
    "faults",
    "fallbacks",
    "wall_time_s",
)


@dataclass(frozen=True, slots=True)
class Budget:
    """Hard limits per query. ``max_llm_tokens`` counts prompt plus completion tokens."""

    max_rounds: int = 12
    max_docs_read: int = 40
    max_tool_calls: int = 24
    max_llm_tokens: int = 60_000

    def __post_init__(self) -> None:
        for name, value in asdict(self).items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ConfigError(f"agent option {name!r} must be a non-negative integer, got {value!r}")

    def remaining(self, spent: Mapping[str, float]) -> dict[str, int]:
        """What is left of each limit given the counters spent so far (never negative)."""
        return {
            "rounds": max(0, self.max_rounds - int(spent.get("rounds", 0))),
            "docs_read": max(0, self.max_docs_read - int(spent.get("docs_read", 0))),
            "tool_calls": max(0, self.max_tool_calls - int(spent.get("tool_calls", 0))),
            "llm_tokens": max(0, self.max_llm_tokens - int(spent.get("llm_tokens", 0))),
        }

    def exhausted(self, spent: Mapping[str, float]) -> str | None:
        """The first limit that is used up (``"docs_read"`` ...), or None."""
        for name, left in self.remaining(spent).items():
            if name != "llm_tokens" and left <= 0:
                return name
        return None

    def graph_recursion_limit(self) -> int:
        # analyse + decide + (retrieve + judge + decide) per round + rank, with slack
        return 3 * (self.max_rounds + 2) + 10


def add_counters(spent: Mapping[str, float], delta: Mapping[str, float]) -> dict[str, float]:
    """A new counter dict: ``spent + delta`` (inputs unchanged, as LangGraph state requires)."""
    total = dict(spent)
    for name, value in delta.items():
        total[name] = total.get(name, 0.0) + float(value)
    return total


class Meter:
    """What one graph step spends; a policy records LLM usage and faults into it.

    ``remaining`` is the budget left when the step began, so an LLM policy can tell
    whether it may still call the model (``meter.remaining["llm_tokens"]``).
    """

    def __init__(self, *, remaining: Mapping[str, int]) -> None:
        self.remaining = dict(remaining)
        self.spent: dict[str, float] = {}
        self.notes: list[str] = []

    def add(self, **counters: float) -> None:
        for name, value in counters.items():
            self.spent[name] = self.spent.get(name, 0.0) + float(value)

    def note(self, message: str) -> None:
        """A short line for the trace (why a fallback happened, ...); never secrets."""
        self.notes.append(message)

    def tokens_left(self) -> int:
        return int(self.remaining.get("llm_tokens", 0) - self.spent.get("llm_tokens", 0))
