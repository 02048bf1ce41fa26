"""Sample the benchmark's world: products, people and events with stated facts.

Each entity states 3 to 6 attributes of its category's vocabulary
(:data:`~.facts.ATTRIBUTES`), each in a unit and at a precision chosen here — a laptop's
weight in kilograms or pounds, a release date as a day, a month, a quarter or a year, a
salary per year or per month, a rating out of 5 or out of 10 — and two to four distractor
numbers (:class:`~.facts.Distractor`). Value ranges are plausible for 2017-2026 retail,
payroll and event listings; they are this module's own choices, not measurements.

A person states age and birth date together or neither (see :mod:`.semantics`); a person
aged 68 or more is retired and states no salary.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import random
from fractions import Fraction
from typing import Callable

from .facts import ATTRIBUTES, CATEGORIES, REFERENCE_DATE, Distractor, Entity, Fact, Period, Quantity, Version
from .names import NameSource

__all__ = ["KIND_SHARES", "MIN_FACTS", "MAX_FACTS", "sample_world", "age_on"]

#: Share of documents of each kind (products, people, events).
KIND_SHARES = {"product": 0.5, "person": 0.25, "event": 0.25}
MIN_FACTS, MAX_FACTS = 3, 6
RETIREMENT_AGE = 68


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


# ----------------------------------------------------------------------------- value helpers


def _log_uniform(rng: random.Random, low: float, high: float) -> float:
    return math.exp(rng.uniform(math.log(low), math.log(high)))


def _retail_price(rng: random.Random, low: float, high: float) -> Fraction:
    """A shop price: 1,299 / 1,249 / 1,300 / 1,299.99 / 89 / 85."""
    x = _log_uniform(rng, low, high)
    step = 100 if x >= 300 else 10
    base = int(x // step) * step
    style = rng.randrange(4)
    if style == 0:
        return Fraction(base + step - 1)
    if style == 1:
        return Fraction(base + step // 2 - 1)
    if style == 2:
        return Fraction(max(step, base))
    return Fraction(base + step - 1) + Fraction(99, 100)


def _round_to(x: float, step: int) -> int:
    return max(step, int(round(x / step)) * step)


def _significant(x: float, digits: int) -> int:
    magnitude = 10 ** max(0, int(math.floor(math.log10(x))) - digits + 1)
    return _round_to(x, magnitude)


def _decimal(x: float, places: int) -> Fraction:
    return Fraction(round(x * 10**places), 10**places)


def _month_period(year: int, month: int) -> Period:
    return Period(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), "month")


def _quarter_period(year: int, quarter: int) -> Period:
    first = 3 * quarter - 2
    return Period(dt.date(year, first, 1), _month_period(year, first + 2).end, "quarter")


def _year_period(year: int) -> Period:
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _random_day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def _stated_period(rng: random.Random, first: dt.date, last: dt.date, weights: dict[str, int]) -> Period:
    """A day stated at a random precision: the period that contains it."""
    day = _random_day(rng, first, last)
    precision = rng.choices(list(weights), weights=list(weights.values()))[0]
    if precision == "day":
        return Period(day, day, "day")
    if precision == "month":
        return _month_period(day.year, day.month)
    if precision == "quarter":
        return _quarter_period(day.year, (day.month - 1) // 3 + 1)
    return _year_period(day.year)


def _version(rng: random.Random, majors: tuple[int, int], name: str | None = None) -> Version:
    parts = [rng.randint(*majors), rng.randrange(0, 21)]
    if rng.random() < 0.4:
        parts.append(rng.randrange(0, 16))
    return Version(".".join(map(str, parts)), name)


# ----------------------------------------------------------------------------- products

_PRICE = {"headphones": (39, 599), "laptop": (399, 3999), "phone": (149, 1599), "camera": (299, 4999),
          "monitor": (119, 1999), "e-bike": (799, 7999), "coffee machine": (69, 2499), "smartwatch": (99, 899)}
_BATTERY_HOURS = {"headphones": (15, 80), "laptop": (6, 24), "phone": (18, 50), "smartwatch": (18, 60)}
_BATTERY_DAYS = {"headphones": (2, 4), "phone": (1, 3), "smartwatch": (2, 14)}
_STORAGE = {"laptop": ((256, "GB"), (512, "GB"), (1, "TB"), (2, "TB"), (4, "TB")),
            "phone": ((64, "GB"), (128, "GB"), (256, "GB"), (512, "GB"), (1, "TB")),
            "smartwatch": ((8, "GB"), (16, "GB"), (32, "GB"), (64, "GB"))}
_RAM = {"laptop": (8, 16, 18, 24, 32, 36, 48, 64), "phone": (4, 6, 8, 12, 16)}
_WEIGHT_G = {"headphones": (150, 420), "phone": (135, 240), "smartwatch": (25, 70), "camera": (290, 1300),
             "laptop": (900, 3200), "monitor": (2500, 12000), "e-bike": (14000, 32000),
             "coffee machine": (2500, 14000)}
_SCREEN_IN = {"laptop": ("13.3", "13.6", "14", "14.2", "15.6", "16", "16.2", "17.3", "18"),
              "phone": ("5.4", "6.1", "6.3", "6.5", "6.7", "6.8", "6.9"),
              "monitor": ("21.5", "23.8", "24", "27", "31.5", "32", "34", "38", "42", "45", "49"),
              "camera": ("2.8", "3", "3.2", "3.5"), "smartwatch": ("1.2", "1.4", "1.6", "1.8", "1.9", "2")}
_CLOCK_GHZ = {"laptop": (1.8, 5.8), "phone": (1.8, 3.7)}
_VERSION_MAJORS = {"laptop": (10, 16), "phone": (12, 19), "headphones": (1, 9), "camera": (1, 12),
                   "monitor": (1, 6), "e-bike": (1, 8), "coffee machine": (1, 5), "smartwatch": (3, 11)}


def _price(rng, category):
    return Quantity(_retail_price(rng, *_PRICE[category]), "USD")


def _battery(rng, category):
    if category in _BATTERY_DAYS and rng.random() < 0.3:
        return Quantity(rng.randint(*_BATTERY_DAYS[category]), "day")
    return Quantity(rng.randint(*_BATTERY_HOURS[category]), "h")


def _storage(rng, category):
    amount, unit = rng.choice(_STORAGE[category])
    return Quantity(amount, unit)


def _ram(rng, category):
    return Quantity(rng.choice(_RAM[category]), "GB")


def _product_weight(rng, category):
    grams = _log_uniform(rng, *_WEIGHT_G[category])
    if grams < 1500:
        if category == "headphones" and rng.random() < 0.15:
            return Quantity(_decimal(grams / 28.349523125, 1), "oz")
        if category == "camera" and rng.random() < 0.3:
            return Quantity(_decimal(grams / 1000, 2), "kg")
        return Quantity(_round_to(grams, 1 if grams < 100 else 5), "g")
    if rng.random() < 0.3:
        return Quantity(_decimal(grams / 453.59237, 1), "lb")
    return Quantity(_decimal(grams / 1000, 1 if grams < 10000 or rng.random() < 0.5 else 0), "kg")


def _screen(rng, category):
    inches = Fraction(rng.choice(_SCREEN_IN[category]))
    if category in ("laptop", "monitor") and rng.random() < 0.15:
        return Quantity(_decimal(float(inches) * 2.54, 1), "cm")
    return Quantity(inches, "in")


def _rating(rng, category):
    if rng.random() < 0.3:
        return Quantity(_decimal(rng.triangular(5.0, 9.9, 8.2), 1), "/10")
    return Quantity(_decimal(rng.triangular(2.5, 5.0, 4.3), 1), "/5")


def _release(rng, category):
    return _stated_period(rng, dt.date(2017, 1, 1), dt.date(2025, 12, 31), {"day": 3, "month": 3, "quarter": 3, "year": 2})


def _clock(rng, category):
    ghz = rng.uniform(*_CLOCK_GHZ[category])
    if rng.random() < 0.1:
        return Quantity(_round_to(ghz * 1000, 50), "MHz")
    return Quantity(_decimal(ghz, rng.choice((1, 1, 1, 2))), "GHz")


def _software(rng, category):
    return _version(rng, _VERSION_MAJORS[category])



def _range(rng, category):
    if rng.random() < 0.3:
        return Quantity(_round_to(rng.uniform(25, 100), 5), "mi")
    return Quantity(_round_to(rng.uniform(40, 160), 5), "km")


def _tank(rng, category):
    litres = rng.uniform(0.6, 2.8)
    if rng.random() < 0.3:
        return Quantity(_round_to(litres * 1000, 50), "ml")
    return Quantity(_decimal(litres, 1), "L")


# ----------------------------------------------------------------------------- people

_SALARY_MEDIAN = {"nurse": 76_000, "software engineer": 128_000, "teacher": 61_000, "chef": 52_000,
                  "accountant": 79_000, "architect": 88_000, "electrician": 64_000, "pilot": 148_000}


def _salary(rng, category):
    yearly = rng.lognormvariate(math.log(_SALARY_MEDIAN[category]), 0.33)
    if rng.random() < 0.3:
        return Quantity(_round_to(yearly / 12, 50), "USD/month")
    return Quantity(_round_to(yearly, rng.choice((100, 500, 1000))), "USD/year")


def _height(rng, category):
    cm = min(205, max(148, rng.gauss(172, 10)))
    form = rng.randrange(4)
    if form == 0:
        return Quantity(round(cm / 2.54), "in")  # said in feet and inches
    if form == 1:
        return Quantity(_decimal(cm / 100, 2), "m")
    return Quantity(round(cm), "cm")


def _person_weight(rng, category):
    kg = min(130, max(45, rng.gauss(76, 13)))
    if rng.random() < 0.35:
        return Quantity(round(kg / 0.45359237), "lb")
    return Quantity(round(kg), "kg")


# ----------------------------------------------------------------------------- events

_TICKET = {"concert": (25, 250), "conference": (99, 1999), "festival": (39, 399), "race": (15, 180)}
_ATTENDANCE = {"concert": (300, 70_000), "conference": (150, 25_000), "festival": (1_500, 180_000),
               "race": (100, 45_000)}
_EVENT_DAYS = {"conference": (1, 5), "festival": (1, 10)}
_RACE_DISTANCES = ((5, "km"), (10, "km"), (15, "km"), (1, "half-marathon"), (30, "km"), (1, "marathon"), (50, "km"),
                   (100, "km"), (10, "mi"), (50, "mi"), (100, "mi"), (Fraction("13.1"), "mi"), (Fraction("26.2"), "mi"),
                   (Fraction("21.1"), "km"), (Fraction("42.2"), "km"))


def _ticket(rng, category):
    low, high = _TICKET[category]
    return Quantity(_round_to(_log_uniform(rng, low, high), 5 if high < 500 else 50) - rng.choice((0, 0, 1)), "USD")


def _attendance(rng, category):
    return Quantity(_significant(_log_uniform(rng, *_ATTENDANCE[category]), rng.choice((2, 3))), "people")


def _distance(rng, category):
    if rng.random() < 0.25:
        return Quantity(rng.randint(6, 80), "km")
    amount, unit = rng.choice(_RACE_DISTANCES)
    return Quantity(amount, unit)


_SAMPLERS: dict[str, Callable[[random.Random, str], object]] = {
    "price": _price, "battery_life": _battery, "storage": _storage, "ram": _ram, "screen_size": _screen,
    "rating": _rating, "release_date": _release, "clock_speed": _clock, "firmware": _software, "range": _range,
    "tank_capacity": _tank, "salary": _salary, "height": _height,
    "attendance": _attendance, "distance": _distance,
}


def _weight(rng, kind, category):
    return _person_weight(rng, category) if kind == "person" else _product_weight(rng, category)


def _chosen_attributes(rng: random.Random, category: str, required: tuple[str, ...] = (), exclude: tuple[str, ...] = ()):
    vocabulary = [a for a in ATTRIBUTES[category] if a not in exclude]
    count = min(len(vocabulary), rng.randint(MIN_FACTS, MAX_FACTS))
    chosen = list(required) + rng.sample([a for a in vocabulary if a not in required], count - len(required))
    return [a for a in ATTRIBUTES[category] if a in chosen]


# ----------------------------------------------------------------------------- distractors

_PRODUCT_DISTRACTORS: dict[str, tuple[str, ...]] = {
    "headphones": ("bluetooth", "driver_mm", "charge_minutes", "colours"),
    "laptop": ("wifi", "usb", "ports", "refresh_hz", "hdmi", "charge_minutes"),
    "phone": ("bluetooth", "megapixels", "refresh_hz", "charge_minutes", "colours", "wifi"),
    "camera": ("megapixels", "usb", "wifi", "iso_max"),
    "monitor": ("refresh_hz", "hdmi", "usb", "response_ms"),
    "e-bike": ("motor_w", "top_speed_kmh", "gears", "charge_minutes"),
    "coffee machine": ("pump_bar", "cups", "wifi"),
    "smartwatch": ("bluetooth", "water_atm", "charge_minutes", "colours"),
}
_SHOP_DISTRACTORS = ("ships_days", "warranty_years", "returns_days", "founded", "order_code", "reviews",
                     "free_shipping_over", "in_stock")
_PERSON_DISTRACTORS = ("graduated", "joined", "kids", "languages", "team_size", "marathons", "commute_km",
                       "talks", "employee_no")
_EVENT_DISTRACTORS = {
    "concert": ("venue_capacity", "doors_open", "parking_usd", "min_age", "edition", "songs"),
    "conference": ("speakers", "first_held", "edition", "parking_usd", "hall", "tracks"),
    "race": ("first_held", "edition", "aid_stations", "climb_m", "cutoff_hours", "parking_usd"),
    "festival": ("acts", "stages", "first_held", "edition", "min_age", "shuttle_minutes", "parking_usd"),
}


def _distractor_value(kind: str, rng: random.Random, entity: dict) -> object:
    year = entity.get("year_hint", 2020)
    values: dict[str, Callable[[], object]] = {
        "bluetooth": lambda: rng.choice(("5.0", "5.1", "5.2", "5.3", "5.4")),
        "wifi": lambda: rng.choice(("6", "6E", "7")),
        "usb": lambda: rng.choice(("2.0", "3.2", "4")),
        "hdmi": lambda: rng.choice(("2.0", "2.1")),
        "driver_mm": lambda: rng.choice((30, 32, 40, 45, 50)),
        "charge_minutes": lambda: rng.choice((30, 45, 60, 75, 90, 120, 150, 180)),
        "colours": lambda: rng.randint(2, 8),
        "ports": lambda: rng.randint(1, 4),
        "refresh_hz": lambda: rng.choice((60, 90, 120, 144, 165, 240)),
        "megapixels": lambda: rng.choice((12, 20, 24, 26, 33, 45, 48, 50, 61, 108, 200)),
        "iso_max": lambda: rng.choice((12800, 25600, 51200, 102400)),
        "response_ms": lambda: rng.choice((1, 2, 4, 5)),
        "motor_w": lambda: rng.choice((250, 350, 500, 750)),
        "top_speed_kmh": lambda: rng.choice((25, 32, 45)),
        "gears": lambda: rng.choice((1, 3, 5, 7, 8, 9, 10, 11, 12)),
        "pump_bar": lambda: rng.choice((9, 12, 15, 19, 20)),
        "cups": lambda: rng.choice((1, 2, 4, 10, 12)),
        "water_atm": lambda: rng.choice((3, 5, 10)),
        "ships_days": lambda: rng.randint(1, 10),
        "warranty_years": lambda: rng.randint(1, 5),
        "returns_days": lambda: rng.choice((14, 30, 60, 90, 100)),
        "founded": lambda: rng.randint(1952, 2016),
        "order_code": lambda: f"{rng.randint(10, 99)}-{rng.randint(1000, 9999)}",
        "reviews": lambda: _significant(_log_uniform(rng, 12, 40_000), 3) + rng.randrange(10),
        "free_shipping_over": lambda: rng.choice((25, 35, 49, 50, 75, 99)),
        "in_stock": lambda: rng.randint(2, 40),
        "graduated": lambda: min(2024, entity["born"].year + rng.randint(21, 27)),
        "joined": lambda: rng.randint(min(max(entity["born"].year + 20, 1975), 2024), 2024),
        "kids": lambda: rng.randint(1, 4),
        "languages": lambda: rng.randint(2, 5),
        "team_size": lambda: rng.randint(3, 40),
        "marathons": lambda: rng.randint(1, 15),
        "commute_km": lambda: rng.randint(2, 45),
        "talks": lambda: rng.randint(2, 15),
        "employee_no": lambda: rng.randint(1000, 99999),
        "venue_capacity": lambda: _significant(entity.get("attendance", 20_000) * rng.uniform(1.05, 1.8), 2),
        "doors_open": lambda: rng.choice(("6 pm", "6:30 pm", "7 pm", "7:30 pm")),
        "parking_usd": lambda: rng.choice((5, 8, 10, 12, 15, 20, 25)),
        "min_age": lambda: rng.choice((16, 18, 21)),
        "edition": lambda: rng.randint(2, 45),
        "songs": lambda: rng.randint(14, 32),
        "speakers": lambda: rng.randint(12, 320),
        "first_held": lambda: rng.randint(1960, min(2018, year - 2)),
        "hall": lambda: rng.randint(1, 9),
        "tracks": lambda: rng.randint(2, 9),
        "aid_stations": lambda: rng.randint(2, 18),
        "climb_m": lambda: rng.choice((150, 300, 450, 800, 1200, 1800, 2500)),
        "cutoff_hours": lambda: rng.choice((2, 3, 4, 6, 7, 8, 12, 24, 30)),
        "acts": lambda: rng.randint(15, 220),
        "stages": lambda: rng.randint(2, 12),
        "shuttle_minutes": lambda: rng.choice((10, 15, 20, 30)),
    }
    return values[kind]()


def _distractors(rng: random.Random, kinds: tuple[str, ...], context: dict) -> tuple[Distractor, ...]:
    chosen = rng.sample(kinds, min(len(kinds), rng.randint(2, 4)))
    return tuple(Distractor(kind, _distractor_value(kind, rng, context)) for kind in chosen)


# ----------------------------------------------------------------------------- entities


def _mentions(rng: random.Random, kind: str, category: str) -> tuple[str, ...]:
    """Other categories a document names in passing, so category words alone do not decide.

    Products name other products; people and events name any category."""
    kinds = ("product",) if kind == "product" else tuple(CATEGORIES)
    pool = [c for k in kinds for c in CATEGORIES[k] if c != category and (k == kind or rng.random() < 0.3)]
    return tuple(rng.sample(pool, rng.choice((0, 1, 1, 2))))


def _product(rng: random.Random, category: str, names: NameSource, brands: list[str], os_names: dict[str, str],
             taken: set[str]) -> Entity:
    while True:
        brand, model = rng.choice(brands), names.model()
        if f"{brand} {model}" not in taken:
            taken.add(f"{brand} {model}")
            break
    facts = []
    for attribute in _chosen_attributes(rng, category):
        if attribute == "weight":
            value = _weight(rng, "product", category)
        elif attribute == "os_version":
            value = _version(rng, _VERSION_MAJORS[category], os_names[category])
        else:
            value = _SAMPLERS[attribute](rng, category)
        facts.append(Fact(attribute, value))
    kinds = _PRODUCT_DISTRACTORS[category] + _SHOP_DISTRACTORS
    details = {"brand": brand, "model": model, "mentions": _mentions(rng, "product", category)}
    if category in os_names:
        details["os"] = os_names[category]
    return Entity("product", category, f"{brand} {model}", tuple(facts), _distractors(rng, kinds, {}), details)


def _person(rng: random.Random, category: str, names: NameSource, places: list[str]) -> Entity:
    born = _random_day(rng, dt.date(1936, 1, 2), dt.date(2005, 12, 31))  # 19 or older
    age = age_on(born, REFERENCE_DATE)
    retired = age >= RETIREMENT_AGE
    attributes = _chosen_attributes(rng, category, exclude=("salary",) if retired else ())
    if ("age" in attributes) != ("birth_date" in attributes):  # both or neither
        attributes = [a for a in attributes if a not in ("age", "birth_date")]
        if len(attributes) < MIN_FACTS:
            attributes = ["age", "birth_date", *attributes]
    facts = []
    for attribute in attributes:
        if attribute == "age":
            value = Quantity(age, "year")
        elif attribute == "birth_date":
            precision = rng.choices(("day", "month", "year"), weights=(4, 2, 4))[0]
            value = {"day": Period(born, born, "day"), "month": _month_period(born.year, born.month),
                     "year": _year_period(born.year)}[precision]
        elif attribute == "experience":
            working_years = max(1, min(age, RETIREMENT_AGE) - 20)
            value = Quantity(rng.randint(max(1, working_years // 3), working_years), "year")
        elif attribute == "weight":
            value = _weight(rng, "person", category)
        else:
            value = _SAMPLERS[attribute](rng, category)
        facts.append(Fact(attribute, value))
    details = {"city": rng.choice(places), "employer": names.word((2, 3)), "retired": retired,
               "mentions": _mentions(rng, "person", category)}
    return Entity("person", category, names.person(), tuple(facts), _distractors(rng, _PERSON_DISTRACTORS, {"born": born}),
                  details)


def _event_date(rng: random.Random, days: int) -> Period:
    start = _random_day(rng, dt.date(2019, 1, 1), dt.date(2026, 12, 31))
    end = start + dt.timedelta(days=days - 1)
    precision = rng.choices(("day", "month", "quarter"), weights=(6, 3, 2))[0]
    if precision == "month" and (start.year, start.month) == (end.year, end.month):
        return _month_period(start.year, start.month)
    quarter = (start.month - 1) // 3 + 1
    if precision == "quarter" and (start.year, quarter) == (end.year, (end.month - 1) // 3 + 1):
        return _quarter_period(start.year, quarter)
    return Period(start, end, "day" if days == 1 else "days")


def _event(rng: random.Random, category: str, names: NameSource, places: list[str]) -> Entity:
    days = rng.randint(*_EVENT_DAYS[category]) if category in _EVENT_DAYS else 1
    attributes = _chosen_attributes(rng, category)
    facts, context = [], {}
    for attribute in attributes:
        if attribute == "date":
            value = _event_date(rng, days)
            context["year_hint"] = value.start.year
        elif attribute == "duration":
            value = Quantity(days, "day") if category in _EVENT_DAYS else _concert_length(rng)
        elif attribute == "price":
            value = _ticket(rng, category)
        else:
            value = _SAMPLERS[attribute](rng, category)
            if attribute == "attendance":
                context["attendance"] = int(value.value)
        facts.append(Fact(attribute, value))
    city = rng.choice(places)
    details = {"city": city, "venue": names.word((2, 3)), "act": names.word((2, 3)), "organiser": names.word((2,)),
               "mentions": _mentions(rng, "event", category)}
    name = _event_name(rng, category, city, names)
    return Entity("event", category, name, tuple(facts), _distractors(rng, _EVENT_DISTRACTORS[category], context), details)


def _concert_length(rng: random.Random) -> Quantity:
    minutes = rng.randrange(60, 205, 5)
    if minutes % 30 == 0 and rng.random() < 0.5:
        return Quantity(Fraction(minutes, 60), "h")
    return Quantity(minutes, "min")


def _event_name(rng: random.Random, category: str, city: str, names: NameSource) -> str:
    word = names.word((2, 3))
    return {
        "concert": f"{word} {rng.choice(('Live', 'in Concert', 'Unplugged', 'Night Tour'))}",
        "conference": f"{word}{rng.choice(('Conf', ' Summit', ' Forum', ' DevDays', ' Symposium'))}",
        "race": f"{city} {rng.choice(('Run', 'Race', 'Classic', 'Challenge'))}",
        "festival": f"{word} {rng.choice(('Festival', 'Folk Fest', 'Music Festival', 'Lights Festival', 'Fair'))}",
    }[category]


def _category_counts(n_docs: int) -> list[tuple[str, str]]:
    """(kind, category) for every document: kind shares as in KIND_SHARES, categories evenly."""
    kinds = list(KIND_SHARES)
    per_kind = [int(n_docs * KIND_SHARES[k]) for k in kinds]
    per_kind[0] += n_docs - sum(per_kind)
    slots = []
    for kind, count in zip(kinds, per_kind):
        categories = CATEGORIES[kind]
        slots += [(kind, categories[i % len(categories)]) for i in range(count)]
    return slots


def sample_world(n_docs: int, rng: random.Random, names: NameSource) -> list[Entity]:
    """``n_docs`` entities (products, people, events), in random order."""
    brands = [names.word((2,), max_len=7) for _ in range(24)]
    places = [names.word((2, 3)) for _ in range(40)]
    os_names = {"laptop": f"{names.word((2,), max_len=7)} OS", "phone": f"{names.word((2,), max_len=7)}OS"}
    taken: set[str] = set()
    entities = []
    for kind, category in _category_counts(n_docs):
        if kind == "product":
            entities.append(_product(rng, category, names, brands, os_names, taken))
        elif kind == "person":
            entities.append(_person(rng, category, names, places))
        else:
            entities.append(_event(rng, category, names, places))
    rng.shuffle(entities)
    return entities
