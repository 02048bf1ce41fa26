"""Cost of the multi-vector retrievers on a large corpus, written as JSON.

``run_multivector_perf`` measures, for the ``colbert`` retriever on a dataset (the
50,000-document LIMIT reconstruction by default):

* encode throughput (documents per second through the transformer, token cache off);
* index build time and size on disk (token store + index), bytes of token vectors per document;
* search time for the queries (1,000 on LIMIT) and recall;
* peak resident memory of each stage.

``fill_caches`` is the one-off cold pass: the joint encoder fills the dense and the
token cache of a corpus from one forward pass (:mod:`limitbench.retrievers.joint_encoder`).

    python -m limitbench.benchmarks.perf_multivector encode --dataset limit-50k --data-dir ../shared/data
    python -m limitbench.benchmarks.perf_multivector perf --dataset limit-50k --data-dir ../shared/data --out perf-mv.json
    python -m limitbench.benchmarks.perf_multivector table perf-mv.json [more.json ...]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from typing import Any

from limitbench.retrievers.atomic import atomic_write_json
from limitbench.retrievers.cache import ArrayCache
from limitbench.retrievers.encoder import DenseEncoder
from limitbench.retrievers.errors import LimitbenchError
from limitbench.retrievers.joint_encoder import JointEncoder
from limitbench.retrievers.late_interaction import ColBERTRetriever
from limitbench.retrievers.late_interaction.ivf import TokenIVFIndex
from limitbench.retrievers.late_interaction.plaid import PlaidIndex

from .datasets import Dataset
from .datasets.named import load_dataset
from .measure import measure
from .metrics import evaluate

__all__ = ["fill_caches", "run_multivector_perf", "sample_corpus", "markdown_table", "main"]


def _threads(threads: int | None) -> None:
    if threads:
        import torch

        torch.set_num_threads(threads)


def fill_caches(*, dataset: Dataset, batch_size: int = 64, threads: int | None = None, show_progress: bool = True) -> dict[str, Any]:
    """One forward pass over ``dataset.corpus`` fills the dense and the colbert caches."""
    _threads(threads)
    colbert = ColBERTRetriever(batch_size=batch_size, show_progress=show_progress, num_threads=threads)
    dense = DenseEncoder(batch_size=batch_size, show_progress=False, num_threads=threads)
    with measure() as m:
        report = JointEncoder(colbert=colbert, dense=dense).encode_corpus(corpus=dataset.corpus)
    return {**report.as_dict(), "peak_rss_mb": m.peak_rss_mb, "dataset": dataset.name, "cache": str(colbert.cache.root)}


def _encode_costs(dataset: Dataset, *, sample: int, batch_size: int, threads: int | None = None) -> dict[str, Any]:
    """Cold encode seconds on ``sample`` documents: tokens alone, dense alone, and the
    joint pass filling both (each with an empty cache)."""
    corpus = dataset.corpus[:sample]
    texts = [doc.full_text for doc in corpus]
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as root:
        colbert = ColBERTRetriever(cache_dir=os.path.join(root, "tokens"), batch_size=batch_size, index="exact", num_threads=threads)
        colbert.encoder.forward_model  # load (and export, for onnx) outside the timings
        with measure() as tokens_only:
            colbert.encode_corpus(corpus)
        with measure() as dense_only:
            DenseEncoder(batch_size=batch_size, cache=ArrayCache(os.path.join(root, "dense")), show_progress=False,
                         num_threads=threads).encode(texts)
        joint_colbert = ColBERTRetriever(cache_dir=os.path.join(root, "joint"), batch_size=batch_size, index="exact",
                                         num_threads=threads)
        joint_dense = DenseEncoder(batch_size=batch_size, cache=joint_colbert.cache, show_progress=False, num_threads=threads)
        with measure() as joint:
            JointEncoder(colbert=joint_colbert, dense=joint_dense).encode_corpus(corpus=corpus)
        timings = {"tokens_s": tokens_only.seconds, "dense_s": dense_only.seconds, "joint_s": joint.seconds}
    return {
        "sample_documents": len(corpus),
        **timings,
        "token_docs_per_second": len(corpus) / timings["tokens_s"],
        "joint_over_separate": timings["joint_s"] / (timings["tokens_s"] + timings["dense_s"]),
        "cold_encode_estimate_s": len(dataset.corpus) / len(corpus) * timings["joint_s"],
    }


def _index_costs(retriever: ColBERTRetriever, mode: str) -> dict[str, Any]:
    """Build the ``mode`` index afresh (temporary folder) over the retriever's token store."""
    with tempfile.TemporaryDirectory() as root:
        if mode == "plaid":
            index = PlaidIndex(folder=os.path.join(root, "index"), **retriever.plaid_options)
        else:
            index = TokenIVFIndex(folder=os.path.join(root, "index"), **retriever.ivf_options)
        with measure() as build:
            index.load_or_build(retriever.token_store)
        size = index.size_bytes
    return {"build_s": build.seconds, "build_peak_rss_mb": build.peak_rss_mb, "index_bytes": size}


def run_multivector_perf(
    *,
    dataset: Dataset,
    out_path: str | os.PathLike[str],
    k: int = 100,
    threads: int | None = 2,
    encode_sample: int = 256,
    batch_size: int = 64,
    metrics: tuple[str, ...] = ("R@2", "R@10", "R@100"),
    retriever_options: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Measure the ``colbert`` retriever on ``dataset`` and write the result as JSON.

    Run :func:`fill_caches` once beforehand on a large corpus: the token vectors then
    come from the cache and the cold encode is measured on ``encode_sample`` documents.
    """
    _threads(threads)
    if threads:
        import faiss

        faiss.omp_set_num_threads(threads)
    retriever = ColBERTRetriever(batch_size=batch_size, **(retriever_options or {}))
    with measure() as indexing:
        retriever.index(corpus=dataset.corpus)
    stats = dict(retriever.stats)
    mode = str(stats["mode"])
    with measure() as searching:
        run = retriever.search(queries=dataset.queries, k=k)
    scores, _ = evaluate(dataset.qrels, run, list(metrics))
    documents = len(dataset.corpus)
    result: dict[str, Any] = {
        "dataset": dataset.summary(),
        "machine": {"cpus": os.cpu_count(), "threads": threads, "python": platform.python_version(),
                    "load_average": list(os.getloadavg())},
        "retriever": {"name": retriever.name, "mode": mode, "options": retriever_options or {}},
        "encode": _encode_costs(dataset, sample=encode_sample, batch_size=batch_size, threads=threads),
        "encoder_runtime": {"backend": retriever.encoder.runtime.backend, "precision": retriever.encoder.runtime.precision}
        if retriever.encoder.runtime is not None else None,
        "index": {
            **stats,
            "index_seconds": indexing.seconds,
            "index_peak_rss_mb": indexing.peak_rss_mb,
            "token_bytes_per_document": stats["token_store_bytes"] / documents,
            "store_bytes_per_document": stats["index_bytes"] / documents,
            # the build itself: measured above if the index was built now, else built again aside
            "build": None if mode == "exact" else (
                {"build_s": stats["index_build_s"], "build_peak_rss_mb": indexing.peak_rss_mb,
                 "index_bytes": stats["index_bytes"] - stats["token_store_bytes"]}
                if stats["index_rebuilt"] else _index_costs(retriever, mode)
            ),
        },
        "search": {
            "queries": len(dataset.queries),
            "k": k,
            "seconds": searching.seconds,
            "queries_per_second": len(dataset.queries) / searching.seconds,
            "peak_rss_mb": searching.peak_rss_mb,
            "cost_per_query": retriever.cost.mean(),
        },
        "metrics": scores,
        "targets": {
            "token_store_bytes_at_most": 3 * 10**9,
            "token_store_ok": stats["index_bytes"] * 50_000 / documents <= 3 * 10**9,
            "search_1000_queries_seconds_at_most": 60.0,
            "search_ok": searching.seconds * 1000 / len(dataset.queries) <= 60.0,
        },
    }
    atomic_write_json(out_path, result)
    return result


def markdown_table(results: list[dict[str, Any]]) -> str:
    """One row per :func:`run_multivector_perf` result."""
    lines = [
        "| dataset | docs | index | threads | build s | store GB | bytes/doc | search s (queries) | R@2 | R@10 | R@100 | load avg |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        index, search, metrics = r["index"], r["search"], r["metrics"]
        build = index.get("build") or {"build_s": 0.0}
        lines.append(
            f"| {r['dataset']['name']} | {r['dataset']['documents']:,} | {index['mode']} | {r['machine']['threads']} "
            f"| {build['build_s']:.0f} | {index['index_bytes'] / 1e9:.2f} | {index['store_bytes_per_document']:,.0f} "
            f"| {search['seconds']:.1f} ({search['queries']}) | {metrics.get('R@2', float('nan')):.1f} "
            f"| {metrics.get('R@10', float('nan')):.1f} | {metrics.get('R@100', float('nan')):.1f} "
            f"| {r['machine']['load_average'][0]:.1f} |"
        )
    encode = results[0]["encode"] if results else None
    if encode:
        lines.append("")
        lines.append(
            f"Cold encode on {encode['sample_documents']} documents: tokens {encode['tokens_s']:.1f} s, "
            f"dense {encode['dense_s']:.1f} s, joint pass {encode['joint_s']:.1f} s "
            f"({encode['joint_over_separate']:.2f} of separate); {encode['token_docs_per_second']:.1f} documents/s."
        )
    return "\n".join(lines)


def sample_corpus(dataset: Dataset, *, documents: int) -> Dataset:
    """``dataset`` with every relevant document plus the first others, ``documents`` in all."""
    relevant = {doc_id for rel in dataset.qrels.values() for doc_id in rel}
    others = max(0, documents - len(relevant))
    corpus = [d for d in dataset.corpus if d.id in relevant] + [d for d in dataset.corpus if d.id not in relevant][:others]
    return Dataset(
        name=f"{dataset.name}-{len(corpus)}docs", corpus=corpus, queries=dataset.queries, qrels=dataset.qrels,
        source=dataset.source, metadata={**dataset.metadata, "corpus_sample": len(corpus)},
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m limitbench.benchmarks.perf_multivector")
    parser.add_argument("command", choices=["encode", "perf", "table"])
    parser.add_argument("files", nargs="*", help="for 'table': result JSON files")
    parser.add_argument("--dataset", default="limit-50k")
    parser.add_argument("--data-dir", default=None)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--max-queries", type=int, default=None)
    parser.add_argument("--max-documents", type=int, default=None, help="keep the relevant documents and fill up to N")
    parser.add_argument("--index", choices=["auto", "exact", "ivf", "plaid"], default="auto")
    parser.add_argument("--out", default="perf-multivector.json")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "table":
        print(markdown_table([json.loads(open(path, encoding="utf-8").read()) for path in args.files]))
        return 0
    try:
        dataset = load_dataset(args.dataset, data_dir=args.data_dir)
        if args.max_queries:
            dataset = dataset.subset_queries([q.id for q in dataset.queries[: args.max_queries]])
        if args.max_documents:
            dataset = sample_corpus(dataset, documents=args.max_documents)
        if args.command == "encode":
            print(json.dumps(fill_caches(dataset=dataset, threads=args.threads), indent=2))
        else:
            options = {"index": args.index, "num_threads": args.threads or 2}
            result = run_multivector_perf(dataset=dataset, out_path=args.out, threads=args.threads or 2, retriever_options=options)
            print(json.dumps(result, indent=2))
    except LimitbenchError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
