"""Held-out prose style A: a staff "get to know the team" page, in the third person.

Written apart from the development style and from the reader it measures (see
:mod:`.base` for the contract): British spelling, one pronoun per person (she, he or
singular they), subjects that vary between the full
name, the first name, the pronoun and "our colleague", likes put through many verbs,
idioms and fronted sentences, a few dislikes, and a few sentences about work and home
that mention no item. A may be used to look at a reader's failures; held-out style B
(:mod:`.heldout_b`) is kept unseen for the final measurement.
"""

from __future__ import annotations

import random
from typing import Sequence

from .base import Profile
from .grammar import PairQuestions, Phrasebook, Subject, casual_case, fill, first_name, listing, paragraphs, partition, sounds_plural

__all__ = ["HeldOutStyleA"]

# "{S} <phrase> {X}." — each phrase states that the subject likes the items.
LIKE_PHRASES = (
    "[adores]",
    "[loves]",
    "[is] fond of",
    "[has] a soft spot for",
    "can't get enough of",
    "[has] always been drawn to",
    "[is] a sucker for",
    "[is] wild about",
    "[is] passionate about",
    "[is] crazy about",
    "[is] really into",
    "[is] a big fan of",
    "genuinely [enjoys]",
    "really [likes]",
    "[is] keen on",
    "[is] completely obsessed with",
    "[delights] in",
    "never [gets] tired of",
    "[is] partial to",
    "[has] a real weakness for",
    "[is] enthusiastic about",
    "[raves] about",
    "[has] a deep appreciation for",
    "[is] hooked on",
    "[has] a thing for",
    "[is] mad about",
    "[thinks] the world of",
    "[is] devoted to",
    "can never resist",
    "[gets] a kick out of",
    "[is] very much into",
    "[is] an avid fan of",
)

# Other shapes of liking: (template, fewest items, most items).
LIKE_FRAMES = (
    ("{X}? {S} [loves] {it}.", 1, 2),
    ("{X} [is|X] something {S} really [enjoys].", 1, 4),
    ("{X} [has|X] a special place in {P} heart.", 1, 3),
    ("When it comes to {X}, {S} [is] a true enthusiast.", 1, 2),
    ("If there is one thing {S} [adores], it is {X}.", 1, 1),
    ("Nothing makes {O} happier than {X}.", 1, 2),
    ("{G} favourite things include {X}.", 2, 5),
    ("{S} [counts] {X} among {P} favourite things.", 1, 4),
    ("Ask {O} about {X} and you will soon find out how much {S} [loves] {it}.", 1, 2),
    ("{X} always [puts|X] a smile on {P} face.", 1, 2),
    ("There is nothing {S} [enjoys] more than {X}.", 1, 1),
    ("Few things delight {O} quite as much as {X}.", 1, 2),
    ("{S} [has] loved {X} for as long as anyone can remember.", 1, 5),
    ("Top of {G} list of favourites: {X}.", 2, 5),
    ("Colleagues know {O} as a great admirer of {X}.", 1, 5),
)

# "{S} <phrase> {Y}." with how several disliked items are joined.
DISLIKE_PHRASES = (
    ("[has] never cared for", "or"),
    ("[is] not a fan of", "or"),
    ("can't stand", "or"),
    ("would rather avoid", "and"),
    ("[is] not particularly keen on", "or"),
    ("[dislikes]", "and"),
    ("[steers] clear of", "and"),
    ("[has] never warmed to", "or"),
    ("[isn't] much of a fan of", "or"),
    ("[has] no time at all for", "or"),
)
DISLIKE_FRAMES = (
    "{S} [finds] {Y} tedious.",
    "{Y} [leaves|Y] {O} cold.",
    "{Y} really [isn't|Y] {P} thing.",
    "{S} [finds] {Y} rather dull.",
    "Don't expect {O} to get excited about {Y}.",
    "{S} will happily skip anything involving {Y}.",
)
# One sentence with both: {X} liked, {Y} disliked.
MIXED_FRAMES = (
    "{S} [loves] {X} but [has] never cared for {Y}.",
    "{S} [is] a big fan of {X}, though {Y} [leaves|Y] {O} cold.",
    "{S} [enjoys] {X}; {Y}, on the other hand, {S} [can't] stand.",
    "While {S} [is] fond of {X}, {Y} [isn't|Y] really {P} thing.",
    "{S} [adores] {X}, yet {S} [dislikes] {Y}.",
)

INTROS = (
    "Meet {full}.",
    "Say hello to {full}!",
    "This month we are getting to know {full}.",
    "{full} joined us {years} years ago.",
    "Introducing {full}, one of the longest-serving members of the {dept} team.",
)
# Sentences that state no preference and mention no item.
NEUTRAL = (
    "{S} [is] based in our {city} office.",
    "{S} grew up in {city} and moved here after university.",
    "{S} [works] in {dept}.",
    "{S} [has] two grown-up sons.",
    "Outside work, {S} [is] a school governor.",
    "{S} [speaks] three languages.",
    "{S} [commutes] in from {city} most days.",
    "{S} [has] a twin sister who lives abroad.",
    "{S} [is] usually the first to arrive on a Monday morning.",
    "If you need a hand with the quarterly reports, {S} [is] the one to talk to.",
    "Before joining us, {S} spent {years} years at a firm in {city}.",
    "{S} [is] the person to ask about anything to do with the expense system.",
)
CITIES = ("Leeds", "Bristol", "Glasgow", "Cardiff", "Utrecht", "Ghent", "Porto", "Lyon", "Aarhus", "Graz")
DEPARTMENTS = ("accounts", "logistics", "customer support", "procurement", "payroll", "quality assurance", "operations")

QUESTIONS = (
    "Which person is fond of {X}?",
    "Find someone who enjoys {X}.",
    "Name the people who like {X}.",
    "Who is a fan of {X}?",
    "Which of our colleagues loves {X}?",
    "List everyone who adores {X}.",
    "I'm looking for people who are into {X}.",
    "Who on the team has a soft spot for {X}?",
    "Is there anybody here who likes {X}?",
    "Show me the staff members who like {X}.",
    "Whose favourite things include {X}?",
    'Who here enjoys "{X}"?',
    "Which people are keen on {X}?",
    "Please find the colleagues who are passionate about {X}.",
    "{X}: who is a fan?",
    "Which team members would say they love {X}?",
)
QUESTIONS_AND = (
    "Who likes both {A} and {B}?",
    "Which people are fond of {A} as well as {B}?",
    "Find the colleagues who enjoy {A} and also enjoy {B}.",
    "Name everyone who loves {A} and {B} alike.",
    "Who is a fan of {A} and a fan of {B} too?",
)
QUESTIONS_OR = (
    "Who likes {A} or {B}?",
    "Which people enjoy either {A} or {B} (or both)?",
    "Find anyone who is a fan of {A}, {B}, or both.",
    "List everybody who likes at least one of {A} and {B}.",
    "Who is into {A} or into {B}?",
)
QUESTIONS_BUT_NOT = (
    "Who likes {A} but not {B}?",
    "Which people enjoy {A} and do not like {B}?",
    "Find the fans of {A} who are not also fans of {B}.",
    "Name everyone who loves {A}, leaving out anyone who likes {B}.",
    "Who is into {A} without being into {B}?",
)

_PRONOUNS = {  # subject, object, possessive; "they" takes plural verbs
    "she": ("she", "her", "her", "singular"),
    "he": ("he", "him", "his", "singular"),
    "they": ("they", "them", "their", "plural"),
}


def _pronoun(first: str, rng: random.Random) -> str:
    """Singular "they" for two in five people; otherwise a guess from how the first name
    ends (English names in -a, -e, -i, -y are more often women's). A wrong guess reads
    oddly but leaves every statement about the one person of the profile clear."""
    if rng.random() < 0.4:
        return "they"
    return "she" if first.lower().endswith(("a", "e", "i", "y")) else "he"


class HeldOutStyleA(PairQuestions):
    """Third-person staff-page profiles; see the module."""

    pair_questions = {"and": QUESTIONS_AND, "or": QUESTIONS_OR, "but-not": QUESTIONS_BUT_NOT}
    name = "heldout-a"

    def profile(self, *, person: Profile, rng: random.Random) -> str:
        writer = _Writer(person, rng)
        intro = writer.intro()
        body = writer.likes_and_dislikes() + writer.neutral(rng.randint(1, 3))
        rng.shuffle(body)
        return "\n\n".join(paragraphs([intro, *body], shortest=3, longest=5, rng=rng))

    def question(self, *, item: str, rng: random.Random) -> str:
        return rng.choice(QUESTIONS).format(X=item)


class _Writer:
    """One profile's choices: pronoun, casing habit, and which phrases are still unused."""

    def __init__(self, person: Profile, rng: random.Random) -> None:
        self.person, self.rng = person, rng
        self.first = first_name(person.name)
        subject, obj, possessive, number = _PRONOUNS[_pronoun(self.first, rng)]
        self.pronoun = Subject(subject, number, obj, possessive, possessive)
        self.casual = rng.random() < 0.4  # some writers lower-case "river otters"
        self.city, self.dept = rng.choice(CITIES), rng.choice(DEPARTMENTS)
        self.phrases = Phrasebook(rng)

    def subject(self) -> Subject:
        kind = self.rng.choices(("pronoun", "first", "full", "colleague"), weights=(6, 3, 1, 1))[0]
        if kind == "pronoun":
            return self.pronoun
        text = {"first": self.first, "full": self.person.name, "colleague": "our colleague"}[kind]
        genitive = f"{text}'s"
        return Subject(text, "singular", self.pronoun.object, self.pronoun.possessive, genitive)

    def items(self, items: Sequence[str], *, joiner: str = "and", after_verb: bool = False) -> str:
        """The items as a list; right after a verb ("enjoys both A and B") the list may take
        "both" or "as well as", which read badly elsewhere ("as much as A as well as B")."""
        shown = [casual_case(item) if self.casual else item for item in items]
        if joiner == "or":
            return listing(shown, last="or")
        roll = self.rng.random()
        if after_verb and len(shown) == 2 and roll < 0.2:
            return f"both {shown[0]} and {shown[1]}"
        if after_verb and len(shown) >= 2 and roll > 0.85:
            return listing(shown, last="as well as")
        return listing(shown)

    def intro(self) -> str:
        template = self.rng.choice(INTROS)
        return template.format(full=self.person.name, years=self.rng.randint(2, 15), dept=self.dept)

    def likes_and_dislikes(self) -> list[str]:
        likes = list(self.person.likes)
        self.rng.shuffle(likes)
        groups = partition(likes, (1, 2, 3, 4, 5), (2, 3, 3, 2, 1), self.rng)
        dislikes = list(self.person.dislikes)
        self.rng.shuffle(dislikes)
        dislike_groups = partition(dislikes, (1, 2), (2, 1), self.rng)
        sentences = []
        for disliked in dislike_groups:
            if groups and len(groups[-1]) <= 2 and self.rng.random() < 0.35:
                sentences.append(self.mixed(groups.pop(), disliked))
            else:
                sentences.append(self.dislike(disliked))
        sentences.extend(self.like(group) for group in groups)
        return sentences

    def like(self, items: list[str]) -> str:
        subject = self.subject()
        if self.rng.random() < 0.35:
            frame = self.phrases.draw("frame", LIKE_FRAMES, lambda f: f[1] <= len(items) <= f[2])
            template = frame[0]
            if "{O}" in template and "{S}" in template:
                subject = self.pronoun  # "Ask her about X ... how much Ana loves them" reads badly
            return fill(template, subject=subject, liked=self.items(items), liked_plural=sounds_plural(items))
        phrase = self.phrases.draw("like", LIKE_PHRASES)
        liked = self.items(items, after_verb=True)
        return fill(f"{{S}} {phrase} {{X}}.", subject=subject, liked=liked, liked_plural=sounds_plural(items))

    def dislike(self, items: list[str]) -> str:
        subject = self.subject()
        if self.rng.random() < 0.3:
            template = self.phrases.draw("dislike-frame", DISLIKE_FRAMES)
            return fill(template, subject=subject, disliked=self.items(items), disliked_plural=sounds_plural(items))
        phrase, joiner = self.phrases.draw("dislike", DISLIKE_PHRASES)
        return fill(f"{{S}} {phrase} {{Y}}.", subject=subject, disliked=self.items(items, joiner=joiner))

    def mixed(self, liked: list[str], disliked: list[str]) -> str:
        template = self.phrases.draw("mixed", MIXED_FRAMES)
        subject = self.pronoun if self.rng.random() < 0.5 else self.subject()
        if template.count("{S}") > 1:
            subject = self.pronoun  # "Ana enjoys X; Y, on the other hand, Ana can't stand" reads badly
        return fill(
            template, subject=subject,
            liked=self.items(liked), liked_plural=sounds_plural(liked),
            disliked=self.items(disliked), disliked_plural=sounds_plural(disliked),
        )

    def neutral(self, count: int) -> list[str]:
        chosen = self.rng.sample(NEUTRAL, count)
        other_city = self.rng.choice([c for c in CITIES if c != self.city])
        return [
            fill(t.replace("{city}", other_city if "grew up" in t or "firm" in t else self.city)
                 .replace("{dept}", self.dept).replace("{years}", str(self.rng.randint(2, 9))),
                 subject=self.subject())
            for t in chosen
        ]
