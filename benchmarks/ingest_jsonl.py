"""Ingest N Wikinews articles from a generated JSONL into a fresh SQLite store; print articles/s.

    .venv/bin/python benchmarks/ingest_jsonl.py --n 1000 --workers 1

The JSONL is generated here (never committed) from the shared Wikinews sample
(``$SAYSO_DATA_DIR/wikinews/articles.jsonl``, 331 articles), repeated with changed ids. A
repeat's text gets a one-line prefix so that it is not the same text (which the store would
skip without analysis): every one of the N articles is analysed and stored, and each repeat
is linked to its original as a near-duplicate. The run is the real command line,
``sayso ingest FILE --db sqlite:///… --workers W``, with its progress bar, timed from
start to exit (model loading and worker start-up included).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sayso.config import data_dir


def generate(source: Path, out: Path, n: int) -> int:
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    words = 0
    with out.open("w", encoding="utf-8") as handle:
        for i in range(n):
            record = dict(records[i % len(records)])
            repeat = i // len(records)
            if repeat:
                record["id"] = f"{record['id']}-r{repeat}"
                record["text"] = f"Republished, copy {repeat}.\n\n{record['text']}"
            words += len(record["text"].split())
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return words


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cpu = model or platform.processor()
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--source", type=Path, default=None)
    args = parser.parse_args()
    source = args.source or data_dir() / "wikinews" / "articles.jsonl"
    if not source.exists():
        sys.exit(f"no Wikinews sample at {source}: set SAYSO_DATA_DIR or --source")
    with tempfile.TemporaryDirectory(prefix="sayso-bench-") as tmp:
        dataset = Path(tmp) / "wikinews-repeated.jsonl"
        words = generate(source, dataset, args.n)
        db = f"sqlite:///{Path(tmp) / 'bench.db'}"
        sayso = Path(sys.executable).with_name("sayso")
        command = [str(sayso), "ingest", str(dataset), "--db", db]
        command += ["--workers", str(args.workers), "--batch-size", str(args.batch_size)]
        started = time.perf_counter()
        subprocess.run(command, check=True)
        seconds = time.perf_counter() - started
    print(
        f"ingest {args.n} articles ({words} words) into SQLite, {args.workers} worker(s): "
        f"{seconds:.1f} s, {args.n / seconds:.1f} articles/s, {words / seconds:.0f} words/s"
    )
    print(f"machine: {machine()}")


if __name__ == "__main__":
    main()
