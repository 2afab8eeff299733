"""``sayso ingest``: read inputs, analyse new articles in batches, write each to the store.

Exactly once and resumable: an article already in the store (same text) is skipped before
any analysis, each article is written in its own transaction, and analysed batches are
written in input order. A run killed at any point leaves only whole articles behind; the
next run over the same inputs skips them and continues with the rest.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.language import Language

from sayso.analyze import ArticleInput, check_length
from sayso.errors import InputError
from sayso.ingest.items import Item
from sayso.ingest.sources import ReadOptions, read_sources
from sayso.ingest.workers import Analyzer, Limits, Outcome
from sayso.store import SaveStatus, Store
from sayso.store.neardup import content_hash, normalised_hash

MAX_ERRORS_KEPT = 200


@dataclass(slots=True)
class IngestReport:
    """What a run did, item by item."""

    read: int = 0  # items read from the inputs (articles and failed items)
    new: int = 0  # stored as originals
    near_duplicates: int = 0  # stored, linked to the original they copy
    duplicates: int = 0  # already in the store (or earlier in this run): nothing added
    failed: int = 0  # recorded in the store's failures with their error
    skipped: int = 0  # pages that are not articles, recorded with the reason
    seconds: float = 0.0
    interrupted: bool = False
    errors: list[str] = field(default_factory=list)

    @property
    def ingested(self) -> int:
        return self.new + self.near_duplicates

    @property
    def done(self) -> int:
        return self.ingested + self.duplicates + self.failed + self.skipped

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> str:
        state = "interrupted after" if self.interrupted else "done in"
        return (
            f"{self.ingested} ingested ({self.new} new, {self.near_duplicates} near-duplicates "
            f"linked to their original), {self.duplicates} duplicates skipped, "
            f"{self.failed} failed{self._skips()}; {state} {self.seconds:.1f} s "
            f"({self.rate:.1f} articles/s)"
        )

    def _skips(self) -> str:
        return (
            f", {self.skipped} skipped (not articles: --keep-non-articles to keep them)"
            if self.skipped
            else ""
        )


Hook = Callable[[IngestReport], None]


def ingest(
    sources: Iterable[str],
    store: Store,
    *,
    options: ReadOptions | None = None,
    workers: int = 1,
    batch_size: int = 16,
    nlp: Language | None = None,
    on_progress: Hook | None = None,
    limits: Limits | None = None,
    isolate: bool = False,
) -> IngestReport:
    """Read every source into ``store``; see :func:`ingest_items`."""
    items = read_sources(sources, options)
    return ingest_items(
        items,
        store,
        workers=workers,
        batch_size=batch_size,
        nlp=nlp,
        on_progress=on_progress,
        limits=limits,
        isolate=isolate,
    )


def ingest_inputs(articles: Iterable[ArticleInput], store: Store, **kwargs: object) -> IngestReport:
    """Ingest article inputs made in code (the bundled sample, an API upload)."""
    items = (Item(a.path or a.url or "-", a.path or a.url or "-", a) for a in articles)
    return ingest_items(items, store, **kwargs)  # type: ignore[arg-type]


def ingest_items(
    items: Iterable[Item],
    store: Store,
    *,
    workers: int = 1,
    batch_size: int = 16,
    nlp: Language | None = None,
    on_progress: Hook | None = None,
    limits: Limits | None = None,
    isolate: bool = False,
) -> IngestReport:
    """Analyse and store every new article of ``items``; a failing one is recorded and the
    run goes on. KeyboardInterrupt stops it cleanly (``report.interrupted``). ``limits``
    bound each article's analysis (:class:`~sayso.ingest.workers.Limits`; the memory limit
    needs worker processes: ``workers`` > 1 or ``isolate``)."""
    run = StoreWriter(store, on_progress)
    analyzer = Analyzer(workers, nlp=nlp, limits=limits, isolate=isolate)
    started = time.monotonic()
    batch: list[Item] = []
    try:
        for item in items:
            run.report.read += 1
            if run.admit(item):
                batch.append(item)
            if len(batch) >= batch_size:
                run.write_all(analyzer.submit(batch))
                batch = []
            run.report.seconds = time.monotonic() - started
        if batch:
            run.write_all(analyzer.submit(batch))
        run.write_all(analyzer.drain())
        analyzer.close()
    except KeyboardInterrupt:
        run.report.interrupted = True
        analyzer.close(cancel=True)
    except Exception:  # the store failed (disk full): no worker may outlive the run
        analyzer.close(cancel=True)
        raise
    run.report.seconds = time.monotonic() - started
    return run.report


class StoreWriter:
    """Writes analysed items and failures to the store, counting them in a report (shared
    with ``sayso load``, which writes what a batch analysed)."""

    def __init__(self, store: Store, on_progress: Hook | None) -> None:
        self.store = store
        self.report = IngestReport()
        self.on_progress = on_progress
        # Hashes of the texts handed to the analysis and not yet written: a second copy in
        # the same run is a duplicate even before the first one reaches the store.
        self._in_flight: set[str] = set()

    def admit(self, item: Item) -> bool:
        """True when the item needs analysing; failures, skips and duplicates are settled
        here."""
        if item.skipped is not None:
            self.skip(item, f"{item.key}: {item.skipped}")
            return False
        if item.error is not None or item.article is None:
            self.fail(item, str(item.error))
            return False
        try:
            check_length(item.article)
        except InputError as error:
            self.fail(item, f"{item.key}: {error.reason}")
            return False
        keys = _text_keys(item.article.text)
        if keys & self._in_flight or self.store.is_known(item.article.text):
            self.report.duplicates += 1
            self.store.clear_failure(item.key)
            self._progress()
            return False
        self._in_flight.update(keys)
        return True

    def skip(self, item: Item, message: str) -> None:
        """A page that is not an article: recorded among the store's failures with its
        reason (a later run that keeps it clears the record), counted apart from them."""
        self.store.record_failure(item.key, item.input, message)
        self.report.skipped += 1
        self._progress()

    def fail(self, item: Item, error: str) -> None:
        self.store.record_failure(item.key, item.input, error)
        self.report.failed += 1
        if len(self.report.errors) < MAX_ERRORS_KEPT:
            self.report.errors.append(error)
        self._progress()

    def write_all(self, finished: Iterable[tuple[list[Item], list[Outcome]]]) -> None:
        for items, outcomes in finished:
            for item, (data, error) in zip(items, outcomes, strict=True):
                if item.article is not None:
                    self._in_flight.difference_update(_text_keys(item.article.text))
                if data is None:
                    self.fail(item, f"{item.key}: {error}")
                    continue
                result = self.store.add(data, item=item.key)
                if result.status is SaveStatus.NEW:
                    self.report.new += 1
                elif result.status is SaveStatus.NEAR_DUPLICATE:
                    self.report.near_duplicates += 1
                else:
                    self.report.duplicates += 1
                self._progress()

    def _progress(self) -> None:
        if self.on_progress is not None:
            self.on_progress(self.report)


def _text_keys(text: str) -> set[str]:
    return {content_hash(text), "n" + normalised_hash(text)}
