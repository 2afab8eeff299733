"""The claim graph (issue 6): claim clusters across articles, each attribution's place in
them (its role, content embedding, polarity, original speaker and chain), and linked events.

The tables start empty: ``sayso link`` (run by ``sayso ingest``) fills them for every
stored article not yet in ``graph_articles``, old ones included.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _stamp() -> sa.Column:
    return sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False)


def upgrade() -> None:
    op.create_table(
        "graph_articles",  # articles the graph has read: the rest are pending
        sa.Column("article_id", sa.String(16), sa.ForeignKey("articles.id"), primary_key=True),
        _stamp(),
    )
    op.create_table(
        "graph_clusters",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "graph_claims",
        sa.Column("article_id", sa.String(16), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("attribution_id", sa.String(16), primary_key=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("cluster_id", sa.Integer, sa.ForeignKey("graph_clusters.id"), index=True),
        sa.Column("telling_id", sa.String(16)),
        sa.Column("vector", sa.LargeBinary),
        sa.Column("polarity", sa.Integer, nullable=False),
        sa.Column("denial", sa.Text),
        sa.Column("origin_key", sa.Text, index=True),
        sa.Column("origin_name", sa.Text),
        sa.Column("origin_anonymous", sa.Boolean, nullable=False),
        sa.Column("depth", sa.Integer, nullable=False),
        sa.Column("chain", sa.Text, nullable=False),
        sa.Column("entities", sa.Text, nullable=False),
        sa.Column("events", sa.Text, nullable=False),
        sa.Column("score", sa.Float),
        _stamp(),
    )
    op.create_table(
        "graph_event_clusters",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "graph_events",
        sa.Column("article_id", sa.String(16), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("event_id", sa.String(16), primary_key=True),
        sa.Column("cluster_id", sa.Integer, sa.ForeignKey("graph_event_clusters.id"), index=True),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("action", sa.String(32), nullable=False, index=True),
        sa.Column("predicate", sa.Text, nullable=False),
        sa.Column("trigger", sa.Text, nullable=False),
        sa.Column("codes", sa.Text, nullable=False),
        sa.Column("day", sa.Date, index=True),
        sa.Column("lemma_vector", sa.LargeBinary, nullable=False),
        sa.Column("window_vector", sa.LargeBinary, nullable=False),
        sa.Column("probability", sa.Float),
        _stamp(),
    )


def downgrade() -> None:
    for table in (
        "graph_events",
        "graph_event_clusters",
        "graph_claims",
        "graph_clusters",
        "graph_articles",
    ):
        op.drop_table(table)
