"""Exact late-interaction scores with PyLate's MaxSim kernel.

    s(q, d) = Σ_{i ∈ q} max_{j ∈ d} q_i · d_j

(Khattab & Zaharia, "ColBERT", SIGIR 2020, eq. 3), computed for a whole store by
``pylate.scores.colbert_scores`` on padded blocks. Padding is made exact: a query is
padded with zero rows that its mask removes from the sum, and a document is padded
with copies of its own first vector, which cannot change a maximum (padding with
zeros, as ``pylate.rank.rerank`` does, would let a 0 beat all-negative similarities).
Re-scoring a few candidates per query uses a segmented maximum instead (below).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import torch
from pylate.scores import colbert_scores

from .token_cache import RaggedTokens

__all__ = ["maxsim_scores", "maxsim_candidates"]

# elements of the (queries, documents, query tokens, document tokens) score block
_BLOCK_ELEMENTS = 1 << 25


def _padded_documents(matrices: Sequence[np.ndarray]) -> torch.Tensor:
    # filled in numpy: small torch copies are slow when threads contend for cores
    longest = max(m.shape[0] for m in matrices)
    block = np.empty((len(matrices), longest, matrices[0].shape[1]), dtype=np.float32)
    for row, matrix in enumerate(matrices):
        block[row, : len(matrix)] = matrix
        block[row, len(matrix) :] = matrix[0]
    return torch.from_numpy(block)


def _padded_queries(matrices: Sequence[np.ndarray]) -> tuple[torch.Tensor, torch.Tensor]:
    longest = max(m.shape[0] for m in matrices)
    block = np.zeros((len(matrices), longest, matrices[0].shape[1]), dtype=np.float32)
    mask = np.zeros((len(matrices), longest), dtype=np.float32)
    for row, matrix in enumerate(matrices):
        block[row, : len(matrix)] = matrix
        mask[row, : len(matrix)] = 1.0
    return torch.from_numpy(block), torch.from_numpy(mask)


def _document_blocks(documents: RaggedTokens, query_tokens: int) -> list[slice]:
    """Consecutive document ranges whose score block fits the element budget."""
    blocks, start, n = [], 0, len(documents)
    lengths = documents.lengths
    while start < n:
        stop, longest = start, 1
        while stop < n:
            longest = max(longest, int(lengths[stop]))
            if (stop + 1 - start) * longest * query_tokens > _BLOCK_ELEMENTS and stop > start:
                break
            stop += 1
        blocks.append(slice(start, stop))
        start = stop
    return blocks


def maxsim_scores(queries: Sequence[np.ndarray], documents: RaggedTokens, *, query_batch: int = 64) -> np.ndarray:
    """``(len(queries), len(documents))`` exact MaxSim scores against a whole store."""
    scores = np.empty((len(queries), len(documents)), dtype=np.float32)
    if not len(queries) or not len(documents):
        return scores
    query_blocks = [
        (start, *_padded_queries(queries[start : start + query_batch])) for start in range(0, len(queries), query_batch)
    ]
    widest = max(block.shape[0] * block.shape[1] for _, block, _ in query_blocks)
    for docs in _document_blocks(documents, widest):
        d_block = _padded_documents(documents.matrices(range(docs.start, docs.stop)))
        for start, q_block, q_mask in query_blocks:
            block = colbert_scores(queries_embeddings=q_block, documents_embeddings=d_block, queries_mask=q_mask)
            scores[start : start + len(q_block), docs] = block.numpy()
    return scores


def _rows(store: RaggedTokens, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row indices of the tokens of ``positions`` (concatenated) and each one's first row."""
    lengths = store.lengths[positions]
    firsts = np.zeros(len(positions), dtype=np.int64)
    np.cumsum(lengths[:-1], out=firsts[1:])
    rows = np.arange(int(lengths.sum()), dtype=np.int64) + np.repeat(store.offsets[positions] - firsts, lengths)
    return rows, firsts


def maxsim_candidates(query: np.ndarray, store: RaggedTokens, positions: Sequence[int]) -> np.ndarray:
    """Exact MaxSim of one query against the documents at ``positions`` of ``store``.

    One product of the query with all candidate tokens, then a segmented maximum per
    document (``np.maximum.reduceat``): no padding, so hundreds of candidates per query
    cost one gather and one matrix product (torch converts float16 to float32 with
    vector instructions; numpy does it element by element).
    """
    positions = np.asarray(positions, dtype=np.int64)
    if not len(positions):
        return np.zeros(0, dtype=np.float32)
    rows, firsts = _rows(store, positions)
    tokens = torch.from_numpy(store.vectors[rows]).float()
    similarities = (torch.from_numpy(np.asarray(query, dtype=np.float32)) @ tokens.T).numpy()
    return np.maximum.reduceat(similarities, firsts, axis=1).sum(axis=0)
