"""The worker pool (pebble): a worker that dies fails its own batch only and the next batch
is analysed; workers die with their parent, kill -9 included; each article's analysis has
a time and a memory limit, with a clear error for the article past it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from sayso.analyze import ArticleInput
from sayso.ingest import workers
from sayso.ingest.items import Item
from sayso.ingest.workers import Analyzer, Limits, analyze_batch

PROC = Path("/proc")


def _batch(text: str) -> list[Item]:
    return [Item(input="test", key=text, article=ArticleInput(text=text))]


def _children(pid: int) -> list[int]:
    found = []
    for task in (PROC / str(pid) / "task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        state = (PROC / str(pid) / "stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_a_worker_killed_mid_batch_fails_that_batch_only():
    analyzer = Analyzer(workers=2)
    try:
        done = list(analyzer.submit(_batch("The minister said taxes would rise.")))
        done += list(analyzer.drain())
        assert done[0][1][0][0] is not None
        victims = [p for p in _children(os.getpid()) if b"spawn_main" in _cmdline(p)]
        assert victims
        slow = "The mayor said the bridge would reopen. " * 4500
        tags = [Item("test", str(n), ArticleInput(text=f"{slow} {n}")) for n in range(8)]
        pending = list(analyzer.submit(tags))
        future = analyzer._pending[0][1]
        deadline = time.monotonic() + 60
        while not future.running() and time.monotonic() < deadline:  # a worker took it
            time.sleep(0.01)
        time.sleep(1.0)
        for pid in victims:
            os.kill(pid, signal.SIGKILL)
        pending += list(analyzer.drain())
        [(_, outcomes)] = pending
        assert len(outcomes) == 8
        assert all(data is None and "the worker process died" in error for data, error in outcomes)
        later = list(analyzer.submit(_batch("The mayor said the bridge would reopen.")))
        later += list(analyzer.drain())
        analysis, error = later[0][1][0]
        assert error is None and analysis is not None
    finally:
        analyzer.close(cancel=True)


def _cmdline(pid: int) -> bytes:
    try:
        return (PROC / str(pid) / "cmdline").read_bytes()
    except FileNotFoundError:
        return b""


PARENT = textwrap.dedent(
    """
    import sys, time
    from sayso.analyze import ArticleInput
    from sayso.ingest.items import Item
    from sayso.ingest.workers import Analyzer

    analyzer = Analyzer(workers=2)
    text = "The minister said the bridge would reopen in May. " * 3000
    for n in range(4):
        list(analyzer.submit([Item("t", str(n), ArticleInput(text=text + str(n)))]))
    print("busy", flush=True)
    time.sleep(600)
    """
)


@pytest.mark.timeout(180)
def test_workers_die_with_their_parent_killed_mid_analysis():
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True, cwd="/"
    )
    try:
        assert parent.stdout.readline().strip() == "busy"
        deadline = time.monotonic() + 120
        while True:  # both workers up (they load the pipeline first)
            spawned = [p for p in _children(parent.pid) if b"spawn_main" in _cmdline(p)]
            if len(spawned) >= 2 or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        helpers = _children(parent.pid)  # the workers, and the resource tracker if any
        assert len(spawned) >= 2
        time.sleep(2)  # mid-analysis
        parent.send_signal(signal.SIGKILL)
        parent.wait(30)
        deadline = time.monotonic() + 20
        while any(_alive(p) for p in helpers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert [p for p in helpers if _alive(p)] == []
    finally:
        parent.kill()
        for pid in _children(parent.pid) if _alive(parent.pid) else []:
            os.kill(pid, signal.SIGKILL)


def test_an_article_past_the_time_limit_fails_alone(monkeypatch, nlp):
    real = workers.analyze_many

    def analyze_many(batch, nlp=None, batch_size=None):
        if any("ENDLESS" in item.text for item in batch):
            while True:
                time.sleep(0.01)
        return real(batch, nlp=nlp)

    analyze_batch([ArticleInput(text="The mayor said so.")], nlp)  # resources loaded first
    monkeypatch.setattr(workers, "analyze_many", analyze_many)
    batch = [
        ArticleInput(text="The minister said taxes would rise."),
        ArticleInput(text="ENDLESS quotes the analysis never finishes."),
        ArticleInput(text="The mayor said the bridge would reopen."),
    ]
    started = time.monotonic()
    outcomes = analyze_batch(batch, nlp, Limits(max_seconds=1, max_memory_mb=None))
    assert time.monotonic() - started < 10
    assert [data is not None for data, _ in outcomes] == [True, False, True], outcomes
    assert "took longer than 1 s, the limit for one article" in outcomes[1][1]


def test_an_article_past_the_memory_limit_fails_alone(monkeypatch):
    def analyze_many(batch, nlp=None, batch_size=None):
        raise MemoryError

    monkeypatch.setattr(workers, "analyze_many", analyze_many)
    outcomes = analyze_batch([ArticleInput(text="x y z")], limits=Limits(None, 300))
    assert outcomes == [
        (
            None,
            "analysis stopped: it needed more than 300 MB, the limit for one article "
            "(--max-memory)",
        )
    ]


def test_the_memory_limit_holds_in_a_worker():
    code = textwrap.dedent(
        """
        from sayso.ingest.workers import _limit_memory
        _limit_memory(200)
        try:
            block = bytearray(600 * 1024 * 1024)
        except MemoryError:
            print("refused")
        else:
            print("allowed")
        small = bytearray(50 * 1024 * 1024)
        print("small ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == ["refused", "small", "ok"], result.stderr
