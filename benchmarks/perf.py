"""Speed and memory of the core retrievers, measured in one run and written as JSON.

Stages (each timed, with peak resident memory):

* BM25 index and search over the corpus with both backends (``bm25s`` vs ``rank_bm25``);
* dense encoding throughput of the pipeline (:class:`DenseEncoder`, cache off) against the
  raw transformer forward pass (pre-tokenised, same texts, same batch size, plus pooling);
* FAISS exact inner-product search for all queries over the encoded documents;
* the dense retriever run cold (empty cache) and again with the embeddings cached.

Ratios are taken within the same run, so they hold on any machine. Targets from the
project's issue: bm25s >= 20x rank-bm25 on search; pipeline >= 0.9x raw forward;
cached dense rerun < 5% of the cold run.
"""

from __future__ import annotations

import os
import platform
import tempfile
import time
from typing import Any

import numpy as np

from limitbench.retrievers.bm25 import BM25Retriever
from limitbench.retrievers.cache import ArrayCache
from limitbench.retrievers.dense import DenseRetriever
from limitbench.retrievers.encoder import DenseEncoder

from .datasets import Dataset
from .measure import measure

__all__ = ["run_core_perf", "raw_forward_seconds"]


def _bm25(dataset: Dataset, backend: str, k: int) -> dict[str, float]:
    retriever = BM25Retriever(backend=backend, show_progress=False)
    with measure() as indexing:
        retriever.index(corpus=dataset.corpus)
    with measure() as warm_up:  # bm25s compiles its numba kernels on the first call
        retriever.search(queries=dataset.queries[:1], k=k)
    with measure() as searching:
        retriever.search(queries=dataset.queries, k=k)
    return {
        "index_seconds": indexing.seconds,
        "first_call_seconds": warm_up.seconds,
        "search_seconds": searching.seconds,
        "queries_per_second": len(dataset.queries) / searching.seconds,
        "peak_rss_mb": max(indexing.peak_rss_mb, searching.peak_rss_mb),
    }


def raw_forward_seconds(encoder: DenseEncoder, texts: list[str], batch_size: int) -> float:
    """Seconds for the bare transformer forward pass plus mean pooling and normalisation,
    on batches tokenised beforehand (so tokenisation is not counted against it)."""
    import torch

    model = encoder.model
    transformer = model[0].auto_model
    tokenizer = model.tokenizer
    batches = [
        tokenizer(texts[i : i + batch_size], padding=True, truncation=True, max_length=model.max_seq_length, return_tensors="pt")
        for i in range(0, len(texts), batch_size)
    ]
    started = time.perf_counter()
    with torch.inference_mode():
        for batch in batches:
            hidden = transformer(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            torch.nn.functional.normalize(pooled, dim=-1)
    return time.perf_counter() - started


def _encoding(texts: list[str], batch_size: int, rounds: int = 4) -> dict[str, float]:
    """Pipeline vs raw forward on the same texts. The texts are split into ``rounds`` slices and
    the two paths alternate (raw first, then pipeline first) so that load drifting on a shared
    machine hits both alike."""
    encoder = DenseEncoder(batch_size=batch_size, use_cache=False, show_progress=False)
    encoder.encode(texts[: batch_size * 2])  # load the model and warm up both paths once
    raw_forward_seconds(encoder, texts[: batch_size * 2], batch_size)
    size = -(-len(texts) // rounds)
    raw = pipeline = 0.0
    peak = 0.0
    for number in range(rounds):
        part = texts[number * size : (number + 1) * size]
        if not part:
            continue
        for path in (("raw", "pipeline") if number % 2 == 0 else ("pipeline", "raw")):
            if path == "raw":
                raw += raw_forward_seconds(encoder, part, batch_size)
            else:
                with measure() as timed:
                    encoder.encode(part)
                pipeline += timed.seconds
                peak = max(peak, timed.peak_rss_mb)
    return {
        "texts": len(texts),
        "batch_size": batch_size,
        "raw_forward_texts_per_second": len(texts) / raw,
        "pipeline_texts_per_second": len(texts) / pipeline,
        "pipeline_vs_raw": raw / pipeline,
        "peak_rss_mb": peak,
    }


def _dense_cold_and_cached(corpus_part: Dataset, k: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as cache_dir:
        timings = {}
        for label in ("cold", "cached"):
            retriever = DenseRetriever(show_progress=False)
            retriever.encoder.cache = ArrayCache(cache_dir)
            with measure() as run:
                retriever.index(corpus=corpus_part.corpus)
                retriever.search(queries=corpus_part.queries, k=k)
            timings[f"{label}_seconds"] = run.seconds
            timings[f"{label}_peak_rss_mb"] = run.peak_rss_mb
        timings["cached_vs_cold"] = timings["cached_seconds"] / timings["cold_seconds"]
        return timings


def _faiss_search(vectors: np.ndarray, queries: np.ndarray, k: int) -> dict[str, float]:
    import faiss

    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    with measure() as searching:
        index.search(queries, k)
    return {"documents": len(vectors), "queries": len(queries), "search_seconds": searching.seconds}


def run_core_perf(dataset: Dataset, *, dense_docs: int, encode_texts: int, batch_size: int = 64, k: int = 100) -> dict[str, Any]:
    """All core measurements on ``dataset``; dense stages use its first ``dense_docs`` documents."""
    from .runner import package_versions

    report: dict[str, Any] = {
        "dataset": dataset.summary(),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "torch_threads": _torch_threads()},
        "versions": package_versions(),
    }
    report["bm25"] = {backend: _bm25(dataset, backend, k) for backend in ("bm25s", "rank_bm25")}
    report["bm25"]["search_speedup"] = report["bm25"]["rank_bm25"]["search_seconds"] / report["bm25"]["bm25s"]["search_seconds"]
    texts = [doc.full_text for doc in dataset.corpus[:encode_texts]]
    report["encoding"] = _encoding(texts, batch_size)
    part = Dataset(name=f"{dataset.name}[:{dense_docs}]", corpus=dataset.corpus[:dense_docs], queries=dataset.queries, qrels=dataset.qrels)
    report["dense"] = _dense_cold_and_cached(part, k)
    encoder = DenseEncoder(show_progress=False)
    doc_vectors = encoder.encode([d.full_text for d in part.corpus])
    query_vectors = encoder.encode([q.text for q in dataset.queries], role="query")
    # FAISS search cost depends on the number of vectors, not their content: tile the encoded
    # documents up to the full corpus size so search is timed at full scale.
    repeats = -(-len(dataset.corpus) // len(doc_vectors))
    full = np.tile(doc_vectors, (repeats, 1))[: len(dataset.corpus)]
    report["faiss"] = _faiss_search(np.ascontiguousarray(full), query_vectors, k)
    report["targets"] = {
        "bm25s_search_speedup_at_least_20x": report["bm25"]["search_speedup"] >= 20,
        "pipeline_at_least_0.9x_raw_forward": report["encoding"]["pipeline_vs_raw"] >= 0.9,
        "cached_dense_rerun_under_5pct": report["dense"]["cached_vs_cold"] < 0.05,
    }
    return report


def _torch_threads() -> int:
    import torch

    return torch.get_num_threads()
