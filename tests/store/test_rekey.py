"""Stored entities get the keys the current linker gives (``sayso link --rebuild``)."""

from __future__ import annotations

from sqlalchemy import select

from sayso.model import Entity, EntityType
from sayso.store import open_store
from sayso.store.rekey import rekey_entities
from sayso.store.schema import entities

from .helpers import make_analysis


def _old_store(url):
    """A store written by a sayso whose keys were empty for Cyrillic and mangled accents."""
    store = open_store(url)
    analysis = make_analysis(
        [
            ("Владимир Путин", "said", "the talks had failed"),
            ("Donald Trump", "said", "the deal was bad"),
        ]
    )
    putin, trump = analysis.entities[:2]
    putin.canonical, trump.canonical = "person::", "person:trump:donald"
    analysis.entities.append(
        Entity(id="e9", name="Trump", type=EntityType.ORG, canonical="org:trump", mentions=[(0, 1)])
    )
    analysis.entities.append(
        Entity(
            id="e10", name="Société Générale", type=EntityType.ORG, canonical="org:soci-t-g-n-rale"
        )
    )
    store.add(analysis)
    return store, analysis.article.id


def test_rekey_updates_json_and_rows(store_url):
    store, article_id = _old_store(store_url)
    try:
        assert rekey_entities(store.engine) == 3
        stored = {e.name: e for e in store.load(article_id).entities}
        assert stored["Владимир Путин"].canonical == "person:putin:vladimir"
        assert stored["Trump"].canonical == "person:trump:donald"
        assert stored["Trump"].type == "PERSON"
        assert stored["Société Générale"].canonical == "org:societe-generale"
        with store.engine.connect() as conn:
            rows = dict(conn.execute(select(entities.c.name, entities.c.canonical)).all())
        assert rows["Владимир Путин"] == "person:putin:vladimir"
        assert rows["Société Générale"] == "org:societe-generale"
        assert rekey_entities(store.engine) == 0  # idempotent
    finally:
        store.close()
