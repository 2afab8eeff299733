"""Read articles from files, folders and standard input."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sayso.analyze import ArticleInput
from sayso.clean import decode_bytes
from sayso.errors import InputError
from sayso.ingest.html import MAX_TAG_CHARS, article_from_html

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
DEFAULT_MAX_BYTES = 2 * 1024 * 1024


@dataclass(slots=True)
class ReadResult:
    """One input: the article read from it, or the error that stopped it."""

    name: str
    article: ArticleInput | None = None
    error: InputError | None = None


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files as given; folders as every .txt/.html file inside, sorted; ``-`` as is."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES:
                    yield str(child)
        else:
            yield raw


def read_inputs(
    paths: Iterable[str],
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_tag_chars: int = MAX_TAG_CHARS,
) -> Iterator[ReadResult]:
    """Read every input; a bad one yields its error and the others go on."""
    for name in expand_paths(paths):
        try:
            yield ReadResult(name=name, article=read_one(name, max_bytes, max_tag_chars))
        except InputError as error:
            yield ReadResult(name=name, error=error)


def read_one(
    name: str, max_bytes: int = DEFAULT_MAX_BYTES, max_tag_chars: int = MAX_TAG_CHARS
) -> ArticleInput:
    data = _read_bytes(name, max_bytes)
    if Path(name).suffix.lower() in HTML_SUFFIXES or _sniff_html(data):
        return article_from_html(data, name, max_tag_chars=max_tag_chars)
    return ArticleInput(text=decode_bytes(data, name), path=None if name == "-" else name)


def _read_bytes(name: str, max_bytes: int) -> bytes:
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(name)
        if not path.exists():
            raise InputError(name, "no such file")
        if not path.is_file():
            raise InputError(name, "not a regular file")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                name,
                f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:.1f} MB limit for one "
                "article (raise it with --max-bytes)",
            )
        try:
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except OSError as error:
            raise InputError(name, f"cannot read: {error.strerror or error}") from error
    if len(data) > max_bytes:
        raise InputError(name, f"over the {max_bytes / 1e6:.1f} MB limit for one article")
    return data


def _sniff_html(data: bytes) -> bool:
    head = data[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))
