"""Documents of the ``dev`` template set: shop pages and spec sheets for products, bios and
CVs for people, event pages and listings for events.

A document is an introduction that names the entity and its category, then one sentence (or
spec-sheet line) per stated fact, per distractor and per passing mention of another
category, in random order.
"""

from __future__ import annotations

import random
import re
from typing import Callable

from ...facts import REFERENCE_DATE, Distractor, Entity, Fact, Period, Quantity
from .forms import (age_form, count, decimal, noun_count, height_form, money, number_words, ordinal, per_period, period_form,
                    quantity, rating_form, version_form)
from .words import DESCRIPTIONS, article, plural, with_article

__all__ = ["render_document"]

Line = tuple[str, tuple[str, str] | None]  # (prose sentence, spec-sheet (label, value) or None)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _on(period: Period) -> str:
    """The preposition before a stated period: "on 12 March 2021", "in Q3 2024", "on 14-17 June"."""
    return "on" if period.granularity in ("day", "days") else "in"


# ----------------------------------------------------------------------------- products


def _product_fact(fact: Fact, entity: Entity, rng: random.Random) -> Line:
    it = rng.choice(("It", "It", f"The {entity.details['model']}"))
    value = fact.value
    attribute = fact.attribute
    if attribute == "price":
        m = money(value.value, rng, slang=rng.random() < 0.3)
        return rng.choice((f"{it} sells for {m}.", f"Price: {m}.", f"Yours for {m}.", f"{it} retails at {m}.",
                           f"Our price: {m}.", f"{it} costs {m}.", f"Now available for {m}.")), ("Price", m)
    if attribute == "battery_life":
        q = quantity(value, rng, words=True)
        up_to = rng.choice(("up to ", "", ""))
        return rng.choice((f"Battery life is {up_to}{q}.", f"The battery lasts {up_to}{q} on a charge.",
                           f"{_cap(up_to)}{q} of battery life.", f"A single charge gives you {up_to}{q}.",
                           f"{it} runs {up_to}{q} on one battery charge.")), ("Battery life", f"{up_to}{q}")
    if attribute in _QUANTITY_SENTENCES:
        return _quantity_line(attribute, value, entity, it, rng)
    if attribute == "rating":
        r = rating_form(value, rng)
        if r.startswith("user score"):
            score = r.removeprefix("user score ")
            return rng.choice((f"User score {score}.", f"Buyers give it a user score of {score}.")), ("User score", score)
        return rng.choice((f"Rated {r} by buyers.", f"Customer rating: {r}.", f"Reviewers give it {r}.",
                           f"Customers rate it {r}.")), ("Rating", r)
    if attribute == "release_date":
        p = period_form(value, rng)
        sentences = [f"{it} was released {_on(value)} {p}.", f"Launched {_on(value)} {p}.", f"Release date: {p}.",
                     f"{it} hit the shelves {_on(value)} {p}.", f"First available {_on(value)} {p}."]
        if value.granularity == "day":
            sentences.append(f"On sale since {p}.")
        return rng.choice(sentences), (rng.choice(("Release date", "Released")), p)
    if attribute in ("os_version", "firmware"):
        os_name = value.name
        v = version_form(value.text, rng, os_name=os_name)
        sheet = ("Operating system", v) if os_name else (rng.choice(("Firmware", "Firmware version")), value.text)
        return rng.choice((f"{it} runs {v}.", f"Ships with {v}.", f"Updated to {v}.", f"Software: {v}.")), sheet
    raise KeyError(attribute)


# Sentences for a quantity: {it} the product, {q} the value, {a} its adjective form
# ("15.6-inch"), {part} what a screen is called; then the spec-sheet labels.
_QUANTITY_SENTENCES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "storage": (("{it} comes with {q} of storage.", "Storage: {q}.", "There is {q} of built-in storage.",
                 "Room for apps and photos: {q} of storage."), ("Storage", "Internal storage")),
    "ram": (("{it} has {q} of RAM.", "RAM: {q}.", "Multitasking is handled by {q} of RAM.",
             "{q} of memory (RAM) keeps it responsive."), ("RAM",)),
    "weight": (("{it} weighs {q}.", "Weight: {q}.", "At {q}, it is easy to carry.", "{it} tips the scales at {q}."),
               ("Weight",)),
    "screen_size": (("{it} has a {a} {part}.", "The display measures {q} diagonally.", "Screen size: {q}.",
                     "You get a {a} display."), ("Screen size",)),
    "clock_speed": (("The processor runs at {q}.", "CPU clock: {q}.", "It is powered by a {q} processor.",
                     "The chip is clocked at {q}."), ("Clock speed",)),
    "range": (("{it} goes up to {q} on a charge.", "Range: {q}.", "A full battery gives {q} of range.",
               "Its range is {q}."), ("Range",)),
    "tank_capacity": (("The water tank holds {q}.", "Water tank: {q}.", "It has a {a} water tank."), ("Water tank",)),
}


def _quantity_line(attribute: str, value: Quantity, entity: Entity, it: str, rng: random.Random) -> Line:
    sentences, labels = _QUANTITY_SENTENCES[attribute]
    q, a = quantity(value, rng), quantity(value, rng, adjective=True)
    part = {"monitor": "panel", "camera": "rear screen"}.get(entity.category, "screen")
    return rng.choice(sentences).format(it=it, q=q, a=a, part=part), (rng.choice(labels), q)


def _product_distractor(d: Distractor, entity: Entity, rng: random.Random) -> Line:
    v, brand = d.value, entity.details["brand"]
    sentences: dict[str, Callable[[], tuple[tuple[str, ...], tuple[str, str]]]] = {
        "bluetooth": lambda: ((f"Connects over Bluetooth {v}.", f"Bluetooth {v} keeps the connection stable."), ("Bluetooth", str(v))),
        "wifi": lambda: ((f"Wi-Fi {v} built in.", f"Supports Wi-Fi {v}."), ("Wi-Fi", str(v))),
        "usb": lambda: ((f"Has USB {v} ports.", f"Data goes over USB {v}."), ("USB", str(v))),
        "hdmi": lambda: ((f"Includes an HDMI {v} input.",), ("HDMI", str(v))),
        "driver_mm": lambda: ((f"{v} mm drivers deliver the sound.", f"It uses {v} mm drivers."), ("Drivers", f"{v} mm")),
        "charge_minutes": lambda: ((_charge_sentence(v, rng),), ("Charging time", f"{v} min")),
        "colours": lambda: ((f"Available in {noun_count(v, 'colour', rng, words_up_to=8)}.",), ("Colours", str(v))),
        "ports": lambda: ((f"{_cap(noun_count(v, 'USB-C port', rng, words_up_to=4))}.",), ("USB-C ports", str(v))),
        "refresh_hz": lambda: ((f"The screen refreshes at {v} Hz.", f"{v} Hz refresh rate."), ("Refresh rate", f"{v} Hz")),
        "megapixels": lambda: ((f"A {v} MP sensor takes the pictures.", f"It has a {v}-megapixel camera."), ("Sensor", f"{v} MP")),
        "iso_max": lambda: ((f"ISO goes up to {v:,}.",), ("Max ISO", f"{v:,}")),
        "response_ms": lambda: ((f"{v} ms response time.",), ("Response time", f"{v} ms")),
        "motor_w": lambda: ((f"A {v} W motor helps on hills.",), ("Motor", f"{v} W")),
        "top_speed_kmh": lambda: ((f"Pedal assist up to {v} km/h.",), ("Assisted speed", f"{v} km/h")),
        "gears": lambda: ((f"{v}-speed gearing.",), ("Gears", str(v))),
        "pump_bar": lambda: ((f"A {v}-bar pump pulls the espresso.",), ("Pump pressure", f"{v} bar")),
        "cups": lambda: ((f"Brews {noun_count(v, 'cup', rng, words_up_to=4)} at once.",), ("Cups at once", str(v))),
        "water_atm": lambda: ((f"Water-resistant to {v} ATM.",), ("Water resistance", f"{v} ATM")),
        "ships_days": lambda: ((f"Ships within {v} {_days(v)}.", f"Dispatched in {v} business {_days(v)}."),
                               ("Shipping", f"within {v} {_days(v)}")),
        "warranty_years": lambda: ((f"Comes with a {v}-year warranty.", f"Covered by a {v * 12}-month warranty."),
                           ("Warranty", f"{v} years")),
        "returns_days": lambda: ((f"{v}-day returns.", f"Free returns within {v} days."), ("Returns", f"{v} days")),
        "founded": lambda: ((f"{brand}, founded in {v}, makes it.", f"Made by {brand} (est. {v})."), ("Brand founded", str(v))),
        "order_code": lambda: ((f"Order code {v}.", f"SKU {v}."), ("Order code", str(v))),
        "reviews": lambda: ((f"{v:,} customer reviews so far.",), ("Reviews", f"{v:,}")),
        "free_shipping_over": lambda: ((f"Free shipping on orders over ${v}.",), ("Free shipping", f"orders over ${v}")),
        "in_stock": lambda: ((f"Only {v} left in stock.",), ("In stock", str(v))),
    }
    prose, sheet = sentences[d.kind]()
    return rng.choice(prose), sheet


def _days(n: int) -> str:
    return "day" if n == 1 else "days"


def _charge_sentence(minutes: int, rng: random.Random) -> str:
    if minutes % 60 == 0 and rng.random() < 0.6:
        hours = minutes // 60
        return f"A full charge takes {hours} hour{'s' * (hours != 1)}."
    return rng.choice((f"Charges fully in {minutes} minutes.", f"Fast charging: full in {minutes} min."))


def _product(entity: Entity, rng: random.Random) -> str:
    description = rng.choice(DESCRIPTIONS[entity.category])
    name = entity.name
    lines = [_product_fact(f, entity, rng) for f in entity.facts]
    lines += [_product_distractor(d, entity, rng) for d in entity.distractors]
    mentions = [rng.choice((f"Often bought together with {with_article(m)}.", f"Pairs well with {with_article(m)}.",
                            f"Fits in a backpack next to {with_article(m)}."))
                for m in entity.details.get("mentions", ())]
    rng.shuffle(lines)
    if rng.random() < 0.4:
        header = rng.choice((f"{name} — {description.split(' ', 1)[1]}", f"{name} ({description.split(' ', 1)[1]})"))
        return _sheet(header, lines, mentions, rng)
    intro = rng.choice((f"The {name} is {description}.", f"Meet the {name}, {description}.",
                        f"{name}: {description} by {entity.details['brand']}."))
    return " ".join([intro, *(sentence for sentence, _ in lines), *mentions])


def _sheet(header: str, lines: list[Line], mentions: list[str], rng: random.Random) -> str:
    separator = rng.choice(("\n", " | ", " · "))
    rows = [f"{label}: {value}" for _, pair in lines if pair for label, value in [pair]]
    rows += [sentence for sentence, pair in lines if not pair]
    text = separator.join([header, *rows])
    return f"{text}\n{' '.join(mentions)}" if mentions else text


# ----------------------------------------------------------------------------- people


def _person_fact(fact: Fact, entity: Entity, rng: random.Random) -> Line:
    given = entity.name.split()[0]
    value = fact.value
    attribute = fact.attribute
    job = entity.category
    if attribute == "age":
        years = int(value.value)
        return rng.choice((f"{given} is {age_form(years, rng)}.", f"Age: {years}.",
                           f"{given} is {article(str(years))} {years}-year-old.")), ("Age", str(years))
    if attribute == "birth_date":
        p = period_form(value, rng)
        sentences = [f"{given} was born {_on(value)} {p}.", f"Born {_on(value)} {p}."]
        if value.granularity == "year":
            sentences += [f"{given} (b. {p}) lives in {entity.details['city']}.", f"Born {p}."]
        if value.granularity == "day":
            sentences.append(f"Date of birth: {p}.")
        return rng.choice(sentences), (rng.choice(("Born", "Date of birth")), p)
    if attribute == "salary":
        m = money(value.value, rng, slang=True)
        per = per_period(value.unit, rng)
        sentences = [f"{given} earns {m}{per}.", f"Salary: {m}{per}.", f"Current salary: {m}{per}.",
                     f"{given} is paid {m}{per}.", f"{given}'s pay is {m}{per}."]
        if value.unit == "USD/year":
            sentences.append(f"{given} earns a yearly salary of {m}.")
        return rng.choice(sentences), ("Salary", f"{m}{per}")
    if attribute == "height":
        h = height_form(value, rng)
        return rng.choice((f"{given} is {h} tall.", f"Height: {h}.", f"{given} stands {h} tall.")), ("Height", h)
    if attribute == "weight":
        w = quantity(value, rng)
        return rng.choice((f"{given} weighs {w}.", f"Weight: {w}.", f"{given} keeps fit at {w}.")), ("Weight", w)
    if attribute == "experience":
        years = int(value.value)
        n = number_words(years) if years <= 12 and rng.random() < 0.3 else str(years)
        unit = "year" if years == 1 else "years"
        if entity.details.get("retired"):
            sentences = (f"{given} worked as {article(job)} {job} for {n} {unit}.",
                         f"{given} spent {n} {unit} as {article(job)} {job}.")
        else:
            sentences = (f"{given} has {n} {unit} of experience.", f"{years} {'yr' if years == 1 else 'yrs'} exp.",
                         f"{given} has been {article(job)} {job} for {n} {unit}.", f"Experience: {n} {unit}.")
        return rng.choice(sentences), ("Experience", f"{years} {unit}")
    raise KeyError(attribute)


def _person_distractor(d: Distractor, entity: Entity, rng: random.Random) -> Line:
    given, v, employer = entity.name.split()[0], d.value, entity.details["employer"]
    sentences = {
        "graduated": lambda: (f"{given} graduated in {v}.", f"Class of {v}."),
        "joined": lambda: (f"{given} joined {employer} in {v}.", f"With {employer} since {v}."),
        "kids": lambda: (f"{given} has {noun_count(v, 'kid', rng, words_up_to=4)}.", f"{given} is a parent of {number_words(v)}."),
        "languages": lambda: (f"{given} speaks {count(v, rng, words_up_to=5)} languages.",),
        "team_size": lambda: (f"{given} leads a team of {v}.",),
        "marathons": lambda: (f"{given} has run {noun_count(v, 'marathon', rng, words_up_to=9)}.",),
        "commute_km": lambda: (f"{given} commutes {v} km each way.",),
        "talks": lambda: (f"{given} has given {noun_count(v, 'talk', rng, words_up_to=9)} at conferences.",),
        "employee_no": lambda: (f"Employee #{v}.", f"Staff ID {v}."),
    }
    return rng.choice(sentences[d.kind]()), None


def _person(entity: Entity, rng: random.Random) -> str:
    job, city, given = entity.category, entity.details["city"], entity.name.split()[0]
    retired = entity.details.get("retired", False)
    role = f"retired {job}" if retired else job
    lines = [_person_fact(f, entity, rng) for f in entity.facts]
    lines += [_person_distractor(d, entity, rng) for d in entity.distractors]
    start = rng.randrange(2)
    mentions = [_person_mention(m, given, (start + i) % 2) for i, m in enumerate(entity.details.get("mentions", ()))]
    rng.shuffle(lines)
    if rng.random() < 0.35:
        header = rng.choice((f"{entity.name} — {_cap(role)}", f"CV: {entity.name}, {role}", f"{entity.name} | {role} | {city}"))
        return _sheet(header, lines, mentions, rng)
    intro = rng.choice((f"{entity.name} is {article(role)} {role} from {city}.", f"Meet {entity.name}, {article(role)} {role} based in {city}.",
                        f"{entity.name} works as {article(job)} {job} in {city}." if not retired
                        else f"{entity.name} is {article(role)} {role} living in {city}."))
    return " ".join([intro, *(sentence for sentence, _ in lines), *mentions])


def _person_mention(category: str, given: str, wording: int) -> str:
    """A passing mention of another category (two mentions take different wordings)."""
    if category in ("concert", "conference", "race", "festival"):
        options = (f"{given} goes to {article(category)} {category} every year.", f"{given} never misses a good {category}.")
    elif category in DESCRIPTIONS:
        options = (f"{given} owns {with_article(category)}.", f"{given} recently bought {with_article(category)}.")
    else:
        options = (f"{given}'s sister is {article(category)} {category}.", f"{given} shares a flat with {article(category)} {category}.")
    return options[wording]


# ----------------------------------------------------------------------------- events

_CROWD = {"concert": ("fans", "people", "concert-goers"), "conference": ("attendees", "delegates", "participants"),
          "festival": ("visitors", "festival-goers", "people")}


def _event_fact(fact: Fact, entity: Entity, rng: random.Random) -> Line:
    value, attribute, category = fact.value, fact.attribute, entity.category
    if attribute == "date":
        p = period_form(value, rng)
        past = value.end < REFERENCE_DATE
        verb = f"took place {_on(value)}" if past else rng.choice((f"takes place {_on(value)}", "is scheduled for"))
        return rng.choice((f"It {verb} {p}.", f"Date: {p}.", f"When: {p}.",
                           f"{'Held' if past else 'Happening'} {_on(value)} {p}.")), ("Date", p)
    if attribute == "price":
        m = money(value.value, rng, slang=rng.random() < 0.3)
        if category == "race":
            return rng.choice((f"The entry fee is {m}.", f"Registration costs {m}.", f"Entry fee: {m}.")), ("Entry fee", m)
        return rng.choice((f"Tickets cost {m}.", f"Tickets: {m}.", f"Admission is {m}.", f"A ticket is {m}.")), ("Tickets", m)
    if attribute == "attendance":
        n = int(value.value)
        shown = f"{decimal(value.value / 1000)}k" if n >= 1000 and n % 100 == 0 and rng.random() < 0.3 else f"{n:,}"
        if category == "race":  # a race's attendance is its field of runners
            return rng.choice((f"A field of {shown} runners.", f"{shown} runners take part.", f"Participants: {shown}.",
                               f"{shown} participants line up.")), (rng.choice(("Participants", "Field")), shown)
        crowd = rng.choice(_CROWD[category])
        return rng.choice((f"Attendance: {shown}.", f"It draws {shown} {crowd}.", f"{shown} {crowd} attend.",
                           f"It draws a crowd of {shown}.")), ("Attendance", shown)
    if attribute == "duration":
        if value.unit == "day":
            d, adjective = quantity(value, rng, words=True), quantity(value, rng, adjective=True)
            return rng.choice((f"It lasts {d}.", f"It runs for {d}.", f"A {adjective} {category}.")), ("Duration", d)
        d = _show_length(value, rng)
        return rng.choice((f"The show runs {d}.", f"Running time: {d}.", f"Set length: {d}.")), ("Running time", d)
    if attribute == "distance":
        d = _race_distance(value, rng)
        if value.unit in ("marathon", "half-marathon"):
            return rng.choice((f"It is {article(d)} {d}.", f"The course is {article(d)} {d}.")), ("Distance", d)
        return rng.choice((f"The course is {d.removesuffix('K') + ' km' if d.endswith('K') else d} long.", f"Distance: {d}.",
                           f"Runners cover {d}.")), ("Distance", d)
    raise KeyError(attribute)


def _show_length(value: Quantity, rng: random.Random) -> str:
    minutes = int(value.canonical())
    hours, rest = divmod(minutes, 60)
    forms = [f"{minutes} minutes", f"{minutes} min"]
    if hours and rest:
        forms += [f"{hours} hour{'s' * (hours != 1)} {rest} minutes", f"{hours}h {rest:02d}m", f"{hours} hr {rest} min"]
    elif hours:
        forms += [f"{hours} hour{'s' * (hours != 1)}", f"{number_words(hours)} hours" if hours > 1 else "one hour"]
    if rest == 30:
        forms.append(f"{decimal(value.canonical() / 60)} hours")
    return rng.choice(forms)


def _race_distance(value: Quantity, rng: random.Random) -> str:
    if value.unit == "half-marathon":
        return rng.choice(("half marathon", "half-marathon"))
    if value.unit == "marathon":
        return rng.choice(("marathon", "full marathon"))
    v = decimal(value.value)
    if value.unit == "km":
        return rng.choice((f"{v} km", f"{v} kilometres") + ((f"{v}K",) if value.value.denominator == 1 else ()))
    return rng.choice((f"{v} miles", f"{v} mi"))


def _event_distractor(d: Distractor, entity: Entity, rng: random.Random) -> Line:
    v, venue, hall = d.value, entity.details["venue"], "Hall" if entity.category == "concert" else "Arena"
    sentences = {
        "venue_capacity": lambda: (f"The {venue} {hall} holds {v:,}.", f"The venue has a capacity of {v:,}."),
        "doors_open": lambda: (f"Doors open at {v}.",),
        "parking_usd": lambda: (f"Parking costs ${v}.", f"Parking: ${v}."),
        "min_age": lambda: (f"{v}+ only.", f"Ages {v} and up."),
        "edition": lambda: (f"This is the {ordinal(v)} edition.",),
        "songs": lambda: (f"Expect a {v}-song setlist.",),
        "speakers": lambda: (f"{v} speakers are on the programme.",),
        "first_held": lambda: (f"First held in {v}.", f"Running since {v}."),
        "hall": lambda: (f"Talks are in Hall {v}.",),
        "tracks": lambda: (f"{_cap(count(v, rng, words_up_to=9))} parallel tracks.",),
        "aid_stations": lambda: (f"There are {v} aid stations.",),
        "climb_m": lambda: (f"The route has {v:,} m of climbing.",),
        "cutoff_hours": lambda: (f"The cut-off is {v} hours.", f"{_cap(article(str(v)))} {v}-hour cut-off applies."),
        "acts": lambda: (f"{v} acts perform.",),
        "stages": lambda: (f"Music on {count(v, rng, words_up_to=9)} stages.",),
        "shuttle_minutes": lambda: (f"Shuttle buses run every {v} minutes.",),
    }
    return rng.choice(sentences[d.kind]()), None


def _event(entity: Entity, rng: random.Random) -> str:
    category, details = entity.category, entity.details
    description = rng.choice(DESCRIPTIONS[category])
    lines = [_event_fact(f, entity, rng) for f in entity.facts]
    lines += [_event_distractor(d, entity, rng) for d in entity.distractors]
    mentions = [_event_mention(m, rng) for m in details.get("mentions", ())]
    rng.shuffle(lines)
    where = f"in {details['city']}"
    if category == "concert":
        where = f"with {details['act']} at the {details['venue']} Hall, {details['city']}"
    if rng.random() < 0.35:
        return _sheet(f"{entity.name} — {description.split(' ', 1)[1]} {where}", lines, mentions, rng)
    intro = rng.choice((f"{entity.name} is {description} {where}.", f"{entity.name}: {description} {where}.",
                        f"Welcome to {entity.name}, {description} {where}."))
    return " ".join([intro, *(sentence for sentence, _ in lines), *mentions])


def _event_mention(category: str, rng: random.Random) -> str:
    if category in ("concert", "conference", "race", "festival"):
        return f"{_cap(article(category))} {category} takes place nearby the same weekend."
    if category in DESCRIPTIONS:
        return rng.choice((f"Sponsored by {article(category)} {category} brand.", f"Win {with_article(category)} in the raffle."))
    return rng.choice((f"Free entry for {plural(category)}.", f"Volunteers include {plural(category)} from the area."))


_RENDERERS: dict[str, Callable[[Entity, random.Random], str]] = {"product": _product, "person": _person, "event": _event}


def render_document(entity: Entity, rng: random.Random) -> str:
    """The ``dev`` text of ``entity``'s document."""
    text = _RENDERERS[entity.kind](entity, rng)
    return re.sub(r"(?<=[a-z]\.)\.", "", text)  # "62k USD p.a.." -> "p.a."

