"""Many writers on one store: concurrent ingests over overlapping inputs must give exactly
the store of a single run (issue 21).

    python -m fuzz.concurrency --db sqlite --runs 2,4
    python -m fuzz.concurrency --db postgresql://sayso@127.0.0.1:54333/sayso_test --runs 2,4
    python -m fuzz.concurrency --db sqlite --real 2   # real `sayso ingest` processes

The corpus holds stories in four forms each: the original, an identical copy, a copy whose
whitespace and case differ (the same words: a duplicate) and a wire copy with a changed
last sentence (a near-duplicate, stored and linked to its original). In the default mode
each writer process runs ingest's own writer (``StoreWriter``: the duplicate check, then
``Store.add``) over ready-made analyses, all starting at one barrier, every SELECT on the
store slowed down a little to widen the windows a race needs. Every writer gets the same
items in the same order, so the single run's store is the one expected, exactly. With
``--real N``, N ``sayso ingest`` processes analyse overlapping halves of a JSONL file made
from the bundled sample; then the store must hold each text once and each near-duplicate
linked, whichever process stored it.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from fuzz.crash import _driver_url, fresh_store

WORDS = (
    "border trade energy water fishing customs grain transit visa railway port pipeline tariff "
    "airspace bridge harbour council budget election vaccine drought mining wages refinery "
    "subsidy treaty ceasefire embargo airline reactor"
).split()


# -- the corpus ---------------------------------------------------------------------------


def story(index: int, seed: int, *, variant: str = "original") -> dict[str, Any]:
    """The analysis JSON of story ``index`` in one of its forms (no NLP: built by hand)."""
    from sayso.analyze import article_id
    from sayso.model import Analysis, Article, Attribution, AttributionKind, Content, Cue, Source
    from sayso.serial import record

    rng = random.Random(seed * 1000 + index)
    words = [rng.choice(WORDS) for _ in range(100)]
    sentences = [
        f"Officials said the {words[i]} talks on the {words[i + 1]} and the {words[i + 2]} "
        f"went on for a {i + 1}th day in the capital of province {index}."
        for i in range(0, 90, 3)
    ]
    speaker, cue = f"Minister Number{index}", "said"
    claim = f"the {words[90]} deal on the {words[91]} would be signed in {2020 + index % 7}"
    tail = f"{speaker} {cue} that {claim}."
    if variant == "near":  # one word changed: an estimated similarity of about 0.97
        sentences[-1] = sentences[-1].replace(" day ", " evening ")
    body = " ".join(sentences)
    text_ = f"{body}\n\n{tail}"
    if variant == "spacing":  # the same words: case and spacing differ
        body = "  ".join(sentences).upper()
        text_ = f"{body}\n\n\n{tail}"
    start = len(text_) - len(tail)
    c_start = start + len(speaker) + 1
    t_start = c_start + len(cue) + len(" that ")
    attribution = Attribution(
        id="a1",
        kind=AttributionKind.INDIRECT,
        source=Source(start, start + len(speaker), speaker),
        cue=Cue(c_start, c_start + len(cue), cue, "say"),
        content=Content(spans=((t_start, t_start + len(claim)),), text=claim),
    )
    title = f"Story {index}" + (" (updated)" if variant == "near" else "")
    article = Article(id=article_id(text_), text=text_, title=title, publisher="Wire")
    return record(Analysis(article=article, attributions=[attribution]))


def corpus(stories: int, seed: int) -> list[tuple[str, dict[str, Any]]]:
    """Every story's four forms, one after the other: two writers one item apart write
    different texts of the same story at the same moment."""
    return [
        (f"s{i}-{variant}", story(i, seed, variant=variant if variant != "copy" else "original"))
        for i in range(stories)
        for variant in ("original", "spacing", "copy", "near")
    ]


def rotated(items: list[tuple[str, dict[str, Any]]], shift: int) -> list[tuple[str, dict]]:
    """The same items, each story's forms in another order (the writers race on every story)."""
    out = []
    for start in range(0, len(items), 4):
        forms = items[start : start + 4]
        out += forms[shift % 4 :] + forms[: shift % 4]
    return out


# -- the writers ----------------------------------------------------------------------------


def _writer(url: str, items: list[tuple[str, dict[str, Any]]], barrier: Any, slow: float) -> None:
    from sqlalchemy import event

    from sayso.analyze import ArticleInput
    from sayso.ingest.items import Item
    from sayso.ingest.run import StoreWriter
    from sayso.store import open_store

    store = open_store(url)
    if slow:

        def pause(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            if statement.lstrip().upper().startswith("SELECT"):
                time.sleep(slow)

        event.listen(store.engine, "after_cursor_execute", pause)
    writer = StoreWriter(store, None)
    barrier.wait()
    for key, data in items:
        article = ArticleInput(text=data["article"]["text"], title=data["article"]["title"])
        item = Item("corpus", key, article)
        if writer.admit(item):
            writer.write_all([([item], [(data, None)])])
    store.close()


@dataclass(slots=True)
class Outcome:
    writers: int
    seconds: float
    peak_mb: float
    articles: int = 0
    duplicated: int = 0  # rows holding words another row holds (should be 0)
    lost: int = 0  # distinct texts of the input missing from the store (should be 0)
    originals_twice: int = 0  # near-duplicate groups with more than one original
    identical: bool | None = None  # the single run's store, exactly
    errors: list[str] = field(default_factory=list)

    def row(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


def run_writers(
    url: str, runs: list[list[tuple[str, dict[str, Any]]]], *, slow: float = 0.0
) -> Outcome:
    """Each list of items written by its own process, all at once; time and peak memory."""
    from sayso.store import open_store

    open_store(url).close()  # the schema first: concurrent first runs are tested apart
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(len(runs))
    started = time.monotonic()
    processes = [
        context.Process(target=_writer, args=(url, items, barrier, slow)) for items in runs
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(300)
    outcome = Outcome(len(runs), time.monotonic() - started, _peak_children_mb())
    for process in processes:
        if process.exitcode != 0:
            outcome.errors.append(f"writer exited with {process.exitcode}")
            process.kill()
    return outcome


def _peak_children_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def store_rows(url: str) -> dict[str, Any]:
    """What the writers decided: each article's text hash, original and input."""
    engine = create_engine(_driver_url(url))
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT id, norm_hash, duplicate_of FROM articles ORDER BY id")
            ).all()
            claims = conn.execute(text("SELECT count(*) FROM attributions")).scalar_one()
    finally:
        engine.dispose()
    return {"articles": [tuple(r) for r in rows], "attributions": claims}


def check(url: str, items: list[tuple[str, dict[str, Any]]], outcome: Outcome) -> Outcome:
    from sayso.store.neardup import normalised_hash

    found = store_rows(url)["articles"]
    outcome.articles = len(found)
    hashes = [norm for _, norm, _ in found]
    outcome.duplicated = len(hashes) - len(set(hashes))
    wanted = {normalised_hash(data["article"]["text"]) for _, data in items}
    outcome.lost = len(wanted - set(hashes))
    # A story and its wire copy: one original between them.
    titles = _titles(url)
    per_story: dict[str, int] = {}
    for article_id, _, dup in found:
        if dup is None:
            key = titles[article_id].removesuffix(" (updated)")
            per_story[key] = per_story.get(key, 0) + 1
    outcome.originals_twice = sum(1 for n in per_story.values() if n > 1)
    return outcome


def _titles(url: str) -> dict[str, str]:
    engine = create_engine(_driver_url(url))
    try:
        with engine.connect() as conn:
            return dict(conn.execute(text("SELECT id, title FROM articles")).all())
    finally:
        engine.dispose()


def campaign(
    db: str, writers: int, *, stories: int = 8, seed: int = 21, slow: float = 0.002
) -> Outcome:
    """``writers`` processes over the same items in the same order, against one run alone."""
    items = corpus(stories, seed)
    with tempfile.TemporaryDirectory() as tmp:
        with fresh_store(db, Path(tmp)) as single:
            run_writers(single, [items])
            expected = store_rows(single)
        with fresh_store(db, Path(tmp)) as url:
            outcome = run_writers(url, [items] * writers, slow=slow)
            check(url, items, outcome)
            outcome.identical = store_rows(url) == expected
    return outcome


def overlapping(
    db: str, writers: int, *, stories: int = 8, seed: int = 22, slow: float = 0.002
) -> Outcome:
    """Each writer the same items, each story's forms in its own order."""
    items = corpus(stories, seed)
    runs = [rotated(items, shift) for shift in range(writers)]
    with tempfile.TemporaryDirectory() as tmp, fresh_store(db, Path(tmp)) as url:
        outcome = run_writers(url, runs, slow=slow)
        return check(url, items, outcome)


# -- concurrent first runs on an empty database ---------------------------------------------


def _open(url: str, barrier: Any, queue: Any) -> None:
    from sayso.store import open_store

    barrier.wait()
    try:
        open_store(url).close()
        queue.put("ok")
    except Exception as error:
        queue.put(f"{type(error).__name__}: {str(error).splitlines()[0]}")


def first_runs(url: str, openers: int) -> list[str]:
    """``openers`` processes opening the same empty store at once: what each got."""
    context = multiprocessing.get_context("fork")
    barrier, queue = context.Barrier(openers), context.Queue()
    processes = [context.Process(target=_open, args=(url, barrier, queue)) for _ in range(openers)]
    for process in processes:
        process.start()
    results = [queue.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(30)
    return results


# -- real `sayso ingest` processes ------------------------------------------------------------


def real_dataset(folder: Path, stories: int = 12) -> list[Path]:
    """Two overlapping JSONL files from the bundled sample: each story as it is, with its
    spacing changed, and with a line added at its end (a wire copy)."""
    from sayso.data import sample_articles

    articles = [a for a in sample_articles() if a.path and "wikinews" in a.path][:stories]
    records = []
    for n, article in enumerate(articles):
        base = {"title": article.title, "published": article.published}
        near = f"{article.text}\n\nThis report was updated on day {n}."  # a wire copy
        records += [
            {**base, "id": f"{n}", "text": article.text},
            {**base, "id": f"{n}-spacing", "text": article.text.replace(" ", "  ") + "\n"},
            {**base, "id": f"{n}-near", "text": near},
        ]
    half = (len(records) * 2) // 3
    parts = [records[:half], records[len(records) - half :]]
    paths = []
    for index, part in enumerate(parts):
        path = folder / f"part{index}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
        paths.append(path)
    return paths


def real(db: str, writers: int) -> Outcome:
    with tempfile.TemporaryDirectory() as tmp, fresh_store(db, Path(tmp)) as url:
        paths = real_dataset(Path(tmp))
        sayso = str(Path(sys.executable).with_name("sayso"))
        started = time.monotonic()
        processes = [
            subprocess.Popen(
                [sayso, "ingest", str(paths[i % len(paths)]), "--db", url, "--no-progress"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for i in range(writers)
        ]
        outcome = Outcome(writers, 0.0, 0.0)
        for process in processes:
            _, err = process.communicate(timeout=1800)
            if process.returncode != 0:
                outcome.errors.append(f"exit {process.returncode}: {err.strip()[-300:]}")
        outcome.seconds = time.monotonic() - started
        outcome.peak_mb = _peak_children_mb()
        items = [
            (r["id"], {"article": {"text": r["text"], "title": r["title"]}})
            for path in paths
            for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())
        ]
        check(url, items, outcome)
        engine = create_engine(_driver_url(url))
        with engine.connect() as conn:
            unlinked = conn.execute(
                text(
                    "SELECT count(*) FROM articles a LEFT JOIN graph_articles g "
                    "ON g.article_id = a.id WHERE g.article_id IS NULL"
                )
            ).scalar_one()
        engine.dispose()
        if unlinked:
            outcome.errors.append(f"{unlinked} articles left unlinked")
        return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fuzz.concurrency", description=__doc__)
    parser.add_argument("--db", default="sqlite", help="sqlite, or a PostgreSQL server URL")
    parser.add_argument("--runs", default="2,4", help="numbers of concurrent writers")
    parser.add_argument("--stories", type=int, default=24)
    parser.add_argument("--real", type=int, default=0, help="N real `sayso ingest` processes")
    args = parser.parse_args(argv)
    results = []
    if args.real:
        results.append(("real ingest", real(args.db, args.real)))
    else:
        for writers in (int(n) for n in args.runs.split(",")):
            results.append(("same items", campaign(args.db, writers, stories=args.stories)))
            results.append(("overlapping", overlapping(args.db, writers, stories=args.stories)))
    for name, outcome in results:
        print(json.dumps({"case": name, **outcome.row()}))
    return 0 if all(not o.errors and not o.duplicated and not o.lost for _, o in results) else 1


if __name__ == "__main__":
    sys.exit(main())
