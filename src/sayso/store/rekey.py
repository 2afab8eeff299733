"""Give stored entities the canonical keys the current linker gives.

Keys are computed when an article is analysed and kept in its analysis JSON and its
``entities`` rows; ingest never analyses a stored article again. When the way keys are made
changes (sayso 0.1 after issue 15: keys in any script, suffixes and particles, a surname
tagged ORG made its person), ``sayso link --rebuild`` calls :func:`rekey_entities` first, so
that the claim graph it rebuilds reads the new keys. Only entities the linker keys from
their own name are touched (people, organisations and groups it keyed itself); places and
the gazetteer's groups keep theirs. Idempotent: a second run changes nothing.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from sayso.canon.entities import canonicalise_entities
from sayso.model import Entity
from sayso.serial import load_many, record
from sayso.store.schema import articles, entities

BATCH = 200  # articles per transaction
_FIELDS = ("type", "canonical", "country", "affiliations")


def rekey_entities(engine: Engine) -> int:
    """Re-key every stored article's entities in place; the number of entities changed."""
    with engine.connect() as conn:
        ids = [row[0] for row in conn.execute(select(articles.c.id).order_by(articles.c.id))]
    changed = 0
    for start in range(0, len(ids), BATCH):
        with engine.begin() as conn:
            rows = conn.execute(
                select(articles.c.id, articles.c.analysis).where(
                    articles.c.id.in_(ids[start : start + BATCH])
                )
            ).all()
            for article_id, analysis in rows:
                data = json.loads(analysis)
                updates = _rekey(data.get("entities") or [])
                if not updates:
                    continue
                changed += len(updates)
                conn.execute(
                    update(articles)
                    .where(articles.c.id == article_id)
                    .values(analysis=json.dumps(data, ensure_ascii=False))
                )
                for entity in updates:
                    conn.execute(
                        update(entities)
                        .where(entities.c.article_id == article_id, entities.c.id == entity["id"])
                        .values(type=entity["type"], canonical=entity.get("canonical"))
                    )
    return changed


def _rekey(stored: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Re-link one article's entity dicts in place; the dicts that changed."""
    models = load_many(Entity, stored)
    for model in models:
        if model.type == "GROUP" and model.canonical and model.canonical.startswith("group:"):
            continue  # the gazetteer's groups ("group:NATO-members") and slugs alike stay
        if model.type in {"PERSON", "ORG"}:
            model.canonical = None
    canonicalise_entities(models)
    changed = []
    for entity, model in zip(stored, models, strict=True):
        fresh = record(model)
        if any(entity.get(name) != fresh[name] for name in _FIELDS):
            for name in _FIELDS:
                entity[name] = fresh[name]
            changed.append(entity)
    return changed
