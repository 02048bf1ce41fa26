"""``python -m limitbench.benchmarks.numeric_heldout --seed S --out DIR``: write the BEIR layout."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..datasets.beir import write_beir
from .generate import generate_numeric_heldout


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line on stderr, exit 2 (no usage dump)
        print(f"numeric_heldout: {message}", file=sys.stderr)
        raise SystemExit(2)


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m limitbench.benchmarks.numeric_heldout", description=__doc__)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--docs", type=int, default=470)
    parser.add_argument("--queries", type=int, default=160)
    args = parser.parse_args(argv)
    if args.out.exists() and not args.out.is_dir():
        parser.error(f"--out {args.out}: exists and is not a directory")
    try:
        dataset = generate_numeric_heldout(seed=args.seed, n_docs=args.docs, n_queries=args.queries)
    except ValueError as error:
        parser.error(str(error))
    write_beir(dataset, args.out)
    summary = dataset.summary()
    print(f"wrote {summary['documents']} documents, {summary['queries']} queries, {summary['qrels']} qrels to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
