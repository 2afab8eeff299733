"""Alembic migrations of the store, shipped inside the package (see ``sayso.store.migrate``)."""
