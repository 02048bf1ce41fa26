"""Used-car adverts.

Attributes: ``price`` (USD), ``mileage`` (km; written in km or miles), ``model_year``
(a year, or part of a decade: "a mid-2010s Civic"), ``engine`` (litres; written in
litres or cc), ``fuel`` (L/100 km; written in L/100 km or US mpg, where more mpg means
*less* fuel) and ``warranty`` (months of warranty left; written in months or years).
Categories: ``body`` (sedan, SUV, hatchback, wagon, pickup). Distractors: power, tank
size (litres too), CO2, owners, doors, seats, the next service mileage, the warranty's
mileage cap, model names with digits, stock numbers and phones.
"""

from __future__ import annotations

import random

from .. import periods
from ..units import MPG_FACTOR
from ..wording import amount_forms, count_words, grouped, pick, plain
from .draft import Draft

__all__ = ["BODY_WORDS", "car_advert"]

MODELS = {
    "sedan": (("Toyota", "Corolla"), ("Honda", "Civic"), ("BMW", "320d"), ("Chevrolet", "Malibu"),
              ("Hyundai", "Elantra"), ("Mazda", "Mazda6"), ("Audi", "A4")),
    "SUV": (("Mazda", "CX-5"), ("Hyundai", "Tucson"), ("Kia", "Sportage"), ("Nissan", "Qashqai"),
            ("Peugeot", "3008"), ("Toyota", "RAV4")),
    "hatchback": (("Volkswagen", "Golf"), ("Ford", "Focus"), ("Peugeot", "208"), ("Honda", "Fit"), ("Mini", "Cooper")),
    "wagon": (("Subaru", "Outback"), ("Volvo", "V60"), ("Skoda", "Octavia Estate"), ("Audi", "A6 Avant")),
    "pickup": (("Ford", "F-150"), ("Toyota", "Tacoma"), ("Ram", "1500"), ("Nissan", "Navara")),
}
# How an advert names the body; the first word is the one a query uses.
BODY_WORDS = {"sedan": ("sedan", "saloon", "four-door sedan"), "SUV": ("SUV", "crossover SUV", "compact SUV"),
              "hatchback": ("hatchback", "hatch", "five-door hatchback"), "wagon": ("wagon", "estate", "station wagon"),
              "pickup": ("pickup truck", "pickup", "truck")}
ENGINES = {"sedan": (1.5, 1.6, 1.8, 2.0, 2.5), "SUV": (1.5, 1.6, 2.0, 2.2, 2.5), "hatchback": (1.0, 1.2, 1.4, 1.5, 1.6),
           "wagon": (1.6, 2.0, 2.5, 3.0), "pickup": (2.3, 2.7, 3.5, 5.0, 5.7)}
CURRENT_YEAR = 2025


def _mileage(draft: Draft, model_year: int) -> str:
    rng = draft.rng
    km = rng.randint(2, 26) * 1000 * max(1, CURRENT_YEAR - model_year) // 2 + rng.randint(0, 999)
    if draft.maybe(0.5):
        miles = int(round(km / 1.609344, -2))
        hedge = draft.maybe(0.2) and miles % 5000 == 0
        forms = [f"{grouped(miles)} miles", f"{grouped(miles)} mi"] + (
            [f"{plain(miles / 1000)}k miles", f"{plain(miles / 1000)}K mi"] if miles >= 1000 else [])
        return draft.state("mileage", miles, "mi", forms, hedge=hedge)
    km = round(km, -2) if draft.maybe(0.5) else km
    hedge = draft.maybe(0.2) and km % 5000 == 0
    forms = [f"{grouped(km)} km", f"{grouped(km, ' ')} km", f"{grouped(km)} kilometres"] + (
        [f"{plain(km / 1000)}k km"] if km % 100 == 0 and km >= 1000 else [])
    return draft.state("mileage", km, "km", forms, hedge=hedge)


def _engine(draft: Draft, litres: float) -> str:
    rng = draft.rng
    if draft.maybe(0.35):
        cc = int(litres * 1000) - rng.choice([0, 2, 4, 5, 8, 16, 20])
        return draft.state("engine", cc, "cc", [f"{grouped(cc)} cc", f"{cc}cc", f"{cc} cm³"])
    return draft.state("engine", litres, "L", [f"{litres:.1f}L", f"{litres:.1f}-litre", f"{litres:.1f} l"])


def _fuel(draft: Draft, litres: float) -> str:
    rng = draft.rng
    per_100 = round(rng.uniform(3.8, 6.5) + (litres - 1.0) * 1.6, 1)
    if draft.maybe(0.5):
        mpg = round(MPG_FACTOR / per_100)
        return draft.state("fuel", mpg, "mpg", [f"{mpg} mpg", f"{mpg} mpg combined", f"{mpg} miles per gallon (US)",
                                                f"{mpg} MPG"])
    return draft.state("fuel", per_100, "L/100km", [f"{per_100} L/100 km", f"{per_100} l/100km",
                                                    f"{per_100} litres per 100 km"])


def _warranty(draft: Draft) -> str:
    rng = draft.rng
    months = rng.choice([3, 6, 12, 12, 18, 24, 24, 36, 36, 48, 60, 84])
    cap = draft.distract("warranty mileage", f"{grouped(rng.choice([12, 24, 36, 50, 60, 100]) * 1000)}-mile")
    if months % 12 == 0 and draft.maybe(0.6):
        count = months // 12
        words = draft.state("warranty", count, "years", [f"{count}-year", f"{count_words(count)}-year",
                                                          f"{count} yr"])
        return pick(rng, [f"Comes with a {words}/{cap} warranty.", f"Remaining factory warranty: {words}, {cap}."])
    words = draft.state("warranty", months, "months", [f"{months}-month", f"{months} month", f"{months} mo."])
    return pick(rng, [f"Includes a {words} warranty (limited to {cap} driving).", f"Dealer warranty: {words}."])


def _opening(draft: Draft, make: str, model: str, body_word: str, model_year: int) -> str:
    rng = draft.rng
    if draft.maybe(0.1):
        part = rng.choice(sorted(periods.DECADE_PARTS))
        start = model_year - model_year % 10
        stated = draft.state_period("model_year", periods.part_of_decade(start, part))
        return pick(rng, [f"{make} {model} {body_word} from {stated}.", f"{make} {model} {body_word} dating from {stated}."])
    stated = draft.state_period("model_year", periods.year(model_year))
    return pick(rng, [f"{stated} {make} {model} {body_word} for sale.", f"{make} {model} {body_word}, model year {stated}.",
                      f"For sale: {make} {model} {body_word} ({stated})."])


def car_advert(rng: random.Random) -> Draft:
    draft = Draft(rng)
    body = rng.choice(sorted(MODELS))
    make, model = rng.choice(MODELS[body])
    draft.categorise(domain="car", body=body)
    model_year = rng.randint(1998, 2024)
    age = CURRENT_YEAR - model_year
    price = max(1500, int(rng.uniform(24_000, 56_000) * 0.87 ** age))
    price = round(price, -2) if draft.maybe(0.6) else round(price / 50) * 50
    litres = rng.choice(ENGINES[body])
    body_word = rng.choice(BODY_WORDS[body])
    draft.say(_opening(draft, make, draft.distract("model name", model) if any(c.isdigit() for c in model) else model,
                       body_word, model_year))
    stated = draft.state("price", price, "USD", amount_forms(price))
    draft.say(pick(rng, [f"Price {stated}.", f"Asking {stated} or nearest offer.", f"{stated}, no haggling.",
                         f"Yours for {stated}."]))
    if draft.maybe(0.9):
        draft.say(pick(rng, ["Odometer reads {}.", "{} on the clock.", "Mileage: {}.", "Only {} driven."]).format(
            _mileage(draft, model_year)))
    if draft.maybe(0.8):
        draft.say(pick(rng, ["{} petrol engine.", "Engine: {}.", "Powered by a {} four-cylinder."]).format(
            _engine(draft, litres)))
    if draft.maybe(0.7):
        draft.say(pick(rng, ["Fuel economy {}.", "Returns {} in mixed driving.", "Consumption: {}."]).format(
            _fuel(draft, litres)))
    if draft.maybe(0.5):
        draft.say(_warranty(draft))
    _car_distractors(draft, litres)
    return draft


def _car_distractors(draft: Draft, litres: float) -> None:
    rng = draft.rng
    horsepower = int(litres * rng.randint(60, 95))
    extras = [
        ("{}.", "power", pick(rng, [f"{horsepower} hp", f"{int(horsepower * 0.7457)} kW"])),
        ("Fuel tank {}.", "tank", f"{rng.choice([40, 45, 50, 55, 60, 70, 80])} litres"),
        ("CO2 {}.", "emissions", f"{rng.randint(95, 290)} g/km"),
        ("{}.", "owners", pick(rng, ["1 previous owner", "2 previous owners", "three owners from new"])),
        ("Next service due at {}.", "service", f"{grouped(rng.randint(8, 20) * 10_000)} km"),
        ("{} doors, {} seats.", "doors", None),
        ("Listed {}.", "posted", f"{rng.randint(1, 28)} {rng.choice(['Sep', 'Oct', 'Nov'])} 2025"),
    ]
    for template, kind, words in rng.sample(extras, rng.randint(2, 4)):
        if words is None:
            draft.say(template.format(draft.distract("doors", str(rng.choice([2, 4, 5]))),
                                      draft.distract("seats", str(rng.choice([4, 5, 7])))))
        else:
            draft.say(template.format(draft.distract(kind, words)))
    letter = rng.choice("ABCDEFGH")
    draft.say(f"Stock no. {draft.distract('reference', f'{letter}{rng.randint(10000, 99999)}')}; "
              f"call {draft.distract('phone', f'555-01{rng.randint(10, 99)}')}.")
