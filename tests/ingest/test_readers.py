"""Every input kind, read into items, and every bad input as a clear per-input error."""

from __future__ import annotations

import gzip
import io
import time

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sayso.ingest.datasets import Fields
from sayso.ingest.fetch import Fetcher, FetchOptions
from sayso.ingest.sources import ReadOptions, estimate_total, read_sources

from .conftest import FIXTURES

# The test server listens on loopback: allowed explicitly, as an in-house feed would be.
LOCAL = FetchOptions(allow_networks=("127.0.0.1/32",), politeness=0)


def read(*sources, **options):
    options.setdefault("fetch", LOCAL)
    return list(read_sources([str(s) for s in sources], ReadOptions(**options)))


def articles(items):
    return [i.article for i in items if i.article is not None]


def errors(items):
    return [str(i.error) for i in items if i.error is not None]


# -- HTML ------------------------------------------------------------------------------


def test_saved_html_page_gives_body_and_metadata():
    [item] = read(FIXTURES / "page-with-captions.html")
    article = item.article
    assert article.title == "Harbour bridge to reopen in May, minister says"
    assert article.publisher == "The Example Herald"
    assert article.published == "2024-05-02"
    assert "Maria Keller" in article.text
    for chrome in ("Privacy", "All rights reserved", "Sign in", "Sport"):
        assert chrome not in article.text


def test_html_page_without_an_article_is_an_error_naming_it():
    [item] = read(FIXTURES / "no-article.html")
    assert item.article is None
    assert str(item.error).startswith(str(FIXTURES / "no-article.html"))
    assert "no article text" in str(item.error)


# -- datasets --------------------------------------------------------------------------


def test_jsonl_default_fields_and_a_bad_line_alone_fails():
    path = FIXTURES / "articles.jsonl"
    items = read(path)
    good = articles(items)
    assert [a.title for a in good] == [
        "Council approves new cycle lanes",
        "Drought forces water limits",
    ]
    assert good[0].published == "2024-04-11"
    assert good[0].url == "https://news.example/n1"
    assert good[0].path == f"{path}#n1"
    assert [i.key for i in items if i.error] == [f"{path}:3", f"{path}:4"]
    assert "not valid JSON" in errors(items)[0]
    assert "no article text in field 'text'" in errors(items)[1]


def test_csv_with_configured_field_names():
    fields = Fields.named(
        text="body", title="headline", date="when", url="link", publisher="outlet"
    )
    items = read(FIXTURES / "articles.csv", fields=fields)
    good = articles(items)
    assert [a.title for a in good] == ["Museum returns looted statues", "Port workers end strike"]
    assert good[0].published == "2024-02-09"
    assert good[0].publisher == "Example Wire"
    assert good[0].text.count("\n") >= 2  # a quoted multi-line cell stays whole
    assert errors(items) == []


def test_csv_missing_column_is_one_clear_error():
    path = FIXTURES / "missing-column.csv"
    [item] = read(path, fields=Fields.named(text="body"))
    assert str(item.error).startswith(f"{path}: no column 'body'")
    assert "'headline', 'summary'" in str(item.error)
    # An explicitly named optional column that is absent is an error too.
    [item] = read(path, fields=Fields.named(text="summary", date="published_at"))
    assert "no column 'published_at'" in str(item.error)


def test_truncated_gzip_keeps_the_records_before_it(tmp_path):
    records = (FIXTURES / "articles.jsonl").read_bytes().splitlines(keepends=True)[:2] * 200
    compressed = gzip.compress(b"".join(records))
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(compressed[: len(compressed) * 2 // 3])
    items = read(path)
    assert len(articles(items)) > 10
    assert errors(items)[-1].startswith(f"{path}: truncated or corrupt gzip data")


# -- WARC ------------------------------------------------------------------------------


def _warc(records, compress=True) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for uri, status, content_type, body in records:
        if status is None:  # a request record
            request = StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True)
            record = writer.create_warc_record(
                uri, "request", payload=io.BytesIO(b""), http_headers=request
            )
            writer.write_record(record)
            continue
        headers = StatusAndHeaders(
            f"{status} {'OK' if status == 200 else 'Not Found'}",
            [("Content-Type", content_type)],
            protocol="HTTP/1.1",
        )
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


PAGE = (FIXTURES / "page-with-captions.html").read_bytes()
RAIL = (FIXTURES / "second-page.html").read_bytes()
CC_NEWS = [
    ("https://herald.example/bridge", 200, "text/html; charset=utf-8", PAGE),
    ("https://herald.example/bridge", None, None, None),
    ("https://herald.example/missing", 404, "text/html", b"<html>gone</html>"),
    ("https://herald.example/logo.png", 200, "image/png", b"\x89PNG\r\n\x1a\n"),
    ("https://herald.example/login", 200, "text/html", (FIXTURES / "no-article.html").read_bytes()),
    ("https://herald.example/rail", 200, "application/xhtml+xml", RAIL),
]


@pytest.mark.parametrize("compress", [True, False])
def test_warc_reads_html_200_responses_and_skips_the_rest(tmp_path, compress):
    path = tmp_path / ("cc-news.warc.gz" if compress else "cc-news.warc")
    path.write_bytes(_warc(CC_NEWS, compress))
    items = read(path)
    good = articles(items)
    assert [a.url for a in good] == ["https://herald.example/bridge", "https://herald.example/rail"]
    assert good[0].title == "Harbour bridge to reopen in May, minister says"
    [error] = errors(items)
    assert "https://herald.example/login" in error and "no article text" in error


def test_warc_with_garbage_records_keeps_what_came_before(tmp_path):
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(_warc(CC_NEWS[:1]) + b"GARBAGE\r\nnot a record at all\r\n" * 50)
    items = read(path)
    assert [a.url for a in articles(items)] == ["https://herald.example/bridge"]
    [error] = errors(items)
    assert error.startswith(f"{path}: unreadable WARC data after 1 record")


def test_truncated_warc_gz(tmp_path):
    data = _warc(CC_NEWS)
    path = tmp_path / "truncated.warc.gz"
    path.write_bytes(data[: len(data) - 300])
    items = read(path)
    assert len(articles(items)) >= 1
    assert errors(items)[-1].startswith(f"{path}: unreadable WARC data")


# -- feeds and URLs -----------------------------------------------------------------------


def test_feed_file_follows_item_links(site, tmp_path):
    feed = tmp_path / "herald.rss"
    feed.write_bytes(site.routes["/feed.rss"][2])
    items = read(feed)
    good = articles(items)
    assert [a.url for a in good] == [f"{site.base}/news/bridge.html", f"{site.base}/news/rail.html"]
    assert good[1].published == "2024-05-03"
    assert good[1].publisher == "The Example Herald"
    assert [i.key for i in items if i.error] == [f"{site.base}/news/gone.html"]
    assert "HTTP 404 Not Found" in errors(items)[0]


def test_feed_url_and_its_items_without_following(site):
    items = read(f"{site.base}/feed.rss", follow_links=False)
    assert [a.title for a in articles(items)][:2] == [
        "Harbour bridge to reopen in May, minister says",
        "Rail strike called off after late-night talks",
    ]
    assert site.requests == ["/robots.txt", "/feed.rss"]


def test_feed_url_returning_404(site):
    [item] = read(f"{site.base}/no-such-feed.rss")
    assert str(item.error) == f"{site.base}/no-such-feed.rss: HTTP 404 Not Found"


@pytest.mark.parametrize("path", ["/huge", "/huge-chunked"])
def test_a_50_mb_body_is_cut_off_at_the_size_cap(site, path):
    started = time.monotonic()
    [item] = read(f"{site.base}{path}")
    assert "over the 5.2 MB limit" in str(item.error)
    assert time.monotonic() - started < 10


def test_robots_txt_is_respected_and_the_agent_names_sayso(site):
    [item] = read(f"{site.base}/private/secret.html")
    assert "disallowed by the site's robots.txt" in str(item.error)
    [page] = read(f"{site.base}/news/rail.html")
    assert page.article.title == "Rail strike called off after late-night talks"
    assert "/private/secret.html" not in site.requests
    assert all(agent.startswith("sayso/") for agent in site.user_agents)


def test_only_http_urls_are_fetched(site):
    for url in ("file:///etc/passwd", "ftp://example.org/feed.rss"):
        [item] = read(url)
        assert "only http(s)" in str(item.error)
    fetcher = Fetcher(FetchOptions(timeout=2))
    with pytest.raises(Exception, match="only http"):
        fetcher.get("gopher://127.0.0.1/")


def test_unreachable_server_is_a_clear_error():
    local = FetchOptions(timeout=1, allow_networks=("127.0.0.1/32",))
    [item] = read("http://127.0.0.1:9/nothing.html", fetch=local)
    assert str(item.error).startswith("http://127.0.0.1:9/nothing.html: ")


def test_folders_and_totals(tmp_path):
    (tmp_path / "a.txt").write_text("Ana Duarte said the lanes would be built.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "data.jsonl").write_bytes((FIXTURES / "articles.jsonl").read_bytes())
    (tmp_path / "ignored.bin").write_bytes(b"\x00\x01")
    items = read(tmp_path)
    assert len(items) == 5
    assert estimate_total([str(tmp_path)]) == 5
