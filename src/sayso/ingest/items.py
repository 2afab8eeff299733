"""What every reader yields: one article read from an input, or the error that stopped it."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TextIO

from sayso.analyze import ArticleInput
from sayso.errors import InputError
from sayso.model import WarningKind

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
# What a truncated or corrupt gzip stream raises while it is read.
GZIP_ERRORS: tuple[type[BaseException], ...] = (EOFError, zlib.error, gzip.BadGzipFile)


@dataclass(slots=True)
class Item:
    """One article from an input.

    ``input`` is the input as given (file, folder entry, URL); ``key`` names this item within
    it (``data.jsonl:12``, ``crawl.warc.gz@4711``, a feed item's URL) and is what the store
    records a failure under. ``skipped`` says why an item that was read is not analysed
    (a page that is not an article).
    """

    input: str
    key: str
    article: ArticleInput | None = None
    error: InputError | None = None
    skipped: str | None = None

    @classmethod
    def failed(cls, input_name: str, error: InputError, key: str | None = None) -> Item:
        return cls(input=input_name, key=key or error.name, error=error)


# What a skipped item's record says, in the store's failures and the batch's failures table
# (where a message is all that travels): "<key>: skipped, not an article: a recipe (…)".
SKIPPED = "skipped, not an article: "


def skip_non_article(item: Item) -> Item:
    """The item, or, when its page is not an article (a ``not_article`` warning), the item
    skipped with the reason; ``--keep-non-articles`` keeps such pages instead."""
    article = item.article
    if article is None:
        return item
    for warning in article.warnings:
        if warning.kind == WarningKind.NOT_ARTICLE:
            reason = warning.message.removeprefix("not an article: ")
            return Item(
                item.input, item.key, skipped=f"{SKIPPED}{reason} (--keep-non-articles to keep it)"
            )
    return item


def is_skip(message: str | None) -> bool:
    """Whether a recorded message is a skip rather than a failure."""
    return bool(message) and SKIPPED in (message or "")


def base_suffix(path: str) -> str:
    """The suffix that says what a file holds, past a ``.gz``: ``a.jsonl.gz`` → ``.jsonl``."""
    p = Path(path)
    suffixes = [s.lower() for s in p.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


@contextmanager
def open_binary(path: str) -> Iterator[IO[bytes]]:
    """Open a file for reading, decompressing ``.gz``; missing files raise InputError."""
    file = Path(path)
    if not file.exists():
        raise InputError(path, "no such file")
    if not file.is_file():
        raise InputError(path, "not a regular file")
    try:
        compressed = path.lower().endswith(".gz")
        handle: IO[bytes] = gzip.open(file, "rb") if compressed else file.open("rb")  # noqa: SIM115
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from error
    with handle:
        yield handle


def binary_lines(handle: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of at most ``limit`` bytes; a longer line is skipped without being held
    in memory and comes as ``None``, so that one 100 MB line cannot exhaust memory."""
    number = 0
    while line := handle.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield number, None
            continue
        yield number, line


def text_lines(handle: TextIO, limit: int, name: str) -> Iterator[str]:
    """The lines of a text stream for a line-based parser (csv); a line over ``limit``
    characters raises :class:`InputError` naming its number before it is read whole."""
    number = 0
    while line := handle.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith("\n"):
            raise InputError(
                f"{name}:{number}",
                f"line over the {limit / 1e6:.1f} MB limit for one article; the rows after "
                "it are not read (a CSV row may span lines, so the next one cannot be found)",
            )
        yield line
