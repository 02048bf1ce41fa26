"""What a number measures: the attribute vocabulary, and the kind of thing a text is about.

A stated number is bound to an *attribute* by the words around it — the nearest cue of
a compatible attribute in its clause, then in its sentence (``battery`` ... ``40 hours``
is battery life; ``ships within 5 days`` is shipping time, not battery life). An
attribute has a *kind* (the dimension its values have) and cue words (synonyms and the
verbs that introduce it). When no cue is found, the kind's default for the *entity*
the text is about applies (money is a price for a product, a salary for a person, a
ticket price for an event), or the kind itself ("generic").

Some attributes are *distractors* by nature — shipping time, warranty, the version of a
standard ("Bluetooth 5.3"), a model name ("Lum 4 Max"), a founding year: a constraint
never applies to them unless it names them.

This table is the project's own, documented here; extend it with :func:`ATTRIBUTES`
entries (attribute -> (kind, cues)).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "Attribute",
    "ATTRIBUTES",
    "DISTRACTORS",
    "ENTITY_DEFAULTS",
    "assign_attribute",
    "attribute_from_words",
    "entity_of",
    "cue_words",
    "words",
]


@dataclass(frozen=True, slots=True)
class Attribute:
    name: str
    kind: str
    cues: tuple[str, ...]


def _a(name: str, kind: str, cues: str) -> Attribute:
    return Attribute(name, kind, tuple(c.strip() for c in cues.split(",") if c.strip()))


ATTRIBUTES: tuple[Attribute, ...] = (
    # products
    _a("price", "money", "price, priced, prices, costs, cost, retails, retail, sells, sale, msrp, rrp, buy, bought, pay, deal, "
       "set me back, sets you back, budget, cheaper, pricier, expensive, affordable, for just, listed at, going for, tag"),
    _a("battery life", "duration", "battery, batteries, lasts, last, runtime, run time, playback, charge, endurance, listening, "
       "unplugged, juice"),
    _a("shipping time", "duration", "ships, ship, shipping, delivery, delivered, dispatch, dispatched, arrives, arrive, lead time, "
       "business days, in stock"),
    _a("warranty", "duration", "warranty, warranties, guarantee, guaranteed, coverage, covered, care"),
    _a("storage", "data", "storage, ssd, hdd, disk, drive, capacity, internal, rom, flash, space, stores, store"),
    _a("memory", "data", "ram, memory, lpddr, ddr, unified"),
    _a("weight", "mass", "weighs, weigh, weight, weighing, heavy, heavier, light, lighter, mass, tips the scales"),
    _a("screen size", "length", "screen, display, panel, diagonal, monitor, tv, television, inch, inches, size"),
    _a("rating", "rating", "rated, rating, ratings, stars, star, score, scored, review, reviews, reviewers, users"),
    _a("release date", "date", "released, release, launched, launch, announced, introduced, available, debuted, came out, "
       "on sale, out since, hit shelves, new, newer, latest, model year"),
    _a("refresh rate", "frequency", "refresh, refresh rate, refreshes, hz panel, frame rate"),
    _a("clock speed", "frequency", "clock, clocked, boost, boosts, processor, cpu, chip, speed, turbo, core, cores, faster, "
       "slower, runs at"),
    _a("firmware version", "version", "firmware, fw, software, os, update, updated, runs, running, version, build, ships with"),
    _a("standard", "version", "bluetooth, usb, wi-fi, wifi, hdmi, pcie, thunderbolt, displayport"),
    _a("range", "length", "range, per charge, on a charge, on one charge, reach"),
    _a("top speed", "speed", "top speed, speed, max speed, goes up to"),
    _a("resolution", "count:megapixel", "megapixels, megapixel, mp, sensor, resolution"),
    # people
    _a("age", "age", "age, aged, old, years old, turned, turns, younger, older"),
    _a("birth date", "date", "born, birth, birthday, b., dob, native"),
    _a("salary", "money", "salary, salaries, earns, earn, earning, earnings, income, paid, makes, make, pay, wage, wages, "
       "compensation, package, richer, poorer, figures"),
    _a("height", "length", "tall, taller, height, stands"),
    _a("race time", "duration", "marathon, race, races, finish, finished, finishing, ran, personal best, pb, record, "
       "completed, quicker, faster, slower, half marathon, 10k, finish time, race time, course record, cut-off, cutoff"),
    _a("experience", "duration", "experience, career, worked, working, industry, in the field, seniority, in the job, "
       "on the job, in the role, in the trade, years in, has been, been a"),
    # events
    _a("event date", "date", "takes place, take place, held, scheduled, happens, happening, kicks off, starts, begins, "
       "runs from, opening, opens, doors open"),
    _a("ticket price", "money", "ticket, tickets, entry, admission, pass, passes, entrance, door, doors, fee"),
    _a("attendance", "count:person", "attendees, attendance, attended, attend, visitors, visited, crowd, guests, spectators, "
       "participants, people, fans, turnout, audience, drew, draws, sold out, capacity, runners, delegates"),
    _a("event length", "duration", "duration, lasts, lasted, long, runs for, ran for, spans, length, hours of music, days of music, "
       "days of, set length, running time, run time, show length, set time, playing time"),
    _a("distance", "length", "distance, course, route, marathon, race, run, ran, runs, walk, walked, walks, cycled, cycles, "
       "rode, rides, swam, swims, hiked, hikes, away, commute, commutes, far, from, trip, journey"),
    # organisations
    _a("other charge", "money", "parking, shipping, delivery, deposit, subscription, insurance, add-on, accessories, upgrade, "
       "orders over, raffle, per month over, instalment, installment, membership, rental, hire, locker"),
    _a("budget", "money", "budget, budgets, manages, managed, revenue, turnover, raised, funding, grant, sales, sold, "
       "worth, portfolio, prize, prize money, sponsorship"),
    _a("founding year", "date", "founded, established, est., in business, formed, first held, first edition, "
       "running since, inaugurated, debut edition"),
    _a("interval", "duration", "every, interval, intervals, frequency, shuttle, shuttles, refill, descale, cycle"),
    _a("elevation", "length", "climbing, climb, elevation, ascent, gain, altitude, vertical, descent, metres up"),
    _a("sale date", "date", "went on sale, go on sale, goes on sale, on sale, presale, pre-sale, booking opened, bookings open"),
)
DISTRACTORS = frozenset({"shipping time", "warranty", "standard", "model", "founding year", "sale date", "time of day", "budget",
                         "other charge", "elevation", "interval"})
# the attribute a kind means when nothing names it, by what the text is about
ENTITY_DEFAULTS: dict[str, dict[str, str]] = {
    "product": {"money": "price", "date": "release date", "data": "storage", "length": "screen size", "mass": "weight",
                "rating": "rating", "frequency": "clock speed", "version": "firmware version"},
    "person": {"money": "salary", "length": "height", "mass": "weight", "age": "age", "duration": "experience"},
    "event": {"money": "ticket price", "date": "event date", "count:person": "attendance", "duration": "event length",
              "length": "distance", "rating": "rating"},
}
# What a text is about, from words that say it (plural "s" is stripped before counting).
# Professions are not cues: "Developer Days" is an event, "a nurse's watch" a product.
_ENTITY_CUES = {
    "person": ("born", "b.", "years old", "y/o", "yrs old", "year-old", "aged", "salary", "earns", "earning", "paid", "he", "she",
               "his", "her", "career", "cv", "resume", "person", "people", "who", "someone", "anyone", "anybody", "married",
               "lives", "tall", "profile", "experience", "whose", "member", "staff", "employee", "resident", "adult", "man",
               "woman", "men", "women", "student", "athlete", "individual", "folk", "making", "among",
               # professions: a CV is about a person ("Developer Days, a conference" is caught as an event first)
               "engineer", "developer", "designer", "teacher", "nurse", "doctor", "chef", "pilot", "architect", "accountant",
               "lawyer", "electrician", "plumber", "carpenter", "manager", "scientist", "analyst", "consultant", "editor",
               "writer", "journalist", "coach", "veterinarian", "pharmacist", "dentist", "surgeon", "firefighter",
               "mechanic", "technician", "translator", "artist", "musician", "photographer", "retiree", "retired",
               "director", "officer", "clerk", "cashier", "farmer", "baker", "barber", "driver", "programmer"),
    "event": ("event", "concert", "festival", "conference", "race", "marathon", "gig", "meetup", "summit", "expo",
              "tournament", "ticket", "attendee", "attended", "attendance", "venue", "lineup", "line-up", "keynote",
              "takes place", "took place", "held", "headliner", "exhibition", "edition", "festivalgoer", "visitor", "runner",
              "admission", "setlist", "sponsor", "speaker", "track"),
    "product": ("price", "battery", "warranty", "ship", "shipping", "storage", "rated", "model", "firmware", "screen",
                "display", "spec", "weigh", "buy", "cost", "headphone", "laptop", "phone", "camera", "monitor", "bike",
                "e-bike", "machine", "watch", "smartwatch", "earbud", "tablet", "device", "review", "ram", "ssd", "customer"),
}
_WORD = re.compile(r"[a-z0-9]+(?:[-'.][a-z0-9]+)*\.?|[$€£★\"]")


def words(text: str) -> list[str]:
    """Lower-case word tokens (keeping "b." and "wi-fi")."""
    return [w.rstrip(".") if w not in ("b.", "est.") else w for w in _WORD.findall(text.lower())]


def cue_words() -> set[str]:
    """Every single word that is a cue of some attribute (not topical words of a query)."""
    found: set[str] = set()
    for attribute in ATTRIBUTES:
        for cue in attribute.cues:
            found.update(cue.split())
    return found


_EVENT_CATEGORIES = ("concert", "festival", "conference", "race", "marathon", "summit", "meetup", "convention")  # not "gig": "6 gigs of RAM"


def entity_of(text: str) -> str:
    """``person``, ``event`` or ``product``: what ``text`` is mostly about — an event
    category named in its first words decides; otherwise cue counts (ties: product)."""
    tokens = [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words(text)]  # "laptops" -> "laptop"
    if any(token in _EVENT_CATEGORIES for token in tokens[:12]):
        return "event"
    joined = " " + " ".join(tokens) + " "
    counts = {entity: sum(joined.count(f" {cue} ") for cue in cues) for entity, cues in _ENTITY_CUES.items()}
    best = max(("product", "person", "event"), key=lambda entity: (counts[entity], entity == "product"))
    return best if counts[best] > 0 else "product"


def _compatible(attribute: Attribute, kind: str) -> bool:
    if attribute.kind == kind:
        return True
    return kind.startswith("count:") and attribute.kind == "count:person" and kind.split(":", 1)[1] in _PEOPLE_NOUNS


_PEOPLE_NOUNS = frozenset("person people attendee visitor guest spectator participant fan runner delegate ticket-holder "
                          "viewer member".split())


def attribute_from_words(kind: str, before: list[str], after: list[str]) -> tuple[str, int] | None:
    """The attribute whose cue is nearest the number (``before``: words left of it,
    nearest last; ``after``: words right of it), with that distance; None if no cue.
    A distractor's cue wins over a nearer general one: "parking costs $15" is a charge
    for parking, whatever "costs" alone would say."""
    best: tuple[int, int, int, str] | None = None
    for order, attribute in enumerate(ATTRIBUTES):
        if not _compatible(attribute, kind):
            continue
        rank = 0 if attribute.name in DISTRACTORS else 1
        for cue in attribute.cues:
            parts = cue.split()
            distance = _distance(parts, before, after)
            if distance is not None and (best is None or (rank, distance, order) < best[:3]):
                best = (rank, distance, order, attribute.name)
    return None if best is None else (best[3], best[1])


def _distance(parts: list[str], before: list[str], after: list[str]) -> int | None:
    width = len(parts)
    found = None
    for index in range(len(before) - width, -1, -1):
        if parts == ["range"] and index > 0 and before[index - 1] == "the":
            continue  # "in the range 160-170": a comparison, not an e-bike's range
        if before[index : index + width] == parts:
            found = len(before) - (index + width)
            break
    for index in range(0, len(after) - width + 1):
        if after[index : index + width] == parts:
            distance = index + 1  # a cue after the number counts as a step further
            found = distance if found is None else min(found, distance)
            break
    return found


_ABBREVIATION_DOT = r"(?<!\best)(?<!\bb)(?<!\bno)(?<!\bca)(?<!\bapprox)(?<!\bincl)(?<!\bvs)(?<!\bnr)"
_CLAUSE_END = re.compile(r"[;!?|·•]|" + _ABBREVIATION_DOT + r"\.(?=\s|$)|,|\band\b|\bbut\b|\bwhile\b|\bwhereas\b|\bwith\b|\bplus\b|\(|\)|—|–|\s-\s|\n", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[;!?|·•]|" + _ABBREVIATION_DOT + r"\.(?=\s|$)|\n")


def _context(text: str, span: tuple[int, int], boundary: re.Pattern[str]) -> tuple[list[str], list[str]]:
    start, end = span
    left = max((m.end() for m in boundary.finditer(text, 0, start)), default=0)
    following = boundary.search(text, end)
    right = following.start() if following else len(text)
    return words(text[left:start]), words(text[end:right])


# The same cue means a different attribute for another kind of thing: what an event costs
# is its ticket price.
ENTITY_ALIASES = {"event": {"price": "ticket price", "release date": "sale date"}, "person": {"price": "salary"},
                  "product": {"sale date": "release date"}}


def assign_attribute(kind: str, text: str, span: tuple[int, int], *, entity: str, hint: str = "") -> str:
    """The attribute of the number at ``span`` (see the module docstring)."""
    if hint:
        return hint
    for boundary in (_CLAUSE_END, _SENTENCE_END):
        before, after = _context(text, span, boundary)
        found = attribute_from_words(kind, before, after)
        if found is not None:
            return ENTITY_ALIASES.get(entity, {}).get(found[0], found[0])
    if kind.startswith("count:") and kind.split(":", 1)[1] in _PEOPLE_NOUNS:
        return "attendance"
    return ENTITY_DEFAULTS.get(entity, {}).get(kind, kind)
