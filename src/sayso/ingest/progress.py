"""A progress bar for ingest runs: articles done, articles/s, ETA, and the tallies."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from sayso.ingest.run import Hook, IngestReport


class RateColumn(ProgressColumn):
    """Articles per second over the whole run (steadier than rich's moving speed)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        if elapsed <= 0 or not task.completed:
            return Text("– articles/s", style="progress.data.speed")
        return Text(f"{task.completed / elapsed:.1f} articles/s", style="progress.data.speed")


@contextmanager
def ingest_progress(console: Console, total: int | None, *, enabled: bool = True) -> Iterator[Hook]:
    """A hook for :func:`sayso.ingest.run.ingest` that drives a rich progress bar."""
    if not enabled:
        yield lambda _report: None
        return
    progress = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(bar_width=24),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[tally]}"),
        console=console,
        transient=False,
    )
    task = progress.add_task("ingest", total=total, tally="")
    last = 0.0

    def update(report: IngestReport) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last < 0.1 and report.done != total:
            return
        last = now
        if total is not None and report.done > total:
            progress.update(task, total=report.done)
        tally = f"{report.ingested} ingested, {report.duplicates} dup, {report.failed} failed"
        if report.skipped:
            tally += f", {report.skipped} skipped"
        progress.update(task, completed=report.done, tally=tally)

    with progress:
        yield update
