"""People, as CVs, staff pages and short bios describe them.

Every person states a birth date (at day, month or year precision) and an age, both
true as of :func:`surface.today`; some state a salary, a height, years of experience.
Distractors: graduation and hiring years, company founding years, phone numbers,
team sizes, budgets, counts.
"""

from __future__ import annotations

import math
import random
from datetime import date

from . import surface
from .names import NameBook
from .records import Record, Sentence, compose, fill, pick
from .semantics import Fact

__all__ = ["build_person"]

OCCUPATIONS = [
    "software engineer", "nurse", "architect", "data analyst", "chef", "civil engineer", "high-school teacher",
    "graphic designer", "accountant", "physiotherapist", "pilot", "marine biologist", "product manager", "lawyer",
    "electrician", "journalist", "pharmacist", "UX researcher", "veterinarian", "sales director", "translator",
    "carpenter", "financial advisor", "film editor", "research chemist", "schoolteacher", "basketball coach",
]
JUNIOR_OCCUPATIONS = ["nursing student", "apprentice electrician", "junior designer", "barista", "trainee accountant",
                      "computer science student", "junior developer", "sales assistant"]
FIELDS = ["logistics", "healthcare", "fintech", "construction", "publishing", "hospitality", "energy", "retail", "aviation",
          "public sector", "biotech", "education"]


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def _age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _birth(rng: random.Random, born: date, ctx: dict) -> tuple[Sentence, Fact, str]:
    """The birth statement; the third value is a parenthesis for the intro ("(b. 1966)") or ""."""
    precision = rng.choices(["day", "month", "year"], weights=[40, 20, 40])[0]
    text, unit, (low, high) = surface.date_text(rng, born.year, born.month, born.day, precision)
    fact = Fact("born", low, high, unit, text)
    if precision == "year" and rng.random() < 0.5:
        paren = pick(rng, [f"(b. {born.year})", f"(born {born.year})", f"(b.{born.year})"])
        return Sentence("", "Born", text), Fact("born", low, high, unit, paren), paren
    templates = {
        "day": ["Born {d}.", "Date of birth: {d}.", "DOB: {d}.", "{S} was born on {d}.", "{S} was born on {d} in {city}."],
        "month": ["Born in {d}.", "{S} was born in {d} in {city}.", "{S} was born in {d}.", "Born {d}, {city}."],
        "year": ["Born in {d}.", "{S} was born in {d}.", "Born {d} in {city}.", "Year of birth: {d}.", "{S}, born {d}, grew up in {city}."],
    }
    prose = fill(pick(rng, templates[precision]), S=pick(rng, ctx["subjects"]), d=text, city=ctx["city"])
    return Sentence(prose, pick(rng, ["Born", "Date of birth"]), text), fact, ""


def _age(rng: random.Random, years: int, ctx: dict) -> tuple[Sentence, Fact]:
    who = pick(rng, ctx["subjects"])
    if rng.random() < 0.15:  # "is fifty-eight": told in prose only, never as a sheet entry
        shown = surface.words(years)
        return Sentence(f"{who} is {shown}."), Fact("age", float(years), float(years), "years", shown)
    templates = [
        f"{who} is {years} years old.", f"Age: {years}.", f"{years} y/o.",
        f"Currently {years} yrs old.", f"The {years}-year-old lives in {ctx['city']}.",
        f"{who} is {years} y/o.", f"{who}, now {years}, lives in {ctx['city']}.", f"{who} is {years} yrs old.",
    ]
    return Sentence(fill(pick(rng, templates)), "Age", str(years)), Fact("age", float(years), float(years), "years", str(years))


def _salary(rng: random.Random, ctx: dict) -> tuple[Sentence, Fact]:
    # log-normal pay (median $58k, juniors $34k): six figures is the exception, not the rule
    annual = min(420000.0, max(21000.0, rng.lognormvariate(math.log(34000 if ctx["junior"] else 58000), 0.5)))
    if rng.random() < 0.3:
        text, unit, annual = surface.salary(rng, float(round(annual / 1200) * 100), "month")
    else:
        text, unit, annual = surface.salary(rng, float(round(annual, -rng.choice([2, 3, 3]))), "year")
    who = pick(rng, ctx["subjects"])
    templates = ["{S} currently earns {v}.", "Current salary: {v}.", "{S} makes {v}.", "{S} is paid {v}.",
                 "Compensation: {v}.", "{S} is on {v} at present.", "Pay: {v} (current role)."]
    prose = fill(pick(rng, templates), S=who, v=text)
    return Sentence(prose, "Current salary", text), Fact("salary", annual, annual, unit, text)


def _height(rng: random.Random, ctx: dict) -> tuple[Sentence, Fact]:
    centimetres = int(round(rng.gauss(174, 10)))
    text, unit, canonical = surface.height(rng, centimetres)
    who = pick(rng, ctx["subjects"])
    prose = fill(pick(rng, ["{S} stands {v} tall.", "Height: {v}.", "{S} is {v} tall.", "At {v}, {s} is hard to miss."]),
                 S=who, s=who, v=text)
    return Sentence(prose, "Height", text), Fact("height", canonical, canonical, unit, text)


def _experience(rng: random.Random, years: int, ctx: dict) -> tuple[Sentence, Fact]:
    who = pick(rng, ctx["subjects"])
    role = _a(ctx["occupation"].removeprefix("retired "))
    fact = Fact("experience", float(years), float(years), "years", str(years))
    if rng.random() < 0.2:
        shown = surface.words(years)
        prose = f"With {shown} years as {role}, {who} knows the trade."
        return Sentence(prose), Fact("experience", float(years), float(years), "years", shown)
    field = pick(rng, FIELDS)
    templates = [
        f"{years} years of experience in {field}.", f"{who} brings {years} years of experience.", f"Experience: {years} yrs.",
        f"{who} has worked in {field} for {years} years.", f"{years} years' experience as {role}.",
    ]
    return Sentence(fill(pick(rng, templates)), "Experience", f"{years} years"), fact


def _distractors(rng: random.Random, born: date, ctx: dict) -> list[str]:
    now = surface.today().year
    age = now - born.year
    grad = born.year + rng.randint(21, 26)
    joined = rng.randint(min(now, born.year + 20), min(now, born.year + 60))
    options = [
        pick(rng, [f"Joined {ctx['company']} in {joined}.", f"{ctx['company']} (founded {rng.randint(1900, 2018)}) hired {ctx['first']} in {joined}."]),
        f"Phone: +1 {rng.randint(200, 989)} 555 {rng.randint(1000, 9999)}.", f"Speaks {surface.words(rng.randint(2, 5))} languages.",
        f"Has completed {rng.randint(2, 30)} marathons.", f"Email: {ctx['first'].lower()}{rng.randint(10, 99)}@example.org.",
    ]
    if grad < now:
        options += [pick(rng, [f"Graduated from {ctx['school']} in {grad}.", f"MSc, {ctx['school']}, {grad}."]),
                    f"Has published {rng.randint(2, 60)} papers.", f"Holds {rng.randint(1, 12)} patents."]
    if not ctx["retired"]:
        options += [f"Leads a team of {rng.randint(3, 40)}." if age > 28 else f"Works in a team of {rng.randint(3, 12)}.",
                    f"Employee ID {rng.randint(10000, 99999)}.", f"Certified since {rng.randint(max(born.year + 19, 1990), now)}."]
        if age > 30:
            options.append(f"Manages a ${rng.randint(2, 90) / 10:.1f}M annual budget.")
    return rng.sample(options, k=rng.randint(2, 4))


def build_person(rng: random.Random, names: NameBook, schools: list[str], companies: list[str], cities: list[str]) -> Record:
    name = names.person()
    first, last = name.split(" ", 1)
    today = surface.today()
    born = date(rng.randint(1936, 2005), rng.randint(1, 12), rng.randint(1, 28))
    years_old = _age_on(born, today)
    retired = years_old >= 68
    if retired:
        occupation = "retired " + pick(rng, OCCUPATIONS)
    elif years_old < 24:
        occupation = pick(rng, JUNIOR_OCCUPATIONS)
    else:
        occupation = pick(rng, OCCUPATIONS)
    ctx = {
        "subjects": [first, last, name, first], "city": pick(rng, cities), "school": pick(rng, schools),
        "company": pick(rng, companies), "first": first, "occupation": occupation,
        "retired": retired, "junior": years_old < 24,
    }
    record = Record("person", "person", name)
    birth_sentence, birth_fact, paren = _birth(rng, born, ctx)
    age_sentence, age_fact = _age(rng, years_old, ctx)
    record.facts["born"], record.facts["age"] = birth_fact, age_fact
    sentences = [age_sentence]
    if not paren:
        sentences.append(birth_sentence)
    optional = []
    if not retired and rng.random() < 0.75:
        optional.append(_salary(rng, ctx))
    if rng.random() < 0.45:
        optional.append(_height(rng, ctx))
    if years_old >= 23 and rng.random() < 0.7:
        optional.append(_experience(rng, rng.randint(1, min(45, years_old - 20)), ctx))
    for sentence, fact in optional:
        record.facts[fact.attribute] = fact
        sentences.append(sentence)
    where = ctx["city"]
    a = "an" if occupation[0] in "aeiou" else "a"
    intro = pick(rng, [
        f"{name} {paren} is {a} {occupation} based in {where}.", f"{name} {paren} — {occupation}, {where}.",
        f"{name} {paren} works as {a} {occupation} in {where}.", f"Profile: {name} {paren}, {occupation}.",
    ]).replace("  ", " ").replace(" ,", ",").replace(" .", ".")
    record.text = compose(rng, intro, sentences, _distractors(rng, born, ctx))
    return record
