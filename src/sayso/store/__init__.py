"""The store: analyses kept in a database (SQLite by default)."""

from sayso.store.store import DEFAULT_URL, Store, open_store

__all__ = ["DEFAULT_URL", "Store", "open_store"]
