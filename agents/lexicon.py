"""The preference lexicon: how English says that someone likes or dislikes something.

A documented table of this project's own, written from general English usage (not from
any corpus the agent is measured on). Expressions are regular expressions over
*normalised* tokens (:mod:`.text`: lower case, singular, ``be``/``have``/``do`` for
their forms, ``not`` for every "n't"), with articles and the adverbs in
:data:`IGNORABLE` removed first, so "is a really big fan of" is matched by ``be fan of``.

Four kinds of expression:

============== ======================================= =====================================
kind           the item comes ...                       examples
============== ======================================= =====================================
``like``       after it                                 likes, is fond of, has a soft spot for,
                                                        can't get enough of, never tires of
``dislike``    after it                                 hates, can't stand, would rather avoid,
                                                        has no patience for, could do without
``pleases``    before it ("X fascinates her")           fascinates, appeals to, is her favourite
``displeases`` before it ("X bores her")                bores, annoys, leaves her cold
============== ======================================= =====================================

Idioms that contain a negation word but state a liking ("can't get enough of",
"never tires of", "would never say no to") are ``like`` entries: the words they match are
consumed, so their "not"/"never" does not count as a negation. Any other negation
(:data:`NEGATORS`) shortly before an expression reverses it ("has never cared for",
"is not a fan of"); an exception word between expression and item ("likes all fruit
except X") reverses it too.

Word valences for anything the table does not cover come from VADER's lexicon (Hutto &
Gilbert, "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media
Text", ICWSM 2014; PyPI ``vaderSentiment``, MIT licence), a maintained, human-rated
sentiment lexicon that ships with its package and runs offline.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

__all__ = [
    "IGNORABLE",
    "ignorable",
    "NEGATORS",
    "EXCEPTIONS",
    "PREFERENCE",
    "Expression",
    "find_expressions",
    "word_valence",
    "PREFERENCE_WORDS",
]

# Removed before expressions are matched: articles and degree/frequency adverbs.
IGNORABLE = frozenset(
    """a an the really truly absolutely totally quite very so always also especially particularly genuinely simply
    just deeply madly secretly honestly definitely certainly still ever pretty huge great massive real true
    enormous long lifelong utterly completely positively extremely incredibly super awfully terribly seriously
    hugely immensely dearly sincerely wholeheartedly openly proudly undoubtedly actually literally somewhat probably
    mostly usually often generally frankly sort kind bit lot lots self confessed described avid much
    longtime diehard die hard hardcore total complete absolute utter raging rabid unapologetic unabashed firmly
    strongly fiercely thoroughly entirely wholly increasingly growing way low key low-key proud forever mostly lately
    currently still honestly seriously weirdly oddly strangely shamelessly unashamedly too""".split()
)
# "-ly" adverbs ("unapologetically into") are removed too, except these, which expressions use
KEPT_LY = frozenset("highly fondly warmly happily gladly rarely hardly barely scarcely only early family lily holly jelly belly "
                    "ally rally bully".split())


def ignorable(word: str) -> bool:
    """Whether ``word`` is left out before expressions are matched (see :data:`IGNORABLE`)."""
    return word in IGNORABLE or (len(word) > 4 and word.endswith("ly") and word not in KEPT_LY)

# Words that reverse the expression they stand shortly before.
NEGATORS = frozenset({"not", "never", "no", "nor", "neither", "hardly", "barely", "scarcely", "seldom", "rarely"})
# Words that, between an expression and an item, exclude the item ("likes all fruit except X").
EXCEPTIONS = ("except", "except for", "apart from", "other than", "save for", "excluding", "with exception of", "aside from",
              "anything but", "everything but")

def _forms(*stems: str) -> str:
    """Alternation of the base, past and -ing forms of each verb stem."""
    forms: list[str] = []
    for stem in stems:
        forms.append(stem)
        if stem.endswith("e"):
            forms += [stem + "d", stem[:-1] + "ing"]
        elif re.search(r"[^aeiou][aeiou][bdgmnpt]$", stem) and len(stem) <= 4:
            forms += [stem + stem[-1] + "ed", stem + stem[-1] + "ing", stem + "ed", stem + "ing"]
        elif stem.endswith("y") and stem[-2] not in "aeiou":
            forms += [stem[:-1] + "ied", stem + "ing"]
        else:
            forms += [stem + "ed", stem + "ing"]
    return "(?:" + "|".join(sorted(set(forms), key=len, reverse=True)) + ")"


_PRON = r"(?:her|him|them|his|their|me|my|us|our|you|your|this person)"
_POSS = r"(?:her|his|their|my|our|your)"

# ``like``: a liking for what follows.
LIKE = [
    _forms("like", "love", "enjoy", "adore", "prefer", "appreciate", "relish", "cherish", "treasure", "fancy", "admire",
           "favour", "favor", "crave", "savour", "savor", "worship", "idolise", "idolize", "welcome", "embrace", "prize",
           "value", "celebrate", "champion", "collect", "follow", "support") + "|preferred|preferring|worshipped|worshipping",
    r"(?:dig|dug|digging)",
    _forms("dote") + " on",
    _forms("delight", "revel", "indulge", "bask", "rejoice") + " in",
    _forms("live") + " for",
    _forms("swear") + " by|swore by|sworn by",
    "(?:" + _forms("rave", "gush", "enthuse", "obsess", "geek out", "nerd out", "fangirl", "fanboy", "rhapsodise", "rhapsodize")
    + "|rhapsodises|rhapsodizes) (?:about|over|on)",
    r"(?:would|will) (?:happily |gladly |always )?(?:spend|pass) (?:a |an |the )?(?:whole |entire )?"
    r"(?:weekend|day|afternoon|evening|week|month|lifetime|hour|hours) (?:with|on|among|around)",
    r"(?:would|will) (?:happily |gladly |always )?(?:pick|choose)",  # "would pick X over almost anything"
    r"(?:rate|rates|rated|rating)(?=(?: \S+)*? highly(?: |$))",  # "rates X, Y and Z very highly"
    r"^(?:safe bet|green flag|top pick|sure bet|sure thing|must have|must-have|highlight)",  # list headings ("Safe bets: X; Y")
    r"(?:go|goes|going|gone|went) (?:crazy|wild|nuts|mad|bananas|gaga|ape) (?:for|over|about)",
    r"(?:fall|falls|fell|fallen|falling) for",
    _forms("warm", "gravitate", "lean", "take") + " (?:to|towards|toward)",
    _forms("care") + " (?:for|about)",
    r"be (?:fond|enamou?red|enamou?red) of",
    r"be (?:keen|big|hooked|sweet|stuck|hot) on",
    r"be into",
    r"^into",  # "Really into X these days." (no subject)
    r"be (?:completely |totally )?sold on|(?:be )?all for",
    r"(?:be |go |goes |went |going )?weak (?:for|at knees for)",  # "Weak for tundra" (sentiment alone reads 'weak' as negative)
    r"(?:soft spot|weak spot|weakness|thing|passion|fondness|liking|penchant|taste|affinity|love) for",
    r"(?:mad|crazy|nuts|wild|passionate|bonkers|potty|gaga) about|(?:keen|hooked|big|sweet) on|(?:obsessed|smitten|besotted|infatuated) with",
    r"be in love with",
    r"be all about",
    r"be (?:passionate|crazy|mad|nuts|wild|enthusiastic|excited|gaga|bonkers|potty|obsessive|serious|evangelical) about",
    r"be (?:obsessed|smitten|taken|besotted|infatuated|happy|happiest|content|enchanted|fascinated|impressed|charmed|thrilled|delighted|captivated|enthralled|mesmeri[sz]ed|bewitched|intrigued) (?:with|by)",
    r"be (?:addicted|devoted|dedicated|drawn|partial|attached|committed|attracted|hooked) to",
    r"be interested in",
    r"be (?:(?!not |never |no )\w+ ){0,2}?(?:fan|lover|admirer|devotee|enthusiast|aficionado|connoisseur|supporter|follower|champion|collector|buff|nut|fiend|junkie|addict|sucker|disciple|advocate|patron|afficionado|maniac|freak|geek|nerd|obsessive|fanatic|believer) (?:of|for|about|when it come to)",
    r"(?:fan|lover|admirer|devotee|enthusiast|aficionado|connoisseur|sucker) of",
    r"(?:have|having|with|get|got|develop|developed|harbou?r|harbou?red) (?:(?!not |never |no )\w+ )?(?:soft spot|weak spot|soft|weakness|thing|passion|love|fondness|liking|taste|affinity|appetite|penchant|predilection|fascination|enthusiasm|appreciation|adoration|affection|craving|obsession|hunger|eye|ear|nose|heart|real thing|sweet tooth|great love|deep love|lifelong love|special place in " + _POSS + " heart|place in " + _POSS + " heart|room in " + _POSS + " heart|soft corner|yen|zeal|relish|itch) for",
    r"(?:take|took|taken|taking|find|found|finding|derive|derived|deriving|get|got|getting|draw|drew|drawn) (?:great |much |real |such )?(?:pleasure|joy|delight|comfort|happiness|satisfaction|solace|peace|inspiration) (?:in|from)",
    r"(?:get|gets|got|getting) (?:kick|buzz|thrill|rush|lot of joy|joy|pleasure) (?:out of|from)",
    r"(?:can|could) not get enough of",
    r"(?:can|could) never (?:get enough of|resist|say no to|tire of|get tired of|turn down|pass up|have too much of)",
    r"(?:think|thinks|thought|thinking|speak|speaks|spoke|speaking) (?:world|highly|lot|very highly|so highly|fondly|warmly) of",
    r"(?:rate|rates|rated|rating) (?:very )?highly",
    r"(?:be|get|gets|got) (?:a )?(?:kick|buzz|thrill) out of",
    r"never (?:tire|tired|get tired|gets tired|got tired|grow tired|grew tired|grows tired|grown tired|be bored|get bored|got bored|grow bored|stop loving|stop enjoying) (?:of|with)",
    r"never (?:say|says|said) no to",
    r"(?:would|will|could) never (?:turn down|refuse|pass up|say no to|skip|miss)",
    r"(?:can|could) not (?:resist|live without|imagine life without|imagine living without|do without|go without|stop talking about|stop raving about|get over|help loving|help but love|wait for|say no to)",
    r"never (?:miss|missed|misses) (?:chance|opportunity|day) (?:to enjoy|for|without|with)?",
    r"never (?:stop|stops|stopped) (?:talking|raving|gushing|thinking) about",
    r"(?:do|would) not mind",
    r"(?:nothing|few thing|not many thing) (?:make|makes|made) " + _PRON + r" (?:happier|more excited|more content|smile more|more cheerful|light up more) than",
    r"(?:nothing|few thing|not many thing) (?:delight|please|thrill|excite|cheer|satisfy|interest|fascinate)s? " + _PRON + r" (?:as as|more than|like)",
    r"(?:nothing|no one|nobody) (?:like|love|enjoy|appreciate)s? (?:\w+ )?(?:more|better) than",
    r"(?:like|love|enjoy|adore|prize)d? nothing (?:more|better) than",
    r"there be nothing " + r"(?:she|he|they|this person) (?:like|love|enjoy|adore)d? (?:more|better) than",
    r"nothing (?:beat|beats|compare to|compares to|top|tops)",
    r"(?:light|lit|lights) up (?:for|at|over|about|whenever|when|around|with)",
    r"(?:be|get|gets|got) excited (?:about|by|for|over)",
    r"(?:look|looks|looked) forward to",
    r"(?:can|could|would) talk (?:all day |for hours |forever |endlessly |about )?about",
    r"(?:geek|nerd|fangirl|fanboy)s? out|(?:geek|nerd)ed out",
    r"(?:big |huge |massive |a )?yes (?:to|for|from)",
    r"(?:be |go |fall )?head over heel (?:for|about|over)",
    r"yes please|(?:a )?(?:hell |heck )?yes",
    r"thing (?:that )?(?:make|makes|made) (?:me|her|him|them|us) (?:happy|smile|glad)(?: include| be)?",
    r"(?:current |latest |big |newest )?obsession(?: include| be| right now| lately)?",
    r"(?:be|get|gets|got) (?:giddy|hyped|thrilled|happy|psyched|excited|pumped|stoked) (?:about|over|for|by)",
    r"(?:can|could) not stop (?:talking about|thinking about|eating|buying|playing)",
    _forms("recommend"),
    r"(?:be )?(?:stoked|psyched|pumped|jazzed) (?:about|for|by)",
    r"(?:fall|falls|fell|fallen) (?:hard )?for",
    r"(?:can|could) not get over how (?:much )?(?:she|he|they|i|this person) (?:like|love|enjoy|adore)d?",
    r"(?:favourite|favorite|fave|most loved|best loved|beloved)(?: thing| pastime| food| activity| subject| hobby| hobbie| pursuit| interest)?(?: include| includes| be)?",
    r"(?:top|tops|topping|head|heads|heading) (?:of )?(?:\w+ ){0,3}(?:list|ranking)(?: of (?:favourite|favorite|fave|like|love|thing|passion)s?)?",
    r"(?:thing|what|something) (?:that )?(?:she|he|they|this person) (?:like|love|enjoy|adore|cherish)d? (?:most|best|more than anything)? ?(?:be|include)",
]

# ``dislike``: a dislike of what follows.
DISLIKE = [
    _forms("dislike", "hate", "loathe", "detest", "despise", "abhor", "avoid", "resent", "shun", "deplore", "dread",
           "disdain", "scorn", "eschew", "reject", "spurn", "mistrust", "distrust"),
    _forms("disapprove") + " of|" + _forms("object") + " to",
    r"(?:can|could) not (?:stand|bear|abide|tolerate|take|stomach|handle|deal with|get into|warm to|get on with|stand the sight of|see appeal of|understand appeal of|see point of|get behind|bring " + _PRON + r"self to like)",
    r"(?:can|could) not care less (?:about|for)",
    r"(?:would|will) rather (?:avoid|skip|not|do without|pass on|steer clear of|stay away from|give miss to|not deal with|leave)",
    r"(?:would|will) sooner (?:avoid|skip|not)",
    r"(?:would|will) (?:happily|gladly|rather) (?:skip|avoid|pass on|give miss to)",
    r"(?:steer|steers|steered|steering|stay|stays|stayed|staying|keep|keeps|kept|keeping) (?:clear of|away from|well away from|far from)",
    r"(?:(?:have|having|with|show|shows|showed) )?(?:no|zero|little) (?:time|patience|interest|love|use|liking|taste|appetite|desire|affection|enthusiasm|passion|fondness|stomach|tolerance|room|regard|appreciation) (?:for|in)",
    r"(?:have|having) (?:aversion|allergy|distaste|dislike|hatred|loathing|contempt|disdain|antipathy|phobia|grudge|problem|issue|bone to pick) (?:to|for|of|toward|towards|against|with)",
    r"(?:could|can) (?:do|live|go) without",
    r"(?:draw|draws|drew|drawn|drawing) (?:line|the line) at",
    r"(?:give|gives|gave|given|giving) wide berth to",
    r"(?:pass|passes|passed|passing) on",
    r"(?:turn|turns|turned|turning) " + _POSS + r" nose up at",
    r"(?:roll|rolls|rolled|rolling) " + _POSS + r" eyes at",
    r"(?:shudder|shudders|shuddered|cringe|cringes|cringed|wince|winces|winced) at",
    r"be (?:put off|turned off|repelled|disgusted|annoyed|irritated|unimpressed|bored|exasperated|appalled|revolted|sickened|grossed out|not impressed|unmoved) (?:by|with)",
    r"be (?:tired|sick|weary|wary|scared|afraid|terrified|frightened|sick and tired|suspicious|ashamed|contemptuous|dismissive|critical|disdainful|skeptical|sceptical) of",
    r"be (?:fed up|done|finished|over|unhappy|disappointed|uncomfortable|bored) with",
    r"be (?:indifferent|averse|allergic|opposed|hostile|resistant|immune) to",
    r"be (?:hater|critic|enemy|opponent|detractor) of",
    r"(?:want|wants|wanted) nothing to do with",
    r"(?:would|will) not be caught dead (?:with|near|at|eating|wearing|listening to)",
    r"(?:lose|loses|lost|losing) interest in",
    r"(?:grow|grows|grew|grown|growing) (?:tired|weary|sick|bored) of",
    r"(?:have|having) (?:had|seen) enough of",
    r"(?:be|get|gets|got) (?:grumpy|cranky|irritable|upset|annoyed) about",
    r"least (?:favourite|favorite|fave|liked)(?: thing| pastime| food| activity)?(?: include| includes| be)?",
    r"pet (?:peeve|hate)(?: include| be)?",
    r"(?:dealbreaker|deal breaker|turn off|turnoff)s?(?: include| be)?",
    r"^not for (?:me|her|him|them|us)",  # the heading "Not for me: X, Y"
    r"^(?:red flag|turn-off|no-go|no go|hard no)",  # list headings ("Red flags: X; Y")
    r"(?:skip|avoid|spare me) (?:anything|everything|whatever) (?:involving|with|about|that involve|to do with)|^anything but",
    r"(?:big |hard |firm |flat )?no (?:to|for|from)|hard pass(?: on)?|(?:a )?pass on",
    r"never (?:understood|understand|got|get|saw|see) (?:hype|appeal|fuss|point|attraction) (?:around|about|of|in|with|behind)",
    r"(?:can|could) not see (?:appeal|point|attraction) (?:of|in)",
]

# ``pleases``: the item comes first ("X fascinates her", "X is her favourite").
PLEASES = [
    _forms("fascinate", "delight", "thrill", "excite", "captivate", "enchant", "intrigue", "charm", "please", "inspire",
           "amuse", "enthral", "enthrall", "mesmerise", "mesmerize", "move", "thrill", "enrapture", "energise",
           "energize", "cheer") + " " + _PRON,
    _forms("appeal", "speak") + " to " + _PRON,
    r"(?:make|makes|made|making) " + _PRON + r" (?:happy|smile|glad|grin|cheerful|joyful|content|light up|happiest)",
    r"be " + _POSS + r" (?:favourite|favorite|fave|thing|jam|passion|obsession|weakness|guilty pleasure|cup of tea|go to|love|delight|joy|comfort|happy place|bliss|addiction|kind of thing|idea of fun|idea of a good time)",
    r"be (?:one of|among|high on|top of|at top of) " + _POSS + r" (?:favourite|favorite|fave|most loved|best loved|beloved|cherished|treasured|list)",
    r"be (?:close|dear|near and dear) to " + _POSS + r" heart",
    r"be (?:best|greatest|bomb|goat|everything)",
    r"be (?:sure )?(?:hit|winner|favourite|favorite|delight|joy) (?:with|for)",
    r"never (?:get|gets|got|grow|grows|grew) old",
    r"(?:and )?(?:have )?be (?:\w+ )?(?:fan|lover|devotee|hooked|obsessed) (?:ever )?since",  # "discovered X ... and has been a fan ever since"
    r"(?:make|makes|made|making) \w+ (?:happy|smile|glad)",
    r"(?:rule|rules|rock|rocks)(?= |$)",
    r"(?:never|always) (?:fail|fails|failed) to (?:delight|please|cheer|thrill|charm|excite|amuse|make " + _PRON + " smile)",
    r"be (?:right up|up) " + _POSS + r" (?:street|alley)",
    r"(?:hold|holds|held) special place in " + _POSS + r" heart",
    r"(?:win|wins|won) " + _POSS + r" heart",
    r"among " + _POSS + r" (?:favourite|favorite|fave|most loved|best loved)",
    r"(?:put|puts|putting|bring|brings|brought|bringing) smile (?:on|to) " + _POSS + r" face",
    r"(?:make|makes|made|making) " + _POSS + r" (?:day|week|weekend|heart sing|heart skip)",
    r"(?:light|lights|lit) up " + _POSS + r" (?:day|life|world|face)",
]

# ``displeases``: the item comes first ("X bores her").
DISPLEASES = [
    _forms("bore", "annoy", "irritate", "disgust", "repel", "revolt", "sicken", "frustrate", "exasperate", "upset",
           "depress", "frighten", "scare", "unsettle", "bother", "irk", "nauseate", "offend", "tire", "weary") + " " + _PRON,
    r"(?:leave|leaves|left|leaving) " + _PRON + r" (?:cold|unmoved|bored|indifferent)",
    r"(?:get|gets|got|getting) on " + _POSS + r" nerves",
    r"(?:make|makes|made|making) " + _PRON + r" (?:sad|cringe|bored|gag|queasy|sick|miserable|yawn|wince|shudder|nervous|uneasy|angry|grumpy)",
    r"(?:do|does|did) nothing for " + _PRON,
    r"be " + _POSS + r" (?:pet peeve|least favourite|least favorite|nightmare|bugbear|bête noire|bete noire)",
    r"be (?:lost on|wasted on) " + _PRON,
    r"(?:turn|turns|turned) " + _PRON + r" off",
    r"be (?:(?:a|an) )?(?:big |hard |firm |flat |definite )?(?:no|pass|dealbreaker|deal breaker|turn off|turnoff) (?:for|from)",
    r"be not (?:really |quite )?for " + _PRON,
]

PREFERENCE = {"like": LIKE, "dislike": DISLIKE, "pleases": PLEASES, "displeases": DISPLEASES}
POLARITY = {"like": True, "dislike": False, "pleases": True, "displeases": False}
ITEM_FIRST = frozenset({"pleases", "displeases"})

# Words that only ever appear in a preference statement: a question that contains one is
# about preferences (used by the query parser's fall-back).
PREFERENCE_WORDS = frozenset(
    "like love enjoy adore fond fan keen into passionate crazy soft spot drawn partial appreciate relish cherish "
    "favourite favorite prefer admire devotee lover enthusiast obsessed hooked addicted devoted".split()
)


class Expression:
    """One matched expression: its kind, polarity and token positions ``[first, last]``
    in the clause it was found in (indices into the clause's token list)."""

    __slots__ = ("kind", "polarity", "first", "last", "text")

    def __init__(self, kind: str, first: int, last: int, text: str) -> None:
        self.kind, self.first, self.last, self.text = kind, first, last, text
        self.polarity = POLARITY[kind]

    @property
    def item_first(self) -> bool:
        return self.kind in ITEM_FIRST

    def __repr__(self) -> str:
        return f"Expression({self.kind}, {self.first}-{self.last}, {self.text!r})"


@lru_cache(maxsize=1)
def _compiled() -> re.Pattern[str]:
    groups = []
    for kind, patterns in PREFERENCE.items():
        ordered = sorted(patterns, key=len, reverse=True)
        groups.append(f"(?P<{kind}>" + "|".join(f"(?:{p})" for p in ordered) + ")")
    # idioms first: a "like" with a negation inside must win over the negation
    return re.compile(r"(?<![\w'])(?:" + "|".join(groups) + r")(?![\w'])")


def find_expressions(words: list[str]) -> list[Expression]:
    """Expressions in a list of normalised, filtered words (see the module docstring),
    leftmost-longest, not overlapping; positions are indices into ``words``."""
    joined = " ".join(words)
    starts, position = [], 0
    for word in words:
        starts.append(position)
        position += len(word) + 1
    found: list[Expression] = []
    for match in _compiled().finditer(joined):
        kind = next(name for name, value in match.groupdict().items() if value is not None)
        first = _index_at(starts, match.start())
        last = _index_at(starts, match.end() - 1)
        found.append(Expression(kind, first, last, match.group(0)))
    return found


def _index_at(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


@lru_cache(maxsize=1)
def _vader_lexicon() -> dict[str, float]:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:  # optional: without it, unknown words carry no valence
        return {}
    return dict(SentimentIntensityAnalyzer().lexicon)


def word_valence(word: str) -> float:
    """VADER's human-rated valence of ``word`` (-4 ... +4; 0 if unknown)."""
    return float(_vader_lexicon().get(word, 0.0))
