"""The claim graph joins tellings by what they say (issue 16): each telling's kind
(``attribution`` or ``own_voice``: the publisher's headline, lead or event sentence), the
proposition text it was embedded from, and the blocking keys it is joined by (subject and
predicate, predicate and object, event signature); each linked article's wire original
found by containment of shingles (``copy_of``) and that containment. Existing graphs are
re-linked by ``sayso link --rebuild``; until then their rows read as attributions.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("graph_claims", sa.Column("kind", sa.String(16)))
    op.add_column("graph_claims", sa.Column("content", sa.Text))
    op.add_column("graph_claims", sa.Column("keys", sa.Text))
    op.add_column("graph_articles", sa.Column("copy_of", sa.String(16)))
    op.add_column("graph_articles", sa.Column("containment", sa.Float))


def downgrade() -> None:
    with op.batch_alter_table("graph_articles") as batch:
        batch.drop_column("containment")
        batch.drop_column("copy_of")
    with op.batch_alter_table("graph_claims") as batch:
        batch.drop_column("keys")
        batch.drop_column("content")
        batch.drop_column("kind")
