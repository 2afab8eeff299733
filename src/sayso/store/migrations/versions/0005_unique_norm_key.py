"""Exactly once with many writers (issue 21): the normalised-text hash becomes unique.

``articles.norm_key`` holds the article's normalised hash (``norm_hash``) under a unique
index, so the database itself refuses a second copy of the same words whoever writes it.
A store written by concurrent runs before this revision may already hold the same words
twice: the first copy keeps the key, and each later copy is kept (nothing stored is
deleted) but linked to it as a near-duplicate with similarity 1.0, so queries leave it out
as they leave out every near-duplicate.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_articles = sa.table(
    "articles",
    sa.column("id"),
    sa.column("norm_hash"),
    sa.column("norm_key"),
    sa.column("duplicate_of"),
    sa.column("similarity"),
    sa.column("ingested_at"),
)


def upgrade() -> None:
    op.add_column("articles", sa.Column("norm_key", sa.String(64)))
    conn = op.get_bind()
    _repair_duplicates(conn)
    conn.execute(
        _articles.update()
        .where(_articles.c.id.in_(sa.select(_first_ids().subquery().c.id)))
        .values(norm_key=_articles.c.norm_hash)
    )
    op.create_index("ux_articles_norm_key", "articles", ["norm_key"], unique=True)


def _first_ids() -> sa.Select:
    """The first article stored of each normalised hash."""
    order = (_articles.c.ingested_at, _articles.c.id)
    rank = sa.func.row_number().over(partition_by=_articles.c.norm_hash, order_by=order)
    ranked = sa.select(_articles.c.id, rank.label("rank")).subquery()
    return sa.select(ranked.c.id).where(ranked.c.rank == 1)


def _repair_duplicates(conn: sa.Connection) -> None:
    groups = conn.execute(
        sa.select(_articles.c.norm_hash).group_by(_articles.c.norm_hash).having(sa.func.count() > 1)
    ).scalars()
    for norm_hash in list(groups):
        rows = conn.execute(
            sa.select(_articles.c.id, _articles.c.duplicate_of)
            .where(_articles.c.norm_hash == norm_hash)
            .order_by(_articles.c.ingested_at, _articles.c.id)
        ).all()
        first = rows[0]
        root = first.duplicate_of or first.id
        later = [row.id for row in rows[1:]]
        conn.execute(
            _articles.update()
            .where(_articles.c.id.in_(later), _articles.c.duplicate_of.is_(None))
            .values(duplicate_of=root, similarity=1.0)
        )
        # Copies of a later copy now point at the first one's original.
        conn.execute(
            _articles.update()
            .where(_articles.c.duplicate_of.in_(later), _articles.c.id != root)
            .values(duplicate_of=root)
        )


def downgrade() -> None:
    op.drop_index("ux_articles_norm_key", "articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("norm_key")
