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
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from typing import Any

from limitbench.retrievers.encoder import DenseEncoder
from limitbench.retrievers.errors import LimitbenchError
from limitbench.retrievers.joint_encoder import JointEncoder
from limitbench.retrievers.late_interaction import ColBERTRetriever

from .datasets import Dataset
from .datasets.named import load_dataset
from .measure import measure

__all__ = ["fill_caches", "run_multivector_perf", "main"]


def _threads(threads: int | None) -> None:
    if threads:
        import torch

        torch.set_num_threads(threads)


def fill_caches(*, dataset: Dataset, batch_size: int = 64, threads: int | None = None, show_progress: bool = True) -> dict[str, Any]:
    """One forward pass over ``dataset.corpus`` fills the dense and the colbert caches."""
    _threads(threads)
    colbert = ColBERTRetriever(batch_size=batch_size, show_progress=show_progress)
    dense = DenseEncoder(batch_size=batch_size, show_progress=False)
    with measure() as m:
        report = JointEncoder(colbert=colbert, dense=dense).encode_corpus(corpus=dataset.corpus)
    return {**report.as_dict(), "peak_rss_mb": m.peak_rss_mb, "dataset": dataset.name, "cache": str(colbert.cache.root)}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m limitbench.benchmarks.perf_multivector")
    parser.add_argument("command", choices=["encode", "perf"])
    parser.add_argument("--dataset", default="limit-50k")
    parser.add_argument("--data-dir", default=None)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--out", default="perf-multivector.json")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        dataset = load_dataset(args.dataset, data_dir=args.data_dir)
        if args.command == "encode":
            print(json.dumps(fill_caches(dataset=dataset, threads=args.threads), indent=2))
        else:
            result = run_multivector_perf(dataset=dataset, out_path=args.out, threads=args.threads)
            print(json.dumps(result, indent=2))
    except LimitbenchError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
