"""People with numeric facts, and the documents that state them in varied surface forms.

Each person has an age, a birth date (consistent with the age on
:data:`REFERENCE_DATE`), a yearly salary in US dollars, a height, a best marathon
time and the version of an app they use. A document states a random subset of
these facts (at least :data:`MIN_FACTS`), each in one of several wordings:
"$55,300", "55.3k dollars", "fifty-five thousand dollars"; "1.85 m" or "185 cm";
"3:12:45" or "3 hours, 12 minutes and 45 seconds"; "version 9.11" or "v9.11".
A fact that is not stated does not exist for the benchmark (qrels only use
stated facts).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from num2words import num2words

__all__ = [
    "ATTRIBUTES",
    "APP_NAME",
    "REFERENCE_DATE",
    "MIN_FACTS",
    "Person",
    "sample_people",
    "render_document",
    "money_words",
    "number_words",
]

ATTRIBUTES = ("age", "birth_date", "salary", "height", "marathon", "version")
APP_NAME = "Orbitly"
REFERENCE_DATE = dt.date(2025, 1, 1)
MIN_FACTS = 2
_FIRST_BIRTH, _LAST_BIRTH = dt.date(1940, 1, 1), dt.date(2006, 12, 31)


@dataclass(frozen=True)
class Person:
    name: str
    birth_date: dt.date
    salary: int  # US dollars per year
    height_cm: int
    marathon_s: int  # best marathon time in seconds
    version: tuple[int, ...]  # app version, e.g. (9, 11) or (9, 11, 2)
    stated: frozenset[str] = field(default_factory=frozenset)

    @property
    def age(self) -> int:
        born, ref = self.birth_date, REFERENCE_DATE
        return ref.year - born.year - ((ref.month, ref.day) < (born.month, born.day))

    @property
    def given_name(self) -> str:
        return self.name.split()[0]

    def value(self, attribute: str):
        return {
            "age": self.age,
            "birth_date": self.birth_date,
            "salary": self.salary,
            "height": self.height_cm,
            "marathon": self.marathon_s,
            "version": self.version,
        }[attribute]


def sample_people(names: list[str], rng: random.Random, *, stated_share: float = 0.6) -> list[Person]:
    """One person per name with random facts; each fact stated with ``stated_share``."""
    people = []
    span = (_LAST_BIRTH - _FIRST_BIRTH).days
    for name in names:
        stated = {a for a in ATTRIBUTES if rng.random() < stated_share}
        while len(stated) < MIN_FACTS:
            stated.add(rng.choice(ATTRIBUTES))
        patch = (rng.randrange(10),) if rng.random() < 0.3 else ()
        people.append(
            Person(
                name=name,
                birth_date=_FIRST_BIRTH + dt.timedelta(days=rng.randrange(span + 1)),
                salary=int(round(min(400_000, max(18_000, rng.lognormvariate(11.0, 0.45))), -2)),
                height_cm=int(round(min(210, max(145, rng.gauss(172, 10))))),
                marathon_s=rng.randrange(2 * 3600 + 5 * 60, 6 * 3600 + 30 * 60),
                version=(rng.randrange(1, 15), rng.randrange(0, 20), *patch),
                stated=frozenset(stated),
            )
        )
    return people


def number_words(value: int) -> str:
    """42 -> "forty-two" (num2words), without the commas it puts in long numbers."""
    return num2words(value).replace(",", "")


def money_words(dollars: int) -> str:
    return f"{number_words(dollars)} dollars"


def _money(dollars: int, rng: random.Random) -> str:
    forms = [f"${dollars:,}", f"{dollars:,} dollars", f"USD {dollars:,}"]
    if dollars % 100 == 0:
        forms.append(f"{dollars / 1000:g}k dollars")
        forms.append(f"${dollars / 1000:g}k")
    if dollars % 1000 == 0:
        forms.append(money_words(dollars))
    return rng.choice(forms)


def _date(day: dt.date, rng: random.Random) -> str:
    month = day.strftime("%B")
    return rng.choice(
        [f"{day.day} {month} {day.year}", f"{month} {day.day}, {day.year}", day.isoformat(),
         f"the {num2words(day.day, to='ordinal_num')} of {month} {day.year}"]
    )


def _duration(seconds: int, rng: random.Random) -> str:
    h, m, s = seconds // 3600, seconds % 3600 // 60, seconds % 60
    spelled = f"{h} hour{'s' * (h != 1)}, {m} minute{'s' * (m != 1)} and {s} second{'s' * (s != 1)}"
    return rng.choice([f"{h}:{m:02d}:{s:02d}", spelled])


def _height(cm: int, rng: random.Random) -> str:
    return rng.choice([f"{cm} cm", f"{cm / 100:.2f} m", f"{cm} centimetres", f"{cm / 100:.2f} metres"])


def _version(version: tuple[int, ...]) -> str:
    return ".".join(str(part) for part in version)


def _sentences(person: Person, rng: random.Random) -> dict[str, str]:
    who = person.given_name
    age = person.age
    age_text = rng.choice([f"{who} is {age} years old", f"{who} is {number_words(age)} years old", f"{who} is a {age}-year-old",
                           f"{who}, aged {age}, is one of our members"])
    version = _version(person.version)
    return {
        "age": age_text,
        "birth_date": rng.choice([f"{who} was born on {_date(person.birth_date, rng)}", f"{who} was born {_date(person.birth_date, rng)}"]),
        "salary": rng.choice([f"{who} earns {_money(person.salary, rng)} a year", f"{who} has an annual salary of {_money(person.salary, rng)}",
                              f"{who} makes {_money(person.salary, rng)} per year"]),
        "height": rng.choice([f"{who} is {_height(person.height_cm, rng)} tall", f"{who} stands {_height(person.height_cm, rng)} tall",
                              f"{who} has a height of {_height(person.height_cm, rng)}"]),
        "marathon": rng.choice([f"{who} ran a marathon in {_duration(person.marathon_s, rng)}",
                                f"{who}'s best marathon time is {_duration(person.marathon_s, rng)}",
                                f"{who} finished a marathon in {_duration(person.marathon_s, rng)}"]),
        "version": rng.choice([f"{who} uses version {version} of {APP_NAME}", f"{who} is on {APP_NAME} v{version}",
                               f"{who} runs {APP_NAME} version {version}"]),
    }


def render_document(person: Person, rng: random.Random) -> str:
    """The document text: the person's stated facts, one sentence each, in random order."""
    sentences = _sentences(person, rng)
    order = [a for a in ATTRIBUTES if a in person.stated]
    rng.shuffle(order)
    body = ". ".join(sentences[a] for a in order) + "."
    return f"{person.name}. {body}"
