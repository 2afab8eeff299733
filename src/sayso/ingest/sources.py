"""Every kind of input, read into items: files, folders, datasets, archives, feeds, URLs.

``read_sources`` is what ``sayso ingest`` reads from. Which reader takes an input is decided
by its form: an http(s) URL is fetched (a feed is followed, a page read); a folder is every
readable file inside it; a file goes by its suffix (past ``.gz``), then by its first bytes.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sayso.analyze import ArticleInput
from sayso.clean import decode_bytes
from sayso.errors import InputError
from sayso.ingest.datasets import Fields, read_csv, read_jsonl
from sayso.ingest.feeds import FEED_SUFFIXES, looks_like_feed, read_feed
from sayso.ingest.fetch import Fetcher, FetchOptions, is_url
from sayso.ingest.files import HTML_SUFFIXES, TEXT_SUFFIXES, read_one
from sayso.ingest.html import MAX_TAG_CHARS, article_from_html, looks_like_html
from sayso.ingest.items import (
    DEFAULT_MAX_BYTES,
    GZIP_ERRORS,
    Item,
    base_suffix,
    binary_lines,
    open_binary,
    skip_non_article,
    text_lines,
    unexpected,
)
from sayso.ingest.warc import read_warc

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})
WARC_SUFFIXES = frozenset({".warc", ".arc"})
READABLE = (
    TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | WARC_SUFFIXES | FEED_SUFFIXES
)


@dataclass(slots=True)
class ReadOptions:
    fields: Fields = field(default_factory=Fields)
    max_bytes: int = DEFAULT_MAX_BYTES  # one article (text, HTML page, record)
    follow_links: bool = True  # feeds: fetch each item's page rather than its summary
    fetch: FetchOptions = field(default_factory=FetchOptions)
    max_tag_chars: int = MAX_TAG_CHARS  # one HTML tag: longer is refused as hostile
    keep_non_articles: bool = False  # read recipes, product pages, listings as articles


class Reader:
    """Reads inputs into items, sharing one polite fetcher (and its robots.txt cache)."""

    def __init__(self, options: ReadOptions | None = None) -> None:
        self.options = options or ReadOptions()
        self._fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.options.fetch)
        return self._fetcher

    def items(self, sources: Iterable[str]) -> Iterator[Item]:
        for source in sources:
            for item in self._guarded(source):
                yield item if self.options.keep_non_articles else skip_non_article(item)

    def _guarded(self, source: str) -> Iterator[Item]:
        """The source's items; anything its reader raises past its own per-record guards
        ends this source with an error naming it, and the next source is read."""
        try:
            yield from self._source(source)
        except Exception as error:
            yield Item.failed(source, unexpected(source, error), f"{source}!")

    def _source(self, source: str) -> Iterator[Item]:
        if is_url(source):
            yield from self._url(source)
        elif "://" in source:
            yield Item.failed(source, InputError(source, "only http(s) URLs are fetched"))
        elif Path(source).is_dir():
            for child in sorted(Path(source).rglob("*")):
                if child.is_file() and base_suffix(child.name) in READABLE:
                    yield from self._file(str(child))
        else:
            yield from self._file(source)

    def _file(self, path: str) -> Iterator[Item]:
        suffix = base_suffix(path)
        options = self.options
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, options.fields, options.max_bytes)
        elif suffix in CSV_SUFFIXES:
            yield from read_csv(path, options.fields, options.max_bytes)
        elif suffix in WARC_SUFFIXES:
            yield from read_warc(path, options.max_bytes, options.max_tag_chars)
        elif suffix in FEED_SUFFIXES:
            yield from self._feed_file(path)
        else:
            yield self._single(path)

    def _single(self, path: str) -> Item:
        limit = self.options.max_tag_chars
        try:
            if path.lower().endswith(".gz"):
                data = _read_gz(path, self.options.max_bytes)
                if base_suffix(path) in HTML_SUFFIXES or looks_like_html(data):
                    return Item(path, path, article_from_html(data, path, max_tag_chars=limit))
                return Item(path, path, ArticleInput(text=decode_bytes(data, path), path=path))
            return Item(path, path, read_one(path, self.options.max_bytes, limit))
        except Exception as error:  # RecursionError, MemoryError…: this file's error
            return Item.failed(path, unexpected(path, error), path)

    def _feed_file(self, path: str) -> Iterator[Item]:
        try:
            data = _read_gz(path, self.options.max_bytes * 8)
        except InputError as error:
            yield Item.failed(path, error, path)
            return
        yield from self._read_feed(data, path)

    def _read_feed(self, data: bytes, name: str) -> Iterator[Item]:
        options = self.options
        return read_feed(
            data,
            name,
            self.fetcher,
            follow=options.follow_links,
            max_tag_chars=options.max_tag_chars,
        )

    def _url(self, url: str) -> Iterator[Item]:
        try:
            response = self.fetcher.get(url)
        except InputError as error:
            yield Item.failed(url, error, url)
            return
        if looks_like_feed(response.body, response.content_type):
            yield from self._read_feed(response.body, url)
            return
        limit = self.options.max_tag_chars
        try:
            item = Item(
                url,
                url,
                article_from_html(response.body, url, url=response.url, max_tag_chars=limit),
            )
        except Exception as error:
            item = Item.failed(url, unexpected(url, error), url)
        yield item


def read_sources(sources: Iterable[str], options: ReadOptions | None = None) -> Iterator[Item]:
    """Every item of every source, in order; a bad input or item is an item with an error."""
    return Reader(options).items(sources)


def _read_gz(path: str, max_bytes: int) -> bytes:
    try:
        with open_binary(path) as handle:
            data = handle.read(max_bytes + 1)
    except GZIP_ERRORS as error:
        raise InputError(path, f"truncated or corrupt gzip data: {error}") from error
    if len(data) > max_bytes:
        raise InputError(path, f"over the {max_bytes / 1e6:.1f} MB limit")
    return data


def estimate_total(sources: Iterable[str], options: ReadOptions | None = None) -> int | None:
    """How many items the sources hold, counted cheaply; None when some cannot be counted
    without reading them (archives, feeds, URLs)."""
    options = options or ReadOptions()
    total = 0
    for source in sources:
        if is_url(source) or "://" in source:
            return None
        path = Path(source)
        files = (
            sorted(p for p in path.rglob("*") if p.is_file() and base_suffix(p.name) in READABLE)
            if path.is_dir()
            else [path]
        )
        for file in files:
            count = _count_file(str(file))
            if count is None:
                return None
            total += count
    return total


def _count_file(path: str) -> int | None:
    suffix = base_suffix(path)
    if suffix in WARC_SUFFIXES or suffix in FEED_SUFFIXES:
        return None
    if suffix not in JSONL_SUFFIXES and suffix not in CSV_SUFFIXES:
        return 1
    try:
        with open_binary(path) as handle:
            if suffix in JSONL_SUFFIXES:
                lines = binary_lines(handle, DEFAULT_MAX_BYTES)
                return sum(1 for _, line in lines if line is None or line.strip())
            csv.field_size_limit(min(sys.maxsize, 1 << 30))
            text = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="replace", newline="")
            rows = csv.reader(text_lines(text, DEFAULT_MAX_BYTES, path))
            return max(0, sum(1 for _ in rows) - 1)
    except (InputError, csv.Error, *GZIP_ERRORS):
        return 1
