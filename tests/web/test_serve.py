"""`sayso serve`: the command starts the app on loopback, read-only unless asked; and the
API answers alike on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

from fastapi.testclient import TestClient

from sayso.store import open_store
from sayso.web import create_app
from sayso.web.server import free_port, local_hosts

from .hostile import hostile_analysis


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_sayso_serve_runs_the_app(web_store):
    port = free_port()
    command = [sys.executable, "-m", "sayso.cli", "serve", "--db", web_store.url]
    server = subprocess.Popen(
        [*command, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_COLOR": "1"},
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body = _get(f"{base}/api/articles?limit=1")
                break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "sayso serve did not start"
                time.sleep(0.2)
        assert status == 200 and json.loads(body)["total"] == 5 - 1
        status, _ = _get(f"{base}/article/{web_store.founding}")
        assert status == 200
        request = urllib.request.Request(
            f"{base}/api/analyze", data=b'{"text": "x"}', method="POST"
        )
        request.add_header("content-type", "application/json")
        status, body = _get(request)  # type: ignore[arg-type]
        assert status == 403 and b"--allow-submit" in body
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0].decode()
    assert f"http://127.0.0.1:{port}/" in output and "read-only" in output


def test_serve_defaults_to_loopback_and_guards_the_host():
    from sayso.cli import serve

    defaults = {p: serve.__defaults__ for p in ("host",)}
    assert "127.0.0.1" in defaults["host"]
    assert local_hosts("127.0.0.1") == ["127.0.0.1", "::1", "localhost"]
    assert local_hosts("0.0.0.0") is None


def test_api_on_both_backends(store_url):
    with open_store(store_url) as store:
        analysis = hostile_analysis()
        store.add(analysis)
        with TestClient(create_app(store=store)) as client:
            claims = client.get("/api/claims", params={"q": "plan works"}).json()
            assert [c["attribution_id"] for c in claims["items"]] == ["a1"]
            speaker = analysis.attributions[0].source.entity
            entity = client.get("/api/entities/" + speaker.replace("/", "%2F")).json()
            assert entity["said"]["total"] == 1 and entity["about"]["total"] == 0
            trace = client.get(f"/api/articles/{analysis.article.id}/claims/a1/trace").json()
            assert [r["attribution_id"] for r in trace["nested"]] == [analysis.attributions[1].id]
            assert client.get("/api/claims", params={"certainty": "x"}).status_code == 400
            for params in ({"speaker": "\x00"}, {"q": "a\x00b"}, {"entity": "\x00"}):
                assert client.get("/api/claims", params=params).status_code == 400
            assert client.get("/entity/%00").status_code == 400
            page = client.get(f"/article/{analysis.article.id}")
            assert page.status_code == 200 and "<script>alert" not in page.text
