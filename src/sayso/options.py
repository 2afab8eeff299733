"""What every command that reads or writes the store shares: the ``--db`` option and a
store opener that turns a bad URL into a clear error and exit status 2."""

from __future__ import annotations

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


def open_store_or_exit(db: str) -> Store:
    try:
        return open_store(db)
    except (SaysoError, SQLAlchemyError) as error:
        errors.print(f"error: cannot open the store {redacted_url(db)}: {error}", markup=False)
        raise typer.Exit(code=2) from error
