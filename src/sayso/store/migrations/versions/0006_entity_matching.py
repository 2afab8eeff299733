"""Speaker and entity filters by entity, not by substring (``sayso.store.matching``): each
entity's folded name and, for people, its key without the given name, both indexed; an
index on the attributions by speaker entity, so that an entity's claims are found from its
rows in ``entities`` instead of by scanning every attribution; and a covering index of what
lists of claims need of their articles. Existing entities are filled in from their name,
type and canonical key.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sayso.store.matching import entity_match_columns

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_entities = sa.table(
    "entities",
    sa.column("article_id"),
    sa.column("id"),
    sa.column("name"),
    sa.column("type"),
    sa.column("canonical"),
    sa.column("name_key"),
    sa.column("surname_key"),
)
BATCH = 2000


def upgrade() -> None:
    op.add_column("entities", sa.Column("name_key", sa.Text))
    op.add_column("entities", sa.Column("surname_key", sa.Text))
    _backfill(op.get_bind())
    # Each rule of the match read from one index alone, the rows' keys included: a
    # speaker with 16,000 claims is found in 20 ms instead of 60 (``matching.terms``).
    op.create_index(
        "ix_entities_name_key", "entities", ["name_key", "canonical", "article_id", "id"]
    )
    op.create_index("ix_entities_surname_key", "entities", ["surname_key", "article_id", "id"])
    op.drop_index("ix_entities_canonical", "entities")
    op.create_index("ix_entities_canonical_rows", "entities", ["canonical", "article_id", "id"])
    op.create_index("ix_attributions_source", "attributions", ["article_id", "source_entity_id"])
    # Speakers counted (the claims list's facet) from the index alone.
    op.drop_index("ix_attributions_source_entity", "attributions")
    op.create_index(
        "ix_attributions_source_entity", "attributions", ["source_entity", "article_id"]
    )
    # The claims holding a mention: by article and content span, from the index.
    op.create_index("ix_mentions_span", "mentions", ["article_id", "entity_id", "start", "end"])
    op.create_index(
        "ix_attributions_content", "attributions", ["article_id", "content_start", "content_end"]
    )
    # What a list of claims needs of each article, readable from the index alone: SQLite
    # stores these columns after the text and the analysis JSON, and reading them from
    # the row walks the overflow pages of both (a count of 16,000 claims: 125 ms).
    op.create_index(
        "ix_articles_listing", "articles", ["id", "duplicate_of", "published_day", "publisher"]
    )


def _backfill(conn: sa.Connection) -> None:
    """Fill the new columns of the stored entities, in batches by primary key."""
    last = ("", "")
    while True:
        batch = conn.execute(
            sa.select(
                _entities.c.article_id,
                _entities.c.id,
                _entities.c.name,
                _entities.c.type,
                _entities.c.canonical,
            )
            .where(
                sa.tuple_(_entities.c.article_id, _entities.c.id)
                > sa.tuple_(*map(sa.literal, last))
            )
            .order_by(_entities.c.article_id, _entities.c.id)
            .limit(BATCH)
        ).all()
        if not batch:
            return
        conn.execute(
            _entities.update()
            .where(
                _entities.c.article_id == sa.bindparam("b_article"),
                _entities.c.id == sa.bindparam("b_id"),
            )
            .values(name_key=sa.bindparam("b_name"), surname_key=sa.bindparam("b_surname")),
            [
                {
                    "b_article": row.article_id,
                    "b_id": row.id,
                    "b_name": columns["name_key"],
                    "b_surname": columns["surname_key"],
                }
                for row in batch
                for columns in [entity_match_columns(row._asdict())]
            ],
        )
        last = (batch[-1].article_id, batch[-1].id)


def downgrade() -> None:
    op.drop_index("ix_articles_listing", "articles")
    op.drop_index("ix_attributions_content", "attributions")
    op.drop_index("ix_attributions_source_entity", "attributions")
    op.create_index("ix_attributions_source_entity", "attributions", ["source_entity"])
    op.drop_index("ix_mentions_span", "mentions")
    op.drop_index("ix_attributions_source", "attributions")
    op.drop_index("ix_entities_canonical_rows", "entities")
    op.create_index("ix_entities_canonical", "entities", ["canonical"])
    op.drop_index("ix_entities_surname_key", "entities")
    op.drop_index("ix_entities_name_key", "entities")
    with op.batch_alter_table("entities") as batch:
        batch.drop_column("surname_key")
        batch.drop_column("name_key")
