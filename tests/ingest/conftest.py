"""A local web server on 127.0.0.1 for the fetching tests: pages, a feed, robots.txt,
a 404, and a 50 MB body."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
HUGE = 50 * 1024 * 1024


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, str, bytes]] = {}
        self.user_agents: list[str] = []
        self.requests: list[str] = []
        self.base = ""

    def add(self, path: str, body: bytes | str, content_type: str = "text/html", status=200):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = (status, content_type, data)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.user_agents.append(self.headers.get("User-Agent", ""))
            site.requests.append(self.path)
            if self.path.startswith("/huge"):
                self._huge(chunked=self.path.endswith("chunked"))
                return
            status, content_type, body = site.routes.get(
                self.path, (404, "text/plain", b"not found")
            )
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _huge(self, chunked: bool) -> None:
            """50 MB of HTML, announced (Content-Length) or not (streamed until closed)."""
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            if not chunked:
                self.send_header("Content-Length", str(HUGE))
            else:
                self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65529 + b"</p>"
            try:
                for _ in range(HUGE // len(chunk)):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *_args) -> None:
            pass

    return Handler


@pytest.fixture
def site():
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    site.add("/news/bridge.html", (FIXTURES / "page-with-captions.html").read_bytes())
    site.add("/news/rail.html", (FIXTURES / "second-page.html").read_bytes())
    site.add("/private/secret.html", (FIXTURES / "second-page.html").read_bytes())
    feed = (FIXTURES / "feed.rss.tmpl").read_text(encoding="utf-8").replace("{base}", site.base)
    site.add("/feed.rss", feed, "application/rss+xml")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture
def fixture_dir() -> Path:
    return FIXTURES
