from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
# The shared corpora the gates read: $SAYSO_DATA_DIR (scripts/test.sh sets it), else the
# folder CI checks out beside the repository. Tests whose data is not there skip.
os.environ.setdefault(
    "SAYSO_DATA_DIR", str(Path(__file__).resolve().parents[2] / "shared" / "data")
)


@pytest.fixture(scope="session")
def nlp():
    from sayso.nlp import shared_pipeline

    return shared_pipeline()


@pytest.fixture(scope="session")
def embedder():
    """The sentence-embedding model, loaded once for the whole session (about 5 s)."""
    from sayso.graph.embed import default_embedder

    return default_embedder()


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


# -- store backends ----------------------------------------------------------------------
# Store tests run against SQLite and PostgreSQL. scripts/test.sh starts a PostgreSQL server
# (scripts/services/postgres.sh) and exports SAYSO_TEST_PG_URL; without it the PostgreSQL
# cases skip, unless SAYSO_REQUIRE_POSTGRES=1 (set by scripts/test.sh), where they fail.

BACKENDS = ("sqlite", "postgresql")


def _postgres_server_url() -> str | None:
    import os

    url = os.environ.get("SAYSO_TEST_PG_URL")
    if not url:
        message = "no PostgreSQL server: SAYSO_TEST_PG_URL is not set (scripts/test.sh sets it)"
        if os.environ.get("SAYSO_REQUIRE_POSTGRES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return url


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    """A URL of an empty database: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    from fuzz.crash import fresh_store

    with fresh_store(_postgres_server_url(), tmp_path) as url:
        yield url
