"""The store: analyses in a database (SQLite by default, PostgreSQL for teams).

``Store`` is the one API the CLI, the web app and the batch loader use::

    from sayso.store import open_store

    store = open_store("sqlite:///sayso.db")
    store.add(analysis)                       # one transaction; duplicates add nothing
    store.claims(speaker="Macron", text="troops", since="2024-01-01")
    store.sources(limit=10)
    store.article(article_id), store.provenance(article_id, "a3")
"""

from sayso.store.engine import DEFAULT_URL, make_engine, normalise_url
from sayso.store.explore import ArticleRow, EntityHit, EntityProfile
from sayso.store.queries import ArticleRecord, ClaimQuery, ClaimRow, SourceRow
from sayso.store.store import (
    Failure,
    SaveResult,
    SaveStatus,
    Store,
    StoreSummary,
    open_store,
)

__all__ = [
    "DEFAULT_URL",
    "ArticleRecord",
    "ArticleRow",
    "ClaimQuery",
    "ClaimRow",
    "EntityHit",
    "EntityProfile",
    "Failure",
    "SaveResult",
    "SaveStatus",
    "SourceRow",
    "Store",
    "StoreSummary",
    "make_engine",
    "normalise_url",
    "open_store",
]
