r"""The filler pool of the LIMIT reconstruction, calibrated on word overlap.

In the official LIMIT corpus (Weller et al. 2025, arXiv 2508.21038; built by
google-deepmind/limit, ``code/generate_limit_dataset.ipynb``) the liked things come from one
list of 1,848; 998 of the 1,000 query attributes are on it (two are not), and the 850 that no
query asks for fill every distractor (45 each) and top up the relevant people. That filler pool
shares words with the queried things, which is where keyword search goes wrong (the
independent BM25 analysis at github.com/matchyc/limit, ``experiments/lexical-bm25``: "hot" and
"chocolate" recombined from different filler items). Counted on the official list (issue 11 of
this project; the same definition as below): of the 1,000 query attributes, **317** share at
least one word with the pool and **59** have every word in it, **5** of them one-word
attributes (the rest are compounds such as "Black Tea").

Words here are lower-cased ``\w+`` runs (stop words included: "the" is a word). With
:math:`W(P)` the words of the pool and :math:`W(a)` those of attribute :math:`a`:

.. math::

    \text{any}(P) = |\{a : W(a) \cap W(P) \neq \emptyset\}|, \qquad
    \text{all}(P) = |\{a : W(a) \subseteq W(P)\}| .

:func:`calibrated_pool` picks ``size`` items from :func:`.filler_families.filler_candidates`
(limitbench's own words; none equal to a query attribute) so that any and all hit their
targets exactly where the candidates allow, in three greedy phases with a seeded order:

1. complete whole attributes (their missing words, each from the candidate adding the fewest
   other query words) until all = target, never passing either target;
2. touch untouched attributes with one word each until any = target, never completing
   more attributes than the target;
3. fill with candidates that add no new query word, so that the pool's word-count and
   function-word shares match the query attributes' (the queried and non-queried things of
   LIMIT are one list split at random, so the queries are a sample of the pool's form).

It calibrates on overlap statistics only; recall is never looked at.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Iterable, Sequence

from limitbench.retrievers.errors import DataError

from .filler_families import filler_candidates

__all__ = [
    "OFFICIAL_POOL_SIZE",
    "OFFICIAL_ANY_OVERLAP",
    "OFFICIAL_ALL_OVERLAP",
    "OFFICIAL_ONE_WORD_COVERED",
    "FillerPool",
    "OverlapStats",
    "overlap_stats",
    "calibrated_pool",
    "words",
]

#: liked things of the official list that no query asks for
OFFICIAL_POOL_SIZE = 850
#: official query attributes sharing at least one word with the official pool
OFFICIAL_ANY_OVERLAP = 317
#: official query attributes with every word in the official pool
OFFICIAL_ALL_OVERLAP = 59
#: of those, attributes of one word (Forests, Venus, Clouds, Honey, Snow)
OFFICIAL_ONE_WORD_COVERED = 5

# bm25s' English stop words that occur in LIMIT-style items; the strata of phase 3
_FUNCTION_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "with"})
_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> frozenset[str]:
    """Lower-cased ``\\w+`` runs of ``text``."""
    return frozenset(_WORD.findall(text.lower()))


def _key(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class OverlapStats:
    """``any`` / ``all``: attributes sharing a word with / covered by the pool; ``one_word``:
    covered attributes of a single word; the ``content_`` variants ignore function words."""

    attributes: int
    any: int
    all: int
    one_word: int
    content_any: int
    content_all: int
    shared_words: int

    def record(self) -> dict:
        return asdict(self)


def overlap_stats(pool: Iterable[str], attributes: Sequence[str]) -> OverlapStats:
    """The overlap of ``pool`` with ``attributes`` (module formula)."""
    pool_words = set().union(*(words(item) for item in pool))
    sets = [words(attribute) for attribute in attributes]
    content = [s - _FUNCTION_WORDS for s in sets]
    content_pool = pool_words - _FUNCTION_WORDS
    return OverlapStats(
        attributes=len(sets),
        any=sum(1 for s in sets if s & pool_words),
        all=sum(1 for s in sets if s and s <= pool_words),
        one_word=sum(1 for s in sets if len(s) == 1 and s <= pool_words),
        content_any=sum(1 for s in content if s & content_pool),
        content_all=sum(1 for s in content if s and s <= content_pool),
        shared_words=len(pool_words & set().union(*sets)),
    )


@dataclass(frozen=True)
class FillerPool:
    items: tuple[str, ...]
    stats: OverlapStats
    targets: dict = field(default_factory=dict)
    seed: int = 0

    def record(self) -> dict:
        return {"size": len(self.items), "seed": self.seed, "targets": self.targets, "achieved": self.stats.record()}


def _stratum(item_words: frozenset[str], text: str) -> tuple[int, bool]:
    return min(len(_WORD.findall(text.lower())), 5), bool(item_words & _FUNCTION_WORDS)


class _Coverage:
    """How many words of each attribute the pool has, and per class of attribute (one word or
    several) how many share a word with it (any) and have every word in it (all)."""

    def __init__(self, attribute_words: list[frozenset[str]]) -> None:
        self.sizes = [len(s) for s in attribute_words]
        self.classes = [_word_class(s) for s in attribute_words]
        self.by_word: dict[str, list[int]] = {}
        for index, attribute in enumerate(attribute_words):
            for word in attribute:
                self.by_word.setdefault(word, []).append(index)
        self.covered = [0] * len(attribute_words)
        self.shared: set[str] = set()
        self.any: Counter[str] = Counter()
        self.all: Counter[str] = Counter()

    def after(self, new_words: Iterable[str]) -> tuple[Counter, Counter]:
        """(any, all) per class if ``new_words`` joined the pool; nothing changes."""
        extra: Counter[int] = Counter()
        for word in set(new_words) - self.shared:
            extra.update(self.by_word.get(word, ()))
        any_count, all_count = Counter(self.any), Counter(self.all)
        for index, count in extra.items():
            any_count[self.classes[index]] += self.covered[index] == 0
            all_count[self.classes[index]] += self.covered[index] + count == self.sizes[index]
        return any_count, all_count

    def add(self, new_words: Iterable[str]) -> None:
        for word in set(new_words) - self.shared:
            self.shared.add(word)
            for index in self.by_word.get(word, ()):
                self.any[self.classes[index]] += self.covered[index] == 0
                self.covered[index] += 1
                self.all[self.classes[index]] += self.covered[index] == self.sizes[index]


def _word_class(attribute_words: frozenset[str]) -> str:
    return "one word" if len(attribute_words) == 1 else "several words"


def _within(counts: Counter, targets: dict[str, int]) -> bool:
    return all(counts[name] <= target for name, target in targets.items())


def _reached(counts: Counter, targets: dict[str, int]) -> bool:
    return all(counts[name] >= target for name, target in targets.items())


def _stratum_targets(attributes: Sequence[str], size: int) -> Counter:
    """The attributes' word-count / function-word strata scaled to ``size`` (largest remainder)."""
    counts = Counter(_stratum(words(a), a) for a in attributes)
    total = sum(counts.values())
    exact = {stratum: size * count / total for stratum, count in counts.items()}
    targets = Counter({stratum: int(value) for stratum, value in exact.items()})
    for stratum in sorted(exact, key=lambda s: (exact[s] - targets[s], s), reverse=True)[: size - sum(targets.values())]:
        targets[stratum] += 1
    return targets


class _Selection:
    def __init__(self, candidates: list[str], attribute_words: list[frozenset[str]], rng: random.Random) -> None:
        self.query_words = set().union(*attribute_words)
        self.coverage = _Coverage(attribute_words)
        self.candidates = candidates
        self.query_part = {item: words(item) & self.query_words for item in candidates}
        self.by_word: dict[str, list[str]] = {}
        for item in candidates:
            for word in sorted(self.query_part[item]):
                self.by_word.setdefault(word, []).append(item)
        self.chosen: list[str] = []
        self.taken: set[str] = set()
        self.rng = rng

    def cheapest_carrier(self, word: str, allowed: set[str]) -> str | None:
        """The candidate carrying ``word`` that adds the fewest query words outside ``allowed``."""
        best, best_cost = None, None
        for item in self.by_word.get(word, ()):
            if item in self.taken:
                continue
            cost = len(self.query_part[item] - allowed)
            if best_cost is None or cost < best_cost:
                best, best_cost = item, cost
                if cost == 0:
                    break
        return best

    def take(self, items: list[str]) -> None:
        for item in items:
            self.chosen.append(item)
            self.taken.add(item)
            self.coverage.add(self.query_part[item])

    def attribute_order(self, count: int) -> list[int]:
        order = list(range(count))
        self.rng.shuffle(order)
        return order

    def fits(self, items: list[str], *, any_targets: dict, all_targets: dict) -> bool:
        """Whether taking ``items`` keeps every class within both targets."""
        any_count, all_count = self.coverage.after(set().union(*(self.query_part[item] for item in items)))
        return _within(all_count, all_targets) and _within(any_count, any_targets)


def _complete_attributes(selection: _Selection, attribute_words: list[frozenset[str]], *, any_targets: dict,
                         all_targets: dict, size: int) -> None:
    coverage = selection.coverage
    for index in selection.attribute_order(len(attribute_words)):
        if _reached(coverage.all, all_targets):
            return
        kind = coverage.classes[index]
        missing = sorted(attribute_words[index] - coverage.shared)
        if not missing or coverage.all[kind] >= all_targets.get(kind, 0):
            continue
        allowed = coverage.shared | attribute_words[index]
        carriers: list[str] = []
        for word in missing:
            if any(word in selection.query_part[item] for item in carriers):
                continue
            carrier = selection.cheapest_carrier(word, allowed)
            if carrier is None:
                break
            carriers.append(carrier)
        else:
            if selection.fits(carriers, any_targets=any_targets, all_targets=all_targets) \
                    and len(selection.chosen) + len(carriers) <= size:
                selection.take(carriers)


def _touch_attributes(selection: _Selection, attribute_words: list[frozenset[str]], *, any_targets: dict,
                      all_targets: dict, size: int) -> None:
    coverage = selection.coverage
    for index in selection.attribute_order(len(attribute_words)):
        if _reached(coverage.any, any_targets) or len(selection.chosen) >= size:
            return
        if attribute_words[index] & coverage.shared or coverage.any[coverage.classes[index]] >= any_targets.get(
                coverage.classes[index], 0):
            continue
        candidate_words = sorted(attribute_words[index])
        selection.rng.shuffle(candidate_words)
        for word in candidate_words:
            carrier = selection.cheapest_carrier(word, coverage.shared | {word})
            if carrier is None:
                continue
            if selection.fits([carrier], any_targets=any_targets, all_targets=all_targets):
                selection.take([carrier])
                break


def _fill_neutral(selection: _Selection, targets: Counter, size: int) -> None:
    """Candidates adding no new query word, stratum by stratum, then any stratum."""
    neutral = [item for item in selection.candidates
               if item not in selection.taken and selection.query_part[item] <= selection.coverage.shared]
    selection.rng.shuffle(neutral)
    have = Counter(_stratum(words(item), item) for item in selection.chosen)
    leftovers = []
    for item in neutral:
        stratum = _stratum(words(item), item)
        if have[stratum] < targets[stratum] and len(selection.chosen) < size:
            selection.take([item])
            have[stratum] += 1
        else:
            leftovers.append(item)
    # a stratum short of neutral candidates: the nearest word count makes up the rest
    leftovers.sort(key=lambda item: abs(_stratum(words(item), item)[0] - 1))
    for item in leftovers:
        if len(selection.chosen) >= size:
            break
        selection.take([item])


def calibrated_pool(
    attributes: Sequence[str],
    *,
    size: int = OFFICIAL_POOL_SIZE,
    any_target: int = OFFICIAL_ANY_OVERLAP,
    all_target: int = OFFICIAL_ALL_OVERLAP,
    one_word_target: int = OFFICIAL_ONE_WORD_COVERED,
    seed: int = 0,
    candidates: Sequence[str] | None = None,
) -> FillerPool:
    """``size`` filler items whose overlap with ``attributes`` hits the targets (module
    docstring); deterministic for ``seed``. Where the candidates cannot reach a target the
    pool comes as close as it can, and :attr:`FillerPool.stats` says where it landed."""
    attribute_keys = {_key(a) for a in attributes}
    pool_candidates = [c for c in (candidates if candidates is not None else filler_candidates())
                       if _key(c) not in attribute_keys]
    if len(pool_candidates) < size:
        raise DataError(f"filler pool: only {len(pool_candidates)} candidates differ from the query attributes; "
                        f"{size} are needed")
    # a one-word attribute shares a word with the pool exactly when all its words are in it
    any_targets = {"one word": one_word_target, "several words": any_target - one_word_target}
    all_targets = {"one word": one_word_target, "several words": all_target - one_word_target}
    rng = random.Random(f"filler-pool-{seed}")
    shuffled = list(pool_candidates)
    rng.shuffle(shuffled)
    attribute_words = [words(a) for a in attributes]
    selection = _Selection(shuffled, attribute_words, rng)
    _complete_attributes(selection, attribute_words, any_targets=any_targets, all_targets=all_targets, size=size)
    _touch_attributes(selection, attribute_words, any_targets=any_targets, all_targets=all_targets, size=size)
    _fill_neutral(selection, _stratum_targets(attributes, size), size)
    if len(selection.chosen) < size:  # not enough neutral items: take the least harmful rest
        rest = sorted((c for c in shuffled if c not in selection.taken),
                      key=lambda c: sum(selection.coverage.after(selection.query_part[c])[0].values()))
        selection.take(rest[: size - len(selection.chosen)])
    items = tuple(selection.chosen)
    return FillerPool(
        items=items,
        stats=overlap_stats(items, attributes),
        targets={"size": size, "any": any_target, "all": all_target, "one_word": one_word_target},
        seed=seed,
    )
