"""``--engine local``: this machine's cores, through ``sayso ingest``'s worker processes."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from sayso.batch.parquet import ParquetSink
from sayso.batch.report import BatchReport
from sayso.batch.tables import Record
from sayso.batch.work import MAX_BATCH_CHARS, Task, analysed, articles, batches, read_tasks
from sayso.ingest.items import Item
from sayso.ingest.sources import ReadOptions
from sayso.ingest.workers import Analyzer, Outcome


def run_local(
    sources: list[str],
    out: Path,
    *,
    options: ReadOptions | None = None,
    workers: int = 1,
    batch_size: int = 16,
    max_chars: int = MAX_BATCH_CHARS,
) -> BatchReport:
    """Analyse every input into Parquet tables under ``out``, in input order."""
    report = BatchReport()
    tasks = (task for i, s in enumerate(sources) for task in read_tasks(i, s, options))
    with ParquetSink(out) as sink:
        for record in _records(batches(tasks, batch_size, max_chars), workers):
            sink.write(record)
            report.count(record)
    return report


def _records(work: Iterable[list[Task]], workers: int) -> Iterator[Record]:
    # The analyzer hands finished batches back in submission order, so the oldest batch
    # still pending is always the one its next result belongs to.
    analyzer = Analyzer(workers)
    pending: deque[list[Task]] = deque()

    def finish(done: Iterable[tuple[list[Item], list[Outcome]]]) -> Iterator[Record]:
        for _, outcomes in done:
            yield from analysed(pending.popleft(), outcomes)

    try:
        for batch in work:
            pending.append(batch)
            yield from finish(analyzer.submit(_items(batch)))
        yield from finish(analyzer.drain())
    finally:
        analyzer.close()


def _items(batch: list[Task]) -> list[Item]:
    return [Item(a.path or "-", a.path or "-", a) for a in articles(batch)]
