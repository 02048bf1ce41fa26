"""Firmware and operating-system versions, as spec sheets print them.

An ``os_version`` fact's unit is the operating system it versions ("Nexa OS"): a version
of one system says nothing about another.

Minor numbers run past 9 on purpose: 14.15 is newer than 14.6 (release order).
"""

from __future__ import annotations

import random

from .records import Attribute, Sentence, fill, pick
from .semantics import Fact, version
from .statements import subject

__all__ = ["version_attribute", "os_display"]

_MAJORS = {"phones": (11, 17), "cameras": (1, 4), "smartwatches": (3, 9)}


def os_display(rng: random.Random, os_name: str) -> str:
    """"Nexa OS" is also written "NexaOS"."""
    return pick(rng, [os_name, os_name, os_name.replace(" ", "")])


def _draw(category: str):
    low, high = _MAJORS[category]

    def draw(rng: random.Random) -> str:
        major = rng.randint(low, high)
        # two-digit minors (14.15 is newer than 14.6), but none ending in 0: "14.10" reads as 14.1 too easily
        minor = rng.choice([rng.randint(0, 9), rng.randint(0, 9), rng.choice([11, 12, 13, 14, 15, 16, 17, 18, 19])])
        if rng.random() < 0.45:
            return f"{major}.{minor}.{rng.randint(1, 9)}"
        return f"{major}.{minor}"

    return draw


def version_attribute(category: str, os_name: str | None) -> Attribute:
    if os_name is not None:
        templates = ["{S} runs {os} {v}.", "Ships with {os} {v}.", "Software: {os} {v}.", "Out of the box it is on {os} {v}.",
                     "{S} comes with {os} {v} installed.", "Operating system: {os} {v}."]
        labels = ["OS", "Software"]
    else:
        templates = ["Current firmware: {fw}.", "{S} is on {fw}.", "Runs {fw}.", "Shipping with {fw}.",
                     "Latest update: {fw}.", "{S} has been updated to {fw}."]
        labels = ["Firmware", "FW"]

    def state(rng: random.Random, value: str, ctx: dict) -> tuple[Sentence, Fact]:
        parsed = version(value)
        who = subject(rng, ctx)
        if os_name is not None:
            shown = os_display(rng, os_name)
            prose = fill(pick(rng, templates), S=who, os=shown, v=value)
            sheet_value = f"{shown} {value}"
            return Sentence(prose, pick(rng, labels), sheet_value), Fact("os_version", parsed, parsed, os_name, sheet_value)
        word = pick(rng, ["firmware", "fw", "firmware version", "software version", "FW v"])
        shown = f"FW v{value}" if word == "FW v" else f"{word} {value}"
        prose = fill(pick(rng, templates), S=who, fw=shown)
        return Sentence(prose, pick(rng, labels), value), Fact("firmware", parsed, parsed, "version", value)

    return Attribute("os_version" if os_name else "firmware", _draw(category), state)
