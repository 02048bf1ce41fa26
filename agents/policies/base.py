"""The policy protocol: what a strategy for the agent must answer.

A policy is asked three questions, each with keyword-only arguments:

* ``analyse(query=, tools=, meter=) -> Plan`` — what the query asks and which texts
  to retrieve with which tools;
* ``judge(plan=, documents=, meter=) -> {doc_id: Judgment}`` — having read the
  documents, which are relevant;
* ``decide(view=, meter=) -> Action | None`` — retrieve more (which tool, text, how
  many new candidates to read) or stop (``None``).

The graph does the rest: budgets, tool calls, reading, fusion, cost and trace. A
policy records model usage and faults in ``meter`` (``meter.add(llm_calls=1, ...)``)
and may leave a line for the trace with ``meter.note(...)``.
"""

from __future__ import annotations

from typing import Mapping, Protocol, Sequence, runtime_checkable

from limitbench.retrievers.types import Document

from ..budget import Meter
from ..state import Action, AgentView, Judgment, Plan, ToolInfo

__all__ = ["Policy"]


@runtime_checkable
class Policy(Protocol):
    """A strategy for the agentic retriever (see the module docstring)."""

    name: str

    def analyse(self, *, query: str, tools: Sequence[ToolInfo], meter: Meter) -> Plan: ...

    def judge(self, *, plan: Plan, documents: Sequence[Document], meter: Meter) -> Mapping[str, Judgment]: ...

    def decide(self, *, view: AgentView, meter: Meter) -> Action | None: ...
