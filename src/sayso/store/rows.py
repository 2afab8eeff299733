"""Rows of the normalised tables, read from an analysis in its JSON form (``sayso/N``).

Reading the dictionary rather than the model classes keeps the store working while the
model grows: fields it does not know are kept in ``articles.analysis`` and ignored here.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from sayso.store.matching import entity_match_columns


def article_row(data: dict[str, Any], **extra: Any) -> dict[str, Any]:
    article = data["article"]
    published = article.get("published")
    return {
        "id": article["id"],
        "schema": str(data.get("schema") or ""),
        "path": article.get("path"),
        "url": article.get("url"),
        "title": article.get("title"),
        "standfirst": article.get("standfirst"),
        "publisher": article.get("publisher"),
        "byline": article.get("byline"),
        "published": published,
        "published_day": parse_day(published),
        "text": article["text"],
        "analysis": json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        "ingested_at": datetime.now(UTC),
        **extra,
    }


def parse_day(value: Any) -> date | None:
    """The calendar day of an ISO 8601 date or timestamp, or None."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def removed_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    article_id = data["article"]["id"]
    return [
        {
            "article_id": article_id,
            "seq": seq,
            "kind": str(piece.get("kind")),
            "start": int(piece["start"]),
            "end": int(piece["end"]),
            "text": piece.get("text") or "",
        }
        for seq, piece in enumerate(data.get("removed") or [])
    ]


def entity_rows(data: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    article_id = data["article"]["id"]
    entities, mentions = [], []
    for entity in data.get("entities") or []:
        entities.append(
            {
                "article_id": article_id,
                "id": entity["id"],
                "name": entity.get("name") or "",
                "type": str(entity.get("type") or ""),
                "roles": json.dumps(list(entity.get("roles") or []), ensure_ascii=False),
                "canonical": entity.get("canonical") or None,
                **entity_match_columns(entity),
            }
        )
        for seq, (start, end) in enumerate(entity.get("mentions") or []):
            mentions.append(
                {
                    "article_id": article_id,
                    "entity_id": entity["id"],
                    "seq": seq,
                    "start": int(start),
                    "end": int(end),
                }
            )
    return entities, mentions


def attribution_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    article_id = data["article"]["id"]
    return [
        _attribution_row(article_id, seq, a) for seq, a in enumerate(data.get("attributions") or [])
    ]


def _attribution_row(article_id: str, seq: int, a: dict[str, Any]) -> dict[str, Any]:
    source = a.get("source") or {}
    cue = a.get("cue") or {}
    content = a.get("content") or {}
    spans = content.get("spans") or [[content.get("start", 0), content.get("end", 0)]]
    return {
        "article_id": article_id,
        "id": a["id"],
        "seq": seq,
        "kind": str(a.get("kind") or ""),
        "source_text": source.get("text"),
        "source_start": source.get("start"),
        "source_end": source.get("end"),
        "source_entity": source.get("entity"),
        "source_entity_id": source.get("entity_id"),
        "anonymous": bool(source.get("anonymous")),
        "grouped": bool(source.get("group")),
        "source_resolution": source_resolution(source)[0] if source else None,
        "source_confidence": source_resolution(source)[1] if source else None,
        "cue": cue.get("text"),
        "cue_lemma": cue.get("lemma"),
        "cue_start": cue.get("start"),
        "cue_end": cue.get("end"),
        "content": content.get("text") or "",
        "content_start": int(spans[0][0]),
        "content_end": int(spans[-1][1]),
        "content_spans": json.dumps([[int(s), int(e)] for s, e in spans]),
        "nested_in": a.get("nested_in"),
        "channel": (a.get("channel") or {}).get("text"),
        "when_text": (a.get("when") or {}).get("text"),
        "stance": meaning_value(a.get("stance")),
        "certainty": meaning_value(a.get("certainty")),
    }


def source_resolution(source: dict[str, Any]) -> tuple[str, float | None]:
    """How a stored source was resolved and how sure, from its JSON (any schema)."""
    from sayso.model import Source
    from sayso.serial import load

    parsed = load(Source, source)
    confidence = parsed.confidence if isinstance(parsed.confidence, int | float) else None
    return str(parsed.resolution), confidence


def meaning_value(record: Any) -> str | None:
    """The ``value`` of a stance or certainty record, when it is a short string."""
    value = record.get("value") if isinstance(record, dict) else None
    return value if isinstance(value, str) and len(value) <= 16 else None
