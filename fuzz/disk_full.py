"""A disk that fills up during ``sayso ingest``, at several points of the run; then room
again, and the same command run once more.

    python -m fuzz.disk_full --tmpfs 256k,640k,1m,2m     # root: a small tmpfs, remounted
    python -m fuzz.disk_full --pages 60,150,250,400      # anyone: SQLite's max_page_count
    python -m fuzz.disk_full --tmpfs 3m,4m --pg postgresql://sayso@127.0.0.1:54343/x
        # root: a PostgreSQL database whose tablespace is on a small tmpfs

Expected of each: exit status 2, a message naming the store and the cause, no traceback,
``PRAGMA integrity_check`` ok, only whole articles of the uninterrupted run kept; and the
re-run with room ends with the same store as the uninterrupted run (the kill -9 campaign's
fingerprint, claim graph included).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from contextlib import closing
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from fuzz.crash import (
    MAX_PAGES,
    child_command,
    child_env,
    differences,
    fingerprint,
    fresh_store,
    write_dataset,
)
from sayso.store import normalise_url

# How SQLite and PostgreSQL say it.
FULL = ("database or disk is full", "No space left on device", "could not extend file")
MESSAGES = ("cannot write to the store", "cannot open the store")  # full while migrating


def run_ingest(dataset: Path, url: str, **env: str) -> subprocess.CompletedProcess:
    command = child_command(["ingest", str(dataset), "--db", url, "--batch-size", "1"])
    return subprocess.run(
        [*command, "--no-progress"], env=child_env(**env), capture_output=True, text=True
    )


def mount(folder: Path, size: str, *, remount: bool = False) -> None:
    options = f"remount,size={size}" if remount else f"size={size}"
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], check=True)


def one_limit(dataset: Path, work: Path, limit: str, tmpfs: bool, expected: dict) -> dict:
    """Fill the disk at ``limit`` (a tmpfs size or a page count), check, then finish."""
    folder = work / f"disk-{limit}"
    folder.mkdir()
    path = folder / "store.db"
    url = f"sqlite:///{path}"
    if tmpfs:
        mount(folder, limit)
    try:
        full = run_ingest(dataset, url, **({} if tmpfs else {MAX_PAGES: limit}))
        outcome = _after_full(full, path, url, expected)
        if tmpfs:
            mount(folder, "256m", remount=True)
        outcome.update(_rerun(dataset, url, expected))
    finally:
        if tmpfs:
            subprocess.run(["umount", str(folder)], check=False)
    outcome["limit"] = f"tmpfs {limit}" if tmpfs else f"max_page_count {limit}"
    return outcome


def _rerun(dataset: Path, url: str, expected: dict) -> dict:
    again = run_ingest(dataset, url)
    differs = differences(fingerprint(url), expected)
    return {"rerun_exit": again.returncode, "rerun_differs": differs}


def one_pg_limit(server: str, dataset: Path, work: Path, size: str, expected: dict) -> dict:
    """A PostgreSQL database in a tablespace on a ``size`` tmpfs: fill it, check, finish."""
    folder = work / f"pg-{size}"
    folder.mkdir()
    work.chmod(0o755)  # the server (user postgres) must reach its tablespace
    mount(folder, size)
    shutil.chown(folder, "postgres", "postgres")
    name = f"sayso_full_{uuid.uuid4().hex[:8]}"
    server_url = normalise_url(server)
    admin = create_engine(server_url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    url = server_url.set(database=name).render_as_string(hide_password=False)
    try:
        with admin.connect() as conn:
            conn.execute(text(f"CREATE TABLESPACE {name} LOCATION '{folder}'"))
            conn.execute(text(f'CREATE DATABASE "{name}" TABLESPACE {name}'))
        full = run_ingest(dataset, url)
        outcome = _after_full(full, None, url, expected)
        mount(folder, "256m", remount=True)
        outcome.update(_rerun(dataset, url, expected))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f"DROP TABLESPACE IF EXISTS {name}"))
        admin.dispose()
        subprocess.run(["umount", str(folder)], check=False)
    return {**outcome, "limit": f"PostgreSQL tablespace on tmpfs {size}"}


def _after_full(
    full: subprocess.CompletedProcess, path: Path | None, url: str, expected: dict
) -> dict:
    lines = [line for line in full.stderr.splitlines() if any(m in line for m in MESSAGES)]
    outcome: dict[str, Any] = {
        "exit": full.returncode,
        "message": lines[0] if lines else full.stderr[-300:],
        "traceback": "Traceback" in full.stderr,
    }
    if path is not None and not path.exists():
        return {**outcome, "integrity": "no file", "kept_articles": 0, "foreign_rows": 0}
    outcome["integrity"] = "n/a (PostgreSQL)"
    if path is not None:
        with closing(sqlite3.connect(path)) as conn:  # closed: the tmpfs must unmount
            outcome["integrity"] = conn.execute("PRAGMA integrity_check").fetchone()[0]
    try:
        partial = fingerprint(url, graph=False)
    except Exception as error:  # the disk filled up while the schema was created
        schema = "no schema (the migration rolled back)" if "articles" in str(error) else error
        return {**outcome, "kept_articles": 0, "filled_during": str(schema), "foreign_rows": 0}
    outcome["kept_articles"] = len(partial["articles"])
    outcome["filled_during"] = (
        "opening (schema migration)"
        if "cannot open" in outcome["message"]
        else "linking"
        if len(partial["articles"]) == len(expected["articles"])
        else "ingest"
    )
    outcome["foreign_rows"] = sum(
        len(set(partial[t]) - set(expected[t]))
        for t in ("articles", "attributions", "entities", "mentions", "removed")
    )
    return outcome


def passed(outcome: dict) -> bool | None:
    """Did this limit end as it must (a clean stop, a complete re-run)? None: the disk
    never filled up (the limit was above what the run needs)."""
    if outcome["exit"] in (0, 1):
        return None
    clean_stop = outcome["exit"] == 2 and any(cause in outcome["message"] for cause in FULL)
    return (
        clean_stop
        and not outcome["traceback"]
        and outcome["integrity"] in ("ok", "no file", "n/a (PostgreSQL)")
        and outcome["foreign_rows"] == 0
        and outcome["rerun_exit"] == 1  # the dataset's two bad records
        and not outcome["rerun_differs"]
    )


def _uninterrupted(dataset: Path, url: str) -> dict:
    if run_ingest(dataset, url).returncode != 1:
        raise RuntimeError("the uninterrupted run failed")
    return fingerprint(url)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m fuzz.disk_full", description=__doc__)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--tmpfs", help="tmpfs sizes, comma-separated (needs root)")
    group.add_argument("--pages", help="SQLite page limits, comma-separated")
    parser.add_argument("--pg", help="with --tmpfs: a PostgreSQL server URL (run as root)")
    args = parser.parse_args()
    limits = (args.tmpfs or args.pages).split(",")
    with tempfile.TemporaryDirectory(prefix="sayso-disk-") as tmp:
        work = Path(tmp)
        dataset = write_dataset(work / "articles.jsonl")
        if args.pg:
            with fresh_store(args.pg, work) as whole:
                expected = _uninterrupted(dataset, whole)
            outcomes = [one_pg_limit(args.pg, dataset, work, x, expected) for x in limits]
        else:
            expected = _uninterrupted(dataset, f"sqlite:///{work / 'whole.db'}")
            outcomes = [one_limit(dataset, work, x, bool(args.tmpfs), expected) for x in limits]
    for outcome in outcomes:
        outcome["passed"] = passed(outcome)
        if outcome["passed"] is None:
            outcome["filled_during"] = "never (room enough)"
    print(json.dumps(outcomes, indent=2, ensure_ascii=False))
    verdicts = [o["passed"] for o in outcomes if o["passed"] is not None]
    return 0 if verdicts and all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
