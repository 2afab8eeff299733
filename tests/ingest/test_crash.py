"""kill -9 and Ctrl-C in the middle of an ingest run, then a re-run: the store ends up
exactly as after one uninterrupted run."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import pytest
from sqlalchemy import text

from sayso.ingest.run import ingest
from sayso.store import open_store

N_ARTICLES = 12


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    """Sample articles, a near-duplicate of the first, a bad line and a record with no text."""
    sample = resources.files("sayso.data") / "sample" / "wikinews.jsonl"
    records = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines()]
    chosen = records[:N_ARTICLES]
    copy = dict(chosen[0], id="copy", text="UPDATED: " + chosen[0]["text"] + "\n\nMore soon.")
    lines = [json.dumps(r) for r in chosen[:6]]
    lines += [json.dumps(copy), "{not json", json.dumps({"id": "empty", "text": " "})]
    lines += [json.dumps(r) for r in chosen[6:]]
    path = tmp_path_factory.mktemp("crash") / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def state(url: str) -> dict:
    """Everything an ingest run decides, without timestamps or surrogate keys."""
    store = open_store(url)
    queries = {
        "articles": "SELECT id, content_hash, norm_hash, duplicate_of, title, published, "
        "input FROM articles",
        "attributions": "SELECT article_id, id, kind, source_entity, source_text, cue, "
        "content, content_spans, nested_in FROM attributions",
        "entities": "SELECT article_id, id, name, type, roles FROM entities",
        "mentions": 'SELECT article_id, entity_id, seq, start, "end" FROM mentions',
        "removed": 'SELECT article_id, seq, kind, start, "end" FROM removed',
        "bands": "SELECT band, key, article_id FROM minhash_bands",
        "failures": "SELECT item, input, error FROM failures",
    }
    with store.engine.connect() as conn:
        result = {
            name: sorted(tuple(row) for row in conn.execute(text(sql)))
            for name, sql in queries.items()
        }
        result["distinct texts"] = conn.execute(
            text("SELECT count(DISTINCT norm_hash) FROM articles")
        ).scalar_one()
    store.close()
    return result


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
def test_kill_9_then_rerun_equals_an_uninterrupted_run(dataset, store_url, uninterrupted):
    rng = random.Random()
    stop_after, extra_sleep = rng.randint(1, N_ARTICLES - 2), rng.uniform(0, 0.3)
    process = start_ingest(dataset, store_url)
    wait_for(process, store_url, stop_after)
    time.sleep(extra_sleep)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    partial = stored_articles(store_url)
    assert 0 < partial <= N_ARTICLES + 1, (stop_after, extra_sleep)

    rerun = start_ingest(dataset, store_url)
    _, stderr = rerun.communicate(timeout=300)
    assert rerun.returncode == 1, stderr  # the two bad records fail again, nothing else
    print(f"killed after {partial} of {N_ARTICLES + 1} articles ({stop_after=}, {extra_sleep=})")
    assert state(store_url) == uninterrupted, (stop_after, extra_sleep)


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
