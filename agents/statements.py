"""Read a document for what its subject likes and dislikes: the reader's core.

For a key phrase and a document, :func:`stance` answers whether the document states
that its person likes the phrase (``True``), states the contrary (``False``: a stated
dislike, a negated liking, or — only in a *closed list* — the phrase's absence), or does
not say (``None``), with a confidence and the sentence that says so.

How a document is read:

1. **Tokens** (:mod:`.text`) are split into sentences (. ! ? and line breaks) and clauses
   (; — and contrast words: but, whereas, while, although, though, yet, however).
2. **Expressions** of liking and dislike are found in each clause from the preference
   lexicon (:mod:`.lexicon`), first with negation words in place (idioms such as
   "can't get enough of"), then without them ("is *not* keen on").
3. **Mentions** of the phrase must be whole: bounded on both sides by punctuation, a
   connective or another function word, so "Trees" is not mentioned in "Joshua Trees".
4. Each mention takes its polarity from, in order: the nearest expression before it in
   its clause ("likes A, B and C"), reversed by a negation shortly before that expression
   or an exception word in between; an expression after it ("X fascinates her", "X is
   something she adores"); the clause before it in the sentence ("..., but not X"); an
   expression about "it/them" in the next clause ("X? She loves it."); finally the summed
   VADER valence of the clause's other words (weak evidence).
5. **Subjects**: an expression whose subject is someone else ("her brother loves X",
   "most people like X") says nothing about the document's person.
6. A phrase that is not mentioned is ``None`` — unless the document is a **closed list**
   (one sentence, one liking expression, a list of three or more items, as LIMIT writes
   its profiles), where absence means "not liked".

The confidence constants below are this module's documented choices, not fitted values.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .lexicon import EXCEPTIONS, IGNORABLE, NEGATORS, Expression, find_expressions, ignorable, word_valence
from .text import ARTICLES, PUNCTUATION, Token, normalize_phrase, tokenize_document

__all__ = ["Stance", "stance", "read_profile", "question_predicate", "CONFIDENCE"]

CONFIDENCE = {
    "stated": 0.95,  # an expression governs the mention, the subject is the document's person
    "stated_unknown_subject": 0.85,  # ... the subject is a noun phrase of unknown reference
    "item_first": 0.85,  # "X fascinates her", "X is something she adores"
    "carried": 0.85,  # the expression of the clause before ("..., but not X")
    "anaphora": 0.8,  # "X? She loves it."
    "valence": 0.6,  # only the clause's sentiment words
    "closed_list_absent": 0.9,  # LIMIT-style list that does not name the phrase
}

_SENTENCE_END = frozenset({".", "!", "?"})
_CLAUSE_BREAK = frozenset({";", "—", "–", "-", "(", ")"})
_CONTRAST = frozenset({"but", "whereas", "while", "although", "though", "yet", "however"})
_SUBORDINATORS = frozenset({"while", "whilst", "although", "though", "whereas", "even", "if", "since", "because"})
_CONNECTIVES = frozenset(
    "and or plus also especially particularly including like as both either neither nor not but except than well "
    "even mainly mostly namely such notably chiefly above all too besides alongside".split()
)
# Function words: a neighbour of a mention that is one of these does not extend the phrase.
FUNCTION_WORDS = frozenset(
    """a an the this that these those her his their its my our your them him it she he they i we you me us one ones
    who whom whose which what where when whenever while why how be have do not no never nor neither either both
    and or but so yet for of to in on at by with from about into onto over under above below after before during
    since until than as like too also very much more most less least lot lots bit all any some each every other
    such only just even still again ever always often sometimes usually really quite rather pretty well way ways
    can could will would shall should may might must there here then now too anything something everything nothing
    day days time times year years whenever wherever because if though although whereas unless especially come
    comes came make makes made
    particularly including besides except among amongst between through throughout across around near along up down
    out off back away enough almost""".split()
)
_AUXILIARIES = frozenset(
    "be have do would will can could should shall may might must also always really truly never not just still "
    "certainly definitely absolutely simply genuinely honestly seriously secretly openly totally utterly".split()
)
_SELF_WORDS = frozenset({"she", "he", "they", "i", "who", "person", "individual", "someone", "one", "this"})
_OTHER_WORDS = frozenset(
    """brother sister mother father mom mum dad parent parents wife husband partner spouse boyfriend girlfriend son
    daughter kid kids child children friend friends colleague colleagues coworker coworkers boss roommate flatmate
    neighbour neighbor cousin aunt uncle grandmother grandfather grandma grandpa family people everyone everybody
    nobody others most many few team fiance fiancee""".split()
)
_WINDOW_STOPS = frozenset("and or but plus yet so because while whereas although though who which that when".split())
_GROUPS = frozenset("people everyone everybody nobody others most many friends family kids children parents colleagues "
                    "siblings neighbours neighbors".split())
_POSSESSIVES = frozenset({"her", "his", "their", "my", "your"})
_OBJECT_PRONOUNS = frozenset({"it", "them", "that", "this", "those", "these", "one", "ones"})
_INNER_PUNCTUATION = frozenset({":", '"', "“", "”", "(", ")", "!", "?"})
_ABBREVIATIONS = frozenset({"st", "dr", "mr", "mrs", "ms", "jr", "sr", "vs", "mt", "no"})


@dataclass(frozen=True, slots=True)
class Stance:
    """What a document says about liking a phrase."""

    verdict: bool | None
    confidence: float
    span: tuple[int, int] | None = None  # characters of the sentence that says so
    reason: str = ""


@dataclass(frozen=True)
class _Clause:
    tokens: tuple[Token, ...]
    expressions: tuple[Expression, ...]  # positions are indices into ``tokens``
    negations: frozenset[int]  # indices of negation words not inside an idiom
    sentence: int


@dataclass(frozen=True)
class _Profile:
    clauses: tuple[_Clause, ...]
    names: frozenset[str]
    closed: bool


@lru_cache(maxsize=4096)
def read_profile(text: str) -> _Profile:
    """The document split into clauses with their expressions (cached per text)."""
    tokens = tokenize_document(text)
    clauses: list[_Clause] = []
    for number, sentence in enumerate(_sentences(text, tokens)):
        for part in _clauses(sentence):
            clauses.append(_analyse(part, number))
    names = _subject_names(clauses)
    closed = _is_closed_list(clauses)
    return _Profile(clauses=tuple(clauses), names=names, closed=closed)


def _sentences(text: str, tokens: tuple[Token, ...]) -> list[list[Token]]:
    sentences: list[list[Token]] = [[]]
    for index, token in enumerate(tokens):
        if sentences[-1] and index > 0 and "\n" in text[tokens[index - 1].end : token.start]:
            sentences.append([])
        sentences[-1].append(token)
        if token.norm in _SENTENCE_END:
            previous = sentences[-1][-2].norm if len(sentences[-1]) > 1 else ""
            if token.norm == "." and previous in _ABBREVIATIONS and sentences[-1][-2].capital:
                continue  # "St. Louis"
            if index + 1 < len(tokens) and tokens[index + 1].norm in {",", ")", ";"}:
                continue  # "Chips Ahoy!, Harmonicas": part of a name
            sentences.append([])
    return [s for s in sentences if any(t.norm not in PUNCTUATION for t in s)]


def _clauses(sentence: list[Token]) -> list[list[Token]]:
    """Split at clause breaks and contrast words; a sentence that opens with a
    subordinating contrast ("While she loves A, B is not her thing") ends that clause at
    its first comma."""
    parts: list[list[Token]] = [[]]
    subordinate = bool(sentence) and sentence[0].norm in _SUBORDINATORS
    for token in sentence:
        if subordinate and token.norm == "," and len(parts) == 1:
            parts.append([])
            continue
        if token.norm in _CLAUSE_BREAK or (token.norm in _CONTRAST and parts[-1]):
            parts.append([])
            if token.norm in _CLAUSE_BREAK:
                continue
        parts[-1].append(token)
    return [p for p in parts if any(t.norm not in PUNCTUATION for t in p)]


def _analyse(tokens: list[Token], sentence: int) -> _Clause:
    """Find the clause's expressions: idioms with their negation words first, then the
    rest with unconsumed negation words set aside."""
    kept = [i for i, t in enumerate(tokens) if t.norm not in PUNCTUATION and not ignorable(t.norm) and t.norm not in ARTICLES]
    words = [tokens[i].norm for i in kept]
    first_pass = find_expressions(words)
    consumed = {p for e in first_pass for p in range(e.first, e.last + 1)}
    loose = [p for p, w in enumerate(words) if w in NEGATORS and p not in consumed and not _not_only(words, p)]
    second_words = [w for p, w in enumerate(words) if p not in loose]
    second_map = [p for p in range(len(words)) if p not in loose]
    expressions = [_to_tokens(e, kept) for e in first_pass]
    for found in find_expressions(second_words):
        first, last = second_map[found.first], second_map[found.last]
        if any(p in consumed for p in range(first, last + 1)):
            continue
        expressions.append(_to_tokens(Expression(found.kind, first, last, found.text), kept))
    expressions.sort(key=lambda e: e.first)
    negations = frozenset(kept[p] for p in loose)
    return _Clause(tokens=tuple(tokens), expressions=tuple(expressions), negations=negations, sentence=sentence)


_NOT_NEGATING = {"not": {"only"}, "no": {"particular", "doubt", "wonder", "matter", "surprise", "secret", "question", "less", "end"}}


def _not_only(words: list[str], position: int) -> bool:
    """A negation word that negates nothing: "not only", "in no particular order", "no doubt"."""
    following = words[position + 1] if position + 1 < len(words) else ""
    return following in _NOT_NEGATING.get(words[position], ())


def _to_tokens(expression: Expression, kept: list[int]) -> Expression:
    return Expression(expression.kind, kept[expression.first], kept[expression.last], expression.text)


def _subject_names(clauses: list[_Clause]) -> frozenset[str]:
    """The document's person's name: capitalised words of its first sentence (before its
    first expression, if it has one: "Ann Lee likes ..."; all of them otherwise: "Meet
    Ann Lee."), and capitalised words that stand as the subject of an expression twice."""
    opening = [c for c in clauses if c.sentence <= 1]
    first: list[str] = []
    for clause in opening:
        stop = clause.expressions[0].first if clause.expressions else len(clause.tokens)
        first += [t.norm for t in clause.tokens[:stop] if t.capital and t.norm not in _SELF_WORDS]
        if clause.expressions:
            break
    heads: dict[str, int] = {}
    for clause in clauses:
        for expression in clause.expressions:
            if expression.item_first:
                continue  # "Chess fascinates her": the word before is the item, not a person
            position = expression.first - 1
            while position >= 0 and clause.tokens[position].norm in _AUXILIARIES | NEGATORS | ARTICLES:
                position -= 1
            if position >= 0 and clause.tokens[position].capital and clause.tokens[position].norm not in _SELF_WORDS:
                heads[clause.tokens[position].norm] = heads.get(clause.tokens[position].norm, 0) + 1
    return frozenset(first) | frozenset(word for word, count in heads.items() if count >= 2)


def _is_closed_list(clauses: list[_Clause]) -> bool:
    if len(clauses) != 1 or len(clauses[0].expressions) != 1:
        return False
    clause = clauses[0]
    expression = clause.expressions[0]
    if expression.kind != "like" or clause.negations:
        return False
    return sum(1 for t in clause.tokens[expression.last + 1 :] if t.norm == ",") >= 2


# -- reading one phrase ----------------------------------------------------------------------
def stance(phrase: str, text: str) -> Stance:
    """Whether ``text`` states that its person likes ``phrase`` (see the module docstring)."""
    wanted = normalize_phrase(phrase)
    if not wanted:
        return Stance(verdict=None, confidence=0.0, reason="no words to look for")
    profile = read_profile(text)
    found: list[Stance] = []
    for index, clause in enumerate(profile.clauses):
        for start, end in _mentions(clause, wanted):
            found.append(_mention_stance(profile, index, start, end))
    decided = [s for s in found if s.verdict is not None]
    if not decided:
        if profile.closed and not found:
            return Stance(verdict=False, confidence=CONFIDENCE["closed_list_absent"], reason="closed list without it")
        if found:
            return Stance(verdict=None, confidence=0.0, span=found[0].span, reason=found[0].reason or "mentioned, no stance")
        return Stance(verdict=None, confidence=0.0, reason="not mentioned")
    best = max(decided, key=lambda s: s.confidence)
    rivals = [s for s in decided if s.verdict is not best.verdict and s.confidence >= best.confidence]
    if rivals:
        return Stance(verdict=None, confidence=0.0, span=best.span, reason="stated both ways")
    return best


def _mentions(clause: _Clause, wanted: tuple[str, ...]):
    """``(start, end)`` token positions of each whole mention of ``wanted``; punctuation
    inside a name ("Magic: The Gathering") is skipped when comparing."""
    width = len(wanted)
    norms = [t.norm for t in clause.tokens]
    visible = [i for i, norm in enumerate(norms) if norm not in _INNER_PUNCTUATION]
    ends = {e.last for e in clause.expressions}
    starts = {e.first for e in clause.expressions}
    for position in range(len(visible) - width + 1):
        chosen = visible[position : position + width]
        if tuple(norms[i] for i in chosen) == wanted and _bounded(norms, chosen[0], chosen[-1] + 1, ends, starts):
            yield chosen[0], chosen[-1] + 1


# adverbs that close an object ("rates quokkas highly", "loves tapirs dearly")
_RIGHT_ADVERBS = frozenset({"highly", "very", "dearly", "deeply", "madly", "lately", "immensely", "enormously"})


def _bounded(norms: list[str], start: int, end: int, expression_ends: set[int], expression_starts: set[int]) -> bool:
    """A whole mention: its neighbours are punctuation, function words, connectives, or
    an expression ("loves X", "X fascinates her")."""
    left = start - 1
    while left >= 0 and norms[left] in ARTICLES:
        left -= 1
    left_ok = (left < 0 or left in expression_ends or norms[left] in PUNCTUATION or norms[left] in FUNCTION_WORDS
               or norms[left] in _CONNECTIVES or norms[left] in _JUDGING_VERBS or norms[left] in _OBJECT_VERBS)
    if not left_ok and end < len(norms) and norms[end] in _IDENTITY_NOUNS:  # "a huge cobra person"
        left_ok = norms[left] in _IDENTITY_DEGREE or ignorable(norms[left])
    right_ok = (end >= len(norms) or end in expression_starts or norms[end] in PUNCTUATION or norms[end] in FUNCTION_WORDS
                or norms[end] in _CONNECTIVES or norms[end] in _IDENTITY_NOUNS or norms[end] in _RIGHT_ADVERBS)
    return left_ok and right_ok


def _mention_stance(profile: _Profile, index: int, start: int, end: int) -> Stance:
    clause = profile.clauses[index]
    span = (clause.tokens[0].start, clause.tokens[-1].end)
    subject_of = _subject_of_next(clause, end)
    if subject_of is not None:  # "X isn't really his thing", "X fascinates her"
        polarity = _negated(clause, subject_of, None)
        return Stance(verdict=polarity, confidence=CONFIDENCE["item_first"], span=span, reason=f"{_verb(polarity)} ({subject_of.text!r}, after it)")
    identity = _identity(clause, start, end)
    if identity is not None:  # "I'm a huge cobra person", "not really a cat person"
        return Stance(verdict=identity, confidence=CONFIDENCE["item_first"], span=span, reason=f"{_verb(identity)} (an X person)")
    judged = _judged_as(clause, start, end)
    if judged is not None:
        return Stance(verdict=judged, confidence=CONFIDENCE["item_first"], span=span, reason=f"{_verb(judged)} (finds it ...)")
    governing = [e for e in clause.expressions if e.last < start and not e.item_first]
    if governing:
        expression = governing[-1]
        subject = _subject(clause, expression, profile.names)
        if subject == "other":
            return Stance(verdict=None, confidence=0.0, span=span, reason=f"someone else {expression.text!r} it")
        polarity = _negated(clause, expression, start)
        key = "stated" if subject == "self" else "stated_unknown_subject"
        return Stance(verdict=polarity, confidence=CONFIDENCE[key], span=span, reason=f"{_verb(polarity)} ({expression.text!r})")
    following = [e for e in clause.expressions if e.first >= end]
    if following and _item_is_topic(clause, following[0], end, profile.names):
        expression = following[0]
        # "X fascinates her": the item is the subject, the person is inside the expression
        if expression.item_first or _subject(clause, expression, profile.names) != "other":
            polarity = _negated(clause, expression, None)
            if sum(1 for i in clause.negations if i < start) % 2:  # "never met a X he didn't like"
                polarity = not polarity
            return Stance(verdict=polarity, confidence=CONFIDENCE["item_first"], span=span, reason=f"{_verb(polarity)} ({expression.text!r}, after it)")
    if not clause.expressions and _affirmed(clause, end):
        return Stance(verdict=True, confidence=CONFIDENCE["carried"], span=span, reason="states a liking (X, always)")
    carried = _carried(profile, index, start)
    if carried is not None:
        return Stance(verdict=carried, confidence=CONFIDENCE["carried"], span=span, reason=f"{_verb(carried)} (from the clause before)")
    tagged = None if clause.expressions else _tagged(profile, index)
    if tagged is not None:
        return Stance(verdict=tagged, confidence=CONFIDENCE["carried"], span=span, reason=f"{_verb(tagged)} (X, Y — tag)")
    referred = _anaphora(profile, index)
    if referred is not None:
        return Stance(verdict=referred, confidence=CONFIDENCE["anaphora"], span=span, reason=f"{_verb(referred)} (said of it next)")
    valence = None if clause.expressions else _valence(clause, start, end)
    if valence is not None:
        return Stance(verdict=valence, confidence=CONFIDENCE["valence"], span=span, reason=f"{_verb(valence)} (sentiment words only)")
    return Stance(verdict=None, confidence=0.0, span=span, reason="mentioned, no stance")


def _verb(polarity: bool) -> str:
    return "states a liking" if polarity else "states a dislike"


def _negated(clause: _Clause, expression: Expression, mention: int | None) -> bool:
    """The expression's polarity, reversed once per negation shortly before it (or inside
    it: "is not keen on") and by an exception word between it and the mention."""
    polarity = expression.polarity
    window_start = expression.first
    steps = 0
    while window_start > 0 and steps < 4:
        previous = clause.tokens[window_start - 1].norm
        if previous in PUNCTUATION or previous in _WINDOW_STOPS:
            break
        window_start -= 1
        steps += 0 if ignorable(previous) else 1  # "not particularly keen on": adverbs do not count
    flips = _count_negations(clause, window_start, expression.last)
    before = [t.norm for t in clause.tokens[max(0, expression.first - 2) : expression.first]]
    if before == ["use", "to"] or before == ["used", "to"]:  # "used to love X (but has gone off it)": no longer
        flips += 1
    if mention is not None:
        between = " ".join(t.norm for t in clause.tokens[expression.last + 1 : mention])
        padded = f" {between} "
        if any(f" {word} " in padded for word in EXCEPTIONS) or any(i in clause.negations for i in range(expression.last + 1, mention)):
            flips += 1
    return polarity if flips % 2 == 0 else not polarity


def _count_negations(clause: _Clause, first: int, last: int) -> int:
    """Negation words in ``[first, last]``; "neither ... nor" counts once."""
    words = [clause.tokens[i].norm for i in sorted(clause.negations) if first <= i <= last]
    if "neither" in words and "nor" in words:
        words.remove("nor")
    return len(words)


def _subject(clause: _Clause, expression: Expression, names: frozenset[str]) -> str:
    """``self`` (the document's person), ``other`` (someone else) or ``unknown``: the
    nearest word before the expression that is not an auxiliary, adverb or negation."""
    position = expression.first - 1
    while position >= 0 and (clause.tokens[position].norm in _AUXILIARIES or clause.tokens[position].norm in NEGATORS
                             or clause.tokens[position].norm in ARTICLES):
        position -= 1
    if position < 0 or clause.tokens[position].norm in PUNCTUATION or clause.tokens[position].norm in _CONNECTIVES:
        return "self"  # "..., and loves X": the subject carried over
    token = clause.tokens[position]
    if token.norm in _SELF_WORDS or token.norm in names:
        return "self"
    previous = clause.tokens[position - 1].norm if position > 0 else ""
    if token.norm in _GROUPS or (token.norm in _OTHER_WORDS and previous in _POSSESSIVES):
        return "other"  # "most people like X", "her brother loves X" (but "our colleague loves X" is the person)
    return "unknown"  # a name we do not know is more often the person's than someone else's


def _subject_of_next(clause: _Clause, end: int) -> Expression | None:
    """An item-first expression right after the mention (only auxiliaries, adverbs and
    negations between): the mention is its subject."""
    for expression in clause.expressions:
        if expression.first < end or not expression.item_first:
            continue
        between = [t.norm for t in clause.tokens[end : expression.first]]
        if all(w in _AUXILIARIES or w in NEGATORS or w in IGNORABLE for w in between):
            return expression
        return None
    return None


# "a cat person", "a huge Yankees fan": the item names what the person is
_IDENTITY_NOUNS = frozenset({"person", "guy", "gal", "girl", "fan", "lover", "addict", "fiend", "junkie", "enthusiast", "nut"})
# a list closed by one of these says it is liked: "Chess and swamps, always." "Tea: absolutely."
_IDENTITY_DEGREE = frozenset({"big", "huge", "massive", "total", "much", "such", "real", "true", "proper", "diehard"})
_AFFIRMATIONS = frozenset({"always", "absolutely", "definitely", "obviously", "forever", "yes", "every time", "any day"})


def _identity(clause: _Clause, start: int, end: int) -> bool | None:
    """"(I'm) a huge X person": liking, reversed by a negation before it in the clause;
    None when a word other than an article or adverb stands between (not "her cat's fan")."""
    if end >= len(clause.tokens) or clause.tokens[end].norm not in _IDENTITY_NOUNS:
        return None
    position = start - 1
    while position >= 0 and (clause.tokens[position].norm in ARTICLES or ignorable(clause.tokens[position].norm)
                             or clause.tokens[position].norm in _IDENTITY_DEGREE):
        position -= 1
    if position >= 0 and clause.tokens[position].norm not in PUNCTUATION and clause.tokens[position].norm not in _AUXILIARIES:
        return None
    while position >= 0 and (clause.tokens[position].norm in _AUXILIARIES or clause.tokens[position].norm in NEGATORS):
        position -= 1
    if position > 0 and (clause.tokens[position].norm in _GROUPS or clause.tokens[position].norm in _OTHER_WORDS):
        return None  # "her brother is a cat person"
    flips = sum(1 for i in clause.negations if i < start)
    return flips % 2 == 0


def _affirmed(clause: _Clause, end: int) -> bool:
    """A list with no expression closed by an affirmation: "Chess, lakes and swamps, always."."""
    words = [t.norm for t in clause.tokens[end:] if t.norm not in (".", "!")]
    if len(words) < 2 or words[-2] not in (",", ":", "—", "–") or words[-1] not in _AFFIRMATIONS:
        return False
    return not clause.negations


# verbs whose object follows ("discovered Lilies"): a left neighbour that does not make a compound
_OBJECT_VERBS = frozenset({"discover", "discovered", "discovering", "try", "tried", "trying", "met", "meet", "tasted", "taste"})
_JUDGING_VERBS = frozenset({"find", "found", "finding", "consider", "considered", "considering", "think", "thought",
                            "count", "counted", "counting", "rank", "ranked", "ranking", "call", "called", "list", "listed"})


def _judged_as(clause: _Clause, start: int, end: int) -> bool | None:
    """"She finds X tedious", "considers X overrated": the adjective after the mention
    decides (VADER valence), reversed by a negation before the verb."""
    before = [t.norm for t in clause.tokens[max(0, start - 3) : start] if t.norm not in ARTICLES]
    if not before or before[-1] not in _JUDGING_VERBS:
        return None
    after = [t.norm for t in clause.tokens[end : end + 3] if t.norm not in PUNCTUATION and t.norm not in IGNORABLE]
    total = sum(word_valence(w) for w in after)
    if abs(total) < 1.0:
        return None
    flips = sum(1 for i in clause.negations if i < start)
    return (total > 0) if flips % 2 == 0 else (total < 0)


def _item_is_topic(clause: _Clause, expression: Expression, end: int, names: frozenset[str]) -> bool:
    """Whether a mention before ``expression`` is what it is about: directly before an
    item-first expression ("X fascinates her"), or before a subject of its own ("X is
    something she adores"); not the subject itself ("Ann likes ...")."""
    between = [t.norm for t in clause.tokens[end : expression.first] if t.norm not in PUNCTUATION]
    if expression.item_first:  # "X and Y appeal to her": other items may stand between
        return not any(w in _SELF_WORDS or w in names for w in between)
    return any(w in _SELF_WORDS or w in names for w in between)


def _heading(profile: _Profile, index: int) -> bool | None:
    """A list line under a heading ("Things I love:" / "- quokkas (obviously)"): the
    heading's polarity, when every line between is an item list with no expression."""
    for earlier in range(index - 1, -1, -1):
        clause = profile.clauses[earlier]
        if clause.expressions:
            ends = [t.norm for t in clause.tokens if t.norm not in ("(", ")")]
            return _negated(clause, clause.expressions[-1], None) if ends and ends[-1] == ":" else None
        if len(clause.tokens) > 20:
            return None  # prose, not a list line
        if clause.tokens and clause.tokens[-1].norm == ":":
            return None  # a heading of its own that says nothing the reader knows
    return None


def _carried(profile: _Profile, index: int, start: int) -> bool | None:
    """"She loves A, but not B": B takes the clause before's expression, reversed by a
    negation in its own clause before it."""
    clause = profile.clauses[index]
    if index > 0 and profile.clauses[index - 1].sentence != clause.sentence and not clause.expressions:
        return _heading(profile, index)
    if index == 0 or profile.clauses[index - 1].sentence != clause.sentence:
        return None
    earlier = index - 1
    # "smitten with A; B; C; D": walk back over the bare list parts to the clause that says it
    while (earlier > 0 and not profile.clauses[earlier].expressions and profile.clauses[earlier - 1].sentence == clause.sentence
           and len(profile.clauses[earlier].tokens) <= MAX_LIST_PART):
        earlier -= 1
    previous = profile.clauses[earlier]
    head = " " + " ".join(t.norm for t in clause.tokens[:start]) + " "
    after_anything = [t.norm for t in profile.clauses[index - 1].tokens][-1:] in (["anything"], ["everything"]) and head.startswith(" but ")
    if after_anything and not previous.expressions:  # "Anything but X, please."
        return False
    candidates = [e for e in previous.expressions if not e.item_first]
    if not candidates:
        return None
    polarity = _negated(previous, candidates[-1], None)
    flips = sum(1 for i in clause.negations if i < start)
    flips += any(f" {word} " in head for word in EXCEPTIONS) or after_anything  # "enjoys anything but X"
    return polarity if flips % 2 == 0 else not polarity


# short tags that close a list ("• gelato, Baroque Art (my jam)", "Pretzels & Barley? I'm all in.")
_TAG_WORDS = {"jam": True, "obsessed": True, "hooked": True, "all in": True, "yes": True, "in love": True,
              "can not get enough": True, "allergic": False, "nope": False, "meh": False, "no thanks": False, "skip": False}
MAX_TAG_TOKENS = 6
MAX_LIST_PART = 8  # tokens of one part of a list split by semicolons


def _tag_polarity(clause: _Clause) -> bool | None:
    """What a short tag says: its expression ("favourite, no contest", "hard pass"), an
    affirmation ("always, always"), a tag word ("my jam", "allergic"), else its VADER
    valence; reversed by a negation ("not my jam")."""
    words = [t.norm for t in clause.tokens if t.norm not in PUNCTUATION and t.norm not in ARTICLES]
    if not words or len(clause.tokens) > MAX_TAG_TOKENS:
        return None
    if clause.expressions:
        return _negated(clause, clause.expressions[0], None)
    flip = len(clause.negations) % 2 == 1
    text = " " + " ".join(words) + " "
    if " not so much " in text or " not really " == text:  # "X? Not so much."
        return False
    if " can not get enough " in text or " never get enough " in text:  # a liking, its "not" included
        return True
    found = [polarity for tag, polarity in _TAG_WORDS.items() if f" {tag} " in text]
    if all(word in _AFFIRMATIONS for word in words):
        found.append(True)
    if found:
        return found[0] != flip
    return _valence(clause, 0, 0)


def _tagged(profile: _Profile, index: int) -> bool | None:
    """A list with no expression, closed in the same sentence by a short tag clause."""
    if index + 1 >= len(profile.clauses):
        return None
    tag = profile.clauses[index + 1]
    if tag.sentence != profile.clauses[index].sentence:
        return None
    return _tag_polarity(tag)


def _anaphora(profile: _Profile, index: int) -> bool | None:
    """"X? She loves it." — an expression in the next clause whose object is a pronoun."""
    if index + 1 >= len(profile.clauses):
        return None
    following = profile.clauses[index + 1]
    for expression in following.expressions:
        if expression.item_first:
            continue
        after = [t.norm for t in following.tokens[expression.last + 1 : expression.last + 3]
                 if t.norm not in ARTICLES and t.norm not in PUNCTUATION and not ignorable(t.norm)]
        if (not after or after[0] in _OBJECT_PRONOUNS | {"me", "us", "please"}) and _subject(following, expression, profile.names) != "other":
            return _negated(following, expression, None)  # "X? She loves it.", "Ketchup? Hard pass."
    asked = profile.clauses[index].tokens[-1].norm == "?"
    if asked and not following.expressions and len(following.tokens) <= 8:  # "Me and X? A match made in heaven."
        tag = _tag_polarity(following) if len(following.tokens) <= MAX_TAG_TOKENS else None
        return tag if tag is not None else _valence(following, 0, 0)
    return None


def _valence(clause: _Clause, start: int, end: int) -> bool | None:
    """Weak evidence: the summed VADER valence of the clause's other words (reversed by
    a negation), when it is clearly positive or negative."""
    total = sum(word_valence(t.norm) for i, t in enumerate(clause.tokens) if not start <= i < end)
    if len(clause.negations) % 2:
        total = -total
    if abs(total) < 1.5:
        return None
    return total > 0


def question_predicate(text: str) -> tuple[str, bool] | None:
    """For a question, the text after its first preference expression and whether that
    expression is negated ("Who would never say no to X?" -> ("X", False)); None if the
    question has none. Used by the query parser when its grammar finds no predicate."""
    tokens = tokenize_document(text)
    if not tokens:
        return None
    clause = _analyse(list(tokens), 0)
    for expression in clause.expressions:
        if expression.item_first:
            continue
        rest = text[tokens[expression.last].end :]
        if rest.strip(" ,:?.!"):
            return rest, not _negated(clause, expression, None)
    return None
