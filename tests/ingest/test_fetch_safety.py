"""Safe fetching (issue 21): a deadline that holds against a server dripping bytes, no
fetch of internal addresses (after DNS resolution and on every redirect hop), robots.txt on
every redirect target, and Crawl-delay with a per-host politeness delay. Loopback test
servers; the tests that need to reach them allow 127.0.0.1/32 explicitly."""

from __future__ import annotations

import itertools
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sayso.errors import InputError
from sayso.ingest.fetch import Fetcher, FetchOptions, address_problem
from sayso.ingest.sources import ReadOptions, read_sources

PAGE = (
    b"<html><head><title>Bridge</title></head><body><article><p>The harbour bridge will "
    b"reopen in May, the minister said on Monday, after two years of repairs.</p></article>"
    b"</body></html>"
)
LOCAL = ("127.0.0.1/32",)
TEXT = {"Content-Type": "text/plain"}


class Server:
    """A loopback server: ``routes`` maps a path to (status, headers, body); ``/drip*``
    sends a byte a second, forever."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.hits: list[str] = []
        self.times: list[float] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.hits.append(self.path)
                server.times.append(time.monotonic())
                if self.path.startswith("/drip"):
                    self._drip(headers_too=self.path == "/drip-headers")
                    return
                status, headers, body = server.routes.get(self.path, (404, {}, b"not found"))
                self.send_response(status)
                for name, value in {"Content-Length": str(len(body)), **headers}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def _drip(self, headers_too: bool) -> None:
                try:
                    if headers_too:
                        for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n":
                            self.wfile.write(bytes([byte]))
                            self.wfile.flush()
                            time.sleep(0.2)
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.end_headers()
                    while True:
                        self.wfile.write(b"x")
                        self.wfile.flush()
                        time.sleep(0.2)
                except OSError:
                    pass

            def log_message(self, *_args) -> None:
                pass

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base = f"http://{host}:{self.port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def add(self, path: str, body: bytes = PAGE, status: int = 200, **headers: str) -> None:
        headers.setdefault("Content-Type", "text/html")
        self.routes[path] = (status, headers, body)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    server = Server()
    server.add(
        "/robots.txt", b"User-agent: *\nDisallow: /private/\n", **{"Content-Type": "text/plain"}
    )
    yield server
    server.close()


@pytest.mark.timeout(60)
@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_the_deadline_holds_against_a_server_dripping_bytes(server, path):
    fetcher = Fetcher(FetchOptions(timeout=0.5, allow_networks=LOCAL, politeness=0))
    started = time.monotonic()
    with pytest.raises(InputError, match="took longer than 2 s"):
        fetcher.get(f"{server.base}{path}")
    assert time.monotonic() - started < 6  # deadline 2 s (4 x timeout), whatever the drip


@pytest.mark.timeout(60)
def test_an_ingest_of_a_feed_with_a_dripping_item_finishes(server, tmp_path):
    feed = tmp_path / "feed.rss"
    feed.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>"
        f"<item><title>drip</title><link>{server.base}/drip</link></item>"
        f"<item><title>ok</title><link>{server.base}/news/ok.html</link></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    server.add("/news/ok.html")
    options = ReadOptions(fetch=FetchOptions(timeout=0.5, allow_networks=LOCAL, politeness=0))
    items = list(read_sources([str(feed)], options))
    assert "took longer than" in str(items[0].error)
    assert items[1].article is not None


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("0.0.0.0", "unspecified"),
        ("10.1.2.3", "private"),
        ("192.168.0.1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),
        ("2002:7f00:1::", "loopback"),  # 6to4 around 127.0.0.1
        ("100.64.0.1", "not public"),  # carrier-grade NAT
        ("93.184.215.14", None),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", None),
    ],
)
def test_the_address_policy(address, problem):
    assert address_problem(address) == problem


def test_internal_links_of_a_feed_are_never_fetched(server, tmp_path):
    """Item links to loopback in every spelling, and to cloud metadata: all refused before
    any request, robots.txt included."""
    port = server.port
    links = [
        f"http://127.0.0.1:{port}/a",
        f"http://localhost:{port}/b",
        f"http://2130706433:{port}/c",
        f"http://127.1:{port}/d",
        f"http://0.0.0.0:{port}/e",
        f"http://[::ffff:127.0.0.1]:{port}/f",
        "http://169.254.169.254/latest/meta-data/",
    ]
    feed = tmp_path / "feed.rss"
    feed.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>"
        + "".join(
            f"<item><title>{n}</title><link>{link}</link></item>" for n, link in enumerate(links)
        )
        + "</channel></rss>",
        encoding="utf-8",
    )
    items = list(
        read_sources([str(feed)], ReadOptions(fetch=FetchOptions(timeout=2, politeness=0)))
    )
    assert len(items) == len(links)
    for item in items:
        assert item.article is None and "refused" in str(item.error), item.error
    assert "link-local" in str(items[-1].error)
    assert server.hits == []


def test_a_redirect_to_an_internal_address_is_refused(server):
    inside = Server("127.0.0.2")  # another loopback address, not allowed
    try:
        inside.add("/secret")
        server.add("/moved", b"", status=302, Location=f"{inside.base}/secret")
        fetcher = Fetcher(FetchOptions(timeout=2, allow_networks=LOCAL, politeness=0))
        with pytest.raises(InputError, match=r"127\.0\.0\.2, a loopback address: refused"):
            fetcher.get(f"{server.base}/moved")
        assert inside.hits == []
    finally:
        inside.close()


def test_robots_txt_is_checked_on_every_redirect_target(server):
    server.add("/private/page")
    server.add("/go", b"", status=301, Location="/private/page")
    fetcher = Fetcher(FetchOptions(timeout=2, allow_networks=LOCAL, politeness=0))
    with pytest.raises(InputError, match=r"disallowed by the site's robots.txt \(redirected"):
        fetcher.get(f"{server.base}/go")
    assert "/private/page" not in server.hits
    server.add("/fine", b"", status=302, Location="/news/x")
    server.add("/news/x")
    assert fetcher.get(f"{server.base}/fine").url == f"{server.base}/news/x"


@pytest.mark.parametrize(
    ("robots", "politeness", "gap"), [("", 0.7, 0.7), ("Crawl-delay: 3\n", 0.5, 3)]
)
def test_requests_to_one_host_are_spaced_out(server, robots, politeness, gap):
    server.add("/robots.txt", f"User-agent: *\n{robots}".encode(), **TEXT)
    for n in range(3):
        server.add(f"/p{n}")
    waited: list[float] = []

    def sleep(seconds: float) -> None:
        waited.append(seconds)
        time.sleep(seconds)

    options = FetchOptions(timeout=2, allow_networks=LOCAL, politeness=politeness)
    fetcher = Fetcher(options, sleep=sleep)
    for n in range(3):
        fetcher.get(f"{server.base}/p{n}")
    pages = [t for t, hit in zip(server.times, server.hits, strict=True) if hit.startswith("/p")]
    assert len(waited) == 2
    assert all(b - a >= gap - 0.05 for a, b in itertools.pairwise(pages))
