"""The worker pool survives a worker that dies between two batches, or while the pool
fails to notice."""

from __future__ import annotations

import os
import signal
import time
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

import pytest

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


def test_a_dead_worker_the_pool_missed_breaks_the_wait_and_the_survivor_is_stopped():
    # CPython's pool can miss a worker killed while it writes a result: its batch then
    # never ends. A future that never ends, beside a really dead worker, stands for that.
    analyzer = Analyzer(workers=2)
    analyzer.poll_seconds, analyzer.grace_seconds = 0.1, 0.5
    try:
        pool = analyzer._executor()
        busy = [pool.submit(time.sleep, 1.0) for _ in range(2)]  # makes the pool start both
        assert [future.result(timeout=120) for future in busy] == [None, None]
        processes = list(pool._processes.values())
        assert len(processes) == 2
        os.kill(processes[0].pid, signal.SIGKILL)
        processes[0].join(timeout=30)
        stuck: Future[list] = Future()
        started = time.monotonic()
        with pytest.raises(BrokenProcessPool):
            analyzer._result(stuck)
        assert time.monotonic() - started < 30
        analyzer._restart()
        processes[1].join(timeout=30)
        assert processes[1].exitcode is not None  # not left to block the exit
        assert analyzer._pool is None
    finally:
        analyzer.close(cancel=True)


def test_a_wait_on_a_healthy_pool_is_not_cut_short():
    analyzer = Analyzer(workers=2)
    analyzer.poll_seconds, analyzer.grace_seconds = 0.1, 0.2
    try:
        slow = analyzer._executor().submit(time.sleep, 1.0)
        assert analyzer._result(slow) is None
    finally:
        analyzer.close(cancel=True)
