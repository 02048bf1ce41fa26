"""Events: concerts, conferences, races and festivals, as event pages and recaps write them.

Every event is past (on or before :func:`surface.today`) and states its date, its size
(attendees, visitors, runners), a ticket price or entry fee and a length (hours, days or
distance). Distractors: venue capacities, editions, founding years, counts of speakers
or bands, start times, sale dates.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from . import surface
from .names import NameBook
from .records import Record, Sentence, compose, fill, pick
from .semantics import Fact
from .statements import log_uniform, nice_price

__all__ = ["EVENT_TYPES", "build_event"]

EVENT_TYPES = ("concert", "conference", "race", "festival")
PLURALS = {"concert": "concerts", "conference": "conferences", "race": "races", "festival": "festivals"}
_MONTHS = surface.MONTHS
# (km, miles) as race pages print them: a marathon is 42.2 km or 26.2 miles
RACE_DISTANCES = [(5, 3.1), (10, 6.2), (15, 9.3), (21.1, 13.1), (30, 18.6), (42.2, 26.2), (50, 31), (80.5, 50), (100, 62),
                  (161, 100)]


def _nice_count(rng: random.Random, low: float, high: float) -> int:
    raw = log_uniform(rng, low, high)
    step = 10 if raw < 1000 else rng.choice([50, 100, 100]) if raw < 20000 else 500
    return max(step, int(round(raw / step) * step) + rng.choice([0, 0, 0, rng.randint(1, 9)]))


def _range_text(rng: random.Random, start: date, end: date) -> str:
    month = _MONTHS[start.month - 1]
    if start.month == end.month:
        forms = [f"{start.day}–{end.day} {month} {start.year}", f"{month} {start.day}–{end.day}, {start.year}",
                 f"{start.year}/{start.month:02d}/{start.day:02d}–{end.year}/{end.month:02d}/{end.day:02d}"]
        if start.day > 12:
            forms.append(f"{start.day:02d}.–{end.day:02d}.{start.month:02d}.{start.year}")
        return pick(rng, forms)
    return pick(rng, [f"{start.day} {month} – {end.day} {_MONTHS[end.month - 1]} {end.year}",
                      f"{month} {start.day} – {_MONTHS[end.month - 1]} {end.day}, {end.year}",
                      f"{start.year}/{start.month:02d}/{start.day:02d}–{end.year}/{end.month:02d}/{end.day:02d}"])


def _when(rng: random.Random, start: date, days: int) -> tuple[str, Fact]:
    """The date as stated: a day (or a span of days), a month or a year."""
    end = start + timedelta(days=days - 1)
    precision = rng.choices(["day", "month", "year"], weights=[60, 28, 12])[0]
    if start.year != end.year or (precision == "month" and start.month != end.month):
        precision = "day"
    if precision == "day" and days > 1:
        text = _range_text(rng, start, end)
        return text, Fact("date", start.toordinal(), end.toordinal(), "day", text)
    text, unit, (low, high) = surface.date_text(rng, start.year, start.month, start.day, precision)
    return text, Fact("date", low, high, unit, text)


def _date_sentence(rng: random.Random, kind: str, text: str, unit: str, days: int) -> str:
    on = {"day": "on " if days == 1 else "", "month": "in ", "year": "in ", "quarter": "in "}[unit]
    templates = {
        "concert": ["The concert took place {on}{d}.", "Played {on}{d}.", "Date: {d}.", "The show was {on}{d}."],
        "conference": ["The conference ran {on}{d}.", "Held {on}{d}.", "Dates: {d}.", "It took place {on}{d}."],
        "race": ["The race was run {on}{d}.", "Race day: {d}.", "Held {on}{d}.", "Runners set off {on}{d}."],
        "festival": ["The festival ran {on}{d}.", "Held {on}{d}.", "Dates: {d}.", "It took place {on}{d}."],
    }[kind]
    if unit == "year":
        templates = templates + [f"This was the {{d}} edition of the {kind}."]
    return fill(pick(rng, templates), on=on, d=text)


def _size(rng: random.Random, kind: str, people: int) -> tuple[Sentence, Fact]:
    shown = surface.count(rng, people)
    templates = {
        "concert": ["{n} fans attended.", "Attendance: {n}.", "The show drew a crowd of {n}.", "{n} people attended the concert.",
                    "It was attended by {n} people.", "A crowd of {n} turned up."],
        "conference": ["{n} attendees took part.", "Attendance: {n}.", "The conference welcomed {n} attendees.",
                       "It drew {n} participants.", "{n} people attended."],
        "race": ["{n} runners took part.", "A field of {n} runners started.", "{n} runners crossed the start line.",
                 "Participants: {n} runners.", "{n} runners lined up at the start."],
        "festival": ["{n} visitors came.", "Attendance: {n}.", "The festival drew {n} visitors.", "{n} festivalgoers attended.",
                     "It welcomed {n} visitors."],
    }[kind]
    attribute = "runners" if kind == "race" else "attendance"
    label = {"race": "Runners", "festival": "Visitors"}.get(kind, "Attendance")
    return Sentence(fill(pick(rng, templates), n=shown), label, shown), Fact(attribute, float(people), float(people), "people", shown)


def _fee(rng: random.Random, kind: str, usd: float) -> tuple[Sentence, Fact]:
    text, unit, canonical = surface.money(rng, usd)
    templates = {
        "concert": ["Tickets cost {v}.", "Ticket price: {v}.", "A ticket was {v}.", "Admission: {v}."],
        "conference": ["A full pass cost {v}.", "Ticket price: {v}.", "Registration was {v}.", "Conference pass: {v}."],
        "race": ["The entry fee was {v}.", "Entry: {v}.", "Registration cost {v}.", "Entry fee: {v}."],
        "festival": ["A festival pass cost {v}.", "Tickets: {v} for the full festival.", "Festival pass: {v}.", "Full-festival tickets were {v}."],
    }[kind]
    label = "Entry fee" if kind == "race" else "Ticket"
    return Sentence(fill(pick(rng, templates), v=text), label, text), Fact("ticket", canonical, canonical, unit, text)


def _length(rng: random.Random, kind: str, days: int) -> tuple[Sentence, Fact]:
    if kind == "concert":
        hours = rng.choice([1.5, 2.0, 2.25, 2.5, 2.75, 3.0, 3.5])
        minutes = int(hours * 60)
        shown = pick(rng, [f"{hours:g} hours", f"{minutes} minutes", f"{int(hours)} h {minutes % 60:02d} min" if minutes % 60 else f"{int(hours)} hours"])
        prose = fill(pick(rng, ["The set lasted {v}.", "The show ran {v}.", "Running time: {v}.", "They played for {v}."]), v=shown)
        return Sentence(prose, "Length", shown), Fact("duration", hours, hours, "min" if "min" in shown else "hour", shown)
    if kind == "race":
        km, miles = rng.choice(RACE_DISTANCES)
        if rng.random() < 0.3:
            text, unit, canonical = pick(rng, [f"{miles:g} miles", f"{miles:g} mi"]), "mi", miles * surface.KM_PER_MILE
        else:
            text, unit, canonical = pick(rng, [f"{km:g} km", f"{km:g} kilometres", f"{km:g}km"]), "km", km
        prose = fill(pick(rng, ["The course is {v} long.", "Distance: {v}.", "Runners cover {v}.", "The route measures {v}."]), v=text)
        return Sentence(prose, "Distance", text), Fact("distance", canonical, canonical, unit, text)
    shown = pick(rng, [f"{days} days", f"{surface.words(days)} days"]) if days > 1 else pick(rng, ["one day", "a single day"])
    word = "conference" if kind == "conference" else "festival"
    prose = fill(pick(rng, [f"The {word} lasted {{v}}.", "It ran for {v}.", f"{{v}} of talks." if kind == "conference" else "{v} of music.",
                             "Length: {v}."]), v=shown)
    return Sentence(prose, "Length", shown), Fact("duration", float(days * 24), float(days * 24), "day", shown)


def _distractors(rng: random.Random, kind: str, people: int, held: date, ctx: dict) -> list[str]:
    first = rng.randint(1968, min(held.year, 2015))
    sale = held - timedelta(days=rng.randint(30, 200))
    deadline = held - timedelta(days=rng.randint(40, 150))
    options = [] if kind == "concert" else [f"First held in {first}.", f"This was the {_ordinal(rng.randint(2, 40))} edition."]
    options += [
        f"Tickets went on sale {sale.day} {_MONTHS[sale.month - 1]} {sale.year}.",
        f"Info line: +1 {rng.randint(200, 989)} 555 {rng.randint(1000, 9999)}.",
        f"Organised by {ctx['organiser']}, founded in {rng.randint(1950, min(held.year - 1, 2015))}.",
    ]
    options += {
        "concert": [f"{ctx['venue']} holds {int(people * rng.uniform(1.2, 3)) // 100 * 100 + 100:,}.", f"Doors opened at {rng.randint(6, 8)}:30 pm.",
                    f"The setlist had {rng.randint(14, 28)} songs.", f"Part of a {rng.randint(12, 60)}-date tour.",
                    f"The band formed in {rng.randint(1970, 2018)}."],
        "conference": [f"{rng.randint(20, 300)} speakers across {rng.randint(2, 12)} tracks.", f"Keynote in Room {rng.randint(100, 520)}.",
                       f"Call for papers closed on {deadline.day} {_MONTHS[deadline.month - 1]} {deadline.year}.", f"{rng.randint(10, 90)} sponsors exhibited."],
        "race": [f"Cut-off time: {rng.randint(2, 30)} hours.", f"Start at {rng.randint(6, 9)}:{rng.choice(['00', '15', '30'])} am.",
                 f"{rng.randint(3, 40)} aid stations along the route.", f"Elevation gain: {rng.randint(50, 4000):,} m.",
                 f"Course record: {rng.randint(0, 9)}:{rng.randint(10, 59)}:{rng.randint(10, 59)}."],
        "festival": [f"{rng.randint(20, 180)} acts on {rng.randint(2, 9)} stages.", pick(rng, ["Camping opened a day early.", f"Camping opened {rng.randint(2, 3)} days early."]),
                     f"{rng.randint(40, 300)} food stalls.", f"Under-{rng.choice([12, 14, 16])}s get in free."],
    }[kind]
    return rng.sample(options, k=rng.randint(2, 4))


def _ordinal(value: int) -> str:
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def _title(rng: random.Random, names: NameBook, kind: str, km_hint: str, ctx: dict) -> str:
    place = ctx["place"]
    if kind == "concert":
        return pick(rng, [f"{ctx['artist']} live at {ctx['venue']}", f"{ctx['artist']} — {place} show", f"{ctx['artist']} in {place}"])
    if kind == "conference":
        return pick(rng, [f"{names.word(2)}Conf {place}", f"{place} {pick(rng, ['Data', 'Cloud', 'Health', 'Design', 'Robotics', 'Security'])} Summit",
                          f"{names.word(2)} Developer Days"])
    if kind == "race":
        return f"{place} {km_hint}"
    return pick(rng, [f"{place} {pick(rng, ['Jazz', 'Folk', 'Rock', 'Electronic', 'Blues', 'Indie'])} Festival", f"{names.word(2)}fest {place}",
                      f"{place} Open Air"])


def _race_label(rng: random.Random, km: float) -> str:
    """A race's name must not contradict its distance: only a 42.2 km race is a "Marathon"."""
    if 42 <= km <= 42.3:
        return "Marathon"
    if 21 <= km <= 21.2:
        return "Half Marathon"
    if km > 42.3:
        return pick(rng, ["Ultra Trail", "Ultra"])
    return pick(rng, ["Road Race", "City Run", "Trail Run"])


def build_event(rng: random.Random, names: NameBook, kind: str, places: list[str], organisers: list[str]) -> Record:
    days = {"concert": 1, "race": 1, "conference": rng.choice([1, 2, 2, 3, 3, 4, 5]), "festival": rng.choice([2, 3, 3, 4, 5, 7, 10])}[kind]
    latest = surface.today() - timedelta(days=days + 1)
    start = date.fromordinal(rng.randint(date(2008, 1, 1).toordinal(), latest.toordinal()))
    place = pick(rng, places)
    ctx = {"place": place, "venue": f"{place} {pick(rng, ['Arena', 'Hall', 'Stadium', 'Theatre', 'Park'])}",
           "artist": pick(rng, [f"The {names.word(2)}s", f"{names.person()}", f"{names.word(2)} {names.word(1)}"]),
           "organiser": pick(rng, organisers)}
    people = {"concert": _nice_count(rng, 250, 70000), "conference": _nice_count(rng, 60, 30000),
              "race": _nice_count(rng, 120, 50000), "festival": _nice_count(rng, 1500, 300000)}[kind]
    fee = {"concert": (19, 299), "conference": (49, 2999), "race": (15, 249), "festival": (39, 499)}[kind]
    date_text, date_fact = _when(rng, start, days)
    length_sentence, length_fact = _length(rng, kind, days)
    title = _title(rng, names, kind, _race_label(rng, length_fact.low) if kind == "race" else "", ctx)
    record = Record("event", kind, title)
    size_sentence, size_fact = _size(rng, kind, people)
    fee_sentence, fee_fact = _fee(rng, kind, nice_price(rng, *fee))
    date_sentence = Sentence(_date_sentence(rng, kind, date_fact.text, date_fact.unit, days), "Date", date_fact.text)
    for fact in (date_fact, length_fact, size_fact, fee_fact):
        record.facts[fact.attribute] = fact
    noun = {"concert": "concert", "conference": "conference", "race": "running race", "festival": "music festival"}[kind]
    intro = pick(rng, [f"{title}: a {noun} in {ctx['place']}.", f"{title} is a {noun} held in {ctx['place']}.",
                       f"Recap — {title}, a {noun}.", f"{title} ({noun}, {ctx['place']})."])
    record.text = compose(rng, intro, [date_sentence, length_sentence, size_sentence, fee_sentence],
                          _distractors(rng, kind, people, start, ctx))
    return record
