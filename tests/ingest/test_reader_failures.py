"""Bad input never stops a run (issue 21): whatever a parser raises on one record —
RecursionError, MemoryError, a library's own bug — is that record's error and the next one
is read; compressed inputs are capped against decompression bombs."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from sayso.ingest import sources as sources_module
from sayso.ingest.items import BOMB_FLOOR, binary_lines
from sayso.ingest.sources import read_sources

OTHER = "Rail workers will strike on Friday over pay, their union told reporters in Leeds."
GOOD = "The minister said the bridge would reopen in May, officials confirmed on Monday."


def _jsonl(path, lines):
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_a_deeply_nested_json_line_is_that_lines_error_and_the_next_lines_are_read(tmp_path):
    nested = "[" * 100_000  # 100 KB, under every size cap: RecursionError in json.loads
    path = _jsonl(
        tmp_path / "dump.jsonl",
        [json.dumps({"text": GOOD}), nested, json.dumps({"text": GOOD + " Again."})],
    )
    items = list(read_sources([str(path)]))
    assert [item.article is not None for item in items] == [True, False, True]
    error = str(items[1].error)
    assert error.startswith(f"{path}:2: ") and "RecursionError" in error
    assert items[1].key == f"{path}:2"


def test_the_good_lines_around_a_bomb_line_are_ingested(tmp_path, nlp):
    from sayso.ingest.run import ingest
    from sayso.store import open_store

    path = _jsonl(
        tmp_path / "dump.jsonl",
        [json.dumps({"text": GOOD}), "[" * 100_000, json.dumps({"text": OTHER})],
    )
    with open_store(f"sqlite:///{tmp_path / 'store.db'}") as store:
        report = ingest([str(path)], store, nlp=nlp)
        assert (report.new, report.failed) == (2, 1)
        assert [f.item for f in store.failures()] == [f"{path}:2"]


@pytest.mark.parametrize("error", [RecursionError("too deep"), MemoryError(), KeyError("x")])
def test_any_error_of_a_page_reader_is_that_files_error(tmp_path, monkeypatch, error):
    pages = [tmp_path / "a.html", tmp_path / "b.txt"]
    pages[0].write_text("<html><body><p>" + GOOD + "</p></body></html>", encoding="utf-8")
    pages[1].write_text(GOOD, encoding="utf-8")

    def broken(*_args, **_kwargs):
        raise error

    monkeypatch.setattr("sayso.ingest.files.article_from_html", broken)
    items = list(read_sources([str(p) for p in pages]))
    assert items[0].article is None and type(error).__name__ in str(items[0].error)
    assert str(items[0].error).startswith(str(pages[0]))
    assert items[1].article is not None


def test_a_feed_parser_failure_is_the_feeds_error(tmp_path, monkeypatch):
    feed = tmp_path / "feed.rss"
    feed.write_text("<?xml version='1.0'?><rss><channel></channel></rss>", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(GOOD, encoding="utf-8")

    def broken(*_args, **_kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("sayso.ingest.feeds.feedparser.parse", broken)
    items = list(read_sources([str(feed), str(other)]))
    assert "RecursionError" in str(items[0].error)
    assert items[1].article is not None


def test_a_reader_that_breaks_ends_its_source_only(tmp_path, monkeypatch):
    def broken(self, path):
        raise MemoryError

    monkeypatch.setattr(sources_module.Reader, "_file", broken)
    other = "https://example.invalid/x"  # a second source still gets its turn
    seen = []
    for item in read_sources([str(tmp_path / "a.jsonl"), other]):
        seen.append(item.input)
        if len(seen) == 2:
            break
    assert seen[0] == str(tmp_path / "a.jsonl") and seen[1] == other


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".csv.gz"])
def test_a_decompression_bomb_is_stopped_early(tmp_path, suffix):
    """100 MB of newlines in 100 KB of gzip: stopped at the ratio cap with a clear error."""
    bomb = tmp_path / f"bomb{suffix}"
    header = b"text\n" if suffix == ".csv.gz" else b""
    with gzip.open(bomb, "wb", compresslevel=9) as out:
        out.write(header or json.dumps({"text": GOOD}).encode() + b"\n")
        block = b"\n" * (1 << 20)
        for _ in range(100):
            out.write(block)
    assert bomb.stat().st_size < 200_000
    items = list(read_sources([str(bomb)]))
    errors = [str(item.error) for item in items if item.error is not None]
    assert len(errors) == 1 and "decompression bomb" in errors[0]
    assert errors[0].startswith(str(bomb))


def test_a_big_honest_gzip_file_is_read_whole(tmp_path):
    """Ordinary text compresses far below the cap: past the floor, all of it is read."""
    import random

    path = tmp_path / "big.jsonl.gz"
    rng = random.Random(3)
    vocabulary = [f"w{rng.randrange(10**6)}" for _ in range(5000)]
    lines = [
        json.dumps({"text": " ".join(rng.choices(vocabulary, k=2000))}) + "\n" for _ in range(40)
    ]
    count = BOMB_FLOOR // len(lines[0]) + 50
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for n in range(count):
            out.write(lines[n % len(lines)].replace('"w', f'"n{n} w', 1))
    items = list(read_sources([str(path)], sources_module.ReadOptions()))
    assert len(items) == count and all(item.error is None for item in items)


def test_binary_lines_numbers_lines_and_skips_blank_runs_and_long_lines():
    data = b'{"a":1}\n\n  \n\r\n{"b":2}\r\n' + b"x" * 50 + b"\n" + b"\n" * 10 + b'{"c":3}'
    lines = list(binary_lines(io.BytesIO(data), limit=20))
    assert lines == [(1, b'{"a":1}\n'), (5, b'{"b":2}\r\n'), (6, None), (17, b'{"c":3}')]
    many = b"\n" * 5_000_000 + b"last\n"
    assert list(binary_lines(io.BufferedReader(io.BytesIO(many)), 100)) == [(5_000_001, b"last\n")]
