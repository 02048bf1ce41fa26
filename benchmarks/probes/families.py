"""Number families: lists of number strings in a known order.

The built-in families follow Jina AI's study "Can Embedding/Reranker Models Compare
Numbers?" (Han Xiao, 2024): small integers, negatives, steps of 1000, an offset
range, huge numbers, floats, currency, consecutive dates and consecutive times.

A user family is a :class:`FamilySpec` (YAML, validated by pydantic): either an
explicit ``items`` list, or ``start``/``step``/``count``/``format`` with a ``kind``:

* ``number`` — item i is ``start + i * step`` written with the Python format string
  ``format`` (e.g. ``"{value}"``, ``"${value:,}"``, ``"{value:.3f}"``);
* ``date`` — ``start`` is an ISO date, ``step`` a number of days, ``format`` a
  ``strftime`` pattern (default ``%Y-%m-%d``);
* ``time`` — ``start`` is ``HH:MM[:SS]``, ``step`` a number of minutes, ``format``
  a ``strftime`` pattern (default ``%H:%M``).

Every family has a *zero* item for the "similarity to zero" plot: ``zero`` if
given, else value 0 in the family's format for numbers ("0", "$0") and the first
item for dates and times.

Family names resolve through :data:`FAMILIES`, the common plug-in
:class:`~limitbench.retrievers.plugins.Registry`: the built-ins below, factories
announced in the ``limitbench.probe_families`` entry-point group, or
``package.module:function`` — a callable with no arguments returning a :class:`Family`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PositiveInt, model_validator

from limitbench.retrievers.plugins import Registry

__all__ = [
    "FAMILIES",
    "Family",
    "FamilySpec",
    "BUILTIN_SPECS",
    "builtin_families",
    "builtin_family",
    "BUILTIN_NAMES",
]


@dataclass(frozen=True)
class Family:
    """Items in their true order (index i is the i-th smallest) and the zero item."""

    name: str
    items: tuple[str, ...]
    zero: str
    description: str = ""

    def __post_init__(self) -> None:
        if len(self.items) < 3:
            raise ValueError(f"family {self.name!r}: needs at least 3 items, got {len(self.items)}")
        if len(set(self.items)) != len(self.items):
            raise ValueError(f"family {self.name!r}: items must be distinct")


class FamilySpec(BaseModel):
    """A family in a YAML config: ``items`` or ``start``/``step``/``count``/``format``."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    kind: Literal["number", "date", "time"] = "number"
    items: list[str] | None = None
    start: float | int | str | None = None
    step: float | int | None = None
    count: PositiveInt | None = None
    format: str | None = None
    zero: str | None = None
    description: str = ""

    @model_validator(mode="after")
    def _one_way(self) -> "FamilySpec":
        generated = [self.start, self.step, self.count]
        if self.items is not None:
            if any(v is not None for v in generated):
                raise ValueError("give either 'items' or 'start'/'step'/'count', not both")
            if len(self.items) < 3:
                raise ValueError("'items' needs at least 3 entries")
            return self
        missing = [name for name, value in zip(("start", "step", "count"), generated) if value is None]
        if missing:
            raise ValueError(f"missing {', '.join(repr(m) for m in missing)} (or give 'items')")
        if self.count < 3:
            raise ValueError("'count' must be at least 3")
        self.build()  # a format or start that does not parse fails here, naming the field
        return self

    def build(self) -> Family:
        if self.items is not None:
            return Family(self.name, tuple(self.items), self.zero or self.items[0], self.description)
        items = tuple(_generate(self.kind, self.start, self.step, self.count, self.format))
        zero = self.zero if self.zero is not None else _zero(self.kind, self.format, items)
        return Family(self.name, items, zero, self.description)


def _number_format(fmt: str | None) -> str:
    return fmt or "{value}"


def _format_number(fmt: str, value: float | int) -> str:
    try:
        return fmt.format(value=value)
    except (KeyError, IndexError, ValueError) as error:
        raise ValueError(f"'format' {fmt!r} cannot write {value!r} ({error}); use a Python format such as '{{value:,}}'") from None


def _as_number(value: float | int | str, field: str) -> float | int:
    if isinstance(value, (int, float)):
        return value
    try:
        return int(value)
    except ValueError:
        try:
            return float(value)
        except ValueError:
            raise ValueError(f"'{field}' {value!r} is not a number") from None


def _generate(kind: str, start, step, count: int, fmt: str | None) -> list[str]:
    if kind == "number":
        first, delta = _as_number(start, "start"), _as_number(step, "step")
        if delta == 0:
            raise ValueError("'step' must not be 0")
        exact = isinstance(first, int) and isinstance(delta, int)
        # round away float noise (0.001 * 3 is 0.0030000000000000005)
        values = [first + i * delta if exact else round(first + i * delta, 12) for i in range(count)]
        return [_format_number(_number_format(fmt), v) for v in values]
    if kind == "date":
        try:
            day = dt.date.fromisoformat(str(start))
        except ValueError:
            raise ValueError(f"'start' {start!r} is not an ISO date (YYYY-MM-DD)") from None
        moment = dt.datetime.combine(day, dt.time())
        unit = dt.timedelta(days=1)
        pattern = fmt or "%Y-%m-%d"
    else:
        try:
            clock = dt.time.fromisoformat(str(start))
        except ValueError:
            raise ValueError(f"'start' {start!r} is not a time (HH:MM or HH:MM:SS)") from None
        moment = dt.datetime.combine(dt.date(2000, 1, 1), clock)
        unit = dt.timedelta(minutes=1)
        pattern = fmt or "%H:%M"
    if float(step) <= 0:
        raise ValueError("'step' must be positive for dates and times")
    return [(moment + unit * (float(step) * i)).strftime(pattern) for i in range(count)]


def _zero(kind: str, fmt: str | None, items: tuple[str, ...]) -> str:
    if kind == "number":
        return _format_number(_number_format(fmt), 0)
    return items[0]


BUILTIN_SPECS: tuple[FamilySpec, ...] = (
    FamilySpec(name="integers", start=1, step=1, count=100, description="1, 2, ..., 100"),
    FamilySpec(name="negatives", start=-1, step=-1, count=100, description="-1, -2, ..., -100"),
    FamilySpec(name="thousands", start=1000, step=1000, count=100, description="1000, 2000, ..., 100000"),
    FamilySpec(name="offset", start=376, step=1, count=101, description="376, 377, ..., 476"),
    FamilySpec(name="huge", start=4294967296, step=1, count=100, description="4294967296 + i"),
    FamilySpec(name="floats", start=0.001, step=0.001, count=100, format="{value:g}", description="i/1000: 0.001 ... 0.1"),
    FamilySpec(name="currency", start=1, step=1, count=100, format="${value}", description="$1, $2, ..., $100"),
    FamilySpec(name="dates", kind="date", start="2024-07-24", step=1, count=100, description="100 consecutive days from 2024-07-24"),
    FamilySpec(name="times", kind="time", start="19:00", step=1, count=100, description="100 consecutive minutes from 19:00"),
)
BUILTIN_NAMES = tuple(spec.name for spec in BUILTIN_SPECS)


def builtin_families() -> list[Family]:
    return [spec.build() for spec in BUILTIN_SPECS]


FAMILIES: Registry[Family] = Registry("probe family", protocol=Family, group="limitbench.probe_families")
for _spec in BUILTIN_SPECS:
    FAMILIES.register(_spec.name)(_spec.build)


def builtin_family(name: str) -> Family:
    if name not in BUILTIN_NAMES:
        raise KeyError(name)
    return FAMILIES.create(name)
