"""Database URLs and engines: SQLite by default, PostgreSQL for teams."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Connection, Engine, make_url

from sayso.errors import SaysoError

DEFAULT_URL = "sqlite:///sayso.db"
_SCHEMES = ("sqlite", "postgresql")


def normalise_url(url: str) -> URL:
    """``sayso.db`` or a SQLAlchemy URL; ``postgresql://`` uses the psycopg 3 driver."""
    if "://" not in url:
        url = f"sqlite:///{url}"
    try:
        parsed = make_url(url)
    except Exception as error:
        raise SaysoError(f"not a database URL: {url!r} ({error})") from error
    backend = parsed.get_backend_name()
    if backend not in _SCHEMES:
        raise SaysoError(f"unsupported database {backend!r}: use sqlite:/// or postgresql://")
    if backend == "postgresql" and parsed.get_driver_name() in ("psycopg2", ""):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if backend == "postgresql" and "+" not in parsed.drivername:
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite store URL, or None (PostgreSQL, in memory)."""
    parsed = normalise_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def is_read_only(url: str) -> bool:
    """Whether a SQLite store exists but cannot be written: a read-only file, folder (its
    journal files go beside it) or file system (``os.access`` asks the kernel, so a
    read-only mount counts even for root)."""
    path = sqlite_path(url)
    if path is None or not path.is_file():
        return False
    return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite" and read_only:
        return _read_only_sqlite(parsed)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


def _read_only_sqlite(parsed: URL) -> Engine:
    """A SQLite store opened for reading only: ``immutable=1`` when its folder cannot be
    written (no WAL index can be made beside it: read-only media), else ``mode=ro``."""
    path = Path(parsed.database or "").resolve()
    mode = "mode=ro" if os.access(path.parent, os.W_OK) else "immutable=1"
    target = f"file:{quote(str(path))}?{mode}"

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(target, uri=True, timeout=30, check_same_thread=False)
        connection.isolation_level = None
        return connection

    engine = create_engine("sqlite://", creator=connect)
    event.listen(engine, "begin", _sqlite_begin)
    engine.info = {"read_only": True}  # type: ignore[attr-defined]
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL: readers (the web app) never block the ingesting writer, and a killed writer
    # leaves the database as of its last commit. NORMAL sync is safe against process
    # crashes in WAL mode; only a power cut can lose the last transactions.
    cursor = dbapi_connection.cursor()
    database = cursor.execute("PRAGMA database_list").fetchone()
    if database is not None and database[2]:  # a file, not :memory:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
    # SQLAlchemy begins every transaction itself (``_sqlite_begin``): Python's sqlite3 would
    # begin only before INSERT/UPDATE/DELETE, so a read-then-write (is this article stored
    # yet? then insert it) would run its read outside the transaction, and two writers
    # could both decide the article is new.
    dbapi_connection.isolation_level = None


# A connection with ``execution_options(sqlite_begin="IMMEDIATE")`` takes SQLite's write
# lock when its transaction begins, so the reads it makes before writing see the store as
# no other writer can change it until it commits: the store's writes (one article, a link
# batch, a migration) are serialised this way.
BEGIN_OPTION = "sqlite_begin"


def _sqlite_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {'IMMEDIATE' if mode == 'IMMEDIATE' else 'DEFERRED'}")


def redacted(url: str) -> str:
    """The URL without its password, for messages."""
    return normalise_url(url).render_as_string(hide_password=True)


# PostgreSQL advisory-lock keys (any 64-bit numbers, the same in every sayso): one writer of
# articles at a time, one migrator, one `sayso link`.
ARTICLES_LOCK = 0x5A7_5001
MIGRATION_LOCK = 0x5A7_5002
LINK_LOCK = 0x5A7_5003


@contextmanager
def writing(engine: Engine, lock: int | None = ARTICLES_LOCK) -> Iterator[Connection]:
    """A transaction that holds the store's write lock from its first statement: SQLite's
    (``BEGIN IMMEDIATE``), or a PostgreSQL transaction-level advisory lock ``lock`` (None:
    none, PostgreSQL's row locks are enough). What it
    reads before writing (is this text stored? which article is it a copy of?) cannot be
    changed by another writer before it commits, so the decision and the write are one step.
    """
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn = conn.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
        with conn.begin():
            if engine.dialect.name == "postgresql" and lock is not None:
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock})
            yield conn
