"""The same event across articles: the PLOVER events of the store, linked by the event linker
measured on ECB+ (``sayso.graph.eventlink``).

Only events that could be the same happening are compared: the same PLOVER act (the
event's ``action``, before PLOVER's conventions re-type a planned act as AGREE: "is
preparing to send aircraft" and "would send planes" are both AID),
articles published within ``WINDOW_DAYS`` of each other, and participants that do not
clash (when both name actor or recipient countries, they share one). Among those, the pair
model decides, from the predicate, the words around the trigger and the two articles' words.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.engine import Connection

from sayso.graph.embed import Embedder, from_blob, to_blob
from sayso.graph.eventlink import WINDOW, EventMention, OnlineLinker, PairModel, content_words
from sayso.graph.persist import LIVE, GraphTables, PendingArticle, now
from sayso.model import Event
from sayso.serial import load_analysis
from sayso.store.schema import articles

WINDOW_DAYS = 14
SHORTLIST = 64  # linked events of the same act compared in full with each new one
_TOKEN = re.compile(r"\S+")


@dataclass(slots=True)
class EventRecord:
    """One event of an article, ready to link."""

    article_id: str
    event_id: str
    type: str
    action: str  # the act itself: events are compared only with events of the same act
    predicate: str
    trigger: str
    codes: frozenset[str]
    day: date | None
    window: str
    mention: EventMention | None = None
    cluster: int | None = None


def _window(text: str, start: int, end: int) -> str:
    """``WINDOW`` words each side of the trigger, as in the ECB+ evaluation."""
    return " ".join([*_words_before(text, start), text[start:end], *_words_after(text, end)])


# Characters read each side of a trigger first: its words are found without splitting the
# whole article for each event (2.3 s of CPU for Wikinews' 3,377 events, issue 20).
_REACH = 400


def _words_before(text: str, start: int) -> list[str]:
    words = _TOKEN.findall(text[max(0, start - _REACH) : start])
    if len(words) <= WINDOW and start > _REACH:  # the slice may have cut its first word
        words = _TOKEN.findall(text[:start])
    return words[-WINDOW:]


def _words_after(text: str, end: int) -> list[str]:
    words = _TOKEN.findall(text[end : end + _REACH])
    if len(words) <= WINDOW and end + _REACH < len(text):  # and its last one
        words = _TOKEN.findall(text[end:])
    return words[:WINDOW]


def _codes(event: Event) -> frozenset[str]:
    return frozenset(p.code for p in [*event.actors, *event.recipients] if p.code)


def event_records(article: PendingArticle) -> list[EventRecord]:
    """The events of a stored article, read back as the typed model."""
    analysis = load_analysis(article.data)
    text = analysis.article.text
    records = []
    for event in analysis.events:
        if not event.type:
            continue
        trigger = event.trigger
        records.append(
            EventRecord(
                article_id=article.id,
                event_id=event.id,
                type=event.type[:32],
                action=(event.action or event.type)[:32],
                predicate=(event.predicate or trigger.text).lower(),
                trigger=trigger.text,
                codes=_codes(event),
                day=article.day,
                window=_window(text, trigger.start, trigger.end),
            )
        )
    return records


def compatible(a: EventRecord, b: EventRecord) -> bool:
    if a.day and b.day and abs((a.day - b.day).days) > WINDOW_DAYS:
        return False
    return not (a.codes and b.codes and not a.codes & b.codes)


class _Matrix:
    """Rows appended one at a time into a buffer that doubles: no copy of the whole per row."""

    def __init__(self, dimensions: int) -> None:
        self._rows = np.zeros((64, dimensions), dtype=np.float32)
        self.size = 0

    def append(self, row: np.ndarray) -> None:
        if self.size == len(self._rows):
            self._rows = np.vstack([self._rows, np.zeros_like(self._rows)])
        self._rows[self.size] = row
        self.size += 1

    @property
    def rows(self) -> np.ndarray:
        return self._rows[: self.size]


@dataclass(slots=True)
class _Kind:
    """The linked events of one PLOVER act, with their vectors stacked for a fast first cut."""

    records: list[EventRecord]
    lemmas: _Matrix
    windows: _Matrix

    def add(self, record: EventRecord) -> None:
        assert record.mention is not None
        self.records.append(record)
        self.lemmas.append(record.mention.lemma_vector)
        self.windows.append(record.mention.window)


class EventPool:
    """The store's linked events, loaded per PLOVER act on first need, and the new ones.

    ``days``: the first and last day of the articles being linked; only the stored events
    that could be compatible with theirs are loaded (within ``WINDOW_DAYS``, or undated),
    so that linking a day's news reads a month of events, not the store's years."""

    def __init__(
        self,
        conn: Connection,
        dimensions: int,
        tables: GraphTables = LIVE,
        days: tuple[date, date] | None = None,
    ) -> None:
        self.conn = conn
        self.dimensions = dimensions
        self.tables = tables
        self.days = days
        self.kinds: dict[str, _Kind] = {}
        self.words: dict[str, frozenset[str]] = {}

    def article_words(self, article_id: str, text: str | None = None) -> frozenset[str]:
        if article_id not in self.words:
            if text is None:
                text = self.conn.execute(
                    select(articles.c.text).where(articles.c.id == article_id)
                ).scalar_one()
            self.words[article_id] = content_words(text)
        return self.words[article_id]

    def of_type(self, kind: str) -> _Kind:
        if kind not in self.kinds:
            found = _Kind([], _Matrix(self.dimensions), _Matrix(self.dimensions))
            events = self.tables.events
            statement = select(events).where(events.c.action == kind)
            if self.days is not None:
                window = timedelta(days=WINDOW_DAYS)
                first, last = self.days[0] - window, self.days[1] + window
                statement = statement.where(
                    events.c.day.is_(None) | events.c.day.between(first, last)
                )
            for row in self.conn.execute(statement.order_by(events.c.linked_at)):
                found.add(self._record(row))
            self.kinds[kind] = found
        return self.kinds[kind]

    def nearest(self, record: EventRecord) -> list[EventRecord]:
        """The ``SHORTLIST`` linked events of its act most like it, that it may join."""
        kind = self.of_type(record.action)
        if not kind.records:
            return []
        assert record.mention is not None
        closeness = (
            kind.lemmas.rows @ record.mention.lemma_vector
            + kind.windows.rows @ record.mention.window
        )
        if len(closeness) > SHORTLIST:
            top = np.argpartition(-closeness, SHORTLIST)[:SHORTLIST]
        else:
            top = np.arange(len(closeness))
        return [kind.records[i] for i in sorted(top) if compatible(record, kind.records[i])]

    def _record(self, row: Any) -> EventRecord:
        record = EventRecord(
            article_id=row.article_id,
            event_id=row.event_id,
            type=row.type,
            action=row.action,
            predicate=row.predicate,
            trigger=row.trigger,
            codes=frozenset(json.loads(row.codes)),
            day=row.day,
            window="",
            cluster=row.cluster_id,
        )
        record.mention = EventMention(
            key=(row.article_id, row.event_id),
            doc=row.article_id,
            lemma=row.predicate,
            lemma_vector=from_blob(row.lemma_vector),
            window=from_blob(row.window_vector),
            words=self.article_words(row.article_id),
        )
        return record


def link_events(
    conn: Connection,
    pool: EventPool,
    batch: list[tuple[PendingArticle, list[EventRecord]]],
    embedder: Embedder,
    model: PairModel,
) -> tuple[int, int]:
    """Link the events of ``batch``; how many events, and how many new clusters."""
    records = [r for _, found in batch for r in found]
    if not records:
        return 0, 0
    for article, _ in batch:
        pool.article_words(article.id, (article.data.get("article") or {}).get("text") or "")
    lemmas = embedder.encode([r.predicate for r in records])
    windows = embedder.encode([r.window for r in records])
    created = 0
    rows: list[dict[str, Any]] = []
    for record, lemma, window in zip(records, lemmas, windows, strict=True):
        record.mention = EventMention(
            key=(record.article_id, record.event_id),
            doc=record.article_id,
            lemma=record.predicate,
            lemma_vector=lemma,
            window=window,
            words=pool.article_words(record.article_id),
        )
        probability = _place(record, pool.nearest(record), model)
        if record.cluster is None:
            record.cluster = _new_cluster(conn, record, pool.tables)
            created += 1
        rows.append(_row(record, probability))
        pool.of_type(record.action).add(record)
    # Written together: the pool reads an act's stored events only before it holds any of
    # them, so it never needs these rows from the store.
    conn.execute(pool.tables.events.insert(), rows)
    return len(records), created


def _place(record: EventRecord, candidates: list[EventRecord], model: PairModel) -> float | None:
    """Set ``record.cluster`` to the cluster it joins (None: a new one); its probability.

    Average link over the shortlisted members of each cluster: in a large cluster, the
    members most like the new event stand for it."""
    if not candidates:
        return None
    linker = OnlineLinker(model)
    local = {c: i for i, c in enumerate(sorted({o.cluster for o in candidates if o.cluster}))}
    for other in candidates:
        if other.cluster is not None and other.mention is not None:
            linker.seed(other.mention, local[other.cluster])
    assert record.mention is not None
    index, probability = linker.best(record.mention)
    if index is not None:
        record.cluster = {i: c for c, i in local.items()}[index]
    return probability if index is not None else None


def _new_cluster(conn: Connection, record: EventRecord, tables: GraphTables) -> int:
    label = f"{record.type} “{record.trigger}”"
    result = conn.execute(
        tables.event_clusters.insert().values(type=record.type, label=label, created_at=now())
    )
    key = result.inserted_primary_key
    assert key is not None  # an INSERT of one row
    return int(key[0])


def _row(record: EventRecord, probability: float | None) -> dict[str, Any]:
    assert record.mention is not None
    return {
        "article_id": record.article_id,
        "event_id": record.event_id,
        "cluster_id": record.cluster,
        "type": record.type,
        "action": record.action,
        "predicate": record.predicate,
        "trigger": record.trigger,
        "codes": json.dumps(sorted(record.codes)),
        "day": record.day,
        "lemma_vector": to_blob(np.asarray(record.mention.lemma_vector)),
        "window_vector": to_blob(np.asarray(record.mention.window)),
        "probability": probability,
        "linked_at": now(),
    }
