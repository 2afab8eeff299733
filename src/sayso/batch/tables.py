"""The batch output: five Parquet tables, their schema declared here once for both engines.

Every row carries ``source_index`` (which input on the command line) and ``ordinal`` (which
item within it), so that both engines sort their rows the same way and ``sayso load``
writes articles in the order ``sayso ingest`` would have. Rows hold no timestamps or run
ids: the same input gives the same tables, whichever engine ran.

``articles.analysis`` is the whole analysis in its JSON form (what the store writes from);
the other tables flatten what a query over millions of articles wants without parsing it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

ORDER = ("source_index", "ordinal")
_ITEM = [
    pa.field("source_index", pa.int32(), nullable=False),
    pa.field("ordinal", pa.int64(), nullable=False),
]
_SEQ = [pa.field("seq", pa.int32(), nullable=False)]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            *_ITEM,
            pa.field("input", pa.string()),
            pa.field("key", pa.string()),
            pa.field("id", pa.string()),
            pa.field("url", pa.string()),
            pa.field("title", pa.string()),
            pa.field("publisher", pa.string()),
            pa.field("published", pa.string()),
            pa.field("words", pa.int64()),
            pa.field("analysis", pa.string()),
        ]
    ),
    "attributions": pa.schema(
        [
            *_ITEM,
            *_SEQ,
            pa.field("article_id", pa.string()),
            pa.field("id", pa.string()),
            pa.field("kind", pa.string()),
            pa.field("source", pa.string()),
            pa.field("speaker", pa.string()),
            pa.field("cue", pa.string()),
            pa.field("content", pa.string()),
            pa.field("nested_in", pa.string()),
        ]
    ),
    "entities": pa.schema(
        [
            *_ITEM,
            *_SEQ,
            pa.field("article_id", pa.string()),
            pa.field("id", pa.string()),
            pa.field("name", pa.string()),
            pa.field("type", pa.string()),
            pa.field("canonical", pa.string()),
            pa.field("country", pa.string()),
            pa.field("mentions", pa.int64()),
        ]
    ),
    "events": pa.schema(
        [
            *_ITEM,
            *_SEQ,
            pa.field("article_id", pa.string()),
            pa.field("id", pa.string()),
            pa.field("type", pa.string()),
            pa.field("predicate", pa.string()),
            pa.field("trigger", pa.string()),
            pa.field("modality", pa.string()),
            pa.field("attribution", pa.string()),
        ]
    ),
    "failures": pa.schema(
        [
            *_ITEM,
            pa.field("input", pa.string()),
            pa.field("key", pa.string()),
            pa.field("error", pa.string()),
        ]
    ),
}
TABLES = tuple(SCHEMAS)


def sort_keys(table: str) -> list[str]:
    """The columns a table is sorted by: item order, then order within the article."""
    return [*ORDER, "seq"] if "seq" in SCHEMAS[table].names else list(ORDER)


@dataclass(slots=True)
class Record:
    """One item's result: its analysis (JSON form) or the error that stopped it."""

    source_index: int
    ordinal: int
    input: str
    key: str
    analysis: dict[str, Any] | None = None
    error: str | None = None


Rows = dict[str, list[dict[str, Any]]]


def record_rows(record: Record) -> Rows:
    """The rows one record adds to each table."""
    item = {"source_index": record.source_index, "ordinal": record.ordinal}
    rows: Rows = {name: [] for name in TABLES}
    data = record.analysis
    if data is None:
        rows["failures"].append(
            {**item, "input": record.input, "key": record.key, "error": record.error}
        )
        return rows
    article = data["article"]
    rows["articles"].append(
        {
            **item,
            "input": record.input,
            "key": record.key,
            **{
                name: article.get(name) for name in ("id", "url", "title", "publisher", "published")
            },
            "words": len(article["text"].split()),
            "analysis": json.dumps(data, ensure_ascii=False),
        }
    )
    owner = {**item, "article_id": article["id"]}
    for seq, a in enumerate(data["attributions"]):
        rows["attributions"].append({**owner, "seq": seq, **_attribution(a)})
    for seq, e in enumerate(data["entities"]):
        rows["entities"].append({**owner, "seq": seq, **_entity(e)})
    for seq, e in enumerate(data["events"]):
        rows["events"].append({**owner, "seq": seq, **_event(e)})
    return rows


def _attribution(a: dict[str, Any]) -> dict[str, Any]:
    source, cue = a.get("source") or {}, a.get("cue") or {}
    return {
        "id": a["id"],
        "kind": a["kind"],
        "source": source.get("text"),
        "speaker": source.get("entity"),
        "cue": cue.get("text"),
        "content": a["content"]["text"],
        "nested_in": a.get("nested_in"),
    }


def _entity(e: dict[str, Any]) -> dict[str, Any]:
    fields = ("id", "name", "type", "canonical", "country")
    return {**{name: e.get(name) for name in fields}, "mentions": len(e.get("mentions", []))}


def _event(e: dict[str, Any]) -> dict[str, Any]:
    return {
        **{name: e.get(name) for name in ("id", "type", "predicate", "modality", "attribution")},
        "trigger": e["trigger"]["text"],
    }
