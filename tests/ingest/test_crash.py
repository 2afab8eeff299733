"""kill -9 and Ctrl-C in the middle of an ingest run, then a re-run: the store ends up
exactly as after one uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import pytest
from sqlalchemy import text

from fuzz.crash import (
    KILL_AT,
    N_ARTICLES,
    campaign,
    check_store,
    child_command,
    child_env,
    fingerprint,
    write_dataset,
)
from sayso.ingest.run import ingest
from sayso.store import open_store


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    return write_dataset(tmp_path_factory.mktemp("crash") / "articles.jsonl", N_ARTICLES)


def state(url: str) -> dict:
    return fingerprint(url, graph=False)


@pytest.fixture(scope="module")
def uninterrupted(dataset, tmp_path_factory, nlp):
    url = f"sqlite:///{tmp_path_factory.mktemp('baseline') / 'baseline.db'}"
    with open_store(url) as store:
        report = ingest([str(dataset)], store, nlp=nlp, batch_size=1)
    assert (report.new, report.near_duplicates, report.failed) == (N_ARTICLES, 1, 2)
    return state(url)


def start_ingest(dataset, url: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "sayso.cli", "ingest", str(dataset), "--db", url]
    # --no-link: these tests are about the articles; linking is tested in tests/graph.
    command += ["--batch-size", "1", "--no-progress", "--no-link"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stored_articles(url: str) -> int:
    try:
        with open_store(url) as store, store.engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
    except Exception:  # the schema may not exist yet
        return 0


def wait_for(process: subprocess.Popen, url: str, count: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while stored_articles(url) < count:
        if process.poll() is not None:
            pytest.fail(f"ingest ended before {count} articles: {process.stderr.read()}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail("ingest too slow")
        time.sleep(0.05)


@pytest.mark.slow
def test_kill_9_at_random_points_then_rerun_equals_an_uninterrupted_run(store_url):
    """A short run of the campaign (python -m fuzz.crash): killed in any phase, linking
    included, one or two times, then finished: the same store, nothing lost."""
    backend = "sqlite" if store_url.startswith("sqlite") else store_url
    report = campaign(backend, runs=1, max_kills=2)
    print(report)
    assert report["broken"] == [], report
    assert (report["runs"], report["identical"], report["lost_articles"]) == (1, 1, 0), report


@pytest.mark.parametrize("statement", [5, 30])
def test_a_kill_during_the_first_migration_leaves_no_half_schema(store_url, statement):
    """The schema is created in one transaction (SQLite too): a kill at any of its
    statements leaves an empty database, which the next run migrates."""
    command = child_command(["sources", "--db", store_url])
    env = child_env(**{KILL_AT: str(statement)})
    killed = subprocess.run(command, env=env, capture_output=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL
    assert check_store(store_url) == []
    rerun = subprocess.run(command, env=child_env(), capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert check_store(store_url) == []


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_and_the_next_run_continues(dataset, tmp_path, uninterrupted):
    url = f"sqlite:///{tmp_path / 'interrupted.db'}"
    process = start_ingest(dataset, url)
    wait_for(process, url, 2)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted: run the same command again to continue" in stderr
    rerun = start_ingest(dataset, url)
    _, stderr = rerun.communicate(timeout=300)
    assert "duplicates skipped" in stderr
    assert state(url) == uninterrupted


@pytest.mark.slow
def test_a_dead_worker_fails_its_batch_only_and_the_next_run_retries_it(tmp_path):
    sample = resources.files("sayso.data") / "sample" / "wikinews.jsonl"
    dataset = tmp_path / "sample.jsonl"
    dataset.write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
    total = len(dataset.read_text(encoding="utf-8").splitlines())
    url = f"sqlite:///{tmp_path / 'workers.db'}"
    command = [sys.executable, "-m", "sayso.cli", "ingest", str(dataset), "--db", url]
    command += ["--workers", "2", "--batch-size", "2", "--no-progress", "--no-link"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    wait_for(process, url, 2)
    proc = Path("/proc")
    children = (proc / str(process.pid) / "task" / str(process.pid) / "children").read_text()
    workers = [
        int(pid)
        for pid in children.split()
        if b"spawn_main" in (proc / pid / "cmdline").read_bytes()
    ]
    assert len(workers) == 2
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = process.communicate(timeout=300)
    with open_store(url) as store:
        stored, failed = len(store.article_ids()), len(store.failures())
    print(f"after killing a worker: {stored} stored, {failed} failed")
    if failed:  # the killed worker was busy: its batch failed, nothing else
        assert process.returncode == 1 and "the worker process died" in stderr
    else:
        assert process.returncode == 0, stderr
    assert stored + failed == total
    rerun = subprocess.run(command, stderr=subprocess.PIPE, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with open_store(url) as store:
        assert (len(store.article_ids()), store.failures()) == (total, [])
