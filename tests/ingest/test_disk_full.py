"""A disk that fills up during ``sayso ingest`` (a SQLite page limit): a clear error and exit
status 2, no traceback, no corruption, nothing committed lost; once there is room again the
same command finishes the job as if nothing had happened."""

from __future__ import annotations

import sqlite3
import subprocess
from contextlib import closing

import pytest

from fuzz.crash import MAX_PAGES, child_command, child_env, fingerprint, write_dataset
from sayso.ingest.run import ingest
from sayso.store import open_store


def pages(path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("PRAGMA page_count").fetchone()[0]


def run_ingest(dataset, url: str, **env: str) -> subprocess.CompletedProcess:
    command = child_command(["ingest", str(dataset), "--db", url, "--batch-size", "1"])
    command += ["--no-progress", "--no-link"]
    return subprocess.run(command, env=child_env(**env), capture_output=True, text=True)


@pytest.mark.slow
def test_a_full_disk_stops_the_run_cleanly_and_the_rerun_completes_it(tmp_path, nlp):
    dataset = write_dataset(tmp_path / "articles.jsonl")
    whole = tmp_path / "whole.db"
    with open_store(f"sqlite:///{whole}") as store:
        ingest([str(dataset)], store, nlp=nlp, batch_size=1)
    expected = fingerprint(f"sqlite:///{whole}", graph=False)

    path = tmp_path / "full.db"
    url = f"sqlite:///{path}"
    open_store(url).close()
    empty = pages(path)
    room = empty + (pages(whole) - empty) // 2  # the disk fills up half-way

    full = run_ingest(dataset, url, **{MAX_PAGES: str(room)})
    assert full.returncode == 2, full.stderr
    assert "Traceback" not in full.stderr
    assert f"error: cannot write to the store {url}: database or disk is full" in full.stderr
    assert "run the same command again" in full.stderr
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    partial = fingerprint(url, graph=False)
    assert 0 < len(partial["articles"]) < len(expected["articles"])
    for table in ("articles", "attributions", "entities", "mentions", "removed"):
        assert set(partial[table]) <= set(expected[table]), table  # whole articles only

    again = run_ingest(dataset, url)
    assert again.returncode == 1, again.stderr  # the dataset's two bad records
    assert fingerprint(url, graph=False) == expected

    # Linking on a full disk: the same clear stop, then `sayso link` with room finishes it.
    link = child_command(["link", "--db", url])
    full = subprocess.run(
        link, env=child_env(**{MAX_PAGES: str(pages(path) + 2)}), capture_output=True, text=True
    )
    assert full.returncode == 2 and "Traceback" not in full.stderr, full.stderr
    assert f"error: cannot write to the store {url}: database or disk is full" in full.stderr
    done = subprocess.run(link, env=child_env(), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    linked = fingerprint(url)["linked"]
    assert linked == sorted(row[0] for row in expected["articles"])
