"""Parse "who likes what" questions into a boolean expression over key phrases.

The parser is grammar-driven, not a list of templates: it finds the *preference
predicate* (likes, enjoys, loves, is a fan of, is into, has a soft spot for ...),
takes what follows as the object expression and splits that on connectives in
precedence order — negation ("but not", "and not", "except", "but doesn't like",
"neither ... nor"), then disjunction ("or", "either ... or", "and/or"), then
conjunction ("and", "both ... and", "as well as", "along with", "plus", lists with
commas). So "Which people like X as well as Y?", "Who likes either X or Y?",
"Who enjoys X and not Y?" and "Who is a fan of X?" all parse without a template each.

A bare "A and B" (or "A or B") is ambiguous: the corpus may hold an item called
"Fish and Chips". The parser keeps both readings, ``Or(Term("A and B"), And(A, B))``;
judging documents decides which one they support, so the split is never a guess.

A number in the subject ("Which two people like X?") becomes the plan's target count.
A quoted item ('Who likes "Fish and Chips"?') is one phrase, never split.

When the grammar's predicates do not match, the reader's preference lexicon
(:mod:`.lexicon`, the same table the judge reads documents with) finds the predicate
("Who has a weakness for X?", "Who would never say no to X?"); "X fans?" and "Whose
favourite is X?" are read too. A query with no recognisable predicate gets
``expression=None``: the agent still ranks it with its tools, it just cannot judge
candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .expressions import And, Expr, Not, Or, Term

__all__ = ["ParsedQuery", "parse_query", "PREDICATE", "NEGATIVE_PREDICATE"]

# A positive "likes"-type predicate; longest alternatives first so "is a fan of" wins over "is".
PREDICATE = (
    r"(?:(?:is|are|'s|'re)\s+(?:also\s+|really\s+|very\s+|quite\s+)?"
    r"(?:(?:an?\s+)?(?:big\s+|huge\s+|great\s+)?(?:fans?|lovers?|enthusiasts?|admirers?|devotees?)\s+of"
    r"|into|keen\s+on|fond\s+of|passionate\s+about|crazy\s+about|interested\s+in|drawn\s+to|partial\s+to)"
    r"|(?:has|have)\s+(?:an?\s+)?(?:liking|fondness|soft\s+spot|passion|love|affection|taste)\s+for"
    r"|(?:fans?|lovers?|enthusiasts?)\s+of"
    r"|(?:likes?|liking|loves?|loving|enjoys?|enjoying|adores?|adoring|prefers?|appreciates?"
    r"|fanc(?:y|ies)|digs?|admires?|favou?rs?|cherish(?:es)?|relish(?:es)?|treasures?))"
)
# A negated predicate at the head of the question: "Who doesn't like X?", "Who dislikes X?"
NEGATIVE_PREDICATE = (
    r"(?:dislikes?|hates?|detests?|loathes?|never\s+(?:likes?|enjoys?|loves?)"
    r"|(?:does|do|did)(?:n't|\s+not)\s+(?:like|love|enjoy|care\s+for)"
    r"|(?:is|are)(?:n't|\s+not)\s+(?:an?\s+)?(?:fans?\s+of|into|keen\s+on|fond\s+of))"
)

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_TARGET = re.compile(
    r"(?<![\d,.])(?<!than )(?<!over )(?<!under )(?<!least )(?<!most )(?<!by )\b(?P<n>\d{1,2}|" + "|".join(_NUMBERS)
    + r")\s+(?:\w+\s+)?(?:people|persons|individuals|users|members|ones|documents|of\s+them)\b(?!\s+(?:attend|came|visit|watch))",
    re.IGNORECASE,
)
_HEAD = re.compile(rf"\b(?P<neg>{NEGATIVE_PREDICATE})\b|\b(?P<pos>{PREDICATE})\b", re.IGNORECASE)
_NEG_CONNECTIVE = re.compile(
    r"(?:\s*,\s*|\s+)(?:(?:but|yet|though|although|while|whereas|and|however)\s*,?\s+)?"
    r"(?P<mark>not|never|no|(?:does|do|did)(?:n't|\s+not)|(?:is|are)(?:n't|\s+not)|dislikes?|hates?"
    r"|except(?:\s+for)?|excluding|without|rather\s+than|instead\s+of|as\s+opposed\s+to|other\s+than)"
    rf"\s+(?:(?:an?\s+)?(?:{PREDICATE}|care\s+for|like|love|enjoy)\s+)?",
    re.IGNORECASE,
)
_BARE_NEG_MARKS = {"not", "no", "except", "without", "excluding"}
_NEITHER = re.compile(r"^\s*neither\s+(?P<a>.+?)\s+nor\s+(?P<b>.+)$", re.IGNORECASE)
_OR = re.compile(r"\s*,?\s+(?:or\s+else|and/or|or)\s+", re.IGNORECASE)
_AND = re.compile(
    r"\s*,?\s+(?:and\s+also|and|as\s+well\s+as|along\s+with|together\s+with|plus|in\s+addition\s+to|&)\s+|\s*,\s*",
    re.IGNORECASE,
)
_LEADING_CONNECTIVE = re.compile(r"^(?:(?:and|but|also|both|either|then)\s+)+", re.IGNORECASE)
_LEADING_CLAUSE = re.compile(
    rf"^(?:(?:who|that|they|those\s+who|people\s+who|ones\s+who|anyone\s+who)\s+)?(?:also\s+)?{PREDICATE}\s+",
    re.IGNORECASE,
)
_QUESTION_WORDS = re.compile(
    r"^(?:(?:who|whom|whose|which|what|where|name|list|find|show|give|me|us|all|the|people|persons|person|"
    r"individuals|ones|is|are|does|do|has|have|that|anyone|someone|somebody)\b\s*)+",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """What the parser understood: ``expression`` is None when it found no predicate."""

    text: str
    expression: Expr | None
    target: int | None = None
    remainder: str = ""  # the query minus question words, used as retrieval text when unparsed


def parse_query(text: str) -> ParsedQuery:
    """Parse one question; never raises (an unparsable question has ``expression=None``)."""
    cleaned = _clean(text)
    target = _target(cleaned)
    head = _HEAD.search(cleaned)
    remainder = _QUESTION_WORDS.sub("", cleaned).strip()
    if head is not None:
        obj, negative = cleaned[head.end():], bool(head.group("neg"))
    else:
        found = _lexicon_head(cleaned)
        if found is None:
            return ParsedQuery(text=text, expression=None, target=target, remainder=remainder)
        obj, negative = found
    obj = _SENTENCE_BREAK.split(obj, maxsplit=1)[0]  # "... enjoys Knitting. Any names?"
    obj = _TRAILING.sub("", obj.strip(" ,:")).strip(" ,:")
    obj = _OBJECT_LEAD.sub("", obj)
    if _PRONOUN_OBJECT.fullmatch(obj):  # "Crows: who is a fan?", "Who's obsessed with X like me?"
        found = _lexicon_head(cleaned) if head is not None else None
        obj = _TRAILING.sub("", found[0]).strip(" ,:") if found and not _PRONOUN_OBJECT.fullmatch(found[0].strip()) else (_fronted(text) or obj)
    quoted, obj = _protect_quotes(obj)
    expression = _restore(_parse_object(obj), quoted)
    if expression is not None and negative:
        expression = Not(expression)
    return ParsedQuery(text=text, expression=expression, target=target, remainder=_unquote(obj, quoted) or remainder)


_FANS = re.compile(
    r"^(?:(?:point|show|give|send|list|find|get|name)\s+(?:me|us)?\s*(?:to\s+)?|(?:i\s+)?(?:need|want|have)\s+to\s+"
    r"(?:track\s+down|find|locate|meet|reach)\s+|are\s+there\s+(?:any\s+)?)?(?:all\s+|the\s+|any\s+)*(?P<obj>.+?)\s+"
    r"(?:fans|lovers|enthusiasts|admirers|devotees|aficionados|buffs|fanatics|nuts|addicts|junkies)"
    r"(?:\s+(?:here|out there|around|(?:in|among|within|from|on)\s+(?:the|this|our|your|my)\s+\w+))?$",
    re.IGNORECASE,
)
# what a predicate's object may start with before the item: "lights up at the mention of X"
_OBJECT_LEAD = re.compile(r"^(?:the\s+)?(?:very\s+)?(?:mention|sight|thought|idea|word|sound|smell|taste|prospect)\s+of\s+",
                          re.IGNORECASE)
_ANYONE_INTO = re.compile(
    r"^(?:is\s+there\s+)?(?:anyone|anybody|someone|somebody|any\s+\w+|people|folks)\s+(?:here\s+|out\s+there\s+|around\s+)?"
    r"(?:(?:who|that)\s+(?:is|are|'s|'re)\s+)?(?:really\s+)?into\s+", re.IGNORECASE,
)
_FAVOURITE = re.compile(r"\bwhose\s+(?:(?:all[- ]time|absolute|top)\s+)?favou?rite(?:\s+\w+)?\s+(?:is|are|includes?)\s+", re.IGNORECASE)


def _lexicon_head(text: str) -> tuple[str, bool] | None:
    """``(object text, negated)`` from the preference lexicon, or None."""
    for pattern in (_FAVOURITE, _ANYONE_INTO):
        found = pattern.search(text)
        if found:
            return text[found.end():], False
    calls = _CALLS_FAVOURITE.search(text)  # "Who would call X one of their favorite things?"
    if calls:
        return calls.group("obj"), False
    from .lexicon import PREFERENCE_WORDS
    from .statements import question_predicate  # the reader's lexicon, read as one clause

    found = question_predicate(text)
    if found is not None:
        return found
    fans = _FANS.match(text)
    if fans and not _QUESTION_WORDS.fullmatch(fans.group("obj")):
        return fans.group("obj"), False
    front = _fronted(text)  # "Crows: who is a fan?": the thing first, the predicate after
    if front:
        front_fans = _FANS.match(front)  # "Wild rice lovers: who are they?"
        if front_fans and not _QUESTION_WORDS.fullmatch(front_fans.group("obj")):
            return front_fans.group("obj"), False
        tail = text[text.find(front) + len(front):]
        negated = question_predicate(tail + " it")
        if negated is not None:
            return front, negated[1]
        if set(re.findall(r"[a-z]+", tail.lower())) & PREFERENCE_WORDS:
            return front, False
    return None


# what people add after the item: "... like me", "... as much as I do", "... around here"
_TRAILING = re.compile(
    r"(?:\s+(?:just\s+)?(?:like\s+(?:me|I\s+do|us|we\s+do)|as\s+much\s+as\s+(?:I|me|we|us)(?:\s+do)?|around\s+here|on\s+here|"
    r"out\s+there|in\s+here|here|too|as\s+well|by\s+any\s+chance|at\s+all|these\s+days|lately|anymore|right\s+now|"
    r"(?:very\s+|really\s+)?highly|(?:in|among|within|from|on)\s+(?:the|this|our|your|my)\s+(?:group|bunch|crowd|lot|list|room|team|club|set))"
    r"|\s*,?\s+(?:please|thanks|thank\s+you|if\s+any|if\s+possible|anyone|anybody|any\s+(?:ideas|names|takers|suggestions|leads)))+\s*$",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"(?<![A-Z][a-z])(?<!\b[A-Z][a-z][a-z])(?<=[a-z0-9)\"'”])[.!?]+\s+(?=[A-Z])")  # not after "Dr." or "Mrs."
_CALLS_FAVOURITE = re.compile(
    r"\b(?:call|calls|consider|considers|count|counts|name|names|rank|ranks)\s+(?P<obj>.+?)\s+(?:as\s+)?(?:one\s+of|among)\s+"
    r"(?:their|his|her|your|the)\s+(?:all[- ]time\s+)?(?:favou?rite|fave|top)", re.IGNORECASE,
)
_PRONOUN_OBJECT = re.compile(r"(?:of\s+|on\s+|for\s+)?(?:it|them|that|this|those|these|one|ones|so|too|here|me|us|you|)\s*(?:here|too)?", re.IGNORECASE)
_FRONT_SEPARATOR = re.compile(r"\s*(?::|\s[-–—]\s|\?\s|…|\.\.\.)\s*")


def _fronted(text: str) -> str:
    """The phrase a question puts before its predicate ("Crows: who is a fan?")."""
    head = _FRONT_SEPARATOR.split(text.strip(), maxsplit=1)
    if len(head) < 2:
        return ""
    front = head[0].strip(" ?!.\"'“”")
    return "" if not front or _QUESTION_WORDS.fullmatch(front) else front


_QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”|(?<![\w'])'([^']+)'(?![\w'])|‘([^’]+)’")


def _protect_quotes(text: str) -> tuple[dict[str, str], str]:
    """Quoted phrases become placeholders, so no connective inside them splits them."""
    quoted: dict[str, str] = {}

    def keep(match: re.Match[str]) -> str:
        key = f"QUOTED{len(quoted)}X"
        quoted[key] = next(group for group in match.groups() if group is not None).strip()
        return key

    return quoted, _QUOTED.sub(keep, text)


def _unquote(text: str, quoted: dict[str, str]) -> str:
    for key, value in quoted.items():
        text = text.replace(key, value)
    return text


def _restore(expr: Expr | None, quoted: dict[str, str]) -> Expr | None:
    """Put quoted phrases back; a quoted phrase is one item, so the literal reading of
    a bare "A and B" that only a placeholder made look bare is dropped."""
    if expr is None or not quoted:
        return expr
    if isinstance(expr, Term):
        return Term(_unquote(expr.phrase, quoted))
    if isinstance(expr, Not):
        return Not(_restore(expr.part, quoted))  # type: ignore[arg-type]
    return type(expr)(tuple(_restore(part, quoted) for part in expr.parts))  # type: ignore[misc]


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip("?.! ").strip()


def _target(text: str) -> int | None:
    match = _TARGET.search(text)
    if not match:
        return None
    value = match.group("n").lower()
    count = int(value) if value.isdigit() else _NUMBERS[value]
    return count if count >= 1 else None


def _parse_object(text: str) -> Expr | None:
    """Negation has the lowest precedence, then "or", then "and"."""
    neither = _NEITHER.match(text)
    if neither:
        parts = [_parse_positive(neither.group("a"), initial=True), _parse_positive(neither.group("b"), initial=False)]
        parts = [p for p in parts if p is not None]
        return Not(_flatten(Or, parts)) if parts else None
    split = _NEG_CONNECTIVE.search(text)
    if split and split.start() > 0:
        positive = _parse_positive(text[: split.start()], initial=True)
        negative = _parse_positive(text[split.end():], initial=False)
        if positive is not None and negative is not None:
            combined = And((positive, Not(negative)))
            if split.group("mark").lower() in _BARE_NEG_MARKS and "," not in split.group(0) and " " not in split.group(0).strip():
                # "Coffee without Sugar" may be one item: keep the literal reading too
                return Or((Term(_phrase(text, initial=True)), combined))
            return combined
    return _parse_positive(text, initial=True)


def _parse_positive(text: str, *, initial: bool) -> Expr | None:
    text = text.strip(" ,")
    either = bool(re.match(r"^(?:either|whether)\s", text, re.IGNORECASE))
    both = bool(re.match(r"^both\s", text, re.IGNORECASE))
    text = re.sub(r"^(?:either|whether|both)\s+", "", text, flags=re.IGNORECASE)
    alternatives = [p for p in _OR.split(text) if p.strip(" ,")]
    if len(alternatives) > 1:
        parts = [_parse_conjunction(p, explicit=False, initial=initial and i == 0) for i, p in enumerate(alternatives)]
        parts = [p for p in parts if p is not None]
        if not parts:
            return None
        disjunction = _flatten(Or, parts)
        if not either and _is_bare(_OR, text, "or"):
            return _flatten(Or, [Term(_phrase(text, initial=initial)), disjunction])
        return disjunction
    return _parse_conjunction(text, explicit=both, initial=initial)


def _parse_conjunction(text: str, *, explicit: bool, initial: bool) -> Expr | None:
    raw = _AND.split(text)
    pieces = [_phrase(p, initial=initial and i == 0) for i, p in enumerate(raw)]
    pieces = [p for p in pieces if p]
    if not pieces:
        return None
    if len(pieces) == 1:
        return Term(pieces[0])
    conjunction = And(tuple(Term(p) for p in pieces))
    # "X and who likes Y" repeats the predicate, so it cannot be one item's name
    repeats_predicate = any(_LEADING_CLAUSE.match(_LEADING_CONNECTIVE.sub("", p.strip())) for p in raw[1:])
    bare = not explicit and not repeats_predicate and _is_bare(_AND, text, "and", "&")
    # "Fish and Chips" may be a single item: keep the literal reading as an alternative
    return Or((Term(_phrase(text, initial=initial)), conjunction)) if bare else conjunction


def _is_bare(connective: re.Pattern[str], text: str, *words: str) -> bool:
    """One plain "and"/"or" between two parts: the only case that can be part of an item name."""
    separators = [match.group(0).strip().lower() for match in connective.finditer(text)]
    return len(separators) == 1 and separators[0] in words


def _phrase(text: str, *, initial: bool) -> str:
    """Strip connectives, quotes and punctuation; in a later part also a repeated
    subject and verb ("... and who also enjoys X" -> "X"). The first part follows the
    head predicate directly, so a leading verb there belongs to the item itself."""
    quotes = " ,;:.?!\"'“”‘’"
    text = _LEADING_CONNECTIVE.sub("", text.strip(quotes))
    if not initial:
        text = _LEADING_CLAUSE.sub("", text)
    return re.sub(r"\s+", " ", text.strip(quotes))


def _flatten(kind: type, parts: list[Expr]) -> Expr:
    flat: list[Expr] = []
    for part in parts:
        flat.extend(part.parts if isinstance(part, kind) else (part,))  # type: ignore[attr-defined]
    unique = tuple(dict.fromkeys(flat))
    return unique[0] if len(unique) == 1 else kind(unique)
