"""Spark's overhead: ``sayso batch`` on ``local[2]`` against the local engine's 2 workers.

    .venv/bin/python benchmarks/batch_engines.py --n 1000

Generates the same 1,000-article Wikinews JSONL as ``ingest_jsonl.py`` (never committed),
runs the real commands ``sayso batch FILE --engine local --workers 2`` and
``sayso batch FILE --engine spark --master local[2]``, each timed from start to exit (model
loading, worker and JVM start-up included), prints both rates and their ratio, and checks
that both wrote the same tables.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ingest_jsonl import data_dir, generate, machine

from sayso.batch.parquet import read_output
from sayso.batch.tables import TABLES


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    sayso = str(Path(sys.executable).with_name("sayso"))
    with tempfile.TemporaryDirectory(prefix="sayso-bench-") as tmp:
        dataset = Path(tmp) / "wikinews-repeated.jsonl"
        words = generate(data_dir() / "wikinews" / "articles.jsonl", dataset, args.n)
        local, spark = Path(tmp) / "local", Path(tmp) / "spark"
        common = [sayso, "batch", str(dataset)]
        on_spark = ["--engine", "spark", "--master", f"local[{args.workers}]"]
        seconds = {
            "local": timed([*common, "--out", str(local), "--workers", str(args.workers)]),
            "spark": timed([*common, "--out", str(spark), *on_spark]),
        }
        same = all(read_output(local, t).equals(read_output(spark, t)) for t in TABLES)
    for engine, took in seconds.items():
        print(
            f"{engine:<6} {args.workers} workers: {took:6.1f} s, {args.n / took:5.2f} articles/s, "
            f"{words / took:6.0f} words/s"
        )
    print(f"spark local[{args.workers}] / local {args.workers} workers, time: "
          f"{seconds['spark'] / seconds['local']:.2f}; same tables: {same}")  # fmt: skip
    print(f"machine: {machine()}")


if __name__ == "__main__":
    main()
