"""Dataset dumps: JSON Lines and CSV, with configurable field names."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sayso.analyze import ArticleInput
from sayso.errors import InputError
from sayso.ingest.items import (
    DEFAULT_MAX_BYTES,
    GZIP_ERRORS,
    Item,
    binary_lines,
    open_binary,
    text_lines,
    unexpected,
)

DATE_FIELDS = ("published", "date")


@dataclass(frozen=True, slots=True)
class Fields:
    """Which field of a record holds what. A field named explicitly must exist."""

    text: str = "text"
    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None
    id: str | None = None
    explicit: frozenset[str] = field(default=frozenset())

    @classmethod
    def named(cls, **names: str | None) -> Fields:
        """Fields from user options: None means the default name, looked up if present."""
        given = {k: v for k, v in names.items() if v}
        return cls(**given, explicit=frozenset(given.values()))

    def lookup(self, record: Mapping[str, Any], role: str) -> Any:
        name = getattr(self, role)
        if name is not None:
            return record.get(name)
        defaults = DATE_FIELDS if role == "date" else (role,)
        return next((record[k] for k in defaults if record.get(k) not in (None, "")), None)

    def missing(self, columns: list[str]) -> list[str]:
        return sorted(name for name in {self.text, *self.explicit} if name not in columns)


def read_jsonl(path: str, fields: Fields, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """One article per line; a bad line is that line's error, the others go on."""
    try:
        with open_binary(path) as handle:
            for number, raw in binary_lines(handle, max_bytes):
                key = f"{path}:{number}"
                if raw is not None and not raw.strip():
                    continue
                try:
                    record = _json_record(raw, key, max_bytes)
                    item = Item(path, key, _article(record, fields, key, f"{path}#"))
                except Exception as error:  # RecursionError, MemoryError too: one line's
                    item = Item.failed(path, unexpected(key, error), key)
                yield item
    except InputError as error:
        yield Item.failed(path, error)
    except GZIP_ERRORS as error:
        yield Item.failed(path, InputError(path, f"truncated or corrupt gzip data: {error}"))


def read_csv(path: str, fields: Fields, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """One article per row, the first row naming the columns."""
    csv.field_size_limit(min(sys.maxsize, max(max_bytes * 2, 131072)))
    try:
        with open_binary(path) as handle:
            text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
            reader = csv.DictReader(text_lines(text, max_bytes, path))
            columns = list(reader.fieldnames or [])
            missing = fields.missing(columns)
            if missing:
                raise InputError(path, _missing_message(missing, columns))
            for row in reader:
                key = f"{path}:{reader.line_num}"
                try:
                    item = Item(path, key, _article(row, fields, key, f"{path}#"))
                except Exception as error:
                    item = Item.failed(path, unexpected(key, error), key)
                yield item
    except InputError as error:
        yield Item.failed(path, error)
    except UnicodeDecodeError as error:
        yield Item.failed(path, InputError(path, f"not UTF-8 text: {error.reason}"))
    except csv.Error as error:
        yield Item.failed(path, InputError(path, f"malformed CSV: {error}"))
    except GZIP_ERRORS as error:
        yield Item.failed(path, InputError(path, f"truncated or corrupt gzip data: {error}"))


def _missing_message(missing: list[str], columns: list[str]) -> str:
    names = ", ".join(repr(m) for m in missing)
    have = ", ".join(repr(c) for c in columns[:20]) or "none"
    return f"no column {names} (columns: {have}); name the right one with --text-field etc."


def _json_record(raw: bytes | None, key: str, max_bytes: int) -> dict[str, Any]:
    if raw is None or len(raw) > max_bytes:
        raise InputError(key, f"over the {max_bytes / 1e6:.1f} MB limit for one article")
    try:
        record = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise InputError(key, f"not valid JSON: {error}") from error
    if not isinstance(record, dict):
        raise InputError(key, "a JSON line must be an object")
    return record


def _article(record: Mapping[str, Any], fields: Fields, key: str, prefix: str) -> ArticleInput:
    text = record.get(fields.text)
    if not isinstance(text, str) or not text.strip():
        raise InputError(key, f"no article text in field {fields.text!r}")
    ident = fields.lookup(record, "id")
    return ArticleInput(
        text=text,
        path=f"{prefix}{ident}" if ident not in (None, "") else key,
        url=_string(fields.lookup(record, "url")),
        title=_string(fields.lookup(record, "title")),
        published=_string(fields.lookup(record, "date")),
        publisher=_string(fields.lookup(record, "publisher")),
    )


def _string(value: Any) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None
