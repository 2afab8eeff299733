"""Cluster N attributions across articles (``sayso link``) in a fresh SQLite store; print the time.

    .venv/bin/python benchmarks/link_10k.py --n 10000

The store is filled without the NLP (which ``benchmarks/ingest_jsonl.py`` measures): each
article is built from sentences of the shared Wikinews sample
(``$SAYSO_DATA_DIR/wikinews/articles.jsonl``), ten attributions an article, "Speaker K said
that SENTENCE.", and about one attribution in four repeats a sentence another article already
told with another speaker, so clusters form as they do in news. Then the real linking runs
(``sayso.graph.build.link_store``: embeddings, the nearest-neighbour index, clustering, the
writes) and is timed from start to end, with the embedding model's loading timed apart.
Nothing is written outside a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from sayso.analyze import article_id
from sayso.config import data_dir
from sayso.graph.build import link_store
from sayso.graph.embed import default_embedder
from sayso.model import Analysis, Article, Attribution, AttributionKind, Content, Cue, Source
from sayso.store import open_store

PER_ARTICLE = 10
REPEAT_SHARE = 0.25


def sentences(source: Path) -> list[str]:
    found = []
    for line in source.read_text(encoding="utf-8").splitlines():
        for sentence in re.split(r"(?<=[.!?])\s+", json.loads(line)["text"]):
            sentence = sentence.strip().rstrip(".")
            if 6 <= len(sentence.split()) <= 40 and "\n" not in sentence:
                found.append(sentence)
    return found


def build(index: int, claims: list[tuple[str, str]]) -> Analysis:
    text, attributions = "", []
    for n, (speaker, content) in enumerate(claims, 1):
        if text:
            text += "\n\n"
        start = len(text)
        text += f"{speaker} said that {content}."
        c_start = start + len(speaker) + len(" said that ")
        attributions.append(
            Attribution(
                id=f"a{n}",
                kind=AttributionKind.INDIRECT,
                source=Source(start, start + len(speaker), speaker, entity=speaker),
                cue=Cue(start + len(speaker) + 1, start + len(speaker) + 5, "said", "say"),
                content=Content(((c_start, c_start + len(content)),), content),
            )
        )
    article = Article(
        id=article_id(text), text=text, publisher=f"Outlet {index % 40}", published="2024-03-01"
    )
    return Analysis(article=article, attributions=attributions)


def synthetic_articles(
    n: int, pool: list[str], rng: random.Random, offset: int = 0
) -> Iterator[tuple[int, list[tuple[str, str]]]]:
    """(article index, its (speaker, content) claims) for ``n`` attributions, ten an
    article, one in ``1 / REPEAT_SHARE`` repeating a content told before under another
    speaker. Lazy, so a caller may draw from ``rng`` between articles."""
    told: list[str] = []
    for index in range(offset, offset + max(1, n // PER_ARTICLE)):
        claims = []
        for k in range(PER_ARTICLE):
            repeat = told and rng.random() < REPEAT_SHARE
            content = rng.choice(told) if repeat else pool[(index * PER_ARTICLE + k) % len(pool)]
            told.append(content)
            claims.append((f"Speaker {rng.randrange(5000)}", content))
        yield index, claims


def fill(store_url: str, n: int, pool: list[str]) -> None:
    with open_store(store_url) as store:
        for index, claims in synthetic_articles(n, pool, random.Random(6)):
            store.add(build(index, claims))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="attributions to cluster")
    args = parser.parse_args()
    pool = sentences(data_dir() / "wikinews" / "articles.jsonl")
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'link.db'}"
        started = time.monotonic()
        fill(url, args.n, pool)
        print(f"store filled: {args.n} attributions in {time.monotonic() - started:.1f} s")
        started = time.monotonic()
        embedder = default_embedder()
        loading = time.monotonic() - started
        with open_store(url) as store:
            started, cpu = time.monotonic(), time.process_time()
            report = link_store(store, embedder=embedder)
            seconds, cpu = time.monotonic() - started, time.process_time() - cpu
    print(f"model loaded in {loading:.1f} s")
    print(report.summary())
    print(
        f"clustered {report.tellings} attributions in {seconds:.1f} s "
        f"({report.tellings / seconds:.0f}/s; {seconds + loading:.1f} s with the model's "
        f"loading; {cpu:.1f} s of CPU time, all threads) on "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; distinct sentences available: {len(pool)}"
    )


if __name__ == "__main__":
    main()
