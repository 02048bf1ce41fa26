"""Job postings.

Attributes: ``salary`` (per year in the posting's currency, USD or GBP; written per
year, per month or per hour, as one figure, a range or "six figures"), ``experience``
(the minimum years asked for; "no experience needed" is 0), ``hours`` (hours per week),
``team_size`` (people on the team the hire joins) and ``start`` (the start date: a day,
month or quarter). Categories: ``field`` (engineering, healthcare, hospitality, trades,
office, design, transport), ``arrangement`` (remote, hybrid, on-site) and ``country``
(US, UK). Distractors: signing bonuses, retirement match, paid leave, company size,
founding years, posting dates, application deadlines, requisition ids, phones and ZIP
codes.
"""

from __future__ import annotations

import datetime as dt
import random

from .. import periods
from ..wording import amount_forms, capital, count_words, day_forms, grouped, pick, plain
from .draft import Draft

__all__ = ["FIELDS", "job_posting"]

FIELDS = {
    "engineering": ("backend engineer", "site reliability engineer", "data engineer", "mobile developer",
                    "machine learning engineer", "QA engineer"),
    "healthcare": ("registered nurse", "dental hygienist", "lab technician", "physiotherapist", "pharmacist"),
    "hospitality": ("line cook", "sous chef", "front-desk agent", "barista trainer"),
    "trades": ("electrician", "plumber", "HVAC technician", "welder"),
    "office": ("account manager", "paralegal", "payroll specialist", "data analyst", "office manager"),
    "design": ("graphic designer", "UX researcher", "product designer", "illustrator"),
    "transport": ("bus driver", "delivery driver", "warehouse supervisor", "forklift operator"),
}
COMPANIES = ("Brightwater Logistics", "Nimbus Health", "Tallow & Finch", "Orbital Foods", "Keystone Civic Trust",
             "Pinegrove Labs", "Marlowe Transit", "Fieldstone Energy", "Quayside Studio", "Hollis & Ward",
             "Copperleaf Systems", "Elm Street Clinic")
CITIES = {"US": ("Denver", "Austin", "Columbus", "Portland", "Raleigh", "Tucson"),
          "UK": ("Leeds", "Bristol", "Manchester", "Glasgow", "Cardiff")}
# Remote postings never place the hire in a city; the others say where the office is.
ARRANGEMENT_WORDS = {
    "remote": ("Fully remote.", "This is a remote position.", "Work from anywhere (100% remote).", "Remote-first role."),
    "hybrid": ("Hybrid: {} days a week in our {} office.",),
    "on-site": ("On-site at our {} location.", "This role is based on site in {}.", "In-person, {} office."),
}


def _salary(draft: Draft, currency: str, field: str) -> str:
    rng = draft.rng
    hourly_fields = ("hospitality", "trades", "transport")
    per = rng.choices(["year", "month", "hour"], weights=[3, 1, 4] if field in hourly_fields else [7, 2, 1])[0]
    symbol = "$" if currency == "USD" else "£"
    if per == "year":
        low = rng.randint(26, 210) * 1000
        if currency == "USD" and low >= 100_000 and draft.maybe(0.15):
            return draft.state_range("salary", 100_000, 999_999, "USD/year", pick(rng, ["six figures", "a six-figure salary"]))
        high = low + rng.randint(1, 6) * 5000
        unit, suffix = f"{currency}/year", pick(rng, [" a year", " per year", "/yr", " annually", " per annum", " p.a."])
    elif per == "month":
        low = rng.randint(24, 150) * 100
        high = low + rng.randint(2, 10) * 100
        unit, suffix = f"{currency}/month", pick(rng, [" a month", " per month", "/mo", " monthly"])
    else:
        low = rng.randint(14, 90)
        high = low + rng.randint(2, 8)
        unit, suffix = f"{currency}/hour", pick(rng, [" an hour", " per hour", "/hr", " hourly", " ph"])
    if not draft.maybe(0.5):
        return draft.state("salary", low, unit, [f"{form}{suffix}" for form in amount_forms(low, currency, words=False)])
    if low >= 1000 and low % 1000 == 0 and high % 1000 == 0 and draft.maybe(0.6):
        ends = pick(rng, [(f"{symbol}{plain(low / 1000)}k", f"{symbol}{plain(high / 1000)}k"),
                          (f"{symbol}{plain(low / 1000)}", f"{plain(high / 1000)}k"),
                          (f"{plain(low / 1000)}", f"{plain(high / 1000)}k {currency}")])
    else:
        ends = (f"{symbol}{grouped(low)}", f"{symbol}{grouped(high)}")
    words = f"{ends[0]}{pick(rng, ['–', '-', ' - ', ' to '])}{ends[1]}{suffix}"
    return draft.state_range("salary", low, high, unit, words)


def _experience(draft: Draft) -> str:
    rng = draft.rng
    years = rng.choices(range(0, 13), weights=[3, 3, 4, 4, 3, 4, 2, 2, 2, 1, 2, 1, 1])[0]
    if years == 0:
        draft.state("experience", 0, "count", ["no experience"])
        return pick(rng, ["No prior experience needed.", "Entry level: no experience required.",
                          "Graduates and career changers welcome, no experience necessary."])
    plural = "s" if years > 1 else ""
    words = draft.state("experience", years, "count", [
        f"{years}+ years", f"at least {count_words(years)} year{plural}", f"a minimum of {years} year{plural}",
        f"{years} or more years", f"{count_words(years)}-plus years", f"{years} yrs"])
    return pick(rng, [f"You bring {words} of relevant experience.", f"Requires {words} in a similar role.",
                      f"Experience: {words}.", f"Ideally you have {words} of hands-on experience."])


def _hours(draft: Draft) -> str:
    rng = draft.rng
    hours = rng.choice([16, 20, 24, 25, 30, 32, 35, 36, 37.5, 38, 40, 40, 40, 42, 45, 48, 50])
    forms = [f"{plain(hours)} hours a week", f"{plain(hours)} h/week", f"{plain(hours)} hours per week",
             f"{plain(hours)} hrs/wk"]
    if hours == int(hours):
        forms.append(f"{count_words(int(hours))} hours a week")
    words = draft.state("hours", hours, "hours/week", forms)
    return pick(rng, [f"Schedule: {words}.", f"The role is {words}.", f"Contract for {words}.", f"You will work {words}."])


def _team(draft: Draft) -> str:
    rng = draft.rng
    size = rng.randint(2, 40)
    words = draft.state("team_size", size, "count", [f"a team of {size}", f"a team of {count_words(size)}",
                                                     f"a {size}-person team", f"a squad of {size} people"])
    return pick(rng, [f"You will join {words}.", f"You'll be part of {words}.", f"Reporting to a lead within {words}."])


def _start(draft: Draft) -> str:
    rng = draft.rng
    when = dt.date(2025, 11, 1) + dt.timedelta(days=rng.randint(0, 420))
    grain = rng.choices(["day", "month", "quarter"], weights=[4, 4, 2])[0]
    period = {"day": lambda: periods.day(when), "month": lambda: periods.month(when.year, when.month),
              "quarter": lambda: periods.quarter(when.year, (when.month - 1) // 3 + 1)}[grain]()
    words = draft.state_period("start", period)
    return pick(rng, [f"Start date: {words}.", f"Starting {words}.", f"The successful candidate starts {words}."])


def _arrangement(draft: Draft, country: str) -> str:
    rng = draft.rng
    arrangement = rng.choices(["remote", "hybrid", "on-site"], weights=[3, 3, 4])[0]
    draft.categorise(arrangement=arrangement)
    template = pick(rng, list(ARRANGEMENT_WORDS[arrangement]))
    city = rng.choice(CITIES[country])
    if arrangement == "hybrid":
        return template.format(draft.distract("office days", str(rng.randint(2, 3))), city)
    return template.format(city) if "{}" in template else template


def job_posting(rng: random.Random) -> Draft:
    draft = Draft(rng)
    field = rng.choice(sorted(FIELDS))
    role, company = rng.choice(FIELDS[field]), rng.choice(COMPANIES)
    country = rng.choices(["US", "UK"], weights=[4, 1])[0]
    draft.categorise(domain="job", field=field, country=country)
    article = "an" if role[0] in "aeiouAEIOU" else "a"
    draft.say(pick(rng, [f"{capital(role)} wanted at {company}.", f"{company} is hiring {article} {role}.",
                         f"Job opening: {role} ({company}).", f"{capital(role)} — {company}."]))
    draft.say(_arrangement(draft, country))
    currency = "USD" if country == "US" else "GBP"
    draft.say(pick(rng, ["Pay: {}.", "Salary {}.", "Compensation is {}.", "We offer {}."]).format(_salary(draft, currency, field)))
    if draft.maybe(0.85):
        draft.say(_experience(draft))
    if draft.maybe(0.75):
        draft.say(_hours(draft))
    if draft.maybe(0.6):
        draft.say(_team(draft))
    if draft.maybe(0.5):
        draft.say(_start(draft))
    _job_distractors(draft, currency)
    return draft


def _job_distractors(draft: Draft, currency: str) -> None:
    rng = draft.rng
    deadline = dt.date(2025, 10, 1) + dt.timedelta(days=rng.randint(0, 200))
    posted = deadline - dt.timedelta(days=rng.randint(10, 60))
    extras = [
        ("Signing bonus of {}.", "bonus", pick(rng, amount_forms(rng.randint(2, 15) * 500, currency, words=False))),
        ("Pension / 401(k) with {} match.", "retirement match", f"{rng.randint(3, 6)}%"),
        ("{} of paid leave.", "leave", f"{rng.randint(15, 30)} days"),
        ("Founded in {}, we now employ {} people.", "company", None),
        ("Apply by {}.", "deadline", pick(rng, day_forms(deadline))),
        ("Posted {}.", "posted", pick(rng, day_forms(posted))),
        ("Req. ID {}.", "reference", f"R-{rng.randint(100000, 999999)}"),
        ("Questions? Call {}.", "phone", f"555-01{rng.randint(10, 99)}"),
        ("Office ZIP {}.", "postcode", str(rng.randint(10000, 99899))) if currency == "USD"
        else ("Office postcode {}.", "postcode", f"LS{rng.randint(1, 28)} {rng.randint(1, 9)}QT"),
    ]
    for template, kind, words in rng.sample(extras, rng.randint(3, 5)):
        if words is None:
            founded, staff = str(rng.randint(1950, 2020)), grouped(rng.randint(40, 9000))
            draft.say(template.format(draft.distract("founding year", founded), draft.distract("employees", staff)))
        else:
            draft.say(template.format(draft.distract(kind, words)))
