"""One transformer forward pass, in exactly the batches sentence-transformers uses.

``SentenceTransformer.encode`` sorts texts by decreasing character length
(``np.argsort([-len(text) ...])``) and cuts the sorted list into batches of
``batch_size``; padding differs between batch compositions, which changes the last
bits of the outputs. Walking the same order with the same batch size therefore gives
outputs bit-identical to ``encode`` — that is what lets one pass fill both the dense
cache (pooled sentence vectors) and the token cache (the per-token hidden states
``encode`` pools from). See ``sentence_transformers/SentenceTransformer.py``, ``encode``.

Token vectors of the untrained offline baseline are the model's own last hidden states,
L2-normalised per token (cosine MaxSim as in Khattab & Zaharia, "ColBERT", SIGIR 2020,
eq. 3); special tokens ([CLS], [SEP], [PAD]) and punctuation-only tokens are left out,
as ColBERT's document skiplist leaves out punctuation.

Long texts are clipped to the model's window *before* tokenisation
(:func:`clip_to_window`): the tokeniser would otherwise build ids, offsets and masks for
every word piece of a document (a 50 MB document took 7.2 GB) only for truncation to keep
the first ``max_seq_length``. The clipped text keeps the same first word pieces, so the
vectors do not change.
"""

from __future__ import annotations

import unicodedata
from typing import Iterable, Iterator, Sequence

import numpy as np
import torch

__all__ = [
    "CLIP_BLOCK_CHARS_PER_TOKEN",
    "clip_to_window",
    "clip_texts",
    "encode_order",
    "ordered_batches",
    "forward_batch",
    "skip_token_ids",
    "token_matrices",
]

# A word piece rarely spans more than ~6 characters of prose; blocks of 16 characters per
# window token leave a wide margin, so one block normally covers the whole window.
CLIP_BLOCK_CHARS_PER_TOKEN = 16
_WHITESPACE = (" ", "\n", "\t", "\r")


def _block_end(text: str, start: int, size: int) -> int:
    """End of the block from ``start``: at most ``size`` characters, cut after the last
    whitespace in it so that no word is split (unless the block has no whitespace)."""
    stop = start + size
    if stop >= len(text):
        return len(text)
    cut = max(text.rfind(space, start + 1, stop) for space in _WHITESPACE)
    return cut if cut > start else stop


def clip_to_window(text: str, *, tokenizer, max_tokens: int) -> str:
    """The shortest block-aligned prefix of ``text`` holding more than ``max_tokens`` word
    pieces (``text`` itself if it holds fewer).

    The text is read in blocks of ``16 * max_tokens`` characters, each ending at whitespace,
    and word pieces are counted block by block (WordPiece never joins across whitespace,
    so the counts add up) until the window is full. Only that prefix is ever tokenised, so
    memory stays bounded whatever the document's size. Truncating the prefix to the window
    gives the same word pieces as truncating the whole text, whenever no run of more than a
    block of characters lacks whitespace (such a run is cut at the block's end).
    """
    if not max_tokens:  # a model without a window reads everything
        return text
    block = CLIP_BLOCK_CHARS_PER_TOKEN * max_tokens
    if len(text) <= block:
        return text
    start = count = 0
    while start < len(text):
        end = _block_end(text, start, block)
        count += len(tokenizer(text[start:end], add_special_tokens=False, verbose=False)["input_ids"])
        start = end
        if count > max_tokens:
            return text[:end]
    return text


def clip_texts(texts: Sequence[str], model) -> list[str]:
    """:func:`clip_to_window` for each text, with ``model``'s tokeniser and window."""
    return [clip_to_window(text, tokenizer=model.tokenizer, max_tokens=model.max_seq_length) for text in texts]


def encode_order(texts: Sequence[str]) -> np.ndarray:
    """Positions of ``texts`` in the order ``SentenceTransformer.encode`` processes them."""
    # same expression as encode(): for plain strings _text_length(text) == len(text)
    return np.argsort([-len(text) for text in texts])


def ordered_batches(positions: Sequence[int], batch_size: int) -> Iterator[np.ndarray]:
    """Consecutive slices of ``positions`` of ``batch_size`` (the last one shorter)."""
    positions = np.asarray(positions)
    for start in range(0, len(positions), batch_size):
        yield positions[start : start + batch_size]


def forward_batch(model, texts: Sequence[str]) -> dict[str, torch.Tensor]:
    """``model.forward`` on one tokenised batch, as ``encode`` runs it (no grad, model device)."""
    from sentence_transformers.util import batch_to_device

    features = model.tokenize(list(texts))
    features = batch_to_device(features, model.device)
    with torch.no_grad():
        return model.forward(features)


def _is_punctuation(token: str) -> bool:
    token = token[2:] if token.startswith("##") else token
    return bool(token) and all(unicodedata.category(char).startswith("P") for char in token)


def skip_token_ids(tokenizer, *, punctuation: bool = True, words: Iterable[str] = ()) -> np.ndarray:
    """Sorted ids of tokens MaxSim ignores: special tokens, punctuation-only tokens
    (if ``punctuation``), and every token of ``words`` (a query-side stop list)."""
    skip = set(tokenizer.all_special_ids)
    if punctuation:
        skip.update(index for token, index in tokenizer.get_vocab().items() if _is_punctuation(token))
    for word in words:
        skip.update(tokenizer(word, add_special_tokens=False)["input_ids"])
    return np.array(sorted(skip), dtype=np.int64)


def token_matrices(output: dict[str, torch.Tensor], *, skip_ids: np.ndarray) -> list[np.ndarray]:
    """Per-text float32 matrices of unit token vectors from one forward output.

    Rows are the non-padding tokens whose id is not in ``skip_ids``; if that leaves a
    text with no token (e.g. a query of punctuation only) its non-padding tokens are kept
    so every text has at least one vector.
    """
    hidden = output["token_embeddings"].float()
    mask = output["attention_mask"].bool()
    keep = mask & ~torch.isin(output["input_ids"], torch.from_numpy(skip_ids).to(hidden.device))
    vectors = torch.nn.functional.normalize(hidden, p=2, dim=-1)
    matrices = []
    for row in range(hidden.shape[0]):
        rows = keep[row] if bool(keep[row].any()) else mask[row]
        matrices.append(vectors[row][rows].cpu().numpy())
    return matrices
