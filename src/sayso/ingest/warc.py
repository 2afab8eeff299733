"""Web archives: WARC and WARC.gz files in the CC-NEWS layout (HTML responses)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sayso.errors import InputError
from sayso.ingest.html import MAX_TAG_CHARS, article_from_html
from sayso.ingest.items import DEFAULT_MAX_BYTES, GZIP_ERRORS, Item, unexpected

HTML_TYPES = ("text/html", "application/xhtml+xml")
WARC_TYPES = frozenset(
    {
        "warcinfo",
        "response",
        "resource",
        "request",
        "metadata",
        "revisit",
        "conversion",
        "continuation",
    }
)
# A record longer than this (decompressed) ends the archive with an error rather than being
# read through: in a .warc.gz the next record can only be found by inflating this one, and a
# few MB of gzip can inflate to many GB (a decompression bomb). News pages are far smaller.
MAX_RECORD_BYTES = 128 * 1024 * 1024


def read_warc(
    path: str, max_bytes: int = DEFAULT_MAX_BYTES, max_tag_chars: int = MAX_TAG_CHARS
) -> Iterator[Item]:
    """Every HTTP 200 HTML response of the archive as an article; other records skipped.

    A record that cannot be read as an article is that record's error. Unreadable archive
    data (a garbage record, a truncated gzip member) ends the file with an error naming the
    offset: the records before it are kept; the format has no way to find the next record.
    """
    file = Path(path)
    if not file.is_file():
        yield Item.failed(path, InputError(path, "no such file"))
        return
    records = 0
    end = 0  # where the last whole record ends
    size = file.stat().st_size
    try:
        with file.open("rb") as handle:
            archive = ArchiveIterator(handle, arc2warc=True, check_digests=False)
            for record in archive:
                _check_record(record, records + 1)
                item = _record_item(path, record, archive, max_bytes, max_tag_chars)
                if _truncated(record):
                    raise EOFError(f"record {records + 1} is cut short")
                records += 1
                end = archive.get_record_offset() + archive.get_record_length()
                if item is not None:
                    yield item
        if not _only_blank_after(file, end, size):
            raise EOFError(f"{size - end} bytes at the end are not a readable record")
    except (ArchiveLoadFailed, *GZIP_ERRORS, ValueError, OSError) as error:
        where = f"after {records} record(s), at byte {end}" if records else "at the start"
        message = f"unreadable WARC data {where} (truncated or corrupt): {_short(error)}"
        yield Item.failed(path, InputError(path, message), key=f"{path}@{end}!")


def _only_blank_after(file: Path, end: int, size: int) -> bool:
    """Whether nothing but the blank lines that close the last record follow ``end``."""
    if end >= size:
        return True
    if size - end > 64:
        return False
    with file.open("rb") as handle:
        handle.seek(end)
        return not handle.read().strip()


def _check_record(record: Any, number: int) -> None:
    if record.rec_type not in WARC_TYPES:
        raise ValueError(f"record {number} has no valid WARC-Type")
    length = getattr(record, "length", None) or 0
    if length > MAX_RECORD_BYTES:
        raise ValueError(
            f"record {number} declares {length:,} bytes, over the {MAX_RECORD_BYTES:,}-byte "
            "limit for one record (a decompression bomb?)"
        )


def _truncated(record: Any) -> bool:
    """Whether the record's block ends before its declared Content-Length (read through in
    chunks: the block is not kept)."""
    stream = record.raw_stream
    while stream.read(1 << 16):
        pass
    return getattr(stream, "limit", 0) > 0


def _record_item(
    path: str, record: Any, archive: ArchiveIterator, max_bytes: int, max_tag_chars: int
) -> Item | None:
    if getattr(record, "rec_type", None) != "response":
        return None
    http = getattr(record, "http_headers", None)
    if http is None or http.get_statuscode() != "200":
        return None
    content_type = (http.get_header("Content-Type") or "").lower()
    if not content_type.startswith(HTML_TYPES):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    body = record.content_stream().read(max_bytes + 1)
    key = f"{path}@{archive.get_record_offset()}"
    name = f"{key} ({uri})" if uri else key
    if len(body) > max_bytes:
        return Item.failed(path, InputError(name, "HTML over the size limit"), key)
    try:
        article = article_from_html(body, name, url=uri or None, max_tag_chars=max_tag_chars)
    except Exception as error:  # RecursionError, MemoryError…: this record's error
        return Item.failed(path, unexpected(name, error), key)
    return Item(path, key, article)


def _short(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text if len(text) <= 200 else text[:197] + "..."
