"""The tables of the store, as SQLAlchemy Core objects used by the queries.

The DDL itself lives in the Alembic migrations (``sayso/store/migrations``); this module
describes the same tables for building queries and must follow every migration.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String(16), primary_key=True),  # Article.id: sha256(text)[:16]
    Column("content_hash", String(64), nullable=False, unique=True),  # sha256 of the exact text
    Column("norm_hash", String(64), nullable=False, index=True),  # sha256 of normalised text
    # norm_hash under a unique index (migration 0005): the database refuses a second copy of
    # the same words; NULL only for copies stored twice before that migration.
    Column("norm_key", String(64), unique=True),
    Column("schema", String(32), nullable=False),
    Column("path", Text),
    Column("url", Text, index=True),
    Column("title", Text),
    Column("standfirst", Text),
    Column("publisher", Text),
    Column("byline", Text),
    Column("published", String(64)),
    Column("published_day", Date, index=True),
    Column("text", Text, nullable=False),
    Column("analysis", Text, nullable=False),  # the complete analysis JSON, every field kept
    Column("duplicate_of", String(16), ForeignKey("articles.id"), index=True),
    Column("similarity", Float),
    Column("input", Text),  # the input item it was read from (file, record, URL)
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    # Index ix_articles_listing (id, duplicate_of, published_day, publisher), migration 0006.
)

removed = Table(
    "removed",
    metadata,
    Column("article_id", String(16), ForeignKey("articles.id"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("article_id", String(16), ForeignKey("articles.id"), primary_key=True),
    Column("id", String(16), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("roles", Text, nullable=False),  # JSON list
    # Cross-article key (sayso/2), e.g. "country:FRA"; indexed with the row's keys (0004).
    Column("canonical", Text),
    # What speaker and entity filters match on (migration 0006, ``sayso.store.matching``):
    Column("name_key", Text),  # the name folded: case and spacing; indexed with canonical
    Column("surname_key", Text),  # a person's key without the given name; indexed (0004)
)

mentions = Table(
    "mentions",
    metadata,
    Column("article_id", String(16), ForeignKey("articles.id"), primary_key=True),
    Column("entity_id", String(16), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

attributions = Table(
    "attributions",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(16), ForeignKey("articles.id"), nullable=False),
    Column("id", String(16), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("source_text", Text),
    Column("source_start", Integer),
    Column("source_end", Integer),
    Column("source_entity", Text),
    Column("source_entity_id", String(16)),
    Column("anonymous", Boolean, nullable=False),
    Column("grouped", Boolean, nullable=False),
    # sayso/3: named | resolved | anonymous | group | unresolved, and the resolver's
    # confidence (None when unresolved)
    Column("source_resolution", String(16), index=True),
    Column("source_confidence", Float),
    Column("cue", Text),
    Column("cue_lemma", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("content", Text, nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("content_spans", Text, nullable=False),  # JSON [[start, end], ...]
    Column("nested_in", String(16)),
    Column("channel", Text),
    Column("when_text", Text),
    Column("stance", String(16), index=True),  # reporter stance (sayso/2): neutral, distancing…
    Column("certainty", String(16), index=True),  # content certainty (sayso/2): certain…negated
    # Index ix_attributions_source (article_id, source_entity_id), migration 0004: the
    # claims of one entity, found from its rows in ``entities``.
)

minhashes = Table(
    "minhashes",
    metadata,
    Column("article_id", String(16), ForeignKey("articles.id"), primary_key=True),
    Column("signature", LargeBinary, nullable=False),
)

minhash_bands = Table(
    "minhash_bands",
    metadata,
    Column("band", Integer, primary_key=True),
    Column("key", String(32), primary_key=True),
    Column("article_id", String(16), ForeignKey("articles.id"), primary_key=True),
)

failures = Table(
    "failures",
    metadata,
    Column("item", Text, primary_key=True),  # the input item: file, record or URL
    Column("input", Text, nullable=False),  # the input given on the command line
    Column("error", Text, nullable=False),
    Column("failed_at", DateTime(timezone=True), nullable=False),
)

# -- the claim graph (sayso.graph, migration 0003) ----------------------------------------

graph_articles = Table(
    "graph_articles",
    metadata,
    Column("article_id", String(16), ForeignKey("articles.id"), primary_key=True),
    Column("linked_at", DateTime(timezone=True), nullable=False),
    # migration 0007: the article this one is a trimmed or edited copy of (containment)
    Column("copy_of", String(16)),
    Column("containment", Float),
)

graph_clusters = Table(
    "graph_clusters",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("label", Text, nullable=False),  # the content of its first telling
    Column("created_at", DateTime(timezone=True), nullable=False),
    # migration 0008: the sum of its tellings' vectors (float32): its centroid, kept as
    # tellings join, so that linking never reads the whole cluster back
    Column("centroid", LargeBinary),
)

graph_claims = Table(
    "graph_claims",
    metadata,
    Column("article_id", String(16), ForeignKey("articles.id"), primary_key=True),
    Column("attribution_id", String(16), primary_key=True),
    Column("role", String(16), nullable=False),  # telling, carrier, attitude, empty
    Column("cluster_id", Integer, ForeignKey("graph_clusters.id"), index=True),
    Column("telling_id", String(16)),  # carriers and attitudes: the telling they stand for
    Column("vector", LargeBinary),  # content embedding, float16
    Column("polarity", Integer, nullable=False),  # 1 asserts, -1 denies
    Column("denial", Text),  # the words that make it a denial
    Column("origin_key", Text, index=True),
    Column("origin_name", Text),
    Column("origin_anonymous", Boolean, nullable=False),
    Column("depth", Integer, nullable=False),  # speakers between the publisher and the claim
    Column("chain", Text, nullable=False),  # JSON: the voices, outermost first
    Column("entities", Text, nullable=False),  # JSON: canonical keys named in the content
    Column("events", Text, nullable=False),  # JSON: event signatures it asserts
    Column("score", Float),  # agreement with the cluster when it joined (None: founder)
    Column("linked_at", DateTime(timezone=True), nullable=False),
    # migration 0007: attribution|own_voice, the proposition embedded, the blocking keys
    Column("kind", String(16)),
    Column("content", Text),
    Column("keys", Text),
    # migration 0008: the order tellings were placed in (1, 2, ...): "the latest" of a block
    Column("seq", Integer, index=True),
)

# migration 0008: every placed telling under each of its blocking keys (``sayso.graph.
# blocking``: subject/predicate, predicate/object, event, LSH bands of its vector), so that
# its candidates are read by key, never by a pass over the store
graph_claim_keys = Table(
    "graph_claim_keys",
    metadata,
    Column("key", String(255), primary_key=True),
    Column("seq", Integer, primary_key=True),  # graph_claims.seq
)

graph_event_clusters = Table(
    "graph_event_clusters",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("type", String(32), nullable=False),
    Column("label", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

graph_events = Table(
    "graph_events",
    metadata,
    Column("article_id", String(16), ForeignKey("articles.id"), primary_key=True),
    Column("event_id", String(16), primary_key=True),
    Column("cluster_id", Integer, ForeignKey("graph_event_clusters.id"), index=True),
    Column("type", String(32), nullable=False),
    Column("action", String(32), nullable=False, index=True),  # the act itself: what links
    Column("predicate", Text, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("codes", Text, nullable=False),  # JSON: actor and recipient codes
    Column("day", Date, index=True),  # the article's publication day (or ingest day)
    Column("lemma_vector", LargeBinary, nullable=False),
    Column("window_vector", LargeBinary, nullable=False),
    Column("probability", Float),  # mean probability with the cluster when it joined
    Column("linked_at", DateTime(timezone=True), nullable=False),
)
