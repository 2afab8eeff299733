"""How each source was resolved (sayso/3): ``named``, ``resolved``, ``anonymous``,
``group`` or ``unresolved``, and the resolver's confidence, so that lists can mark the
uncertain ones and filters can leave them out. Existing rows are filled in from the
analysis JSON kept in ``articles.analysis`` (a sayso/2 source gets the resolution its
flags imply and no confidence).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

from sayso.store.rows import source_resolution

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_articles = sa.table("articles", sa.column("id"), sa.column("analysis"))
_attributions = sa.table(
    "attributions",
    sa.column("article_id"),
    sa.column("id"),
    sa.column("source_resolution"),
    sa.column("source_confidence"),
)


def upgrade() -> None:
    op.add_column("attributions", sa.Column("source_resolution", sa.String(16)))
    op.add_column("attributions", sa.Column("source_confidence", sa.Float))
    op.create_index("ix_attributions_source_resolution", "attributions", ["source_resolution"])
    conn = op.get_bind()
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
            _fill(conn, article_id, json.loads(analysis))
        last = batch[-1][0]


def _fill(conn: sa.Connection, article_id: str, data: dict[str, Any]) -> None:
    for a in data.get("attributions") or []:
        source = a.get("source")
        if not source:
            continue
        resolution, confidence = source_resolution(source)
        conn.execute(
            _attributions.update()
            .where(_attributions.c.article_id == article_id, _attributions.c.id == a["id"])
            .values(source_resolution=resolution, source_confidence=confidence)
        )


def downgrade() -> None:
    op.drop_index("ix_attributions_source_resolution", "attributions")
    with op.batch_alter_table("attributions") as batch:
        batch.drop_column("source_confidence")
        batch.drop_column("source_resolution")
