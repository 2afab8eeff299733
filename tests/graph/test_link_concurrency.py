"""`sayso link` with others on the same store (issue 21): a second link waits for the first
and then links what is still pending; a rebuild fills new tables and swaps them in, so
readers never see the graph empty. SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import func, select

from graph.test_store_graph import FIRST, SECOND, THIRD
from sayso.graph.link import link_store
from sayso.graph.tracing import trace
from sayso.store import open_store
from sayso.store.engine import LINK_LOCK
from sayso.store.locks import LockTimeout, command_lock
from sayso.store.schema import graph_articles, graph_claims
from store.helpers import make_analysis


@pytest.fixture
def store(store_url):
    store = open_store(store_url)
    yield store
    store.close()


def _linked(store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(graph_articles)).scalar_one()


def test_a_second_link_waits_for_the_first_then_links_what_is_pending(store_url, embedder):
    with open_store(store_url) as store:
        for claims in (FIRST, SECOND, THIRD):
            store.add(make_analysis(claims))
        other = open_store(store_url)  # the other `sayso link`, holding the lock
        holder = command_lock(other.engine, LINK_LOCK, "link", wait=5)
        holder.__enter__()
        done: list[object] = []
        waiting = threading.Thread(
            target=lambda: done.append(link_store(store, embedder=embedder, wait=60))
        )
        waiting.start()
        time.sleep(1.5)
        assert waiting.is_alive() and _linked(store) == 0  # it waits, it does not fail
        holder.__exit__(None, None, None)
        other.close()
        waiting.join(60)
        assert not waiting.is_alive()
        assert done[0].articles == 3 and _linked(store) == 3


def test_a_link_that_waited_too_long_says_so_and_changes_nothing(store, embedder):
    store.add(make_analysis(FIRST))
    with (
        command_lock(store.engine, LINK_LOCK, "link", wait=5),
        pytest.raises(LockTimeout, match="another `sayso link` has been running"),
    ):
        link_store(store, embedder=embedder, wait=0.6)
    assert _linked(store) == 0


def test_a_rebuild_keeps_the_old_graph_readable_until_it_swaps_the_new_one_in(
    store, embedder, monkeypatch
):
    from sayso.graph import link

    for claims, day in ((FIRST, "2024-03-01"), (SECOND, "2024-03-02"), (THIRD, "2024-03-03")):
        store.add(make_analysis(claims, published=day))
    link_store(store, embedder=embedder)
    with store.engine.connect() as conn:
        claims_before = conn.execute(select(func.count()).select_from(graph_claims)).scalar_one()
    first_id = store.article_ids()[0]
    cluster_before = trace(store, first_id, "a1").cluster["size"]

    seen: list[tuple[int, int]] = []

    def reader(report, total):  # after each batch of the rebuild: what a reader sees
        with store.engine.connect() as conn:
            claims = conn.execute(select(func.count()).select_from(graph_claims)).scalar_one()
        seen.append((_linked(store), claims))

    monkeypatch.setattr(link, "BATCH", 1)
    report = link_store(store, embedder=embedder, rebuild=True, on_progress=reader)
    assert report.articles == 3
    assert seen == [(3, claims_before)] * 3  # the old graph, whole, all along
    assert _linked(store) == 3
    assert trace(store, first_id, "a1").cluster["size"] == cluster_before
    # and the next rebuild can make its tables again (names freed by the swap)
    assert link_store(store, embedder=embedder, rebuild=True).articles == 3
    assert trace(store, first_id, "a1").cluster["size"] == cluster_before
