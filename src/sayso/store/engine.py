"""Database URLs and engines: SQLite by default, PostgreSQL for teams."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine, make_url

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


def make_engine(url: str) -> Engine:
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


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


def redacted(url: str) -> str:
    """The URL without its password, for messages."""
    return normalise_url(url).render_as_string(hide_password=True)
