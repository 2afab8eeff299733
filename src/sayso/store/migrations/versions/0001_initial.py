"""The first store schema: articles, removed pieces, entities, mentions, attributions with
full-text search, near-duplicate signatures and failures.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("norm_hash", sa.String(64), nullable=False, index=True),
        sa.Column("schema", sa.String(32), nullable=False),
        sa.Column("path", sa.Text),
        sa.Column("url", sa.Text, index=True),
        sa.Column("title", sa.Text),
        sa.Column("standfirst", sa.Text),
        sa.Column("publisher", sa.Text),
        sa.Column("byline", sa.Text),
        sa.Column("published", sa.String(64)),
        sa.Column("published_day", sa.Date, index=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("analysis", sa.Text, nullable=False),
        sa.Column("duplicate_of", sa.String(16), sa.ForeignKey("articles.id"), index=True),
        sa.Column("similarity", sa.Float),
        sa.Column("input", sa.Text),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "removed",
        sa.Column("article_id", sa.String(16), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_table(
        "entities",
        sa.Column("article_id", sa.String(16), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("name", sa.Text, nullable=False, index=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("roles", sa.Text, nullable=False),
    )
    op.create_table(
        "mentions",
        sa.Column("article_id", sa.String(16), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("entity_id", sa.String(16), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    )
    op.create_table(
        "attributions",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(16), sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("source_text", sa.Text),
        sa.Column("source_start", sa.Integer),
        sa.Column("source_end", sa.Integer),
        sa.Column("source_entity", sa.Text, index=True),
        sa.Column("source_entity_id", sa.String(16)),
        sa.Column("anonymous", sa.Boolean, nullable=False),
        sa.Column("grouped", sa.Boolean, nullable=False),
        sa.Column("cue", sa.Text),
        sa.Column("cue_lemma", sa.Text),
        sa.Column("cue_start", sa.Integer),
        sa.Column("cue_end", sa.Integer),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("content_start", sa.Integer, nullable=False),
        sa.Column("content_end", sa.Integer, nullable=False),
        sa.Column("content_spans", sa.Text, nullable=False),
        sa.Column("nested_in", sa.String(16)),
        sa.Column("channel", sa.Text),
        sa.Column("when_text", sa.Text),
        sa.UniqueConstraint("article_id", "id", name="uq_attributions_article_id"),
    )
    op.create_table(
        "minhashes",
        sa.Column("article_id", sa.String(16), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("signature", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "minhash_bands",
        sa.Column("band", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(32), primary_key=True),
        sa.Column("article_id", sa.String(16), sa.ForeignKey("articles.id"), primary_key=True),
    )
    op.create_table(
        "failures",
        sa.Column("item", sa.Text, primary_key=True),
        sa.Column("input", sa.Text, nullable=False),
        sa.Column("error", sa.Text, nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
    )
    _create_full_text_search()


def _create_full_text_search() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # An external-content FTS5 index over attributions.content, kept in step by triggers.
        op.execute(
            "CREATE VIRTUAL TABLE attributions_fts USING fts5("
            "content, content='attributions', content_rowid='pk', "
            "tokenize='porter unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER attributions_fts_insert AFTER INSERT ON attributions BEGIN "
            "INSERT INTO attributions_fts(rowid, content) VALUES (new.pk, new.content); END"
        )
        op.execute(
            "CREATE TRIGGER attributions_fts_delete AFTER DELETE ON attributions BEGIN "
            "INSERT INTO attributions_fts(attributions_fts, rowid, content) "
            "VALUES ('delete', old.pk, old.content); END"
        )
    elif dialect == "postgresql":
        op.execute(
            "ALTER TABLE attributions ADD COLUMN content_tsv tsvector "
            "GENERATED ALWAYS AS (to_tsvector('english', content)) STORED"
        )
        op.execute(
            "CREATE INDEX ix_attributions_content_tsv ON attributions USING gin (content_tsv)"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS attributions_fts_delete")
        op.execute("DROP TRIGGER IF EXISTS attributions_fts_insert")
        op.execute("DROP TABLE IF EXISTS attributions_fts")
    for table in (
        "failures",
        "minhash_bands",
        "minhashes",
        "attributions",
        "mentions",
        "entities",
        "removed",
        "articles",
    ):
        op.drop_table(table)
