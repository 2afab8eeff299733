"""A lock held for a whole command (``sayso link``), released when its process ends.

Two ``sayso link`` runs on one store would place the same articles twice; instead the
second waits for the first, then links whatever is still pending, so no run ends with
articles unlinked. PostgreSQL: a session-level advisory lock on a connection of its own.
SQLite: ``flock`` on a file beside the database (``store.db.link-lock``). Both are released
by the operating system or the server when the process dies, kill -9 included: no stale
lock is ever left behind.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from sayso.errors import SaysoError

POLL_SECONDS = 0.5


class LockTimeout(SaysoError):
    """Another process held the lock for longer than we were willing to wait."""


@contextmanager
def command_lock(engine: Engine, key: int, what: str, *, wait: float) -> Iterator[None]:
    """Hold lock ``key`` of the store for the block, waiting up to ``wait`` seconds."""
    if engine.dialect.name == "postgresql":
        with _advisory(engine, key, what, wait):
            yield
        return
    database = engine.url.database
    if not database or database == ":memory:":
        yield  # one process: nobody to wait for
        return
    with _flock(Path(f"{database}.{what}-lock"), what, wait):
        yield


@contextmanager
def _advisory(engine: Engine, key: int, what: str, wait: float) -> Iterator[None]:
    with engine.connect() as conn:
        deadline = time.monotonic() + wait
        while not conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar():
            conn.rollback()
            _wait_or_give_up(deadline, what, wait)
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
            conn.commit()


@contextmanager
def _flock(path: Path, what: str, wait: float) -> Iterator[None]:
    import fcntl

    try:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        # A store on read-only media: nothing can be written, so nothing to serialise;
        # the write itself will say so.
        yield
        return
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                _wait_or_give_up(deadline, what, wait)
        yield
    finally:
        os.close(descriptor)  # releases the lock


def _wait_or_give_up(deadline: float, what: str, wait: float) -> None:
    if time.monotonic() >= deadline:
        raise LockTimeout(
            f"another `sayso {what}` has been running on this store for over {wait:.0f} s; "
            f"nothing was changed: run `sayso {what}` again when it has finished"
        )
    time.sleep(POLL_SECONDS)
