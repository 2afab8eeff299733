"""What every command that reads or writes the store shares: the ``--db`` option, a store
opener that turns a bad URL into a clear error and exit status 2, and the same for a store
that can no longer be written (a full disk)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console
from sqlalchemy.exc import SQLAlchemyError

from sayso.errors import SaysoError
from sayso.store import Store, open_store
from sayso.store.engine import redacted as redacted_url

DbOption = Annotated[
    str,
    typer.Option(
        "--db", envvar="SAYSO_DB", help="Store: a SQLAlchemy URL (sqlite:///…, postgresql://…)."
    ),
]
errors = Console(stderr=True, highlight=False, soft_wrap=True)

# Where a JSONL/CSV dataset keeps each part of an article: `sayso ingest` and `sayso batch`.
TextField = Annotated[str | None, typer.Option(help="Dataset field of the text.")]
TitleField = Annotated[str | None, typer.Option(help="Dataset field of the title.")]
DateField = Annotated[
    str | None, typer.Option(help="Dataset field of the date [default: published or date].")
]
UrlField = Annotated[str | None, typer.Option(help="Dataset field of the URL.")]
IdField = Annotated[str | None, typer.Option(help="Dataset field of a record id.")]
PublisherField = Annotated[str | None, typer.Option(help="Dataset field of the publisher.")]

# HTML pages: `sayso analyze`, `sayso ingest` and `sayso batch`.
MaxTagChars = Annotated[
    int,
    typer.Option(
        min=1,
        help="Longest HTML tag accepted, in characters; a page with a longer one is refused "
        "as hostile (scripts, styles, comments and CDATA are not tags).",
    ),
]
KeepNonArticles = Annotated[
    bool,
    typer.Option(
        "--keep-non-articles",
        help="Analyse pages that are not articles (recipes, products, listings) instead of "
        "skipping them.",
    ),
]


# The store the running command opened, for the one-line error of a store that fails later.
opened: list[str] = []


def open_store_or_exit(db: str) -> Store:
    try:
        store = open_store(db)
    except (SaysoError, SQLAlchemyError) as error:
        errors.print(store_problem("cannot open the store", db, error), markup=False)
        raise typer.Exit(code=2) from error
    opened.append(db)
    return store


def store_problem(what: str, db: str, error: Exception) -> str:
    """One line naming the store, the database's own words and what to do about them."""
    cause = _cause(error)
    return f"error: {what} {_safe_url(db)}: {cause}{advice(cause)}"


def advice(cause: str) -> str:
    """What to do, by what the database said."""
    said = cause.lower()
    if any(w in said for w in ("malformed", "not a database", "corrupt", "checksum")):
        return (
            "; the store is damaged: restore it from a backup (or recover what is left with "
            "`sqlite3 STORE .recover | sqlite3 NEW.db`) and ingest again into a new one"
        )
    if any(w in said for w in ("readonly", "read-only", "permission denied", "read only")):
        return (
            "; the store cannot be written (a read-only file, folder or disk): copy it "
            "somewhere writable or fix its permissions (`sayso serve` and the queries can "
            "still read it)"
        )
    if any(w in said for w in ("disk is full", "no space left", "could not extend", "quota")):
        return "; what was stored before is kept: free space and run the same command again"
    return (
        "; what was stored before is kept: fix the store (or its server) and run the same "
        "command again"
    )


def _safe_url(db: str) -> str:
    try:
        return redacted_url(db)
    except SaysoError:
        return db


def _cause(error: Exception) -> str:
    """The database's own words (``database or disk is full``), without SQLAlchemy's
    wrapping and link."""
    return str(getattr(error, "orig", None) or error).strip().splitlines()[0]


@contextmanager
def store_writes(db: str) -> Iterator[None]:
    """Turn a failed write (disk full, server gone) into a clear error and exit status 2.

    Each article is its own transaction, so what was committed before the failure stays:
    the message says so, since the fix is to free space and run the same command again.
    """
    try:
        yield
    except SQLAlchemyError as error:
        errors.print(store_problem("cannot write to the store", db, error), markup=False)
        raise typer.Exit(code=2) from error
