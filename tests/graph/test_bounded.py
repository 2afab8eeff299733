"""Bounded, incremental linking (issue 20): a large store is linked through keys, never
read whole; what it links is what the exact search links; linking article by article is
linking all at once; a graph linked before migration 0008 is filled in and goes on."""

from __future__ import annotations

import numpy as np
import pytest
from alembic import command
from sqlalchemy import func, select

from sayso.graph import build
from sayso.graph.blocking import BANDS, vector_keys
from sayso.graph.build import link_store
from sayso.graph.cluster import BLOCK_CANDIDATES, ClaimClusterer, Placed, Stored
from sayso.ingest.datasets import Fields
from sayso.ingest.run import ingest
from sayso.ingest.sources import ReadOptions
from sayso.store import open_store
from sayso.store.migrate import alembic_config, current_revision
from sayso.store.schema import graph_claim_keys, graph_claims, graph_clusters, graph_events

OPTIONS = ReadOptions(fields=Fields.named(id="id"))


def _graph(store) -> dict[str, object]:
    """The clusters and event clusters as sets of members, with each telling's score."""
    with store.engine.connect() as conn:
        claims = conn.execute(select(graph_claims)).all()
        events = conn.execute(select(graph_events)).all()
    groups: dict[int, set[str]] = {}
    for row in claims:
        if row.cluster_id is not None:
            groups.setdefault(row.cluster_id, set()).add(f"{row.article_id}/{row.attribution_id}")
    happenings: dict[int, set[str]] = {}
    for row in events:
        happenings.setdefault(row.cluster_id, set()).add(f"{row.article_id}/{row.event_id}")
    return {
        "clusters": sorted(sorted(g) for g in groups.values()),
        "events": sorted(sorted(g) for g in happenings.values()),
        "scores": sorted(
            (f"{r.article_id}/{r.attribution_id}", None if r.score is None else round(r.score, 3))
            for r in claims
        ),
    }


def _count(store, statement) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(statement).scalar_one())


@pytest.fixture
def exact_graph(tmp_path, stories, nlp, embedder):
    """The stories linked as before issue 20: a small store, searched exactly."""
    with open_store(f"sqlite:///{tmp_path / 'exact.db'}") as store:
        assert ingest([str(stories)], store, options=OPTIONS).new == 8
        report = link_store(store, embedder=embedder, nlp=nlp)
        assert report.clusters > 5 and report.joined > 5  # a graph worth comparing
        return _graph(store)


def test_bounded_linking_builds_the_graph_the_exact_search_builds(
    store_url, stories, nlp, embedder, exact_graph, monkeypatch
):
    monkeypatch.setattr(build, "EXACT_UP_TO", 0)  # every store is "large": read by key
    with open_store(store_url) as store:
        ingest([str(stories)], store, options=OPTIONS)
        link_store(store, embedder=embedder, nlp=nlp)
        assert _graph(store) == exact_graph
        placed = _count(store, select(func.count()).where(graph_claims.c.cluster_id.is_not(None)))
        seqs = _count(store, select(func.count(func.distinct(graph_claims.c.seq))))
        assert seqs == placed  # each placed telling has its own place in the order
        keys = _count(store, select(func.count()).select_from(graph_claim_keys))
        assert keys >= placed * BANDS  # under each LSH band, and under its blocks
        sums = _count(store, select(func.count()).where(graph_clusters.c.centroid.is_not(None)))
        assert sums == len(exact_graph["clusters"])  # type: ignore[arg-type]


def test_linking_article_by_article_is_linking_all_at_once(
    store_url, stories, nlp, embedder, exact_graph, monkeypatch, tmp_path
):
    monkeypatch.setattr(build, "EXACT_UP_TO", 0)
    with open_store(store_url) as store:
        for n, line in enumerate(stories.read_text(encoding="utf-8").splitlines()):
            one = tmp_path / f"story-{n}.jsonl"
            one.write_text(line + "\n", encoding="utf-8")
            ingest([str(one)], store, options=OPTIONS)
            assert link_store(store, embedder=embedder, nlp=nlp).articles == 1
        assert _graph(store) == exact_graph


def test_a_graph_linked_before_migration_0008_is_filled_in_and_goes_on(
    tmp_path, stories, nlp, embedder, exact_graph, monkeypatch
):
    lines = stories.read_text(encoding="utf-8").splitlines()
    first, last = tmp_path / "first.jsonl", tmp_path / "last.jsonl"
    first.write_text("\n".join(lines[:-3]) + "\n", encoding="utf-8")
    last.write_text("\n".join(lines[-3:]) + "\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with open_store(url) as store:
        ingest([str(first)], store, options=OPTIONS)
        link_store(store, embedder=embedder, nlp=nlp)
        config = alembic_config(store.engine)
        with store.engine.begin() as connection:  # the store as sayso before 0008 left it
            config.attributes["connection"] = connection
            command.downgrade(config, "0007")
        assert current_revision(store.engine) == "0007"
    with open_store(url) as store:  # migrated again: no order, keys or sums yet
        assert _count(store, select(func.count()).select_from(graph_claim_keys)) == 0
        monkeypatch.setattr(build, "EXACT_UP_TO", 0)
        ingest([str(last)], store, options=OPTIONS)
        link_store(store, embedder=embedder, nlp=nlp)
        assert _graph(store) == exact_graph
        missing = select(func.count()).where(
            graph_claims.c.cluster_id.is_not(None), graph_claims.c.seq.is_(None)
        )
        assert _count(store, missing) == 0


class _Source:
    """A store of ``size`` stored tellings, counting what a bounded clusterer reads."""

    def __init__(self, vectors: np.ndarray) -> None:
        self.vectors = vectors
        self.blocks: dict[str, list[int]] = {}
        for seq, vector in enumerate(vectors, 1):
            for key in vector_keys(vector):
                self.blocks.setdefault(key, []).append(seq)
        self.read = 0

    def latest(self, keys: list[str], limit: int) -> dict[str, list[int]]:
        return {k: self.blocks.get(k, [])[-limit:] for k in keys}

    def tellings(self, seqs: list[int]) -> list[Stored]:
        self.read += len(seqs)
        return [Stored(s, self.vectors[s - 1], Placed(s, frozenset(), frozenset())) for s in seqs]

    def sums(self, clusters: list[int]) -> dict[int, np.ndarray]:
        return {c: self.vectors[c - 1] for c in clusters}


def _unit(rng: np.random.Generator, n: int, dimensions: int = 384) -> np.ndarray:
    vectors = rng.standard_normal((n, dimensions)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@pytest.mark.parametrize("size", [2_000, 20_000])
def test_a_new_telling_reads_a_bounded_number_of_stored_tellings(size):
    rng = np.random.default_rng(20)
    stored = _unit(rng, size)
    source = _Source(stored)
    clusterer = ClaimClusterer(384, source=source)
    # A paraphrase of the telling stored 1,234th: cosine about 0.9 with it.
    near = stored[1233] + 0.5 * _unit(rng, 1)[0]
    near /= np.linalg.norm(near)
    assert float(near @ stored[1233]) > 0.85
    cluster, score = clusterer.place(near, Placed(-1, frozenset(), frozenset()))
    assert (cluster, round(score, 3)) == (1234, round(float(near @ stored[1233]), 3))
    assert source.read <= BANDS * BLOCK_CANDIDATES  # whatever the store's size


def test_lsh_keys_are_fixed_and_near_vectors_share_one():
    rng = np.random.default_rng(3)
    vectors = _unit(rng, 200)
    assert vector_keys(vectors[0]) == vector_keys(vectors[0].copy())
    assert len(vector_keys(vectors[0])) == BANDS
    noise = _unit(rng, 200)
    near = vectors + 0.45 * noise  # cosine about 0.9
    near /= np.linalg.norm(near, axis=1, keepdims=True)
    shared = [
        bool(set(vector_keys(a)) & set(vector_keys(b))) for a, b in zip(vectors, near, strict=True)
    ]
    assert sum(shared) >= 195
    far = [
        bool(set(vector_keys(a)) & set(vector_keys(b))) for a, b in zip(vectors, noise, strict=True)
    ]
    assert sum(far) <= 30  # unrelated vectors rarely meet
