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
"""

from __future__ import annotations

import unicodedata
from typing import Iterable, Iterator, Sequence

import numpy as np
import torch

__all__ = ["encode_order", "ordered_batches", "forward_batch", "skip_token_ids", "token_matrices"]


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
