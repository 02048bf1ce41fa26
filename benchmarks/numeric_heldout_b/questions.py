"""What the queries of each domain ask: their scopes, their asks and their idioms.

A *scope* is the categories a query names ("remote engineering jobs": field and
arrangement) with the noun phrases that name them; an *ask* is an attribute the query
bounds (:mod:`.asks`); an *idiom* is a fixed condition phrased as people do ("paying six
figures" is a salary of at least $100,000 a year, "entry-level" needs no experience,
"studios" have no bedroom).
"""

from __future__ import annotations

from dataclasses import dataclass

from .asks import Ask, PeriodAsk, YearAsk, choose_from, money_words, rounded, unit_words
from .constraints import Constraint
from .relevance import Condition
from .wording import plain

__all__ = ["CARS", "DOMAINS", "Domain", "HOMES", "JOBS"]


@dataclass(frozen=True)
class Domain:
    name: str
    scopes: tuple[tuple[dict[str, str], tuple[str, ...]], ...]
    asks: tuple[Ask | YearAsk | PeriodAsk, ...]
    idioms: tuple[Condition, ...]


def _bounded(attribute: str, unit: str, nice, words, *, over, at_least, under, at_most, between=()) -> Ask:
    templates = {op: phrases for op, phrases in ((">", over), (">=", at_least), ("<", under), ("<=", at_most),
                                                 ("between", between)) if phrases}
    return Ask(attribute, unit, nice, words, templates)


def _thousands(*units: str):
    """Whole thousands as "60,000 miles" or "60k miles"."""
    spelled = unit_words(*units)

    def words(value: float, rng) -> str:
        if value >= 1000 and value % 1000 == 0 and rng.random() < 0.4:
            return f"{int(value // 1000)}k{rng.choice(units)}"
        return spelled(value, rng)

    return words


def _acres(value: float, rng) -> str:
    idioms = {0.25: "a quarter acre", 0.5: "half an acre", 1: "an acre", 1.5: "an acre and a half"}
    if value in idioms and rng.random() < 0.5:
        return idioms[value]
    return f"{plain(value)} acre{'' if value == 1 else 's'}"


# ---- jobs ---------------------------------------------------------------------------------------

_FIELD_NOUNS = {"engineering": ("engineering", "software engineering", "tech"), "healthcare": ("healthcare", "medical"),
                "hospitality": ("hospitality",), "trades": ("skilled trades", "trades"), "office": ("office", "admin"),
                "design": ("design",), "transport": ("transport and logistics", "driving and warehouse")}
_ARRANGEMENT_NOUNS = {"remote": ("remote", "work-from-home", "fully remote"), "hybrid": ("hybrid",),
                      "on-site": ("on-site", "in-office")}


def _job_scopes() -> tuple:
    scopes: list = [({"domain": "job"}, ("jobs", "job openings", "positions", "roles"))]
    scopes += [({"domain": "job", "country": "UK"}, ("UK jobs", "jobs in the UK", "UK-based roles"))]
    scopes += [({"domain": "job", "country": "US"}, ("US jobs", "jobs in the US"))]
    for field, nouns in _FIELD_NOUNS.items():
        scopes.append(({"domain": "job", "field": field}, tuple(f"{noun} jobs" for noun in nouns)))
    for arrangement, nouns in _ARRANGEMENT_NOUNS.items():
        scopes.append(({"domain": "job", "arrangement": arrangement}, tuple(f"{noun} jobs" for noun in nouns)))
        for field, field_nouns in _FIELD_NOUNS.items():
            scopes.append(({"domain": "job", "arrangement": arrangement, "field": field},
                           (f"{nouns[0]} {field_nouns[0]} jobs", f"{field_nouns[0]} roles that are {nouns[0]}")))
    return tuple(scopes)


def _yearly(symbol: str, unit: str) -> Ask:
    return _bounded(
        "salary", unit, rounded(5000), money_words(symbol, ("", "", " a year", " per year", "/yr", " annually")),
        over=("paying over {b}", "paying more than {b}", "that pay north of {b}", "with a salary above {b}"),
        at_least=("paying at least {b}", "paying {b} or more", "that pay no less than {b}", "with pay of {b}+"),
        under=("paying under {b}", "paying less than {b}", "with a salary below {b}"),
        at_most=("paying at most {b}", "that pay no more than {b}", "paying up to {b}"),
        between=("paying between {a} and {b}", "with a salary from {a} to {b}"))


def _hourly(symbol: str, unit: str) -> Ask:
    return _bounded(
        "salary", unit, rounded(1), money_words(symbol, (" an hour", "/hr", " per hour", "/hour")),
        over=("paying over {b}", "paying more than {b}", "that pay better than {b}"),
        at_least=("paying at least {b}", "paying {b} or more"),
        under=("paying less than {b}", "paying under {b}"),
        at_most=("paying no more than {b}", "paying {b} at most"))


JOBS = Domain(
    name="job",
    scopes=_job_scopes(),
    asks=(
        _yearly("$", "USD/year"), _yearly("£", "GBP/year"), _hourly("$", "USD/hour"), _hourly("£", "GBP/hour"),
        _bounded("hours", "hours/week", choose_from((20, 25, 30, 35, 40, 45, 50)),
                 unit_words(" hours a week", " hours per week", " hrs/week", " hours weekly", spell=True),
                 over=("with more than {b}", "demanding over {b}"),
                 at_least=("with at least {b}", "offering {b} or more"),
                 under=("with under {b}", "with fewer than {b}", "needing less than {b}"),
                 at_most=("with at most {b}", "with no more than {b}", "capped at {b}")),
        _bounded("experience", "count", rounded(1, floor=2), unit_words(" years", " years'", " yrs", spell=True),
                 over=("asking for more than {b} of experience",),
                 at_least=("requiring at least {b} of experience", "asking for {b} or more of experience"),
                 under=("requiring less than {b} of experience",),
                 at_most=("requiring no more than {b} of experience", "asking for at most {b} of experience",
                          "open to candidates with only {b} of experience")),
        _bounded("team_size", "count", rounded(1, floor=3), unit_words(" people", spell=True),
                 over=("on a team of more than {b}", "with a team bigger than {b}"),
                 at_least=("on a team of at least {b}",),
                 under=("on a team smaller than {b}", "on a team of fewer than {b}"),
                 at_most=("on a team of {b} or fewer", "on a team of at most {b}")),
        PeriodAsk("start", {"<": ("starting before {b}", "with a start date before {b}"),
                            "<=": ("starting by the end of {b}", "starting no later than {b}"),
                            ">=": ("starting {b} or later", "starting from {b} onwards"),
                            "between": ("starting in {b}", "with a start date in {b}")}),
    ),
    idioms=(
        Condition(Constraint("salary", ">=", 100_000), "paying six figures", "USD/year"),
        Condition(Constraint("salary", ">=", 100_000), "with a six-figure salary", "USD/year"),
        Condition(Constraint("experience", "<=", 0), "that need no prior experience", "count"),
        Condition(Constraint("experience", "<=", 0), "^entry-level", "count"),
        Condition(Constraint("hours", "<", 30), "^part-time (under 30 hours a week)", "hours/week"),
    ),
)

# ---- homes --------------------------------------------------------------------------------------

_PRICE_WORDS = money_words("$")


def _home_scopes() -> tuple:
    return (
        ({"domain": "home"}, ("homes", "properties", "listings")),
        ({"domain": "home", "listing": "sale"}, ("homes for sale", "properties for sale")),
        ({"domain": "home", "listing": "rent"}, ("rentals", "apartments for rent", "flats to let")),
        ({"domain": "home", "kind": "house"}, ("houses", "detached houses")),
        ({"domain": "home", "kind": "townhouse"}, ("townhouses", "row houses")),
        ({"domain": "home", "kind": "condo"}, ("condos", "condominiums")),
    )


HOMES = Domain(
    name="home",
    scopes=_home_scopes(),
    asks=(
        _bounded("price", "USD", rounded(25_000), _PRICE_WORDS,
                 over=("priced over {b}", "listed above {b}", "north of {b}"),
                 at_least=("priced at {b} or more", "listed at {b}+"),
                 under=("under {b}", "for less than {b}", "^sub-{b}", "priced below {b}"),
                 at_most=("for at most {b}", "that won't set me back more than {b}", "for {b} or less",
                          "for no more than {b}"),
                 between=("priced between {a} and {b}", "in the {a} to {b} range")),
        _bounded("rent", "USD/month", rounded(100), money_words("$", (" a month", "/month", " per month", " pcm")),
                 over=("renting for more than {b}",),
                 at_least=("renting for {b} or more",),
                 under=("renting for under {b}", "with rent below {b}", "cheaper than {b}"),
                 at_most=("with rent of at most {b}", "for no more than {b}", "renting for up to {b}")),
        _bounded("area", "sqft", rounded(100), unit_words(" sq ft", " square feet", " sqft"),
                 over=("with more than {b} of living space", "bigger than {b}", "over {b}"),
                 at_least=("with at least {b} of living space", "of {b} or more"),
                 under=("smaller than {b}", "with under {b} of living space"),
                 at_most=("of at most {b}", "no bigger than {b}")),
        _bounded("area", "m2", rounded(10), unit_words(" m²", " square metres", " sqm"),
                 over=("with more than {b} of floor space", "larger than {b}"),
                 at_least=("of at least {b}", "with {b} or more of floor space"),
                 under=("under {b}", "with less than {b} of floor space"),
                 at_most=("of {b} or less", "no larger than {b}")),
        _bounded("lot", "acre", choose_from((0.1, 0.25, 0.5, 0.75, 1, 1.5, 2)),
                 _acres,
                 over=("on a lot bigger than {b}", "with more than {b}"),
                 at_least=("on at least {b}", "on a lot of {b} or more"),
                 under=("on a lot smaller than {b}", "on under {b}"),
                 at_most=("on at most {b}",)),
        _bounded("lot", "sqft", rounded(1000), unit_words(" sq ft"),
                 over=("on a lot over {b}",), at_least=("on a lot of at least {b}",),
                 under=("on a lot under {b}",), at_most=("on a lot of at most {b}",)),
        _bounded("bedrooms", "count", rounded(1, floor=2), unit_words(" bedrooms", " beds", spell=True),
                 over=("with more than {b}",), at_least=("with at least {b}", "with {b} or more"),
                 under=("with fewer than {b}",), at_most=("with at most {b}", "with no more than {b}")),
        _bounded("bedrooms", "count", rounded(1), unit_words("-bed", "-bedroom"),
                 over=(), at_least=(), under=(), at_most=(), between=("^{a}",)),
        YearAsk("year_built", {">": ("built after {b}", "newer than {b}"), ">=": ("built in {b} or later", "built since {b}"),
                               "<": ("built before {b}", "older than {b}"), "<=": ("built no later than {b}", "built in {b} or earlier"),
                               "between": ("built in the {b}", "from the {b}")}),
        _bounded("floor", "count", rounded(1), lambda v, rng: f"floor {int(v)}",
                 over=("above {b}",), at_least=("on {b} or higher",), under=("below {b}",), at_most=("on {b} or lower",)),
        PeriodAsk("available", {"<": ("available before {b}",), "<=": ("available by {b}", "ready by the end of {b}"),
                                ">=": ("available from {b} or later",), "between": ("available in {b}",)}),
    ),
    idioms=(
        Condition(Constraint("bedrooms", "between", 0, 0), "^studio", "count"),
        Condition(Constraint("floor", "between", 0, 0), "^ground-floor", "count"),
        Condition(Constraint("lot", ">=", 0.5 * 4046.8564224), "on at least half an acre", "acre"),
    ),
)

# ---- cars ---------------------------------------------------------------------------------------

CARS = Domain(
    name="car",
    scopes=(
        ({"domain": "car"}, ("cars", "used cars", "vehicles")),
        ({"domain": "car", "body": "sedan"}, ("sedans", "saloons")),
        ({"domain": "car", "body": "SUV"}, ("SUVs", "crossovers")),
        ({"domain": "car", "body": "hatchback"}, ("hatchbacks",)),
        ({"domain": "car", "body": "wagon"}, ("wagons", "estate cars")),
        ({"domain": "car", "body": "pickup"}, ("pickup trucks", "pickups")),
    ),
    asks=(
        _bounded("price", "USD", rounded(500), money_words("$"),
                 over=("priced over {b}", "costing more than {b}"), at_least=("at {b} or more",),
                 under=("under {b}", "for less than {b}", "^sub-{b}", "cheaper than {b}"),
                 at_most=("for at most {b}", "that won't set me back more than {b}", "for {b} or less"),
                 between=("between {a} and {b}",)),
        _bounded("mileage", "mi", rounded(5000), _thousands(" miles", " miles on the clock"),
                 over=("with more than {b}",), at_least=("with at least {b}",),
                 under=("with under {b}", "with less than {b}", "with fewer than {b}"),
                 at_most=("with no more than {b}", "with at most {b}")),
        _bounded("mileage", "km", rounded(10_000), _thousands(" km", " kilometres"),
                 over=("with over {b}",), at_least=(), under=("with less than {b}", "with under {b}"),
                 at_most=("with at most {b}",)),
        YearAsk("model_year", {">": ("newer than {b}", "from after {b}"), ">=": ("from {b} or newer", "{b} or later", "no older than {b}"),
                               "<": ("older than {b}", "made before {b}"), "<=": ("from {b} or earlier",),
                               "between": ("from the {b}", "made in the {b}")}),
        _bounded("engine", "L", choose_from((1.0, 1.2, 1.4, 1.5, 1.6, 2.0, 2.5, 3.0, 3.5, 5.0)),
                 lambda litres, rng: rng.choice([f"{litres:.1f}L", f"{litres:.1f}-litre", f"{litres:.1f} litre"]),
                 over=("with an engine bigger than {b}",), at_least=("with an engine of {b} or more", "with at least a {b} engine"),
                 under=("with an engine under {b}", "with an engine smaller than {b}"), at_most=("with at most a {b} engine",)),
        _bounded("fuel", "mpg", rounded(1), unit_words(" mpg", " MPG", " miles per gallon"),
                 over=("getting better than {b}",), at_least=("that get at least {b}", "doing {b} or more"),
                 under=("getting under {b}",), at_most=()),
        _bounded("fuel", "L/100km", rounded(0.5), unit_words(" L/100 km", " l/100km", " litres per 100 km"),
                 over=("using more than {b}",), at_least=(), under=("using less than {b}", "using under {b}"),
                 at_most=("using at most {b}",)),
        _bounded("warranty", "months", choose_from((6, 12, 24, 36, 48)), unit_words(" months"),
                 over=("with more than {b} of warranty",), at_least=("with at least {b} of warranty left",),
                 under=(), at_most=()),
        _bounded("warranty", "years", choose_from((2, 3, 4, 5)), unit_words(" years", spell=True),
                 over=(), at_least=("with a warranty of at least {b}", "still under warranty for {b} or more"),
                 under=(), at_most=()),
    ),
    idioms=(
        Condition(Constraint("warranty", ">=", 12), "with at least a year of warranty", "months"),
    ),
)


DOMAINS = (JOBS, HOMES, CARS)
