"""Invented names: brands, models, people, places, operating systems.

Every name is drawn from the seeded generator, so a fresh seed gives fresh names; a
:class:`NameBook` never hands out the same name twice.
"""

from __future__ import annotations

import random

__all__ = ["NameBook"]

_ONSETS = ["b", "br", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "tr", "v", "z", "j", "w", "st", "pl"]
_VOWELS = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ia"]
_CODAS = ["", "", "", "n", "r", "s", "l", "m", "x", "k"]

_FIRST_NAMES = [
    "Ada", "Amara", "Anika", "Bea", "Bruno", "Carlos", "Chen", "Dara", "Dmitri", "Elena", "Emeka",
    "Farah", "Felix", "Greta", "Hana", "Hugo", "Ines", "Ivan", "Jonas", "Joy", "Kai", "Kamala",
    "Lars", "Leila", "Lucia", "Malik", "Marta", "Mateo", "Mei", "Nadia", "Nils", "Noor", "Olga",
    "Omar", "Paula", "Priya", "Quentin", "Rafael", "Rosa", "Ruth", "Samir", "Sofia", "Tariq",
    "Tomas", "Uma", "Vera", "Viktor", "Wen", "Yara", "Yusuf", "Zoe", "Aiko", "Bjorn", "Celine",
    "Diego", "Esther", "Frank", "Gloria", "Hiro", "Irene", "Jamal", "Katya", "Liam", "Maya",
    "Nora", "Oscar", "Pia", "Reza", "Sven", "Tess", "Ulla", "Walter", "Xenia", "Yosef", "Zainab",
]
_SURNAME_ENDINGS = ["", "", "son", "sen", "ova", "er", "ez", "ini", "ski", "dottir", "berg", "ley", "ano", "ard"]


class NameBook:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _fresh(self, make) -> str:
        for _ in range(1000):
            name = make()
            if name.lower() not in self.used:
                self.used.add(name.lower())
                return name
        raise RuntimeError("ran out of fresh names")  # not reached at the sizes we build

    def word(self, syllables: int | None = None) -> str:
        count = syllables or self.rng.choice([1, 2, 2, 2, 3])
        parts = []
        for index in range(count):
            coda = self.rng.choice(_CODAS) if index == count - 1 else self.rng.choice(["", "", "", "n", "r", "l"])
            parts.append(self.rng.choice(_ONSETS) + self.rng.choice(_VOWELS) + coda)
        return "".join(parts).capitalize()

    def brand(self) -> str:
        return self._fresh(lambda: self.word(2))

    def model(self, brand: str, suffixes: list[str]) -> str:
        """A model name that carries digits, e.g. "Lumo 4 Max" or "Veyra X70"."""
        rng = self.rng

        def make() -> str:
            shape = rng.randrange(4)
            if shape == 0:
                core = f"{self.word(1)} {rng.randint(2, 9)}"
            elif shape == 1:
                core = f"{rng.choice('XSRZAVK')}{rng.choice([rng.randint(2, 9), rng.randint(10, 99), rng.randint(1, 9) * 100])}"
            elif shape == 2:
                core = f"{self.word(2)} {rng.choice(['One', 'Air', 'Go', 'Neo', ''])}".strip()
            else:
                core = f"{self.word(1)}{rng.randint(1, 9)}{rng.choice(['0', '00', ''])}"
            suffix = rng.choice(suffixes + ["", ""])
            if suffix and suffix in core.split():
                suffix = ""  # no "Air Air"
            return f"{brand} {core} {suffix}".strip()

        return self._fresh(make)

    def person(self) -> str:
        def make() -> str:
            surname = self.word(2) + self.rng.choice(_SURNAME_ENDINGS)
            return f"{self.rng.choice(_FIRST_NAMES)} {surname.capitalize()}"

        return self._fresh(make)

    def place(self) -> str:
        endings = ["", "", "ton", "burg", "port", "field", "vale", "haven", "mouth", "stad"]
        return self._fresh(lambda: self.word(2) + self.rng.choice(endings))

    def company(self) -> str:
        kinds = ["Labs", "Systems", "GmbH", "& Co.", "Group", "Partners", "Health", "Logistics", "Studio", "Works"]
        return self._fresh(lambda: f"{self.word(2)} {self.rng.choice(kinds)}")
