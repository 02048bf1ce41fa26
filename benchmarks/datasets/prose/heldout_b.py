"""Held-out prose style B: a self-written bio on a dating app or a hobby forum.

Kept unseen by the authors of the reader until a final measurement (see :mod:`.base` for
the contract). Written in the first person, American spelling, casual: the writer
introduces themself by full name, then says what they are into in their own words —
sentences with "I", subject-less fragments ("Huge fan of X."), labelled lists
("Current obsessions: ..."), what friends say about them (by first name), fronted items
("X? Yes please."), contractions; a few dislikes, a few lines about life that mention no
item, and sometimes a sign-off. Its word lists are its own, separate from style A.
"""

from __future__ import annotations

import random
import re
from typing import Sequence

from .base import Profile
from .grammar import PairQuestions, Phrasebook, Subject, casual_case, capitalise, fill, first_name, indefinite, listing, paragraphs, partition, sounds_plural

__all__ = ["HeldOutStyleB"]

# "I <phrase> {X}." (also "Yours truly <phrase> {X}.").
LIKE_PHRASES = (
    "[is] obsessed with",
    "[is] all about",
    "[has] a total weakness for",
    "[digs]",
    "[is] nuts about",
    "[geeks] out over",
    "[is] head over heels for",
    "[is] big on",
    "[lives] for",
    "[is] super into",
    "[is] a huge fan of",
    "[is] a total nerd about",
    "could talk all day about",
    "[is] forever recommending",
    "[is] unapologetically into",
    "[has] a serious thing for",
    "will never say no to",
    "[has] fallen hard for",
    "[gets] giddy about",
    "[is] weirdly passionate about",
    "genuinely [loves]",
    "[is] a die-hard fan of",
    "[is] smitten with",
    "absolutely [adores]",
    "[is] way into",
    "[is] a proud fan of",
    "[is] stoked about anything to do with",
    "[has] been hooked on",
    "[is] low-key obsessed with",
    "honestly [can't] get over how much I love",
)
# Shapes without "I <phrase>": (template, fewest items, most items). {S} is "I".
LIKE_FRAMES = (
    ("{X}? Yes please.", 1, 2),
    ("{X}? Always a yes from me.", 1, 2),
    ("Huge fan of {X}.", 1, 3),
    ("Never get bored of {X}.", 1, 2),
    ("{X} [makes|X] me ridiculously happy.", 1, 2),
    ("{X} [is|X] my happy place.", 1, 2),
    ("If you also love {X}, we'll get along great.", 1, 2),
    ("Ask me about {X} and I will happily nerd out for hours.", 1, 2),
    ("Anyone who knows me knows I love {X}.", 1, 5),
    ("Big fan of {X}, for the record.", 1, 4),
    ("Me? I'm mostly into {X}.", 2, 5),
    ("Nothing beats {X}, in my opinion.", 1, 1),
    ("Seriously, {X} [is|X] the best.", 1, 2),
)
# Labelled lists, one item list after the colon.
LIKE_LABELS = (
    "Current obsessions: {X}.",
    "Favorite things, in no particular order: {X}.",
    "Stuff I could talk about forever: {X}.",
    "Things that make me happy: {X}.",
    "What I'm into lately: {X}.",
)
# Friends describe the writer by first name ({S}).
FRIEND_FRAMES = (
    "My friends would tell you {S} [is] crazy about {X}.",
    "Ask around and everyone will say {S} [loves] {X}.",
    "According to my sister, {S} [is] way too into {X}.",
)

# "I <phrase> {Y}." with how several disliked items are joined.
DISLIKE_PHRASES = (
    ("[can't] stand", "or"),
    ("[has] never been into", "or"),
    ("[is] honestly not a fan of", "or"),
    ("would rather skip", "and"),
    ("[doesn't] get the appeal of", "or"),
    ("kind of [hates]", "and"),
    ("could happily live my whole life without", "or"),
    ("[is] really not into", "or"),
)
DISLIKE_FRAMES = (
    "I [find] {Y} kind of boring.",
    "{Y}? Hard pass.",
    "{Y}? Not for me.",
    "{Y} just [isn't|Y] for me.",
    "{Y} [does|Y] absolutely nothing for me.",
    "Never understood the hype around {Y}.",
    "{Y} [bores|Y] me to tears.",
    "Not into {Y}, sorry.",
    "You won't catch me anywhere near {Y}.",
    "Not gonna lie, I kind of hate {Y}.",
)
DISLIKE_LABELS = ("Not my thing: {Y}.", "Hard no: {Y}.", "Pet peeves: {Y}.")
MIXED_FRAMES = (
    "Big yes to {X}, big no to {Y}.",
    "I'm all about {X} but I can't stand {Y}.",
    "Love {X}, hate {Y}.",
    "{X}? Obsessed. {Y}? Not so much.",
)

INTROS = (
    "Hey! I'm {full}.",
    "Hi there, {full} here.",
    "Name's {full}.",
    "So, a bit about me: I'm {full}.",
    "{full} here, saying hi!",
    "Hello! My name is {full}.",
)
SIGN_OFFS = ("- {first}", "Cheers, {first}", "xo {first}", "Say hi! - {first}")
# Lines that state no preference and mention no item.
NEUTRAL = (
    "I work as {job} in {city}.",
    "Originally from {city}, now living in {other}.",
    "I have two older sisters.",
    "Early riser, even on Sundays.",
    "I'm in my thirties and still figuring things out.",
    "Just moved here for work, so I'm still learning my way around.",
    "Yes, that's my real name.",
    "I text back fast, I promise.",
    "Currently between apartments.",
    "I'm the middle child of five.",
    "Night shifts most weeks, so replies may be slow.",
    "Been {job} for almost ten years now.",
)
JOBS = ("pharmacist", "software tester", "dental hygienist", "optician", "surveyor", "dispatcher", "claims adjuster", "bank teller")
CITIES = ("Tucson", "Omaha", "Boise", "Spokane", "Albany", "Richmond", "Madison", "Eugene", "Tulsa", "Fresno", "Dayton")

QUESTIONS = (
    "anyone here into {X}?",
    "Who's obsessed with {X} like me?",
    "Any fans of {X} around here?",
    "Which of you guys can't get enough of {X}?",
    "Need to find people who dig {X}.",
    "tell me who's crazy about {X}",
    "who likes '{X}'",
    "{X} - who's into that?",
    "Is anybody else mad about {X}?",
    "Point me to whoever loves {X}.",
    "Looking for folks who are big on {X}!",
    "Who would call {X} one of their favorite things?",
    "show me everyone who enjoys {X}",
    "Who here has a thing for {X}?",
    "Does anyone on here love {X} as much as I do?",
    "Which users say they like {X}?",
)
QUESTIONS_AND = (
    "anyone into {A} AND {B}?",
    "Who loves {A} and also {B}?",
    "Looking for people who like {A} plus {B}.",
    "Which of you are fans of both {A} and {B}?",
    "who's into {A} as well as {B}",
)
QUESTIONS_OR = (
    "anyone into {A} or {B}?",
    "Who likes {A} and/or {B}?",
    "Find me people who love {A} or {B} - either one works.",
    "Which of you are fans of {A} or {B} (or both!)?",
    "who digs {A}, {B}, or both",
)
QUESTIONS_BUT_NOT = (
    "Who likes {A} but isn't into {B}?",
    "anyone who loves {A} but not {B}?",
    "Looking for fans of {A} who don't also like {B}.",
    "Which of you enjoy {A} without liking {B}?",
    "who's into {A} - but NOT {B}?",
)

_I = Subject("I", "first", "me", "my", "my")
_YOURS_TRULY = Subject("yours truly", "singular", "me", "my", "my")
_CONTRACTIONS = ((re.compile(r"\bI am\b"), "I'm"), (re.compile(r"\bI have (?=never|been|fallen)"), "I've "),
                 (re.compile(r"\bI would\b"), "I'd"), (re.compile(r"\bI will\b"), "I'll"))


class HeldOutStyleB(PairQuestions):
    """First-person bios; see the module."""

    pair_questions = {"and": QUESTIONS_AND, "or": QUESTIONS_OR, "but-not": QUESTIONS_BUT_NOT}
    name = "heldout-b"

    def profile(self, *, person: Profile, rng: random.Random) -> str:
        bio = _Bio(person, rng)
        body = bio.disliking() + bio.liking() + bio.neutral()  # dislikes first: they may take a like group
        rng.shuffle(body)
        parts = paragraphs(body, shortest=4, longest=8, rng=rng)
        for label in bio.labelled():  # lists go between paragraphs, or at the end
            parts.insert(rng.randint(1, len(parts)), label)
        lines = [bio.intro(), *parts] if rng.random() < 0.5 else [" ".join([bio.intro(), *parts[:1]]), *parts[1:]]
        if rng.random() < 0.4:
            lines.append(rng.choice(SIGN_OFFS).format(first=bio.first))
        return "\n\n".join(line for line in lines if line)

    def question(self, *, item: str, rng: random.Random) -> str:
        template = rng.choice(QUESTIONS)
        shown = casual_case(item) if template[0].islower() and rng.random() < 0.5 else item
        return capitalise(template.format(X=shown)) if template.startswith("{") else template.format(X=shown)


class _Bio:
    """One bio's choices: typing habits, and which liked items go to lists and sentences."""

    def __init__(self, person: Profile, rng: random.Random) -> None:
        self.person, self.rng = person, rng
        self.first = first_name(person.name)
        self.lowercase = rng.random() < 0.6  # most people type "river otters"
        self.loose_hyphens = rng.random() < 0.3  # "stand up comedy" for "Stand-up Comedy"
        likes = list(person.likes)
        rng.shuffle(likes)
        self.label_groups: list[list[str]] = []
        taken = 0
        for _ in range(rng.randint(0, 2) if len(likes) >= 8 else 0):
            size = rng.randint(3, 5)
            self.label_groups.append(likes[taken : taken + size])
            taken += size
        self.like_groups = partition(likes[taken:], (1, 2, 3, 4, 5), (3, 3, 2, 1, 1), rng)
        self.phrases = Phrasebook(rng)
        self.signed_as_yours_truly = False

    def shown(self, items: Sequence[str], *, last: str = "and") -> str:
        written = []
        for item in items:
            text = casual_case(item) if self.lowercase else item
            written.append(text.replace("-", " ") if self.loose_hyphens else text)
        if last == "and":
            last = self.rng.choices(("and", "&", "plus"), weights=(6, 2 if len(written) == 2 else 0, 1))[0]
        return listing(written, last=last, oxford=True)

    def say(self, template: str, subject: Subject = _I, **parts) -> str:
        sentence = fill(template, subject=subject, **parts)
        for pattern, short in _CONTRACTIONS:
            if self.rng.random() < 0.7:
                sentence = pattern.sub(short, sentence)
        return sentence

    def intro(self) -> str:
        return self.rng.choice(INTROS).format(full=self.person.name)

    def liking(self) -> list[str]:
        return [self.like(group) for group in self.like_groups]

    def like(self, items: list[str]) -> str:
        parts = {"liked": self.shown(items), "liked_plural": sounds_plural(items)}
        roll = self.rng.random()
        if roll < 0.3:
            return self.say(self.phrases.draw("frame", LIKE_FRAMES, lambda f: f[1] <= len(items) <= f[2])[0], **parts)
        if roll < 0.38:
            friend = Subject(self.first, "singular", "me", "my", f"{self.first}'s")
            return self.say(self.phrases.draw("friend", FRIEND_FRAMES), friend, **parts)
        phrase = self.phrases.draw("like", LIKE_PHRASES)
        subject = _I
        if roll > 0.93 and " I " not in f" {phrase} " and not self.signed_as_yours_truly:
            subject, self.signed_as_yours_truly = _YOURS_TRULY, True
        return self.say(f"{{S}} {phrase} {{X}}.", subject, **parts)

    def labelled(self) -> list[str]:
        labels = list(LIKE_LABELS)
        self.rng.shuffle(labels)
        return [label.format(X=self.shown(group)) for label, group in zip(labels, self.label_groups)]

    def disliking(self) -> list[str]:
        dislikes = list(self.person.dislikes)
        self.rng.shuffle(dislikes)
        sentences = []
        for group in partition(dislikes, (1, 2), (3, 2), self.rng):
            roll = self.rng.random()
            small = [i for i, liked in enumerate(self.like_groups) if len(liked) <= 2]
            if roll < 0.12 and small:
                liked = self.like_groups.pop(small[0])
                sentences.append(self.say(self.phrases.draw("mixed", MIXED_FRAMES), liked=self.shown(liked),
                                          liked_plural=sounds_plural(liked), disliked=self.shown(group)))
            elif roll < 0.25:
                sentences.append(self.rng.choice(DISLIKE_LABELS).format(Y=self.shown(group)))
            elif roll < 0.5:
                sentences.append(self.say(self.phrases.draw("dislike-frame", DISLIKE_FRAMES), disliked=self.shown(group),
                                          disliked_plural=sounds_plural(group)))
            else:
                phrase, joiner = self.phrases.draw("dislike", DISLIKE_PHRASES)
                sentences.append(self.say(f"{{S}} {phrase} {{Y}}.", disliked=self.shown(group, last=joiner)))
        return sentences

    def neutral(self) -> list[str]:
        city, other = self.rng.sample(CITIES, 2)
        job = indefinite(self.rng.choice(JOBS))
        chosen = self.rng.sample(NEUTRAL, self.rng.randint(1, 3))
        return [line.format(job=job, city=city, other=other) for line in chosen]
