"""Many writers on one store (issue 21): concurrent ingests over overlapping inputs give
exactly the store of one run, on SQLite and PostgreSQL; concurrent first runs on an empty
database take turns instead of colliding."""

from __future__ import annotations

import pytest

from fuzz import concurrency


@pytest.fixture
def single_run_url(store_url, tmp_path):
    """A second empty store on the same backend, for the single run."""
    from fuzz.crash import fresh_store

    with fresh_store("sqlite" if store_url.startswith("sqlite") else store_url, tmp_path) as url:
        yield url


@pytest.mark.parametrize("writers", [2, 4])
def test_concurrent_ingests_of_the_same_items_give_the_single_run_store(
    store_url, single_run_url, writers
):
    items = concurrency.corpus(6, seed=writers)
    concurrency.run_writers(single_run_url, [items])
    expected = concurrency.store_rows(single_run_url)
    assert len(expected["articles"]) == 12  # each story and its wire copy, once

    outcome = concurrency.run_writers(store_url, [items] * writers, slow=0.003)
    assert outcome.errors == []
    concurrency.check(store_url, items, outcome)
    assert (outcome.duplicated, outcome.lost, outcome.originals_twice) == (0, 0, 0)
    assert concurrency.store_rows(store_url) == expected


def test_concurrent_ingests_in_different_orders_store_each_text_once(store_url):
    items = concurrency.corpus(6, seed=7)
    runs = [concurrency.rotated(items, shift) for shift in range(4)]
    outcome = concurrency.run_writers(store_url, runs, slow=0.003)
    assert outcome.errors == []
    concurrency.check(store_url, items, outcome)
    assert outcome.articles == 12
    assert (outcome.duplicated, outcome.lost, outcome.originals_twice) == (0, 0, 0)


def test_concurrent_first_runs_on_an_empty_database_take_turns(store_url):
    assert concurrency.first_runs(store_url, 4) == ["ok"] * 4
    from sayso.store import open_store
    from sayso.store.migrate import current_revision, head_revision

    with open_store(store_url) as store:
        assert current_revision(store.engine) == head_revision(store.engine)


def test_the_database_refuses_a_second_copy_of_the_same_words(store_url):
    """The unique key holds even for a writer that skips the check (an older sayso)."""
    from sqlalchemy.exc import IntegrityError

    from sayso.store import open_store
    from sayso.store.neardup import content_hash, normalised_hash

    with open_store(store_url) as store:
        first = concurrency.story(1, 5)
        store.add(first)
        copy = concurrency.story(1, 5, variant="spacing")
        with store.engine.begin() as conn, pytest.raises(IntegrityError):
            store._insert(
                conn,
                copy,
                {
                    "content_hash": content_hash(copy["article"]["text"]),
                    "norm_hash": normalised_hash(copy["article"]["text"]),
                    "norm_key": normalised_hash(copy["article"]["text"]),
                },
                None,
            )
        assert store.add(copy).status == "duplicate"


def test_a_store_with_copies_stored_twice_is_repaired_by_the_migration(store_url):
    """Copies that concurrent runs stored twice before migration 0005 are kept, linked to
    the first copy as near-duplicates, so the unique key can be made."""
    from alembic import command
    from sqlalchemy import insert

    from sayso.store import open_store
    from sayso.store.engine import make_engine
    from sayso.store.migrate import alembic_config
    from sayso.store.neardup import content_hash, normalised_hash
    from sayso.store.rows import article_row
    from sayso.store.schema import articles

    engine = make_engine(store_url)
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
    copies = [concurrency.story(3, 9), concurrency.story(3, 9, variant="spacing")]
    with engine.begin() as conn:
        for data in copies:
            text_ = data["article"]["text"]
            row = article_row(
                data, content_hash=content_hash(text_), norm_hash=normalised_hash(text_)
            )
            row.pop("norm_key", None)
            conn.execute(insert(articles).values(row))
    engine.dispose()
    first, second = (data["article"]["id"] for data in copies)
    with open_store(store_url) as store:
        assert store.article_ids() == sorted([first, second])
        assert store.article(second).duplicate_of == first
        assert store.article(first).duplicate_of is None
        assert store.add(concurrency.story(3, 9, variant="spacing")).status == "duplicate"
