"""The claim graph at scale: linking stores of 1k, 10k (100k) tellings, step by step, how the
cost grows with the store, what adding one article to a large store costs, and linking's CPU
time against the analysis's on the same real articles.

    .venv/bin/python benchmarks/link_scale.py                       # 1k and 10k, then real articles
    .venv/bin/python benchmarks/link_scale.py --sizes 1000,10000,100000 --no-articles
    .venv/bin/python benchmarks/link_scale.py --sizes 0             # only the real-article ratio

Synthetic stores are filled without the NLP, as ``link_10k.py`` does: ten attributions an
article, "Speaker K said that SENTENCE." with sentences of the shared Wikinews sample, about
one attribution in four repeating a sentence another article told under another speaker, and
publication days spread over a year, so clusters form and the date window matters. Each store
is linked from nothing (``sayso.graph.build.link_store``, the real code), then one more
article is added and linked: that second run is what a newsroom's next article costs. The
growth exponent between two sizes is log(CPU ratio) / log(size ratio): 1.0 is linear.

The ratio part ingests the bundled sample and ``$SAYSO_DATA_DIR/wikinews/articles.jsonl``
(332 distinct articles) into a fresh store without linking, then links them, and reports
the CPU time of each (this process's, all threads) side by side. Both models are loaded
before either is timed, so the ratio compares the work, not the start-up.

CPU times are ``time.process_time()`` (user + system of every thread of this process);
the per-step figures come from ``LinkReport.cpu``; "model" is the sentence model's passes
(inside "embed" and "events"), counted apart so that what the graph itself costs shows.
Nothing is written outside a temporary folder; ``--json FILE`` also writes the figures.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import platform
import random
import tempfile
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from link_10k import PER_ARTICLE, build, sentences, synthetic_articles

from sayso.config import data_dir
from sayso.graph.build import LinkReport, link_store
from sayso.graph.embed import Embedder, default_embedder
from sayso.store import open_store

STEPS = (
    "model",
    "seed",
    "titles",
    "embed",
    "candidates",
    "decide",
    "index",
    "events",
    "writes",
    "containment",
)
FIRST_DAY = date(2024, 1, 1)


def fill(store_url: str, n: int, pool: list[str], seed: int = 6, offset: int = 0) -> None:
    """``n`` attributions in ``n / 10`` articles, published over a year."""
    rng = random.Random(seed)
    with open_store(store_url) as store:
        for index, claims in synthetic_articles(n, pool, rng, offset):
            analysis = build(index, claims)
            day = FIRST_DAY + timedelta(days=rng.randrange(365))
            analysis.article.published = day.isoformat()
            store.add(analysis)


class Timed:
    """The embedding model, with the CPU time of its passes counted (``report.cpu["model"]``:
    the tellings' and the events' embeddings, whichever step asked for them)."""

    def __init__(self, embedder: Embedder, cpu: dict[str, float]) -> None:
        self.embedder, self.cpu = embedder, cpu
        self.name, self.dimensions = embedder.name, embedder.dimensions

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        started = time.process_time()
        try:
            return self.embedder.encode(texts)
        finally:
            self.cpu["model"] = self.cpu.get("model", 0.0) + time.process_time() - started


def linked(url: str) -> tuple[LinkReport, float, float]:
    with open_store(url) as store:
        model: dict[str, float] = {}
        started, cpu = time.monotonic(), time.process_time()
        report = link_store(store, embedder=Timed(default_embedder(), model))
        report.cpu.update(model)
        return report, time.process_time() - cpu, time.monotonic() - started


def steps(report: LinkReport) -> str:
    return " ".join(f"{s}={report.cpu.get(s, 0.0):.2f}" for s in STEPS if s in report.cpu)


def scale(sizes: list[int], pool: list[str], folder: Path) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    for n in sizes:
        url = f"sqlite:///{folder / f'scale-{n}.db'}"
        fill(url, n, pool)
        report, cpu, wall = linked(url)
        # One more article, in the same store, with sentences partly told already.
        fill(url, PER_ARTICLE, pool, seed=n + 1, offset=n // PER_ARTICLE)
        added, added_cpu, added_wall = linked(url)
        row = {
            "tellings": report.tellings,
            "joined": report.joined,
            "cpu": round(cpu, 2),
            "wall": round(wall, 2),
            "per_1000_cpu": round(1000 * cpu / max(1, report.tellings), 2),
            "steps": {k: round(v, 3) for k, v in report.cpu.items()},
            "add_one_cpu": round(added_cpu, 3),
            "add_one_wall": round(added_wall, 3),
            "add_one_steps": {k: round(v, 3) for k, v in added.cpu.items()},
        }
        results.append(row)
        print(
            f"{report.tellings:>7} tellings: {cpu:7.1f} s CPU ({wall:.1f} s wall), "
            f"{row['per_1000_cpu']} s CPU per 1,000; {report.joined} joined; steps: "
            f"{steps(report)}",
            flush=True,
        )
        print(
            f"         + 1 article ({added.tellings} tellings) into it: {added_cpu:.3f} s CPU "
            f"({added_wall:.2f} s wall); steps: {steps(added)}",
            flush=True,
        )
    for a, b in itertools.pairwise(results):
        exponent = math.log(b["cpu"] / a["cpu"]) / math.log(b["tellings"] / a["tellings"])
        b["exponent"] = round(exponent, 3)
        print(f"growth {a['tellings']} -> {b['tellings']}: CPU ~ n^{exponent:.2f}")
    return results


def ratio(folder: Path) -> dict[str, Any]:
    from sayso.data import sample_articles
    from sayso.ingest.datasets import Fields
    from sayso.ingest.run import ingest, ingest_inputs
    from sayso.ingest.sources import ReadOptions
    from sayso.nlp.pipeline import shared_pipeline

    url = f"sqlite:///{folder / 'articles.db'}"
    nlp = shared_pipeline()
    default_embedder()
    wikinews = data_dir() / "wikinews" / "articles.jsonl"
    options = ReadOptions(fields=Fields.named(title="title", date="published", url="url"))
    with open_store(url) as store:
        started = time.process_time()
        sample = ingest_inputs(sample_articles(), store, nlp=nlp)
        more = ingest([str(wikinews)], store, options=options, nlp=nlp)
        analysis = time.process_time() - started
        articles = store.summary(top=1).articles
    report, link_cpu, link_wall = linked(url)
    share = link_cpu / analysis
    model = report.cpu.get("model", 0.0)
    print(
        f"real articles: {articles} in the store ({sample.new} + {more.new} new); analysis "
        f"{analysis:.1f} s CPU, linking {link_cpu:.1f} s CPU ({link_wall:.1f} s wall): "
        f"linking / analysis = {share:.1%}; the sentence model's passes {model:.1f} s, the "
        f"rest of linking {link_cpu - model:.1f} s = {(link_cpu - model) / analysis:.1%} of "
        f"the analysis; {report.summary()}; steps: {steps(report)}",
        flush=True,
    )
    return {
        "articles": articles,
        "analysis_cpu": round(analysis, 2),
        "link_cpu": round(link_cpu, 2),
        "link_wall": round(link_wall, 2),
        "share": round(share, 4),
        "model_cpu": round(model, 2),
        "share_without_model": round((link_cpu - model) / analysis, 4),
        "tellings": report.tellings,
        "events": report.events,
        "steps": {k: round(v, 3) for k, v in report.cpu.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes", default="1000,10000", help="store sizes in tellings, comma-separated (0: none)"
    )
    parser.add_argument(
        "--articles",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also measure linking / analysis CPU on the sample and Wikinews",
    )
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if int(s) > 0]
    pool = sentences(data_dir() / "wikinews" / "articles.jsonl")
    started = time.monotonic()
    default_embedder()
    print(f"embedding model loaded in {time.monotonic() - started:.1f} s (not counted)")
    figures: dict[str, Any] = {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "load": os.getloadavg()[0],
    }
    with tempfile.TemporaryDirectory(prefix="sayso-link-scale-") as tmp:
        figures["scale"] = scale(sizes, pool, Path(tmp))
        if args.articles:
            figures["ratio"] = ratio(Path(tmp))
    figures["load_after"] = os.getloadavg()[0]
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
