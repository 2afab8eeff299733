"""What every reader yields: one article read from an input, or the error that stopped it."""

from __future__ import annotations

import gzip
import io
import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TextIO

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


# A compressed input may inflate to at most this many times the compressed bytes read so
# far (once past ``BOMB_FLOOR``): news text compresses 3 to 10 times, HTML up to about 20;
# 100 MB of newlines gzip to 100 KB (1,000 times) and took 88 s of CPU to read through.
MAX_RATIO = 100
BOMB_FLOOR = 4 * 1024 * 1024
_BLOCK = 1 << 20


class DecompressionCap(io.RawIOBase):
    """A gzip stream that stops with :class:`InputError` when it inflates past
    ``MAX_RATIO`` times the compressed bytes read (a decompression bomb)."""

    def __init__(self, raw: IO[bytes], name: str, ratio: int = MAX_RATIO) -> None:
        self._raw = raw  # the file on disk: its position is the compressed bytes read
        self._inflated = gzip.GzipFile(fileobj=raw, mode="rb")
        self._name = name
        self._ratio = ratio
        self.produced = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        # read1: one read of the compressed file at a time, so that what came before a
        # truncation is returned before the error (readinto would drop it with the error)
        data = self._inflated.read1(len(buffer))
        count = len(data)
        buffer[:count] = data
        self.produced += count
        if self.produced > BOMB_FLOOR and self.produced > self._ratio * max(1, self._raw.tell()):
            raise InputError(
                self._name,
                f"decompresses to over {self._ratio} times its size (a decompression bomb?): "
                f"stopped after {self.produced / 1e6:.0f} MB",
            )
        return count

    def close(self) -> None:
        self._inflated.close()
        super().close()


@contextmanager
def open_binary(path: str) -> Iterator[IO[bytes]]:
    """Open a file for reading, decompressing ``.gz`` (capped against bombs); missing files
    raise InputError."""
    file = Path(path)
    if not file.exists():
        raise InputError(path, "no such file")
    if not file.is_file():
        raise InputError(path, "not a regular file")
    try:
        raw = file.open("rb")
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from error
    with raw:
        if not path.lower().endswith(".gz"):
            yield raw
            return
        with io.BufferedReader(DecompressionCap(raw, path), _BLOCK) as handle:
            yield handle


_NONBLANK = re.compile(rb"[^ \t\r\n\x0b\x0c]")


def binary_lines(handle: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """The numbered lines that are not blank, each of at most ``limit`` bytes; a longer line
    is skipped without being held in memory and comes as ``None``, so that one 100 MB line
    cannot exhaust memory. Read in 1 MB blocks, blank runs skipped at C speed: millions of
    empty lines (a bomb of newlines) cost no Python loop each."""
    number = 0  # lines before ``buffer``
    buffer = b""
    discarding = False  # inside an over-long line, until its newline
    eof = False
    # read1: what one read of the stream gives, so that the lines before a break in a
    # truncated gzip stream are yielded before its error comes.
    read = getattr(handle, "read1", handle.read)
    while not eof:
        block = read(_BLOCK)
        eof = not block
        if discarding:
            newline = block.find(b"\n")
            if newline < 0:
                continue
            number += 1
            discarding, buffer = False, block[newline + 1 :]
        else:
            buffer += block
        position = 0
        while True:
            found = _NONBLANK.search(buffer, position)
            if found is None:  # only blank lines left: count them, keep nothing
                number += buffer.count(b"\n", position)
                buffer = b""
                break
            before = buffer.rfind(b"\n", position, found.start())
            start = before + 1 if before >= 0 else position
            number += buffer.count(b"\n", position, start)
            end = buffer.find(b"\n", found.start())
            if end < 0 and not eof:
                if len(buffer) - start > limit:
                    yield number + 1, None
                    discarding, buffer = True, b""
                else:
                    buffer = buffer[start:]
                break
            line = buffer[start : end + 1] if end >= 0 else buffer[start:]
            number += 1
            yield number, line if len(line.rstrip(b"\r\n")) <= limit else None
            if end < 0:
                buffer = b""
                break
            position = end + 1


def unexpected(name: str, error: BaseException) -> InputError:
    """Whatever a parser raised on one record (``RecursionError`` on deeply nested JSON,
    ``MemoryError``, a library's own bug) as that record's error, so the run goes on."""
    if isinstance(error, InputError):
        return error
    detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
    detail = detail if len(detail) <= 200 else detail[:197] + "..."
    return InputError(
        name, f"cannot read it: {type(error).__name__}{': ' if detail else ''}{detail}"
    )


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
