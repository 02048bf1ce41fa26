"""Held-out prose style D: people writing about themselves, or being written about, the
way they are online — dating-profile blurbs, diary entries, short interviews, bulleted
cheat-sheets, gift guides and third-person write-ups.

Written blind, for measurement only: its author read neither the system under test
(``limitbench.agents``) nor the phrasings of the other styles. It keeps the contract of
:mod:`.base`, and stretches it where the contract allows:

* likes in idioms ("is my jam", "can't get enough of", "swears by", "has a thing for",
  "counts X among her favourite things"), in the first person, in fragments ("X? All in."),
  in bullet lines tagged with a sentiment ("quokkas — obsessed"), in semicolon lists and
  parentheses, and in the singular ("has never met a quokka she didn't like");
* dislikes with scope ("used to love X but has gone off it", "X? Not so much.",
  "anything but X", "is allergic to X", "couldn't care less about X") and in contrasts
  with a like ("not X but Y");
* one disliked item may also turn up in a sentence that states no preference ("her
  cousin gave her a book on X"); its dislike is always stated elsewhere in the profile,
  so a reader who counts every mention as a like is caught, and a human reader is not.

Sentences that state nothing name no item. Deterministic for the ``rng`` given.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Callable, Sequence

import inflect

from .base import Profile
from .grammar import PairQuestions, Phrasebook, Subject, casual_case, fill, first_name, listing, paragraphs, partition, sounds_plural

__all__ = ["HeldOutStyleD", "LIKES", "SINGULAR_LIKES", "LIKE_TAGS", "DISLIKES", "DISLIKE_TAGS", "CONTRASTS",
           "ASIDES", "NEUTRAL", "QUESTIONS", "PAIR_QUESTIONS"]

_INFLECT = inflect.engine()

# ---------------------------------------------------------------- likes (third person singular;
# see .grammar for the slots). A template with more than one reference to the person
# ({S} {O} {P} {G}) is only ever given a pronoun ("she", "they", "I"), never a name.
LIKES = (
    "{S} [has] a thing for {X}.",
    "{S} can't get enough of {X}.",
    "{S} [swears] by {X}.",
    "{S} [counts] {X} among {P} favourite things.",
    "{S} would happily spend a whole weekend with {X}.",
    "{X} [is|X] {P} jam.",
    "{S} [has] been obsessed with {X} lately.",
    "{S} [is] a sucker for {X}.",
    "{S} [is] mad about {X}.",
    "{S} [is] hooked on {X}.",
    "{S} [is] big on {X}.",
    "{S} [is] crazy about {X}.",
    "{S} [is] smitten with {X}.",
    "{S} [adores] {X}.",
    "{S} [treasures] {X}.",
    "{S} [digs] {X}.",
    "{S} [has] fallen hard for {X}.",
    "{S} [has] a real weakness for {X}.",
    "{S} [rhapsodises] about {X} to anyone who will listen.",
    "{S} [lights] up whenever {X} [comes|X] up.",
    "{S} [gets] giddy about {X}.",
    "{S} [is] quietly devoted to {X}.",
    "{X} [makes|X] {P} day, every time.",
    "Nothing cheers {O} up quite like {X}.",
    "Give {O} {X} and {S} [is] happy for hours.",
    "{S} [thinks] {X} [is|X] just the best.",
    "{S} would pick {X} over almost anything.",
    "{X}? {S} [is] all in.",
    "Mention {X} and {S} will talk your ear off, happily.",
    "{S} [rates] {X} very, very highly.",
    "{S} [has] been a devotee of {X} for years.",
    "{S} [is] unashamedly into {X}.",
)

# one liked item, written in the singular with "a"/"an" ({X} is "a quokka")
SINGULAR_LIKES = (
    "{S} [has] never met {X} {S} didn't like.",
    "Put {X} in front of {O} and {S} [melts].",
    "Show {O} {X} and see {P} face light up.",
    "{S} [is] the kind of person who stops to admire {X}.",
)

# bullet lines: the items, then a short sentiment in the voice of the list's writer
LIKE_TAGS = (
    "obsessed", "can't get enough", "a big yes", "always, always", "my jam", "would swear by",
    "favourite, no contest", "would never say no", "heart eyes", "absolutely yes",
)
DISLIKE_TAGS = (
    "nope", "not a chance", "gone right off", "hard pass", "could not care less", "no thank you",
    "allergic, figuratively", "skip",
)

DISLIKES = (
    "{S} used to love {Y} but [has] gone off {yit}.",
    "{Y}? Not so much.",
    "Anything but {Y}, please.",
    "{S} [is] allergic to {Y}, or might as well be.",
    "{S} couldn't care less about {Y}.",
    "{S} [finds] {Y} tedious.",
    "{Y} [does|Y] nothing for {O}.",
    "{S} [draws] the line at {Y}.",
    "{S} [gives] {Y} a wide berth.",
    "{S} [has] never understood the appeal of {Y}.",
    "{S} would cross the street to avoid {Y}.",
    "{Y} [leaves|Y] {O} cold.",
    "{S} [is] no fan of {Y}.",
    "{S} [rolls] {P} eyes at {Y}.",
    "Hard pass on {Y}.",
    "{S} [wants] nothing to do with {Y}.",
    "{S} [is] thoroughly sick of {Y}.",
)

# one like and one dislike in one sentence; the dislike is always stated outright
CONTRASTS = (
    "Not {Y} but {X}: that is where {P} heart is.",
    "It's {X} for {O}, never {Y}.",
    "{S} [is] into {X}, not {Y}.",
    "{S} [picks] {X} every time; {Y}, {S} can't stand.",
    "Forget {Y} (not {P} thing at all); {X} on the other hand...",
)

# a disliked item in a sentence that says nothing about the person's taste
ASIDES = (
    "{G} cousin once gave {O} a book on {Y}.",
    "{S} read an article about {Y} on the bus last month.",
    "A colleague of {P} never stops talking about {Y}.",
    "{G} brother is the one in the family who is into {Y}.",
    "There was a radio segment on {Y} the morning this was written.",
    "{S} sat through a whole lecture on {Y} once, for a friend.",
)

# sentences that state no preference and name no item
NEUTRAL = (
    "{S} [works] odd hours and [is] rarely free before eight.",
    "{S} [has] moved flats three times in two years.",
    "{S} [is] left-handed, for what it's worth.",
    "{S} [keeps] a very tidy inbox.",
    "{S} [answers] messages slowly but always [answers].",
    "{S} [is] the one who remembers everybody's birthday.",
    "{S} [was] raised by a grandmother who said very little.",
    "{S} [walks] faster than anyone {S} [knows].",
    "{S} [is] an early riser, most days.",
    "{S} [speaks] a little of three languages, badly.",
    "{S} [has] a laugh you can hear from the next room.",
    "{S} [is] trying to drink more water.",
    "{S} [has] strong opinions about fonts.",
    "{S} [owns] exactly one good shirt.",
    "{S} [cannot] whistle, and [has] made peace with it.",
    "{S} [is] usually five minutes late.",
    "{S} [is] better at listening than at talking.",
    "{S} [is] saving up for something {S} won't name.",
    "{S} [was] born in the same week as a cousin.",
    "{S} [lives] near the end of a bus route.",
    "{S} [reads] the last page of a novel first.",
    "{S} [hums] while {S} [thinks].",
)

TAGLINES = (
    "Here for good conversation and bad puns.",
    "Tall-ish. Punctual-ish.",
    "Will split the bill, will not split dessert.",
    "Looking for someone to argue about nothing with.",
    "Ask me about the time I got locked out... actually, don't.",
    "Night owl, slowly reforming.",
)

QUESTIONS = (
    "Anyone here into {X}?",
    "I need a person who's keen on {X}.",
    "Looking for fans of {X}.",
    "Who around here can't get enough of {X}?",
    "Which of these people has a thing for {X}?",
    "Find me someone who's crazy about {X}.",
    "Got anyone who swears by {X}?",
    "{X} lovers: who are they?",
    "Whose profile says they're mad about {X}?",
    "Is there somebody who adores {X}?",
    "Point me to whoever is hooked on {X}.",
    "Show me the people who rate {X} highly.",
    "{X}: which person is a fan?",
    "Who would happily spend a weekend with {X}?",
    "Any {X} devotees in the group?",
    "Need to track down the {X} fans in this bunch.",
    "Who counts {X} among their favourite things?",
    "Which people are big on {X}?",
    "Who are the ones obsessed with {X}?",
    "I'm after someone who genuinely enjoys {X}, any ideas?",
    "Who here lights up at the mention of {X}?",
)

PAIR_QUESTIONS = {
    "and": (
        "Anyone into both {A} and {B}?",
        "Who can't get enough of {A} and also has a thing for {B}?",
        "Looking for people who like {A} as well as {B}.",
        "Fans of {A} who are also fans of {B}?",
        "Which people are keen on {A} and on {B} too?",
    ),
    "or": (
        "Anyone into {A} or {B}? Either will do.",
        "Who likes {A}, or failing that {B}?",
        "Looking for fans of {A} or of {B}.",
        "Which people are keen on at least one of {A} and {B}?",
        "Who has a thing for either {A} or {B}?",
    ),
    "but-not": (
        "Who is into {A} but couldn't care less about {B}?",
        "Fans of {A} who don't like {B}?",
        "Anyone keen on {A} but not on {B}?",
        "Which people like {A} and are no fans of {B}?",
        "I need someone who enjoys {A} yet doesn't care for {B}.",
    ),
}

_PRONOUNS = {
    "she": Subject("she", "singular", "her", "her", "her"),
    "he": Subject("he", "singular", "him", "his", "his"),
    "they": Subject("they", "plural", "them", "their", "their"),
}
_ME = Subject("I", "first", "me", "my", "my")
_REFERENCES = re.compile(r"\{(?:S|O|P|G)\}")


@dataclass(frozen=True)
class _Voice:
    """Who the profile is about and who writes it: a pronoun, and (third person only) a name
    that single-reference sentences may use instead."""

    pronoun: Subject
    name: str | None = None

    def subject_for(self, template: str, rng: random.Random) -> Subject:
        if self.name is None or len(_REFERENCES.findall(template)) != 1 or rng.random() < 0.5:
            return self.pronoun
        return Subject(self.name, "singular", self.name, self.pronoun.possessive, f"{self.name}'s")


def _written(item: str, rng: random.Random) -> str:
    """The item as this writer types it: as given, or casually lower-cased."""
    return casual_case(item) if rng.random() < 0.55 else item


def _singular(item: str) -> str | None:
    """"a quokka" for "Quokkas"; None when the singular would change the item's words
    (a team, a title, a mass noun, an irregular plural)."""
    if item.lower().startswith("the ") or any(mark in item for mark in ":'!&") or not sounds_plural([item]):
        return None
    words = item.split()
    last = words[-1]
    single = _INFLECT.singular_noun(last)
    allowed = {last[:-1], last[:-2]} | ({last[:-3] + "y"} if last.endswith("ies") else set())
    if not single or single not in allowed:
        return None
    return _INFLECT.a(casual_case(" ".join(words[:-1] + [single])))


def _joined(items: Sequence[str], rng: random.Random, *, ends_sentence: bool) -> str:
    """A run of items: "a, b and c", "a, b, & c"; where the run ends its sentence also
    "a; b; c", "a and b (and c, obviously)" or "a and b — and c"."""
    if len(items) == 1:
        return items[0]
    shape = rng.random()
    if shape < 0.4 or not ends_sentence:
        return listing(items, last=rng.choice(("and", "and", "plus", "&", "as well as")), oxford=rng.random() < 0.3)
    if shape < 0.6 and len(items) >= 3:
        return "; ".join(items)
    if shape < 0.8 and len(items) >= 3:
        return f"{listing(items[:-1])} (and {items[-1]}, obviously)"
    return f"{listing(items[:-1])} — and {items[-1]}"


def _groups(items: Sequence[str], rng: random.Random, sizes=(1, 2, 3, 4, 5), weights=(2, 3, 3, 2, 1)) -> list[list[str]]:
    return partition(items, sizes, weights, rng)


class _Writer:
    """Draws the sentences of one profile in one voice."""

    def __init__(self, voice: _Voice, rng: random.Random) -> None:
        self.voice, self.rng, self.book = voice, rng, Phrasebook(rng)

    def _fill(self, template: str, *, liked: Sequence[str] = (), disliked: Sequence[str] = ()) -> str:
        subject = self.voice.subject_for(template, self.rng)
        return fill(
            template, subject=subject,
            liked=self._run(liked, ends_sentence=template.endswith("{X}.")),
            liked_plural=sounds_plural(liked) if liked else True,
            disliked=self._run(disliked, ends_sentence=template.endswith("{Y}.")),
            disliked_plural=sounds_plural(disliked) if disliked else True,
        )

    def _run(self, items: Sequence[str], *, ends_sentence: bool) -> str:
        return _joined([_written(i, self.rng) for i in items], self.rng, ends_sentence=ends_sentence) if items else ""

    def like(self, items: Sequence[str]) -> str:
        if len(items) == 1 and self.rng.random() < 0.3 and (single := _singular(items[0])):
            template = self.book.draw("single", SINGULAR_LIKES)
            return fill(template, subject=self.voice.pronoun, liked=single, liked_plural=False)
        return self._fill(self.book.draw("like", LIKES), liked=items)

    def dislike(self, items: Sequence[str]) -> str:
        return self._fill(self.book.draw("dislike", DISLIKES), disliked=items)

    def contrast(self, liked: str, disliked: str) -> str:
        return self._fill(self.book.draw("contrast", CONTRASTS), liked=[liked], disliked=[disliked])

    def aside(self, disliked: str) -> str:
        return self._fill(self.book.draw("aside", ASIDES), disliked=[disliked])

    def neutral(self) -> str:
        return self._fill(self.book.draw("neutral", NEUTRAL))

    def sentences(self, person: Profile) -> tuple[list[str], list[str], list[str]]:
        """Like sentences, dislike sentences (one maybe a contrast) and filler, in order drawn."""
        likes, dislikes = list(person.likes), list(person.dislikes)
        contrasted: list[str] = []
        if likes and dislikes and self.rng.random() < 0.6:
            contrasted.append(self.contrast(likes.pop(self.rng.randrange(len(likes))), dislikes.pop(0)))
        liked = [self.like(group) for group in _groups(likes, self.rng)]
        disliked = [self.dislike(group) for group in _groups(dislikes, self.rng, sizes=(1, 2), weights=(3, 1))]
        filler = [self.neutral() for _ in range(self.rng.randint(1, 3))]
        if person.dislikes and self.rng.random() < 0.5:
            filler.append(self.aside(self.rng.choice(person.dislikes)))
        return liked, contrasted + disliked, filler


def _mix(first: list[str], second: list[str], rng: random.Random) -> list[str]:
    """``second``'s sentences dropped at random places among ``first``'s, orders kept."""
    merged = list(first)
    for sentence in second:
        merged.insert(rng.randint(0, len(merged)), sentence)
    return merged


def _paragraphs(sentences: Sequence[str], rng: random.Random, shortest: int = 2, longest: int = 5) -> str:
    return "\n\n".join(paragraphs(sentences, shortest=shortest, longest=longest, rng=rng))


def _third_person(person: Profile, rng: random.Random) -> _Voice:
    pronoun = _PRONOUNS[rng.choice(("she", "he", "they"))]
    return _Voice(pronoun, name=rng.choice((first_name(person.name), person.name)))


# ---------------------------------------------------------------- the six kinds of document

def _dating(person: Profile, rng: random.Random) -> str:
    writer = _Writer(_Voice(_ME), rng)
    likes, dislikes = list(person.likes), list(person.dislikes)
    flagged = likes[-rng.randint(2, min(6, len(likes))):] if len(likes) >= 4 else []
    talked = likes[: len(likes) - len(flagged)]
    liked, disliked, filler = writer.sentences(Profile(person.name, tuple(talked), tuple(dislikes[:-1])))
    head = f"{first_name(person.name)}, {rng.randint(23, 58)}\n{rng.choice(TAGLINES)}"
    body = "About me: " + " ".join(_mix(liked, filler, rng))
    parts = [head, body]
    if flagged:
        parts.append("Green flags: " + "; ".join(_written(i, rng) for i in flagged) + ".")
    if disliked:
        parts.append(" ".join(disliked))
    if dislikes:
        parts.append("Turn-offs: " + _written(dislikes[-1], rng) + ".")
    return "\n\n".join(parts)


def _diary(person: Profile, rng: random.Random) -> str:
    writer = _Writer(_Voice(_ME), rng)
    liked, disliked, filler = writer.sentences(person)
    opener = rng.choice(("Dear diary,", "Sunday, late.", "Notes to self, again.", "Journal, page something."))
    body = _mix(_mix(liked, disliked, rng), filler, rng)
    sign = rng.choice((f"— {first_name(person.name)}", f"{person.name}, signing off", f"({first_name(person.name)})"))
    return f"{opener}\n\n{_paragraphs(body, rng, 3, 6)}\n\n{sign}"


def _write_up(person: Profile, rng: random.Random) -> str:
    voice = _third_person(person, rng)
    writer = _Writer(voice, rng)
    liked, disliked, filler = writer.sentences(person)
    opener = rng.choice((
        f"A few words about {person.name}.",
        f"{person.name}, as seen by the people who know {voice.pronoun.object} best.",
        f"Meet {person.name}.",
        f"Five stars for {person.name}, says everyone who has shared a kitchen with {voice.pronoun.object}.",
    ))
    body = _mix(_mix(liked, disliked, rng), filler, rng)
    return f"{opener} {_paragraphs(body, rng, 3, 7)}"


def _interview(person: Profile, rng: random.Random) -> str:
    writer = _Writer(_Voice(_ME), rng)
    liked, disliked, filler = writer.sentences(person)
    speaker = first_name(person.name).upper()
    asks_like = ["What are you into at the moment?", "And what else?", "What would you never tire of?",
                 "Anything else people should know you are into?", "What's been on your mind lately?",
                 "What could you talk about all night?", "What makes a good day for you?", "Last one on the fun side?"]
    asks_dislike = ["And what's a no for you?", "Anything you can't stand?", "What do people wrongly assume you enjoy?"]
    asks_other = ["Tell us something random.", "Anything we missed?"]
    chunks: list[tuple[str, list[str]]] = []
    for index, start in enumerate(range(0, len(liked), 3)):
        chunks.append((asks_like[index % len(asks_like)], liked[start : start + 3]))
    if disliked:
        chunks.insert(rng.randint(min(1, len(chunks)), len(chunks)), (rng.choice(asks_dislike), disliked))
    chunks.append((rng.choice(asks_other), filler))
    lines = [f"Five minutes with {person.name}"]
    for ask, answer in chunks:
        lines.append(f"INTERVIEWER: {ask}")
        lines.append(f"{speaker}: {' '.join(answer)}")
    return "\n".join(lines)


def _cheat_sheet(person: Profile, rng: random.Random) -> str:
    pronoun = _PRONOUNS[rng.choice(("she", "he", "they"))]
    writer = _Writer(_Voice(pronoun), rng)
    likes, dislikes = list(person.likes), list(person.dislikes)
    lines = [rng.choice((f"{person.name} — the short version", f"{person.name.upper()}: cheat sheet", f"Re: {person.name}"))]
    for group in _groups(likes, rng, sizes=(1, 2, 3), weights=(3, 2, 1)):
        tag = rng.choice(LIKE_TAGS)
        lines.append(f"• {', '.join(_written(i, rng) for i in group)} ({tag})" if rng.random() < 0.5
                     else f"• {', '.join(_written(i, rng) for i in group)} — {tag}")
    for item in dislikes:
        lines.insert(rng.randint(1, len(lines)), f"• {_written(item, rng)} — {rng.choice(DISLIKE_TAGS)}")
    lines.append("• " + writer.neutral())
    if dislikes and rng.random() < 0.5:
        lines.append("• " + writer.aside(rng.choice(dislikes)))
    return "\n".join(lines)


def _gift_guide(person: Profile, rng: random.Random) -> str:
    voice = _third_person(person, rng)
    writer = _Writer(voice, rng)
    likes, dislikes = list(person.likes), list(person.dislikes)
    cut = rng.randint(len(likes) // 3, max(len(likes) // 3, 2 * len(likes) // 3))
    safe, talked = likes[:cut], likes[cut:]
    liked, _, filler = writer.sentences(Profile(person.name, tuple(talked), ()))
    parts = [f"Buying a present for {person.name}?"]
    if safe:
        parts.append("Safe bets: " + "; ".join(_written(i, rng) for i in safe) + ".")
    parts.append(" ".join(_mix(liked, filler, rng)))
    if dislikes:
        parts.append("Skip anything involving " + listing([_written(i, rng) for i in dislikes], last="or") + ".")
        parts.append(writer.dislike([rng.choice(dislikes)]))
    return "\n\n".join(part for part in parts if part)


_KINDS: tuple[Callable[[Profile, random.Random], str], ...] = (_dating, _diary, _write_up, _interview, _cheat_sheet, _gift_guide)


def _asked(item: str, rng: random.Random) -> str:
    return rng.choice((item, casual_case(item), casual_case(item), f'"{item}"'))


class HeldOutStyleD(PairQuestions):
    """Bios, diaries, interviews, cheat sheets and gift guides; see the module."""

    name = "heldout-d"
    pair_questions = PAIR_QUESTIONS

    def profile(self, *, person: Profile, rng: random.Random) -> str:
        return rng.choice(_KINDS)(person, rng)

    def question(self, *, item: str, rng: random.Random) -> str:
        template = rng.choice(QUESTIONS)
        asked = _asked(item, rng)
        text = template.format(X=asked)
        return text[0].upper() + text[1:] if template.startswith("{X}") and not asked.startswith('"') else text
