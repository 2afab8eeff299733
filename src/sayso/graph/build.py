"""``sayso link``: bring the claim graph up to date with the store.

Incremental: only articles the graph has not read yet (``graph_articles``) are read, in the
order they were ingested; each new telling is placed among the tellings already clustered
(a store under ``EXACT_UP_TO`` tellings is read whole and searched exactly; a larger one is
read by key, only the tellings sharing a block or an LSH band with the new ones: issue 20),
and each new event among the linked events of its act and weeks. ``sayso ingest`` runs this after
every run, so ``sayso trace`` sees what was just ingested. Articles are linked in batches,
one transaction each: a run stopped half-way leaves whole batches, and the next run goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from spacy.language import Language
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from sayso.errors import SaysoError
from sayso.graph import persist
from sayso.graph.cluster import EXACT_UP_TO, ClaimClusterer, Placed, event_types
from sayso.graph.containment import MIN_SHARED_CLAIMS, is_copy
from sayso.graph.embed import Embedder, Remembered, default_embedder
from sayso.graph.eventlink import PairModel, default_model
from sayso.graph.events import EventPool, event_records, link_events
from sayso.graph.persist import LIVE, GraphTables
from sayso.graph.tellings import ClaimFacts, claim_facts
from sayso.model import Entity, Statement
from sayso.serial import load_many
from sayso.store import Store
from sayso.store.engine import LINK_LOCK, writing
from sayso.store.locks import command_lock
from sayso.store.rekey import rekey_entities

BATCH = 64  # articles per transaction (and per call of the embedding model)
# A headline, standfirst or lead joins the nearest claim of its own article from this cosine
# ("Minimum wage to rise" and "Kenya will raise the minimum wage by eight percent": 0.6).
OWN_ARTICLE_COSINE = 0.55


@dataclass(slots=True)
class LinkReport:
    articles: int = 0
    tellings: int = 0
    joined: int = 0  # tellings that joined an existing cluster
    clusters: int = 0  # clusters created
    events: int = 0
    event_clusters: int = 0
    rekeyed: int = 0  # stored entities whose canonical key --rebuild made again
    copies: int = 0  # articles found to be trimmed or edited copies (containment)
    seconds: float = 0.0
    # CPU seconds (all threads) of each step: "seed" (the placed tellings read back),
    # "titles", "embed", "candidates", "decide", "events", "writes", "containment".
    cpu: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        started = time.process_time()
        try:
            yield
        finally:
            self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - started

    def summary(self) -> str:
        return (
            f"linked {self.articles} articles: {self.tellings} tellings ({self.joined} joined "
            f"a claim told elsewhere, {self.clusters} new claims), {self.events} events "
            f"({self.event_clusters} new)"
            + (f"; {self.rekeyed} entities re-keyed" if self.rekeyed else "")
            + f"; {self.seconds:.1f} s"
        )


Progress = Callable[[LinkReport, int], None]


# How long a `sayso link` waits for another one on the same store before it gives up.
DEFAULT_WAIT = 3600.0


def link_store(
    store: Store,
    *,
    embedder: Embedder | None = None,
    model: PairModel | None = None,
    rebuild: bool = False,
    on_progress: Progress | None = None,
    wait: float = DEFAULT_WAIT,
    nlp: Language | None = None,
) -> LinkReport:
    """Link every article not linked yet; ``rebuild`` links all again into new tables and
    swaps them in (readers see the old graph until then, never an empty one). ``nlp``
    parses headlines and standfirsts (the shared pipeline by default).

    One link at a time per store: another one running makes this one wait (at most
    ``wait`` seconds, then :class:`~sayso.store.locks.LockTimeout`), then link whatever is
    still pending, the articles the other run did not see included."""
    with command_lock(store.engine, LINK_LOCK, "link", wait=wait):
        return _link(store, embedder, model, rebuild, on_progress, nlp)


def _link(
    store: Store,
    embedder: Embedder | None,
    model: PairModel | None,
    rebuild: bool,
    on_progress: Progress | None,
    nlp: Language | None = None,
) -> LinkReport:
    started = time.monotonic()
    report = LinkReport()
    tables = LIVE
    if rebuild:
        # Keys made by an older sayso are made again first, so the graph reads today's.
        report.rekeyed = rekey_entities(store.engine)
        with writing(store.engine, None) as conn:
            tables = persist.start_rebuild(conn)
    while True:  # articles ingested meanwhile are pending too: link them before the swap
        with store.engine.connect() as conn:
            pending = persist.pending_ids(conn, tables)
        if not pending:
            break
        with report.step("seed"), writing(store.engine, None) as conn:
            persist.backfill(conn, tables)  # a graph linked before migration 0008
            placed = persist.next_seq(conn, tables) - 1
            days = persist.days_of(conn, pending)
        if not isinstance(embedder, Remembered):
            embedder = Remembered(embedder or default_embedder())
        expected = placed + 4 * len(pending)
        source = None if expected < EXACT_UP_TO else persist.StoredClaims(tables, placed == 0)
        clusterer = ClaimClusterer(embedder.dimensions, expected, source)
        clusterer.cpu = report.cpu
        if source is None:  # a small store: every telling held, the search exact
            with report.step("seed"), store.engine.connect() as conn:
                for stored in persist.placed_tellings(conn, tables):
                    clusterer.add_many(stored)
        run = _Run(clusterer, embedder, model or default_model(), report, nlp, tables)
        run.seq, run.days = placed + 1, days
        for start in range(0, len(pending), BATCH):
            ids = pending[start : start + BATCH]
            try:
                with writing(store.engine, None) as conn:
                    run.batch(conn, ids)
            except IntegrityError as error:
                raise SaysoError(
                    "another `sayso link` is writing the same articles; run one at a time"
                ) from error
            report.seconds = time.monotonic() - started
            if on_progress is not None:
                on_progress(report, len(pending))
        if not rebuild:
            break
    if rebuild:
        with writing(store.engine, None) as conn:
            persist.swap_in(conn, tables)
    report.seconds = time.monotonic() - started
    return report


class _Run:
    def __init__(
        self,
        clusterer: ClaimClusterer,
        embedder: Embedder,
        model: PairModel,
        report: LinkReport,
        nlp: Language | None,
        tables: GraphTables = LIVE,
    ) -> None:
        self.tables = tables
        self.clusterer = clusterer
        self.embedder = embedder
        self.model = model
        self.report = report
        self.pool: EventPool | None = None
        self.nlp = nlp
        self.seq = 1  # the next telling's place in the order
        self.days: tuple[date, date] | None = None  # of the articles this run links

    def batch(self, conn: Connection, ids: list[str]) -> None:
        if isinstance(self.clusterer.source, persist.StoredClaims):
            self.clusterer.source.conn = conn  # reads see this batch's writes
        with self.report.step("writes"):
            found = persist.load_articles(conn, ids)
        with self.report.step("titles"):
            titles = self._titles(found)
        facts = [
            (article, claim_facts(article.data, article_titles))
            for article, article_titles in zip(found, titles, strict=True)
        ]
        texts = [f.text for _, article_facts in facts for f in article_facts if f.role == "telling"]
        with self.report.step("embed"):
            vectors = iter(self.embedder.encode(texts))
        copies: dict[str, tuple[str, float]] = {}
        for article, article_facts in facts:
            rows: list[dict] = []
            keys: list[dict] = []
            own: list[tuple[np.ndarray, int, int]] = []  # this article's: vector, cluster, polarity
            for item in article_facts:
                vector = next(vectors) if item.role == "telling" else None
                rows.append(self._place(conn, article, item, vector, own))
                if rows[-1]["seq"] is not None:
                    assert vector is not None
                    keys += persist.claim_keys(rows[-1]["seq"], frozenset(item.keys), vector)
            with self.report.step("writes"):
                persist.write_claims(conn, rows, self.tables)
                persist.write_keys(conn, keys, self.tables)
            with self.report.step("containment"):
                copy = self._copy_of(conn, article, rows)
            if copy is not None:
                copies[article.id] = copy
                self.report.copies += 1
        # The event pool reads through this batch's connection, so it sees its own writes.
        if self.pool is None:
            self.pool = EventPool(conn, self.embedder.dimensions, self.tables, self.days)
        self.pool.conn = conn
        with self.report.step("events"):
            events, created = link_events(
                conn,
                self.pool,
                [(article, event_records(article)) for article in found],
                self.embedder,
                self.model,
            )
        with self.report.step("writes"):
            persist.save_centroids(conn, self.clusterer.take_touched(), self.tables)
            persist.mark_read(conn, [article.id for article in found], copies, self.tables)
        self.report.articles += len(found)
        self.report.events += events
        self.report.event_clusters += created

    def _titles(self, found: list[persist.PendingArticle]) -> list[list[Statement]]:
        """The headline and standfirst of each article, read as statements in its own voice."""
        from sayso.nlp.meaning.voice import title_statements

        wanted: list[tuple[int, str, str]] = []
        for i, article in enumerate(found):
            meta = article.data.get("article") or {}
            for kind in ("headline", "standfirst"):
                text = meta.get("title" if kind == "headline" else "standfirst")
                if isinstance(text, str) and text.strip():
                    wanted.append((i, kind, text.strip()[:500]))
        result: list[list[Statement]] = [[] for _ in found]
        if not wanted:
            return result
        if self.nlp is None:
            from sayso.nlp.pipeline import shared_pipeline

            self.nlp = shared_pipeline()
        entities = [load_many(Entity, found[i].data.get("entities") or []) for i, _, _ in wanted]
        statements = title_statements(self.nlp, [(k, t) for _, k, t in wanted], entities)
        for (i, _, _), statement in zip(wanted, statements, strict=True):
            if statement is not None:
                result[i].append(statement)
        return result

    def _place(
        self,
        conn: Connection,
        article: persist.PendingArticle,
        item: ClaimFacts,
        vector: np.ndarray | None,
        own: list[tuple[np.ndarray, int, int]],
    ) -> dict:
        if vector is None:
            return persist.claim_row(article.id, item, cluster=None, vector=None, score=None)
        telling = Placed(
            -1,
            frozenset(item.entities),
            event_types(item.events),
            frozenset(item.keys),
            article.published,
            item.statement in ("headline", "standfirst"),
        )
        score: float | None
        cluster, score = self.clusterer.place(vector, telling)
        if cluster is None and item.kind == "own_voice" and own:
            # A headline or lead sums up its own article: it joins the claim of that
            # article it is nearest to, when near enough, though its words are few, and
            # when the two agree ("Lenz drops out" does not join "Lenz failed to finish":
            # an antonym, not a contradiction, that polarity cannot tell).
            same = [(float(v @ vector), c) for v, c, p in own if p == item.polarity]
            cosine, mine = max(same, key=lambda x: x[0], default=(0.0, -1))
            if cosine >= OWN_ARTICLE_COSINE:
                cluster, score = mine, cosine
        self.report.tellings += 1
        if cluster is None:
            with self.report.step("writes"):
                cluster, score = persist.new_cluster(conn, item.text, self.tables), None
            self.report.clusters += 1
        else:
            self.report.joined += 1
        seq = self.clusterer.add(
            vector,
            Placed(
                cluster, telling.entities, telling.types, telling.keys, telling.day, telling.loose
            ),
            self.seq,
        )
        self.seq += 1
        if item.kind != "own_voice":
            own.append((vector, cluster, item.polarity))
        return persist.claim_row(
            article.id, item, cluster=cluster, vector=vector, score=score, seq=seq
        )

    def _copy_of(
        self, conn: Connection, article: persist.PendingArticle, rows: list[dict]
    ) -> tuple[str, float] | None:
        """The article this one is a trimmed or edited copy of: among those sharing
        ``MIN_SHARED_CLAIMS`` claim clusters with it, the one containing the most of it."""
        if article.duplicate_of:
            return None  # the store linked it already
        clusters = {r["cluster_id"] for r in rows if r["cluster_id"] is not None}
        if len(clusters) < MIN_SHARED_CLAIMS:
            return None
        best: tuple[str, float] | None = None
        for _other, text, root in persist.sharing_articles(
            conn, article.id, clusters, MIN_SHARED_CLAIMS, self.tables
        ):
            copy, value = is_copy(article.text, text)
            if copy and (best is None or value > best[1]):
                best = (root, value)
        return best
