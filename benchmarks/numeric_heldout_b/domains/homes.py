"""Real-estate listings: homes for sale and apartments for rent.

Attributes: ``price`` (USD), ``rent`` (USD per month), ``area`` (living space, m²;
written in m² or sq ft), ``lot`` (the land a house sits on, m²; written in acres, sq ft
or m²), ``bedrooms``, ``year_built`` (a year, a decade or part of one), ``floor``
(ground floor = 0) and ``available`` (the move-in date, a day, month or quarter).
Categories: ``listing`` (sale, rent) and ``kind`` (house, townhouse, condo, apartment).
Distractors: bathrooms, garage spaces, HOA fees, taxes, deposits, renovation years,
storeys, listing numbers, street numbers, phones, ZIP codes.
"""

from __future__ import annotations

import datetime as dt
import random

from num2words import num2words

from .. import periods
from ..units import SQ_M_PER_ACRE, SQ_M_PER_SQ_FT
from ..wording import amount_forms, capital, count_words, grouped, pick, plain
from .draft import Draft

__all__ = ["rental_listing", "sale_listing"]

STREETS = ("Alder Row", "Quarry Lane", "Heron Street", "Linden Avenue", "Saltmarsh Road", "Copper Hill",
           "Wren Court", "Millbrook Drive", "Juniper Way", "Harbour View", "Orchard Close", "Kestrel Park")
AREAS = ("Riverside", "Old Town", "Northgate", "Eastfield", "Harbourside", "the Heights", "Greenbank",
         "Southmoor", "Cedar Flats", "Westbridge")
# The words a listing uses, and the kind a query names.
HOUSE_KINDS = {"house": "house", "bungalow": "house", "cottage": "house", "detached home": "house",
               "family home": "house", "townhouse": "townhouse", "row house": "townhouse", "condo": "condo",
               "condominium": "condo"}
FLAT_KINDS = ("apartment", "flat", "loft apartment", "walk-up apartment")


def _area(draft: Draft) -> str:
    rng = draft.rng
    square_metres = rng.randint(28, 310)
    if draft.maybe(0.4):  # written in square feet, as US listings do
        feet = round(square_metres / 0.09290304, -1)
        hedge = draft.maybe(0.15) and feet % 50 == 0
        return draft.state("area", feet, "sqft", [f"{grouped(int(feet))} sq ft", f"{grouped(int(feet))} ft²",
                                                   f"{grouped(int(feet))} square feet"], hedge=hedge)
    hedge = draft.maybe(0.15) and square_metres % 5 == 0
    return draft.state("area", square_metres, "m2", [f"{square_metres} m²", f"{square_metres} sq m",
                                                      f"{square_metres} square metres", f"{square_metres} sqm"], hedge=hedge)


def _bedroom_words(bedrooms: int) -> list[str]:
    if bedrooms == 0:
        return ["studio"]
    word = count_words(bedrooms)
    plural = "s" if bedrooms > 1 else ""
    return [f"{bedrooms} bedroom{plural}", f"{word} bedroom{plural}", f"{bedrooms} bd", f"{bedrooms}BR",
            f"{bedrooms}-bed", f"{word}-bedroom"]


def _bedrooms(draft: Draft, bedrooms: int) -> str:
    return draft.state("bedrooms", bedrooms, "count", _bedroom_words(bedrooms))


def _contact(draft: Draft) -> None:
    rng = draft.rng
    choice = rng.randrange(3)
    if choice == 0:
        draft.say(f"Call {draft.distract('phone', f'(555) 01{rng.randint(10, 99)}-{rng.randint(1000, 9999)}')} to view.")
    elif choice == 1:
        draft.say(f"Listing ref. {draft.distract('reference', f'MLS #{rng.randint(1_000_000, 9_999_999)}')}.")
    else:
        draft.say(f"Agent line: {draft.distract('phone', f'555-01{rng.randint(10, 99)}')}.")
    draft.say(f"ZIP {draft.distract('postcode', str(rng.randint(10000, 99899)))}." if draft.maybe(0.5) else "")


def _year_built(draft: Draft) -> str:
    rng = draft.rng
    built = rng.randint(1885, 2024)
    vague = rng.random()
    if vague < 0.15:
        words = draft.state_period("year_built", periods.decade(built - built % 10))
        return pick(rng, [f"A build from {words}.", f"Dating from {words}.", f"Built in {words}."])
    if vague < 0.25:
        part = rng.choice(sorted(periods.DECADE_PARTS))
        words = draft.state_period("year_built", periods.part_of_decade(built - built % 10, part))
        return pick(rng, [f"Built in {words}.", f"Dating from {words}."])
    words = draft.state_period("year_built", periods.year(built))
    return pick(rng, [f"Built in {words}.", f"Year built: {words}.", f"Constructed {words}.", f"A {words} build."])


def _lot(draft: Draft) -> str:
    rng = draft.rng
    square_metres = rng.randint(150, 12_000)
    unit = rng.choices(["acre", "sqft", "m2"], weights=[4, 3, 2])[0]
    if unit == "acre":
        acres = max(0.05, round(square_metres / SQ_M_PER_ACRE, 2))
        forms = [f"{plain(acres)}-acre lot", f"lot of {plain(acres)} acres", f"{plain(acres)} acres of land"]
        forms += {0.25: ["quarter-acre lot"], 0.5: ["half-acre lot"], 1.0: ["one-acre lot"]}.get(acres, [])
        words = draft.state("lot", acres, "acre", forms)
    elif unit == "sqft":
        feet = int(round(square_metres / SQ_M_PER_SQ_FT, -2))
        words = draft.state("lot", feet, "sqft", [f"{grouped(feet)} sq ft lot", f"lot of {grouped(feet)} sq ft",
                                                   f"{grouped(feet)} square foot lot"])
    else:
        words = draft.state("lot", square_metres, "m2", [f"plot of {grouped(square_metres)} m²",
                                                          f"{grouped(square_metres)} sqm plot"])
    if words.endswith("lot") or words.endswith("plot"):
        return pick(rng, [f"Sits on a {words}.", f"Set on a {words} with mature trees."])
    return f"Comes with {words}." if words[0].isdigit() else f"{capital(words)}."


def sale_listing(rng: random.Random) -> Draft:
    draft = Draft(rng)
    bedrooms = rng.randint(1, 6)
    step = rng.choice([1000, 5000, 5000])
    price = round(int(rng.lognormvariate(12.9, 0.5)) / step) * step
    price = min(max(price, 95_000), 4_200_000)
    kind, place = rng.choice(sorted(HOUSE_KINDS)), rng.choice(AREAS)
    draft.categorise(domain="home", listing="sale", kind=HOUSE_KINDS[kind])
    rooms = _bedrooms(draft, bedrooms)
    street = f"{draft.distract('street number', str(rng.randint(2, 480)))} {rng.choice(STREETS)}"
    draft.say(pick(rng, [f"{capital(rooms)} {kind} in {place}, {street}.",
                         f"For sale: {kind} with {rooms}, {place}.", f"{place} — {rooms} {kind} for sale."]))
    asking = draft.state("price", price, "USD", amount_forms(price))
    draft.say(pick(rng, [f"Asking price {asking}.", f"Listed at {asking}.", f"Price: {asking}.", f"Yours for {asking}."]))
    if draft.maybe(0.9):
        area = _area(draft)
        draft.say(pick(rng, [f"Living space {area}.", f"Total floor area is {area}.", f"{capital(area)} of living space."]))
    if HOUSE_KINDS[kind] != "condo" and draft.maybe(0.8):
        draft.say(_lot(draft))
    if draft.maybe(0.9):
        draft.say(_year_built(draft))
    baths = rng.randint(1, max(1, bedrooms))
    plural = "s" if baths > 1 else ""
    draft.say(f"{draft.distract('bathrooms', pick(rng, [f'{baths} bathroom{plural}', f'{num2words(baths).capitalize()} bath{plural}']))}.")
    fee, taxes = rng.randint(8, 70) * 10, rng.randint(12, 180) * 100
    extras = [("HOA {}.", "fee", f"${fee}/month"), ("Property taxes {} a year.", "tax", f"${grouped(taxes)}"),
              ("Roof replaced in {}.", "renovation year", str(rng.randint(2005, 2024))),
              ("Garage for {} cars.", "garage", str(rng.randint(1, 3)))]
    for template, kind, words in rng.sample(extras, 2):
        draft.say(template.format(draft.distract(kind, words)))
    _contact(draft)
    return draft


def _available(draft: Draft) -> str:
    rng = draft.rng
    start = dt.date(2025, 10, 1) + dt.timedelta(days=rng.randint(0, 360))
    grain = rng.choices(["day", "month", "quarter"], weights=[5, 4, 1])[0]
    if grain == "day":
        period = periods.day(start)
    elif grain == "month":
        period = periods.month(start.year, start.month)
    else:
        period = periods.quarter(start.year, (start.month - 1) // 3 + 1)
    words = draft.state_period("available", period)
    return pick(rng, [f"Available from {words}.", f"Move-in date: {words}.", f"Free to move in {words}.",
                      f"Ready for tenants {words}."])


def _floor(draft: Draft, storeys: int) -> str:
    rng = draft.rng
    floor = rng.randint(0, storeys - 1)
    if floor == 0:
        words = draft.state("floor", 0, "count", ["ground floor", "ground-floor"])
        return f"On the {words}." if words == "ground floor" else f"A {words} unit."
    ordinal = num2words(floor, to="ordinal_num")
    words = draft.state("floor", floor, "count", [f"{ordinal} floor", f"{num2words(floor, to='ordinal')} floor",
                                                  f"floor {floor}"])
    return f"On the {words}." if not words.startswith("floor ") else f"Located on {words}."


def rental_listing(rng: random.Random) -> Draft:
    draft = Draft(rng)
    bedrooms = rng.choices(range(0, 5), weights=[2, 4, 4, 2, 1])[0]
    rent = min(max(round(rng.lognormvariate(7.6, 0.4) / 25) * 25, 550), 7500)
    kind, place = rng.choice(FLAT_KINDS), rng.choice(AREAS)
    draft.categorise(domain="home", listing="rent", kind="apartment")
    rooms = _bedrooms(draft, bedrooms)
    draft.say(pick(rng, [f"{capital(rooms)} {kind} to rent in {place}.", f"For rent: {rooms} {kind}, {place}.",
                         f"{place}: bright {rooms} {kind} to let."]))
    forms = [f"{form}{per}" for form in amount_forms(rent, words=False)[:4] for per in ("/month", " per month", " pcm", " a month")]
    stated = draft.state("rent", rent, "USD/month", forms)
    draft.say(pick(rng, [f"Rent {stated}.", f"{capital(stated)}, utilities extra.", f"Asking {stated}."]))
    deposit = rent * rng.choice([1, 2]) + rng.choice([0, 250, 500])
    draft.say(f"Deposit {draft.distract('deposit', pick(rng, amount_forms(deposit, words=False)))}.")
    if draft.maybe(0.85):
        area = _area(draft)
        draft.say(pick(rng, [f"{capital(area)} of floor space.", f"Size: {area}."]))
    storeys = rng.randint(2, 30)
    if draft.maybe(0.85):
        draft.say(_floor(draft, storeys))
    draft.say(f"The building has {draft.distract('storeys', f'{storeys} storeys')}." if draft.maybe(0.6) else "")
    if draft.maybe(0.9):
        draft.say(_available(draft))
    extras = [("Minimum lease {}.", "lease", f"{rng.choice([6, 12, 18, 24])} months"),
              ("Block built {}.", "year built", str(rng.randint(1900, 2023))),
              ("Pets welcome ({} monthly pet fee).", "fee", f"${rng.randint(2, 9) * 25}")]
    for template, kind, words in rng.sample(extras, 2):
        draft.say(template.format(draft.distract(kind, words)))
    _contact(draft)
    return draft
