"""A minimal store of articles and attributions over SQLAlchemy.

Each article is written in its own transaction and keyed by its content hash, so saving
the same article twice changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    func,
    select,
)
from sqlalchemy.engine import Engine

from sayso.model import Analysis, analysis_from_dict

DEFAULT_URL = "sqlite:///sayso.db"

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("path", Text),
    Column("url", Text),
    Column("title", Text),
    Column("publisher", Text),
    Column("published", String(32)),
    Column("text", Text, nullable=False),
    Column("analysis", Text, nullable=False),
)

attributions = Table(
    "attributions",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
    Column("id", String(16), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("source_text", Text),
    Column("source_entity", Text),
    Column("anonymous", Boolean, nullable=False, default=False),
    Column("grouped", Boolean, nullable=False, default=False),
    Column("cue", Text),
    Column("content", Text, nullable=False),
    Column("nested_in", String(16)),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
)


@dataclass(slots=True)
class StoreSummary:
    articles: int
    attributions: int
    speakers: int
    top_speakers: list[tuple[str, int]]


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        metadata.create_all(engine)

    def has(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            found = conn.execute(select(articles.c.id).where(articles.c.id == article_id))
            return found.first() is not None

    def save(self, analysis: Analysis) -> bool:
        """Store one analysis; returns False when the article was already there."""
        article = analysis.article
        with self.engine.begin() as conn:
            exists = conn.execute(select(articles.c.id).where(articles.c.id == article.id))
            if exists.first() is not None:
                return False
            conn.execute(
                articles.insert().values(
                    id=article.id,
                    path=article.path,
                    url=article.url,
                    title=article.title,
                    publisher=article.publisher,
                    published=article.published,
                    text=article.text,
                    analysis=json.dumps(analysis.to_dict(), ensure_ascii=False),
                )
            )
            rows = [
                {
                    "article_id": article.id,
                    "id": a.id,
                    "kind": str(a.kind),
                    "source_text": a.source.text if a.source else None,
                    "source_entity": a.source.entity if a.source else None,
                    "anonymous": bool(a.source and a.source.anonymous),
                    "grouped": bool(a.source and a.source.group),
                    "cue": a.cue.text if a.cue else None,
                    "content": a.content.text,
                    "nested_in": a.nested_in,
                    "content_start": a.content.start,
                    "content_end": a.content.end,
                }
                for a in analysis.attributions
            ]
            if rows:
                conn.execute(attributions.insert(), rows)
        return True

    def load(self, article_id: str) -> Analysis | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(articles.c.analysis).where(articles.c.id == article_id)
            ).first()
        return analysis_from_dict(json.loads(row[0])) if row else None

    def summary(self, top: int = 5) -> StoreSummary:
        with self.engine.connect() as conn:
            n_articles = conn.execute(select(func.count()).select_from(articles)).scalar_one()
            n_attributions = conn.execute(
                select(func.count()).select_from(attributions)
            ).scalar_one()
            speaker_count = func.count().label("n")
            rows = conn.execute(
                select(attributions.c.source_entity, speaker_count)
                .where(attributions.c.source_entity.is_not(None))
                .group_by(attributions.c.source_entity)
                .order_by(speaker_count.desc(), attributions.c.source_entity)
            ).all()
        return StoreSummary(
            articles=n_articles,
            attributions=n_attributions,
            speakers=len(rows),
            top_speakers=[(name, n) for name, n in rows[:top]],
        )


def open_store(url: str = DEFAULT_URL) -> Store:
    return Store(create_engine(url))
