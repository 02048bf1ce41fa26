"""Nouns of the ``dev`` template set: how each category is named, with articles and plurals."""

from __future__ import annotations

import random

__all__ = ["DESCRIPTIONS", "PLURALS", "QUERY_NOUNS", "article", "plural", "query_noun", "with_article"]

#: How a document introduces an entity of a category (with its article).
DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    "headphones": ("a pair of wireless over-ear headphones", "a pair of noise-cancelling headphones",
                   "a pair of on-ear headphones", "a pair of studio headphones", "a pair of Bluetooth headphones"),
    "laptop": ("a thin-and-light laptop", "a gaming laptop", "a 2-in-1 laptop", "a business notebook",
               "a laptop for students", "a laptop"),
    "phone": ("a smartphone", "a budget phone", "a flagship smartphone", "a compact phone", "a rugged phone"),
    "camera": ("a mirrorless camera", "a compact camera", "a full-frame camera", "a travel camera"),
    "monitor": ("a 4K monitor", "a gaming monitor", "an office monitor", "an ultrawide monitor", "a USB-C monitor"),
    "e-bike": ("an e-bike", "an electric city bike", "a commuter e-bike", "a folding e-bike", "an electric mountain bike"),
    "coffee machine": ("an espresso machine", "a bean-to-cup coffee machine", "a drip coffee maker",
                       "a coffee machine", "a capsule coffee machine"),
    "smartwatch": ("a smartwatch", "a fitness smartwatch", "a smart watch", "a GPS smartwatch"),
    "concert": ("a concert", "a live show", "an open-air concert"),
    "conference": ("a conference", "a professional conference", "an industry conference"),
    "race": ("a road race", "a trail race", "a running race", "a city race"),
    "festival": ("a music festival", "a food festival", "a folk festival", "a street festival"),
}

PLURALS = {"headphones": "headphones", "smartwatch": "smartwatches", "coffee machine": "coffee machines"}

#: How a query names a category (plural), or a kind when no category is asked.
QUERY_NOUNS: dict[str, tuple[str, ...]] = {
    "headphones": ("headphones", "headphones", "pairs of headphones"),
    "laptop": ("laptops", "laptops", "notebooks"),
    "phone": ("phones", "smartphones"),
    "camera": ("cameras",),
    "monitor": ("monitors",),
    "e-bike": ("e-bikes", "electric bikes"),
    "coffee machine": ("coffee machines", "coffee makers"),
    "smartwatch": ("smartwatches", "smart watches"),
    "concert": ("concerts", "gigs"),
    "conference": ("conferences",),
    "race": ("races", "running races"),
    "festival": ("festivals",),
    "event": ("events",),
    "person": ("people",),
}


def plural(noun: str) -> str:
    if noun in PLURALS:
        return PLURALS[noun]
    return noun + ("es" if noun.endswith(("ch", "sh", "s")) else "s")


def article(noun: str) -> str:
    """"a" or "an" by sound: an e-bike, an accountant, an 8-hour, an 11-year-old, an 18."""
    if noun[0].isdigit():
        return "an" if noun.startswith("8") or noun.split("-")[0] in ("11", "18") else "a"
    return "an" if noun[0].lower() in "aeio" or noun.startswith("e-") else "a"


def with_article(noun: str) -> str:
    if noun == "headphones":
        return "a pair of headphones"
    return f"{article(noun)} {noun}"


def query_noun(category: str, rng: random.Random) -> str:
    """The plural a query names ``category`` (or a kind) by: "laptops", "nurses", "events"."""
    return rng.choice(QUERY_NOUNS[category]) if category in QUERY_NOUNS else plural(category)
