"""Speed and memory of the core retrievers, measured in one run and written as JSON.

Stages (each timed, with peak resident memory):

* encoders: the bundled model on torch, onnxruntime fp32 and onnxruntime int8
  (:data:`ENCODER_VARIANTS`), on the same texts in alternating rounds — the forward pass
  (pre-tokenised batches in ``encode``'s order, plus pooling and normalisation) and the
  whole pipeline (:class:`DenseEncoder`, cache off), with the projected cold encode time
  of a 50,000-document corpus; LIMIT-small R@2/10/20 of ``dense`` and ``colbert`` on each
  backend and their differences from torch; peak memory of encoding one 50 MB document;
* BM25 index and search over the corpus with both backends (``bm25s`` vs ``rank_bm25``);
* FAISS exact inner-product search for all queries over the encoded documents;
* the dense retriever run cold (empty cache) and again with the embeddings cached.

Ratios are taken within the same run, so they hold on any machine. Targets from the
project's issues: bm25s >= 20x rank-bm25 on search; pipeline >= 0.9x forward; cached dense
rerun < 5% of the cold run; onnx fp32 >= 1.8x and int8 >= 2.5x the torch forward pass
(issue 14), with fp32's LIMIT-small metrics those of torch.
"""

from __future__ import annotations

import os
import platform
import tempfile
import time
from contextlib import contextmanager
from typing import Any, Iterator

import numpy as np

from limitbench.retrievers.bm25 import BM25Retriever
from limitbench.retrievers.cache import ArrayCache
from limitbench.retrievers.dense import DenseRetriever
from limitbench.retrievers.encoder import DenseEncoder
from limitbench.retrievers.late_interaction.forward import encode_order

from .datasets import Dataset
from .measure import measure

__all__ = [
    "ENCODER_VARIANTS",
    "run_core_perf",
    "run_encoder_perf",
    "forward_seconds",
    "tokenised_batches",
    "limit_small_deltas",
    "large_document_memory",
    "same_threads",
]


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


ENCODER_VARIANTS = {"torch": ("torch", "fp32"), "onnx-fp32": ("onnx", "fp32"), "onnx-int8": ("onnx", "int8")}
LIMIT_50K_DOCUMENTS = 50_000


@contextmanager
def same_threads(threads: int | None) -> Iterator[int]:
    """Run torch with the threads onnxruntime gets (default: the CPUs this process may
    use), restoring torch's setting afterwards."""
    import torch

    from limitbench.retrievers.onnx_runtime import default_threads

    before = torch.get_num_threads()
    threads = threads or default_threads()
    torch.set_num_threads(threads)
    try:
        yield threads
    finally:
        torch.set_num_threads(before)


def _encoder(variant: str, *, batch_size: int, threads: int | None) -> DenseEncoder:
    backend, precision = ENCODER_VARIANTS[variant]
    return DenseEncoder(backend=backend, precision=precision, num_threads=threads, batch_size=batch_size,
                        use_cache=False, show_progress=False)


def tokenised_batches(encoder: DenseEncoder, texts: list[str], batch_size: int) -> list[dict]:
    """``texts`` tokenised in the batches ``SentenceTransformer.encode`` forms (longest first)."""
    order = encode_order(texts)
    return [encoder.model.tokenize([texts[i] for i in order[start : start + batch_size]]) for start in range(0, len(texts), batch_size)]


def forward_seconds(encoder: DenseEncoder, batches: list[dict]) -> float:
    """Seconds for the forward pass plus pooling and normalisation on batches tokenised
    beforehand (tokenisation is not counted), on the encoder's backend."""
    import torch

    runtime = encoder.forward_model
    started = time.perf_counter()
    with torch.inference_mode():
        for batch in batches:
            torch.nn.functional.normalize(runtime.forward(dict(batch))["sentence_embedding"], dim=-1)
    return time.perf_counter() - started


def _encoding(texts: list[str], batch_size: int, threads: int | None, rounds: int = 4) -> dict[str, Any]:
    """Forward pass and whole pipeline of every backend on the same texts. The texts are split
    into ``rounds`` slices; in each round every (backend, path) pair runs once, in an order
    rotated from round to round, so load drifting on a shared machine hits all alike."""
    encoders = {name: _encoder(name, batch_size=batch_size, threads=threads) for name in ENCODER_VARIANTS}
    size = -(-len(texts) // rounds)
    parts = [texts[number * size : (number + 1) * size] for number in range(rounds)]
    parts = [part for part in parts if part]
    batches = [tokenised_batches(encoders["torch"], part, batch_size) for part in parts]
    jobs = [(name, path) for name in encoders for path in ("forward", "pipeline")]
    for name, encoder in encoders.items():  # load, export and warm up every path once
        encoder.encode(texts[: batch_size * 2])
        forward_seconds(encoder, batches[0][:1])
    seconds = {job: 0.0 for job in jobs}
    peak = {name: 0.0 for name in encoders}
    for number, part in enumerate(parts):
        shift = number % len(jobs)
        for name, path in jobs[shift:] + jobs[:shift]:
            if path == "forward":
                seconds[(name, path)] += forward_seconds(encoders[name], batches[number])
                continue
            with measure() as timed:
                encoders[name].encode(part)
            seconds[(name, path)] += timed.seconds
            peak[name] = max(peak[name], timed.peak_rss_mb)
    return _encoding_report(texts, batch_size, encoders, seconds, peak, rounds=len(parts))


def _encoding_report(texts, batch_size, encoders, seconds, peak, *, rounds: int) -> dict[str, Any]:
    import torch

    variants = {}
    for name, encoder in encoders.items():
        forward, pipeline = seconds[(name, "forward")], seconds[(name, "pipeline")]
        variants[name] = {
            "forward_texts_per_second": len(texts) / forward,
            "pipeline_texts_per_second": len(texts) / pipeline,
            "pipeline_vs_forward": forward / pipeline,
            "projected_50k_cold_encode_s": LIMIT_50K_DOCUMENTS * pipeline / len(texts),
            "peak_rss_mb": peak[name],
        }
    torch_forward = seconds[("torch", "forward")]
    torch_pipeline = seconds[("torch", "pipeline")]
    return {
        "texts": len(texts),
        "batch_size": batch_size,
        "rounds": rounds,
        "threads": {"torch": torch.get_num_threads(), "onnxruntime": encoders["onnx-fp32"].forward_model.threads},
        "variants": variants,
        "forward_speedup_vs_torch": {name: torch_forward / seconds[(name, "forward")] for name in encoders if name != "torch"},
        "pipeline_speedup_vs_torch": {name: torch_pipeline / seconds[(name, "pipeline")] for name in encoders if name != "torch"},
        "onnx_export_check": {name: e.forward_model.exported.check for name, e in encoders.items() if name != "torch"},
        "default_backend": DenseEncoder(show_progress=False).runtime.backend,
    }


def limit_small_deltas(data_dir: str | None, *, k: int = 20, threads: int | None = None) -> dict[str, Any]:
    """``dense`` and ``colbert`` on LIMIT-small with each backend: R@2/10/20 and their
    differences from torch (official data, not generated here)."""
    from limitbench.retrievers.errors import LimitbenchError
    from limitbench.retrievers.late_interaction import ColBERTRetriever

    from .datasets.named import load_dataset
    from .metrics import evaluate

    try:
        dataset = load_dataset("limit-small", data_dir=data_dir)
    except LimitbenchError as error:
        return {"skipped": str(error)}
    metrics = ["R@2", "R@10", "R@20"]
    report: dict[str, Any] = {"dataset": dataset.name, "metrics": metrics}
    with tempfile.TemporaryDirectory() as cache_dir:
        for family in ("dense", "colbert"):
            scores = {}
            for name, (backend, precision) in ENCODER_VARIANTS.items():
                if family == "dense":
                    retriever = DenseRetriever(backend=backend, precision=precision, num_threads=threads, show_progress=False)
                    retriever.encoder.cache = ArrayCache(os.path.join(cache_dir, "dense"))
                else:
                    retriever = ColBERTRetriever(backend=backend, precision=precision, num_threads=threads, index="exact",
                                                 cache_dir=os.path.join(cache_dir, "colbert"))
                retriever.index(corpus=dataset.corpus)
                scores[name] = {"label": retriever.name, **evaluate(dataset.qrels, retriever.search(queries=dataset.queries, k=k), metrics)[0]}
            deltas = {name: {m: scores[name][m] - scores["torch"][m] for m in metrics} for name in scores if name != "torch"}
            report[family] = {"scores": scores, "delta_vs_torch": deltas}
    return report


def _synthetic_document(texts: list[str], megabytes: int) -> str:
    body = " ".join(texts)
    return (body + " ") * max(1, megabytes * 1_000_000 // (len(body) + 1))


def large_document_memory(texts: list[str], *, megabytes: int = 50, threads: int | None = None) -> dict[str, Any]:
    """Peak memory of encoding one ``megabytes`` MB document (clipped to the model's window
    before tokenisation) with each path, and, for scale, of tokenising a 5 MB one whole."""
    from limitbench.retrievers.late_interaction import TokenEncoder

    document = _synthetic_document(texts, megabytes)
    report: dict[str, Any] = {"document_mb": len(document) / 1e6}
    encoders = {
        "dense-torch": _encoder("torch", batch_size=1, threads=threads),
        "dense-onnx": _encoder("onnx-fp32", batch_size=1, threads=threads),
        "colbert-tokens": TokenEncoder(use_cache=False, num_threads=threads),
    }
    for name, encoder in encoders.items():
        encoder.forward_model  # loaded outside the measurement
        with measure() as timed:
            if isinstance(encoder, DenseEncoder):
                encoder.encode([document])
            else:
                encoder.encode([document], role="document")
        report[name] = {"seconds": timed.seconds, "peak_rss_increase_mb": timed.peak_increase_mb}
    small = document[:5_000_000]
    tokenizer = encoders["dense-torch"].model.tokenizer
    with measure() as whole:
        tokenizer([small], truncation=True, max_length=256)
    report["tokenise_5mb_whole_peak_rss_increase_mb"] = whole.peak_increase_mb
    return report


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


def _encoder_targets(report: dict[str, Any]) -> dict[str, bool]:
    encoding = report["encoding"]
    targets = {
        "pipeline_at_least_0.9x_forward": encoding["variants"][_default_variant()]["pipeline_vs_forward"] >= 0.9,
        "onnx_fp32_forward_at_least_1.8x_torch": encoding["forward_speedup_vs_torch"]["onnx-fp32"] >= 1.8,
        "onnx_int8_forward_at_least_2.5x_torch": encoding["forward_speedup_vs_torch"]["onnx-int8"] >= 2.5,
    }
    small = report.get("limit_small", {})
    if "dense" in small:
        targets["dense_onnx_fp32_metrics_identical_to_torch"] = all(
            value == 0 for value in small["dense"]["delta_vs_torch"]["onnx-fp32"].values())
        targets["colbert_onnx_fp32_within_0.2_of_torch"] = all(
            abs(value) <= 0.2 for value in small["colbert"]["delta_vs_torch"]["onnx-fp32"].values())
    return targets


def _default_variant() -> str:
    runtime = DenseEncoder(show_progress=False).runtime
    return "torch" if runtime.backend == "torch" else f"onnx-{runtime.precision}"


def run_encoder_perf(
    texts: list[str], *, batch_size: int = 64, threads: int | None = None, data_dir: str | None = None,
    large_document_mb: int = 50,
) -> dict[str, Any]:
    """torch vs onnxruntime fp32 vs int8 on ``texts`` (one run), their LIMIT-small metrics,
    and the memory of encoding one very large document."""
    with same_threads(threads) as threads:
        report: dict[str, Any] = {"encoding": _encoding(texts, batch_size, threads)}
        report["limit_small"] = limit_small_deltas(data_dir, threads=threads)
        report["large_document"] = large_document_memory(texts, megabytes=large_document_mb, threads=threads)
    report["encoder_targets"] = _encoder_targets(report)
    return report


def run_core_perf(
    dataset: Dataset, *, dense_docs: int, encode_texts: int, batch_size: int = 64, k: int = 100,
    threads: int | None = None, data_dir: str | None = None, large_document_mb: int = 50, encoders_only: bool = False,
) -> dict[str, Any]:
    """All core measurements on ``dataset``; dense stages use its first ``dense_docs`` documents.
    ``encoders_only`` keeps just the encoder comparison (:func:`run_encoder_perf`)."""
    with same_threads(threads) as threads:
        return _core_perf(dataset, dense_docs=dense_docs, encode_texts=encode_texts, batch_size=batch_size, k=k,
                          threads=threads, data_dir=data_dir, large_document_mb=large_document_mb, encoders_only=encoders_only)


def _core_perf(dataset: Dataset, *, dense_docs, encode_texts, batch_size, k, threads, data_dir, large_document_mb, encoders_only):
    from .runner import package_versions

    report: dict[str, Any] = {
        "dataset": dataset.summary(),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "threads": threads,
                    "load_average_at_start": list(os.getloadavg())},
        "versions": package_versions(),
    }
    texts = [doc.full_text for doc in dataset.corpus[:encode_texts]]
    report.update(run_encoder_perf(texts, batch_size=batch_size, threads=threads, data_dir=data_dir,
                                   large_document_mb=large_document_mb))
    if encoders_only:
        report["machine"]["load_average_at_end"] = list(os.getloadavg())
        return report
    report["bm25"] = {backend: _bm25(dataset, backend, k) for backend in ("bm25s", "rank_bm25")}
    report["bm25"]["search_speedup"] = report["bm25"]["rank_bm25"]["search_seconds"] / report["bm25"]["bm25s"]["search_seconds"]
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
        "cached_dense_rerun_under_5pct": report["dense"]["cached_vs_cold"] < 0.05,
        **report["encoder_targets"],
    }
    report["machine"]["load_average_at_end"] = list(os.getloadavg())
    return report
