"""The worker pool survives a worker that dies between two batches."""

from __future__ import annotations

import os
import signal
import time

from sayso.analyze import ArticleInput
from sayso.ingest.items import Item
from sayso.ingest.workers import Analyzer


def _batch(text: str) -> list[Item]:
    return [Item(input="test", key=text, article=ArticleInput(text=text))]


def test_a_worker_killed_while_idle_does_not_break_the_next_submission():
    analyzer = Analyzer(workers=2)
    try:
        done = list(analyzer.submit(_batch("The minister said taxes would rise.")))
        done += list(analyzer.drain())
        assert len(done) == 1 and done[0][1][0][0] is not None
        pool = analyzer._pool
        assert pool is not None
        os.kill(next(iter(pool._processes)), signal.SIGKILL)
        deadline = time.monotonic() + 30
        while not pool._broken and time.monotonic() < deadline:
            time.sleep(0.05)
        later = list(analyzer.submit(_batch("The mayor said the bridge would reopen.")))
        later += list(analyzer.drain())
        assert len(later) == 1
        analysis, error = later[0][1][0]
        assert error is None and analysis is not None
    finally:
        analyzer.close(cancel=True)
