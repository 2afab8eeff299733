"""Bring a database to the newest schema with the Alembic migrations in this package.

The migrations ship inside the wheel (``sayso/store/migrations``), so an installed sayso
upgrades its database without a checkout or an ``alembic.ini``.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy.engine import Engine

from sayso.errors import SaysoError
from sayso.store.engine import MIGRATION_LOCK, writing

SCRIPT_LOCATION = "sayso.store:migrations"


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.set_main_option(
        "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
    )
    return config


def head_revision(engine: Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Apply every migration the database lacks; refuse a database newer than this sayso."""
    config = alembic_config(engine)
    script = ScriptDirectory.from_config(config)
    current = current_revision(engine)
    if current == script.get_current_head():
        return
    if current is not None and not _known(script, current):
        raise SaysoError(
            f"the database is at schema revision {current!r}, which this sayso does not "
            "know: it was written by a newer sayso; upgrade sayso"
        )
    # One transaction (a kill half-way leaves the schema as it was: on SQLite the engine
    # begins it explicitly, see sayso.store.engine) under the migration lock, so that two
    # commands opening a new store at once take turns: the second finds the schema made
    # (Alembic reads the revision again inside the lock) instead of colliding with the
    # first (PostgreSQL: duplicate key … "pg_type_typname_nsp_index").
    with writing(engine, MIGRATION_LOCK) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def check_current(engine: Engine) -> None:
    """For a store opened read-only: its schema must be this sayso's, since it cannot be
    migrated."""
    script = ScriptDirectory.from_config(alembic_config(engine))
    current, head = current_revision(engine), script.get_current_head()
    if current != head:
        raise SaysoError(
            f"the store is read-only and its schema is at revision {current!r}, not this "
            f"sayso's {head!r}: open it once where it can be written (to migrate it)"
        )


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False
