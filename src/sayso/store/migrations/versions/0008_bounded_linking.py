"""Bounded, incremental linking (issue 20): each placed telling's order (``seq``), its rows
under each blocking key (``graph_claim_keys``: the keys of ``sayso.graph.blocking``, LSH
bands of its vector included) and each cluster's vector sum (``centroid``), so that linking
new articles reads only the tellings that share a key with theirs. Graphs linked before are
filled in by the next ``sayso link`` (``sayso.graph.persist.backfill``), which needs the
graph's own code (the LSH planes), not the migration's.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("graph_claims", sa.Column("seq", sa.Integer))
    op.create_index("ix_graph_claims_seq", "graph_claims", ["seq"])
    op.add_column("graph_clusters", sa.Column("centroid", sa.LargeBinary))
    op.create_table(
        "graph_claim_keys",
        sa.Column("key", sa.String(255), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("graph_claim_keys")
    op.drop_index("ix_graph_claims_seq", "graph_claims")
    # ALTER TABLE … DROP COLUMN on both backends (SQLite 3.35+): a batch copy of
    # graph_clusters would drop a table graph_claims refers to, which SQLite refuses.
    op.execute(sa.text('ALTER TABLE graph_clusters DROP COLUMN "centroid"'))
    op.execute(sa.text('ALTER TABLE graph_claims DROP COLUMN "seq"'))
