"""Held-out prose style C: profiles as people post and print them about themselves and others.

Written separately from the development style and from held-out styles A and B, and used
only to measure (see :mod:`.base` for the contract it keeps). Each profile takes one of six
everyday forms — a dating-app profile, a social-media "about me", a short interview
("Q: ... A: ..."), a club newsletter's member spotlight, a reference letter and an alumni
class note — so a document may be in the first person, the third person with pronouns, a
quoted first person inside a third-person text, bulleted lists under a heading, or bare
fragments. Items keep their words; their case, a leading "the", a hyphen and (in "a ...
person") the plural ending may change, as the contract allows.

Every choice is drawn from the ``rng`` passed in, so a rendering is fixed by its seed.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Callable, Sequence

import inflect

from .base import Profile
from .grammar import Phrasebook, Subject, capitalise, casual_case, fill, first_name, listing, partition, sounds_plural

__all__ = ["HeldOutStyleC", "NEUTRAL_TEXTS", "FRAME_TEXTS"]

_INFLECT = inflect.engine()

# ---------------------------------------------------------------------------------------------
# Stating a like. Templates are third person singular; grammar.fill makes them agree with
# "I", "she", "they" or a name. {X} is the list of liked items, {it} its pronoun.

_LIKES = (
    "{S} [likes] {X}.",
    "{S} really [loves] {X}.",
    "{S} [adores] {X}.",
    "{S} [is] a big fan of {X}.",
    "{S} [is] crazy about {X}.",
    "{S} [has] a soft spot for {X}.",
    "{S} can't get enough of {X}.",
    "{S} [is] really into {X}.",
    "{S} genuinely [enjoys] {X}.",
    "{S} [is] very fond of {X}.",
    "{S} [has] a real thing for {X}.",
    "{S} [is] partial to {X}.",
    "{S} [is] completely hooked on {X}.",
    "{S} [is] passionate about {X}.",
    "{S} [is] keen on {X}.",
    "{S} [is] slightly obsessed with {X}, in the best way.",
    "{X} [makes|X] {O} happy.",
    "{X}? {S} [is] all for {it}.",
    "{X} never [gets|X] old for {O}.",
    "{G} favourite things include {X}.",
    "{S} [counts] {X} among {P} favourite things.",
    "{S} [thinks] {X} [is|X] wonderful.",
    "{X} [is|X] right up {P} street.",
    "{S} [goes] wild for {X}.",
    "{S} [has] a weakness for {X}.",
    "{S} never [says] no to {X}.",
    "There's nothing {S} [enjoys] more than {X}.",
    "Then there's {X}. {S} [adores] {it}.",
    "{S} discovered {X} a few years ago and [has] been a fan ever since.",
    "{X} [is|X] always a hit with {O}.",
    "{S} [lights] up whenever {X} [comes|X] up.",
    "{S} [has] loved {X} for years.",
)

# Only for the first person in casual texts (dating profile, about me, interview answers).
# Only for one or two items (the item fronted), where a longer list would read oddly.
_SHORT_LIKES = ("{X}, {S} simply [adores].", "{X}? {S} could never get tired of {it}.", "{X}, {S} [is] completely sold on.")
_SHORT_FIRST_PERSON_LIKES = ("Me and {X}? A match made in heaven.", "{X} I could never get tired of.")

_FIRST_PERSON_LIKES = (
    "Honestly, I love {X}.",
    "I'd never say no to {X}.",
    "Not going to lie, I'm obsessed with {X}.",
    "I could happily spend a whole weekend on {X}.",
)

# Short fragments with no subject; the text around them makes clear whose they are.
_FRAGMENT_LIKES = (
    "Big fan of {X}.",
    "Crazy about {X}.",
    "Soft spot for {X}.",
    "Currently obsessed with {X}.",
    "Really into {X} these days.",
    "Can't get enough of {X}.",
    "Can't say no to {X}.",
    "{X} — yes, please.",
    "{X}, always.",
    "Forever a fan of {X}.",
    "Weak for {X}.",
    "Love {X}. No notes.",
    "{X}? Love {it}.",
)

# A single item turned into "a ... person": the item's plural ending may go ("a quokka person").
_PERSON_LIKES = (
    "{S} [is] a huge {x} person.",
    "{S} [is] very much a {x} person.",
)
_FRAGMENT_PERSON_LIKES = ("Total {x} person.", "Big {x} person, for the record.")

# Stating a dislike. Negated templates join a list with "or" ("doesn't like A or B").
_DISLIKES_NEGATED = (
    "{S} [does]n't like {Y}.",
    "{S} can't stand {Y}.",
    "{S} [has] zero interest in {Y}.",
    "{S} could happily never see {Y} again.",
    "{S} [is] not a fan of {Y}.",
    "{S} [has] never understood the appeal of {Y}.",
    "{S} [is] not into {Y} at all.",
    "{S} really [does]n't enjoy {Y}.",
)
_DISLIKES = (
    "{Y}? Not for {O}.",
    "{Y} [is|Y] where {S} [draws] the line.",
    "{Y} [is|Y] not {P} cup of tea.",
    "{S} [dislikes] {Y}.",
    "{S} honestly [hates] {Y}.",
    "{S} could do without {Y}.",
    "{Y} [leaves|Y] {O} cold.",
    "{Y} [is|Y] a hard no for {O}.",
    "Then there's {Y}. {S} [does]n't like {yit} one bit.",
    "{S} would cross the street to avoid {Y}.",
    "{S} [finds] {Y} tedious.",
)
_FRAGMENT_DISLIKES_NEGATED = ("Not a fan of {Y}.", "Zero interest in {Y}.", "Never understood the appeal of {Y}.")
_FRAGMENT_DISLIKES = ("Hard pass on {Y}.", "{Y}: no thanks.", "{Y}? Not for me.", "Could live without {Y}.")
_FIRST_PERSON_DISLIKES_NEGATED = ("Anything involving {Y} is a no from me.",)
_FIRST_PERSON_DISLIKES = ("{Y} [gives|Y] me the ick.", "I could happily never see {Y} again, to be honest.")

# A like and a dislike in one sentence; {Y} is joined with "or" after a negation.
_CONTRASTS_NEGATED = (
    "{S} [loves] {X} but can't stand {Y}.",
    "{S} [likes] {X}, but not {Y}.",
    "{S} [is] into {X}; not so much {Y}.",
)
_CONTRASTS = ("{S} [adores] {X}, whereas {Y} [leaves|Y] {O} cold.",)
_FRAGMENT_CONTRASTS = ("Yes to {X}, no to {Y}.", "{X}: absolutely. {Y}: absolutely not.")

# ---------------------------------------------------------------------------------------------
# Sentences that state no preference. None names an item of LIMIT-small or of limitbench's
# vocabulary (tests check this); {S}/{O}/{P}/[verb] are filled as above, {name}/{first}/
# {year}/{yy}/{city}/{age} by the frame.

_CITIES = ("Leeds", "Cardiff", "Dunedin", "Halifax", "Adelaide", "Cork", "Ottawa", "Bristol", "Tacoma", "Aberdeen")

_DATING_NEUTRAL = (
    "Originally from up north, now settled by the coast.",
    "I work in insurance, which is less dull than it sounds.",
    "Looking for someone kind who actually texts back.",
    "Early riser, terrible at small talk.",
    "Tall-ish, if that matters to you.",
    "Say hi if anything here sounds like you.",
    "Two sisters, one nephew, zero chill.",
    "Here for something real, not endless chatting.",
)
_ABOUT_NEUTRAL = (
    "based in {city}",
    "opinions my own",
    "replying slowly, but replying",
    "mostly harmless",
    "part-time overthinker",
    "will reply eventually",
)
_INTERVIEW_OPENERS = (
    ("Q: First things first: where are you based these days?", "A: {city}, for about six years now. Before that, all over the place."),
    ("Q: How did you end up doing what you do?", "A: By accident, mostly. I answered a job ad nobody else wanted and stayed."),
    ("Q: How would your friends describe you?", "A: Reliable, a bit stubborn, always the last to leave."),
)
_INTERVIEW_LIKE_QUESTIONS = (
    "Q: What do you get up to when you're not working?",
    "Q: What could you talk about for hours?",
    "Q: What are you into at the moment?",
    "Q: What puts you in a good mood?",
    "Q: Tell us something people might not know about you.",
    "Q: What do your perfect days off look like?",
)
_INTERVIEW_DISLIKE_QUESTIONS = (
    "Q: And anything you'd rather avoid?",
    "Q: Any pet peeves?",
    "Q: Is there anything you just can't get on board with?",
)
_INTERVIEW_CLOSERS = (("Q: Thanks for your time!", "A: Thanks for having me."), ("Q: Any last words?", "A: Be nice to each other."))
_SPOTLIGHT_NEUTRAL = (
    "{S} joined the club in {year} and [has] hardly missed a meeting since.",
    "By day, {S} [works] in local government.",
    "New members will probably recognise {O} from the welcome table on Tuesday nights.",
    "{S} [has] been on the committee for two years now.",
    "{S} [lives] just outside town with a rescue dog called Rufus.",
)
_LETTER_NEUTRAL = (
    "{S} [is] dependable, thoughtful and quick to help others.",
    "{S} [has] never once missed a deadline in all that time.",
    "{S} [gets] on well with everyone, from new starters to senior management.",
)
_ALUMNI_NEUTRAL = (
    "{S} recently moved into a new flat and [is] still unpacking.",
    "{S} [is] in touch with half of the old corridor, apparently.",
    "{S} [sends] warm wishes to everyone from the class.",
    "{S} [is] working in payroll and, in {P} words, \"surviving\".",
)

NEUTRAL_TEXTS: tuple[str, ...] = (
    _DATING_NEUTRAL + _ABOUT_NEUTRAL + tuple(line for pair in _INTERVIEW_OPENERS + _INTERVIEW_CLOSERS for line in pair)
    + _INTERVIEW_LIKE_QUESTIONS + _INTERVIEW_DISLIKE_QUESTIONS + _SPOTLIGHT_NEUTRAL + _LETTER_NEUTRAL + _ALUMNI_NEUTRAL
    + _CITIES
)
"""Every sentence of this style that states no preference (before its slots are filled)."""

_DATING_LIKE_HEADINGS = ("Things I adore:", "Things I'm into:", "A few favourite things, in no order:", "Can't get enough of:", "Stuff I like:")
_DATING_DISLIKE_HEADINGS = ("Not for me:", "Hard passes:", "Things I could live without:", "Nope:", "Dealbreakers:")
_ABOUT_HEADINGS = ("things i'm into:", "likes:", "current favourites:", "into:")
_INTERVIEW_TITLES = ("Five minutes with {name}", "Getting to know: {name}", "{name}, in {P} own words", "Meet {name}")
_INTERVIEW_LEADS = ("", "", "Oh, easy. ", "Hmm. ", "Good question. ", "Where do I start? ")
_QUOTE_FRAMES = ('"{said}," {S} [says].', 'In {P} own words: "{said}."', '"{said}," {S} [tells] us.')
_SPOTLIGHT_HEADINGS = ("MEMBER SPOTLIGHT: {name}", "Member of the month — {name}", "Say hello to {name}!")
_LETTER_OPENING = "It is a pleasure to recommend {name}, whom I have known for {years} years as a colleague."
_LETTER_TURNS = ("Outside of work, I have come to know {O} well.", "I would also like to say something about {O} as a person.")
_LETTER_CLOSINGS = ("{S} [has] my highest recommendation.", "I recommend {O} without reservation.")
_LETTER_SALUTATIONS = ("To whom it may concern,", "Dear hiring committee,", "Dear Sir or Madam,")
_LETTER_SIGNATURES = ("Yours faithfully,\nM. Okafor", "Kind regards,\nDr Helen Ashby", "Sincerely,\nR. Lindqvist")
_ALUMNI_HEADINGS = ("Class notes, {year}", "News from the class of {year}")
_ALUMNI_OPENING = "{name} ('{yy}) writes in from {city}."

_BULLET_REMARKS = ("",) * 12 + (" (obviously)", " (don't judge)", " — any excuse", " (recent discovery)", " (always)")

FRAME_TEXTS: tuple[str, ...] = (
    _DATING_LIKE_HEADINGS + _DATING_DISLIKE_HEADINGS + _ABOUT_HEADINGS + _INTERVIEW_TITLES + _INTERVIEW_LEADS + _QUOTE_FRAMES
    + _SPOTLIGHT_HEADINGS + (_LETTER_OPENING, _ALUMNI_OPENING) + _LETTER_TURNS + _LETTER_CLOSINGS + _LETTER_SALUTATIONS
    + _LETTER_SIGNATURES + _ALUMNI_HEADINGS + _BULLET_REMARKS
)
"""Headings, openings and other words around the statements; like :data:`NEUTRAL_TEXTS`, they name no item."""

# Words that are plural only, so "a ... person" would read oddly; and nothing with marks.
_PLURAL_ONLY = {"jeans", "tights", "pajamas", "scissors", "pliers", "eyeglasses", "binoculars", "goggles", "cheerios"}


# ---------------------------------------------------------------------------------------------


@dataclass
class _Writer:
    """One profile being written: its random draws, casing habit and phrase pools."""

    rng: random.Random
    casual: bool  # lower-cases most items, drops an occasional hyphen
    phrases: Phrasebook

    def item(self, item: str) -> str:
        """``item`` as this writer types it (see the module); a capital at a sentence's start is put back by ``fill``."""
        if self.casual and self.rng.random() < 0.75:
            text = casual_case(item)
            if "-" in text and self.rng.random() < 0.3:
                text = text.replace("-", " ")
            return text
        if item.startswith("The "):
            return "the " + item[4:]
        return item

    def items(self, items: Sequence[str], *, last: str = "and") -> str:
        return listing([self.item(i) for i in items], last=last, oxford=self.rng.random() < 0.4)

    def say(self, template: str, subject: Subject, *, liked: Sequence[str] = (), disliked: Sequence[str] = (), negated: bool = False) -> str:
        text = fill(
            template,
            subject=subject,
            liked=self.items(liked) if liked else "",
            liked_plural=sounds_plural(liked) if liked else True,
            disliked=self.items(disliked, last="or" if negated else "and") if disliked else "",
            disliked_plural=sounds_plural(disliked) if disliked else True,
        )
        if subject.number == "first" and self.rng.random() < 0.85:
            text = text.replace("I am ", "I'm ").replace("I have a", "I've got a").replace("I would ", "I'd ")
        return text

    def like(self, group: Sequence[str], subject: Subject, *, first_person_extras: bool = False) -> str:
        """A sentence stating that ``subject`` likes ``group``."""
        single = _person_form(group[0]) if len(group) == 1 else None
        if single and self.rng.random() < 0.15:
            return self.say(self.phrases.draw("person", _PERSON_LIKES).replace("{x}", single), subject)
        pool = _LIKES + (_FIRST_PERSON_LIKES if first_person_extras else ())
        short = _SHORT_LIKES + (_SHORT_FIRST_PERSON_LIKES if first_person_extras else ())
        if len(group) <= 2 and self.rng.random() < 0.2:
            pool = short
        return self.say(self.phrases.draw(f"like{first_person_extras}{len(pool)}", pool), subject, liked=group)

    def fragment_like(self, group: Sequence[str]) -> str:
        single = _person_form(group[0]) if len(group) == 1 else None
        if single and self.rng.random() < 0.15:
            return capitalise(self.phrases.draw("fragment-person", _FRAGMENT_PERSON_LIKES).replace("{x}", single))
        return self.say(self.phrases.draw("fragment-like", _FRAGMENT_LIKES), _I, liked=group)

    def dislike(self, group: Sequence[str], subject: Subject, *, first_person_extras: bool = False, fragment: bool = False) -> str:
        """A sentence stating that ``subject`` dislikes ``group``."""
        if fragment:
            negated, positive = _FRAGMENT_DISLIKES_NEGATED, _FRAGMENT_DISLIKES
        else:
            negated = _DISLIKES_NEGATED + (_FIRST_PERSON_DISLIKES_NEGATED if first_person_extras else ())
            positive = _DISLIKES + (_FIRST_PERSON_DISLIKES if first_person_extras else ())
        template = self.phrases.draw(f"dislike{fragment}{first_person_extras}", [(t, True) for t in negated] + [(t, False) for t in positive])
        return self.say(template[0], subject if not fragment else _I, disliked=group, negated=template[1])

    def contrast(self, liked: Sequence[str], disliked: Sequence[str], subject: Subject, *, fragment: bool = False) -> str:
        if fragment:
            return self.say(self.rng.choice(_FRAGMENT_CONTRASTS), _I, liked=liked, disliked=disliked)
        template, negated = self.rng.choice([(t, True) for t in _CONTRASTS_NEGATED] + [(t, False) for t in _CONTRASTS])
        return self.say(template, subject, liked=liked, disliked=disliked, negated=negated)

    def neutral(self, key: str, pool: Sequence[str], subject: Subject, **slots: str) -> str:
        template = self.phrases.draw(key, pool)
        for slot, value in slots.items():
            template = template.replace("{" + slot + "}", value)
        return fill(template, subject=subject)


_I = Subject(text="I", number="first", object="me", possessive="my", genitive="my")


def _person_form(item: str) -> str | None:
    """"Quokkas" -> "quokka" for "a quokka person"; None where that would read oddly or
    change more than the plural ending."""
    words = item.split()
    if len(words) > 2 or item.lower().startswith("the ") or not re.fullmatch(r"[A-Za-z ]+", item):
        return None
    if item.lower() in _PLURAL_ONLY or words[-1].lower() in _PLURAL_ONLY:
        return None
    if not sounds_plural([item]):
        return casual_case(item)
    last = words[-1].lower()
    singular = _INFLECT.singular_noun(last)
    if not singular or not last.startswith(singular):  # only a dropped "s"/"es" ("hoodies" is not "hoody")
        return None
    return " ".join([w.lower() for w in words[:-1]] + [singular])


def _pronoun(rng: random.Random) -> Subject:
    text, number, obj, possessive = rng.choice(
        (("she", "singular", "her", "her"), ("he", "singular", "him", "his"), ("they", "plural", "them", "their"), ("they", "plural", "them", "their"))
    )
    return Subject(text=text, number=number, object=obj, possessive=possessive, genitive=possessive)


def _named(name: str, pronoun: Subject) -> Subject:
    return Subject(text=name, number="singular", object=name, possessive=pronoun.possessive, genitive=f"{name}'s")


def _third_person(person: Profile, rng: random.Random, *, introduced: bool) -> Callable[[], Subject]:
    """Who the next third-person sentence is about: the full name (unless the text has
    ``introduced`` the person already), then the first name or a pronoun."""
    pronoun = _pronoun(rng)
    first = _named(first_name(person.name), pronoun)
    said = [introduced]

    def next_subject() -> Subject:
        if not said[0]:
            said[0] = True
            return _named(person.name, pronoun)
        return pronoun if rng.random() < 0.6 else first

    next_subject.pronoun = pronoun  # type: ignore[attr-defined]
    return next_subject


def _groups(items: Sequence[str], rng: random.Random, sizes=(1, 2, 3, 4, 5), weights=(3, 3, 3, 2, 1)) -> list[list[str]]:
    shuffled = list(items)
    rng.shuffle(shuffled)
    return partition(shuffled, sizes, weights, rng) if shuffled else []


def _split_dislikes(dislikes: Sequence[str], rng: random.Random) -> list[list[str]]:
    return _groups(dislikes, rng, sizes=(1, 2), weights=(2, 1))


def _interleave(sentences: list[str], extra: Sequence[str], rng: random.Random) -> list[str]:
    """``extra`` put at random places among ``sentences`` (not first, order of each kept)."""
    out = list(sentences)
    for sentence in extra:
        out.insert(rng.randint(1, max(1, len(out))), sentence)
    return out


def _bullets(writer: _Writer, groups: Sequence[Sequence[str]], marker: str) -> list[str]:
    lines = []
    for group in groups:
        remark = writer.rng.choice(_BULLET_REMARKS)
        lines.append(f"{marker} {writer.items(group)}{remark}")
    return lines


# ---------------------------------------------------------------------------------------------
# The six frames. Each returns the whole document.


def _dating(person: Profile, writer: _Writer) -> str:
    rng = writer.rng
    groups = _groups(person.likes, rng)
    listed_count = rng.randint(len(groups) // 3, len(groups) // 2)
    listed, told = groups[:listed_count], groups[listed_count:]
    prose = [writer.like(g, _I, first_person_extras=True) if rng.random() < 0.6 else writer.fragment_like(g) for g in told]
    neutrals = [writer.neutral("dating", _DATING_NEUTRAL, _I) for _ in range(rng.randint(1, 3))]
    head = f"{first_name(person.name)}, {rng.randint(24, 49)}"
    parts = [head, " ".join(_interleave(prose[: len(prose) // 2 + 1], neutrals, rng))]
    heading = rng.choice(_DATING_LIKE_HEADINGS)
    bulleted = partition([i for g in listed for i in g], (1, 2, 3), (4, 2, 1), rng)
    parts.append("\n".join([heading] + _bullets(writer, bulleted, rng.choice("•-*"))))
    rest = prose[len(prose) // 2 + 1 :]
    dislikes = _split_dislikes(person.dislikes, rng)
    if dislikes and rng.random() < 0.5:
        heading = rng.choice(_DATING_DISLIKE_HEADINGS)
        parts.append(f"{heading} {writer.items([i for g in dislikes for i in g])}.")
    else:
        rest += [writer.dislike(g, _I, first_person_extras=True, fragment=rng.random() < 0.4) for g in dislikes]
        rng.shuffle(rest)
    if rest:
        parts.append(" ".join(rest))
    return "\n\n".join(part for part in parts if part)


def _about_me(person: Profile, writer: _Writer) -> str:
    rng = writer.rng
    pronoun = _pronoun(rng)
    tags = [f"{pronoun.text}/{pronoun.object}"] + [
        writer.phrases.draw("about", _ABOUT_NEUTRAL).format(city=rng.choice(_CITIES)) for _ in range(rng.randint(1, 2))
    ]
    lines = [f"{person.name.lower() if writer.casual else person.name} | " + " | ".join(tags)]
    groups = _groups(person.likes, rng)
    dislikes = _split_dislikes(person.dislikes, rng)
    if dislikes and groups and rng.random() < 0.5:
        lines.append(writer.contrast(groups.pop(), dislikes.pop(), _I, fragment=rng.random() < 0.5))
    marker = rng.choice(("-", "•", ">"))
    said, bullets = [], []
    for group in groups:
        roll = rng.random()
        if roll < 0.45:
            said.append(writer.fragment_like(group))
        elif roll < 0.7:
            said.append(writer.like(group, _I, first_person_extras=True))
        else:
            bullets.append(f"{marker} {writer.items(group)}")
    if bullets:  # a bare item reads as a like only under a heading saying so
        at = rng.randint(0, len(said))
        said[at:at] = [rng.choice(_ABOUT_HEADINGS)] + bullets
    lines += said
    lines += [writer.dislike(g, _I, first_person_extras=True, fragment=rng.random() < 0.6) for g in dislikes]
    return "\n".join(lines)


def _interview(person: Profile, writer: _Writer) -> str:
    rng = writer.rng
    groups = _groups(person.likes, rng)
    title = rng.choice(_INTERVIEW_TITLES)
    pronoun = _pronoun(rng)
    lines = [title.format(name=person.name, P=pronoun.possessive)]
    opener = rng.choice(_INTERVIEW_OPENERS)
    lines += [opener[0], opener[1].format(city=rng.choice(_CITIES))]
    questions = list(_INTERVIEW_LIKE_QUESTIONS)
    rng.shuffle(questions)
    answers = min(len(questions), max(1, rng.randint(3, 5)))
    per_answer = [groups[i::answers] for i in range(answers)]
    for question, answer_groups in zip(questions, per_answer):
        if not answer_groups:
            continue
        said = [writer.like(g, _I, first_person_extras=True) if rng.random() < 0.8 else writer.fragment_like(g) for g in answer_groups]
        lead = rng.choice(_INTERVIEW_LEADS)
        lines += [question, "A: " + lead + " ".join(said)]
    dislikes = _split_dislikes(person.dislikes, rng)
    if dislikes:
        lines.append(rng.choice(_INTERVIEW_DISLIKE_QUESTIONS))
        lines.append("A: " + " ".join(writer.dislike(g, _I, first_person_extras=True) for g in dislikes))
    if rng.random() < 0.5:
        lines += list(rng.choice(_INTERVIEW_CLOSERS))
    return "\n".join(lines)


def _third_person_body(
    person: Profile, writer: _Writer, neutral_key: str, neutral_pool: Sequence[str], *, quote: bool = False, introduced: bool = False,
    **slots: str,
) -> tuple[list[str], Subject]:
    """Sentences about ``person`` in the third person, with a few neutral ones among them;
    with ``quote``, one like may be said by the person in quotes."""
    rng = writer.rng
    subject = _third_person(person, rng, introduced=introduced)
    groups = _groups(person.likes, rng)
    dislikes = _split_dislikes(person.dislikes, rng)
    contrasted = (groups.pop(), dislikes.pop()) if dislikes and groups and rng.random() < 0.4 else None
    quoted = groups.pop() if quote and len(groups) > 1 and rng.random() < 0.7 else None
    # written in reading order after the first, so the full name comes first
    sentences = [writer.like(g, subject()) for g in groups]
    later = [writer.dislike(group, subject()) for group in dislikes]
    if contrasted:
        later.append(writer.contrast(*contrasted, subject()))
    if quoted:
        said = writer.like(quoted, _I, first_person_extras=True).rstrip(".")
        frame = rng.choice(_QUOTE_FRAMES)
        later.append(fill(frame.replace("{said}", said), subject=subject()))
    for sentence in later:
        # after the opening sentence; a person with one item may have no sentence yet to follow
        sentences.insert(rng.randint(1, len(sentences)) if sentences else 0, sentence)
    neutrals = [writer.neutral(neutral_key, neutral_pool, subject(), **slots) for _ in range(rng.randint(1, 2))]
    return _interleave(sentences, neutrals, rng), subject.pronoun  # type: ignore[attr-defined]


def _spotlight(person: Profile, writer: _Writer) -> str:
    rng = writer.rng
    sentences, _ = _third_person_body(person, writer, "spotlight", _SPOTLIGHT_NEUTRAL, quote=True, year=str(rng.randint(2009, 2023)))
    heading = rng.choice(_SPOTLIGHT_HEADINGS)
    paragraphs = _paragraphs(sentences, rng)
    return "\n\n".join([heading.format(name=person.name)] + paragraphs)


def _letter(person: Profile, writer: _Writer) -> str:
    rng = writer.rng
    sentences, pronoun = _third_person_body(person, writer, "letter", _LETTER_NEUTRAL, introduced=True)
    opening = _LETTER_OPENING.format(name=person.name, years=rng.choice(("two", "three", "four", "six")))
    turn, closing = rng.choice(_LETTER_TURNS), rng.choice(_LETTER_CLOSINGS)
    salutation, signature = rng.choice(_LETTER_SALUTATIONS), rng.choice(_LETTER_SIGNATURES)
    body = [opening, fill(turn, subject=pronoun)] + sentences + [fill(closing, subject=pronoun)]
    return "\n\n".join([salutation] + _paragraphs(body, rng) + [signature])


def _alumni(person: Profile, writer: _Writer) -> str:
    rng = writer.rng
    sentences, _ = _third_person_body(person, writer, "alumni", _ALUMNI_NEUTRAL, quote=True, introduced=True)
    year = rng.randint(1998, 2016)
    heading = rng.choice(_ALUMNI_HEADINGS).format(year=year)
    opening = _ALUMNI_OPENING.format(name=person.name, yy=f"{year % 100:02d}", city=rng.choice(_CITIES))
    return "\n\n".join([heading] + _paragraphs([opening] + sentences, rng))


def _paragraphs(sentences: Sequence[str], rng: random.Random) -> list[str]:
    out, start = [], 0
    while start < len(sentences):
        size = rng.randint(2, 5)
        out.append(" ".join(sentences[start : start + size]))
        start += size
    return out


_FRAMES = (_dating, _about_me, _interview, _spotlight, _letter, _alumni)
_CASUAL = {_dating: 0.8, _about_me: 0.9, _interview: 0.4, _spotlight: 0.2, _letter: 0.0, _alumni: 0.1}

# ---------------------------------------------------------------------------------------------
# Questions. {X} is the item (as typed), {A}/{B} the two items of a pair.

_QUESTIONS = (
    "Who likes {X}?",
    "who's into {X}",
    "Find me people who like {X}.",
    "Anyone here a fan of {X}?",
    "{X} — who's a fan?",
    "Which people enjoy {X}?",
    "List everyone who likes {X}.",
    "Does anybody like {X}?",
    "{X}: who's into that?",
    "Show me the people who love {X}.",
    "I'm looking for someone who enjoys {X}. Any names?",
    "Which of these people have a soft spot for {X}?",
    "Whose profile says they like {X}?",
    "Name the people who are keen on {X}.",
    "anyone into {X}??",
    "People who like {X}, please.",
    "Is there anyone who's crazy about {X}?",
)
_PAIR_QUESTIONS = {
    "and": (
        "Who likes both {A} and {B}?",
        "Anyone into {A} as well as {B}?",
        "Find people who enjoy {A} and also {B}.",
        "{A} and {B} — who likes both?",
        "Which people are fans of {A} and of {B} too?",
    ),
    "or": (
        "Who likes {A} or {B}?",
        "Anyone who enjoys either {A} or {B}?",
        "People into {A}, {B}, or both?",
        "Find fans of {A} or of {B}.",
        "Who likes at least one of these: {A}, {B}?",
    ),
    "but-not": (
        "Who likes {A} but not {B}?",
        "Anyone into {A} who doesn't like {B}?",
        "Find people who enjoy {A} and don't like {B}.",
        "{A} yes, {B} no: who fits?",
        "Which people like {A}, leaving out anyone who likes {B}?",
    ),
}


def _asked(item: str, rng: random.Random) -> str:
    """``item`` as someone asking types it: as listed, lower-cased, or in quotes."""
    roll = rng.random()
    if roll < 0.4:
        return casual_case(item)
    if roll < 0.55:
        return f'"{item}"'
    return item


class HeldOutStyleC:
    """Held-out style C (see the module)."""

    name = "heldout-c"

    def profile(self, *, person: Profile, rng: random.Random) -> str:
        frame = rng.choice(_FRAMES)
        writer = _Writer(rng=rng, casual=rng.random() < _CASUAL[frame], phrases=Phrasebook(rng))
        return frame(person, writer)

    def question(self, *, item: str, rng: random.Random) -> str:
        return rng.choice(_QUESTIONS).replace("{X}", _asked(item, rng))

    def question_and(self, *, first: str, second: str, rng: random.Random) -> str:
        return self._pair("and", first, second, rng)

    def question_or(self, *, first: str, second: str, rng: random.Random) -> str:
        return self._pair("or", first, second, rng)

    def question_but_not(self, *, first: str, second: str, rng: random.Random) -> str:
        return self._pair("but-not", first, second, rng)

    @staticmethod
    def _pair(kind: str, first: str, second: str, rng: random.Random) -> str:
        template = rng.choice(_PAIR_QUESTIONS[kind])
        return template.replace("{A}", _asked(first, rng)).replace("{B}", _asked(second, rng))

