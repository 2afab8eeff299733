"""Columns for the meaning layer (sayso/2) that the web app filters on: each attribution's
reporter stance and content certainty, and each entity's cross-article canonical key.
Existing rows are filled in from the analysis JSON kept in ``articles.analysis``.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

from sayso.store.rows import meaning_value

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_articles = sa.table("articles", sa.column("id"), sa.column("analysis"))
_attributions = sa.table(
    "attributions",
    sa.column("article_id"),
    sa.column("id"),
    sa.column("stance"),
    sa.column("certainty"),
)
_entities = sa.table("entities", sa.column("article_id"), sa.column("id"), sa.column("canonical"))


def upgrade() -> None:
    op.add_column("attributions", sa.Column("stance", sa.String(16)))
    op.add_column("attributions", sa.Column("certainty", sa.String(16)))
    op.add_column("entities", sa.Column("canonical", sa.Text))
    op.create_index("ix_attributions_stance", "attributions", ["stance"])
    op.create_index("ix_attributions_certainty", "attributions", ["certainty"])
    op.create_index("ix_entities_canonical", "entities", ["canonical"])
    _backfill(op.get_bind())


def _backfill(conn: sa.Connection) -> None:
    """Fill the new columns of stored articles from their analysis JSON."""
    last = ""
    while True:
        batch = conn.execute(
            sa.select(_articles.c.id, _articles.c.analysis)
            .where(_articles.c.id > last)
            .order_by(_articles.c.id)
            .limit(200)
        ).all()
        if not batch:
            return
        for article_id, analysis in batch:
            _fill_article(conn, article_id, json.loads(analysis))
        last = batch[-1][0]


def _fill_article(conn: sa.Connection, article_id: str, data: dict[str, Any]) -> None:
    for a in data.get("attributions") or []:
        stance, certainty = meaning_value(a.get("stance")), meaning_value(a.get("certainty"))
        if stance or certainty:
            conn.execute(
                _attributions.update()
                .where(_attributions.c.article_id == article_id, _attributions.c.id == a["id"])
                .values(stance=stance, certainty=certainty)
            )
    for entity in data.get("entities") or []:
        if entity.get("canonical"):
            conn.execute(
                _entities.update()
                .where(_entities.c.article_id == article_id, _entities.c.id == entity["id"])
                .values(canonical=entity["canonical"])
            )


def downgrade() -> None:
    op.drop_index("ix_entities_canonical", "entities")
    op.drop_index("ix_attributions_certainty", "attributions")
    op.drop_index("ix_attributions_stance", "attributions")
    with op.batch_alter_table("entities") as batch:
        batch.drop_column("canonical")
    with op.batch_alter_table("attributions") as batch:
        batch.drop_column("certainty")
        batch.drop_column("stance")
