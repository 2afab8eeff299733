"""The web app under pressure (issue 21): submissions wait in a bounded queue of their own
(503 with Retry-After when it is full) and are analysed in a worker process with the
per-article limits, while pages keep answering; the Host header is checked for every
loopback bind."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi.testclient import TestClient

from sayso.ingest.workers import Limits
from sayso.web import create_app
from sayso.web.server import local_hosts, running
from sayso.web.submissions import SubmissionQueue

ARTICLE = (
    "The minister said on Monday that the harbour bridge would reopen in May. "
    "“We are confident,” she told reporters, adding that the repairs had cost more "
    "than planned. Officials at the port said the ferries would keep running. "
) * 6


@pytest.mark.timeout(300)
def test_a_full_submission_queue_answers_503_and_pages_keep_answering(tmp_path):
    app = create_app(f"sqlite:///{tmp_path / 'store.db'}", allow_submit=True)
    queue: SubmissionQueue = app.state.sayso.submissions
    queue.max_pending = 3

    async def scenario(base: str) -> tuple[list[httpx.Response], list[tuple[int, int]]]:
        async with httpx.AsyncClient(base_url=base, timeout=240) as client:
            warm = await client.post("/api/analyze", json={"text": "The mayor said so."})
            assert warm.status_code == 200  # the worker has loaded its model
            posts = asyncio.gather(
                *(
                    client.post(
                        "/api/analyze", json={"text": f"{ARTICLE * 3} Story {n}.", "store": True}
                    )
                    for n in range(8)
                )
            )
            reads: list[tuple[int, int]] = []  # (status, submissions pending at the answer)
            while not posts.done():  # reading all the while the articles are analysed
                answer = await client.get("/api/articles")
                reads.append((answer.status_code, queue.pending))
                await asyncio.sleep(0.05)
            return list(await posts), reads

    with running(app) as base, ThreadPoolExecutor(1) as thread:
        # a thread of its own: Playwright's tests leave an event loop in this one
        answers, reads = thread.submit(asyncio.run, scenario(base)).result()
    statuses = sorted(a.status_code for a in answers)
    assert statuses.count(503) >= 1 and statuses.count(201) >= 3, statuses
    for answer in answers:
        if answer.status_code == 503:
            assert int(answer.headers["retry-after"]) >= 1
            assert "try again" in answer.json()["detail"]
    assert all(status == 200 for status, _ in reads)
    assert any(pending > 0 for _, pending in reads)  # answered while analyses were queued
    app.state.sayso.store.close()


def test_an_article_past_the_memory_limit_gets_a_clear_422(tmp_path):
    app = create_app(f"sqlite:///{tmp_path / 'store.db'}", allow_submit=True)
    # 5 MB more than the loaded worker: the model's arrays for 150,000 characters need far
    # more (40 MB had been exceeded only while the resolver's tables still loaded inside
    # the first article).
    limits = Limits(max_seconds=60, max_memory_mb=5)
    app.state.sayso.submissions = SubmissionQueue(limits=limits)
    with TestClient(app) as client:
        answer = client.post("/api/analyze", json={"text": ARTICLE * 80})  # 150,000 characters
    assert answer.status_code == 422
    assert answer.json()["detail"].startswith("the article: analysis")
    app.state.sayso.store.close()


@pytest.mark.parametrize("bind", ["::1", "[::1]", "127.0.0.2", "localhost", "127.0.0.1"])
def test_every_loopback_bind_checks_the_host_header(web_store, bind):
    allowed = local_hosts(bind)
    assert allowed is not None
    app = create_app(web_store.url, allowed_hosts=allowed)
    with TestClient(app) as client:
        assert client.get("/", headers={"host": "rebind.evil.example"}).status_code == 400
        assert client.get("/", headers={"host": "rebind.evil.example:8000"}).status_code == 400
        for host in ("localhost:8000", "127.0.0.1", "[::1]:8000"):
            assert client.get("/", headers={"host": host}).status_code == 200, host
        name = bind.strip("[]")
        own = f"[{name}]:8000" if ":" in name else f"{name}:8000"
        assert client.get("/", headers={"host": own}).status_code == 200
    app.state.sayso.store.close()


def test_a_public_bind_has_no_host_check():
    assert local_hosts("0.0.0.0") is None
    assert local_hosts("192.0.2.10") is None


def test_sayso_serve_keeps_answers_a_second_and_a_stored_submission_starts_afresh(
    tmp_path, monkeypatch
):
    import time

    from sayso.store import Store

    app = create_app(f"sqlite:///{tmp_path / 'store.db'}", allow_submit=True, cache_seconds=1.0)
    calls = []
    real = Store.articles

    def counted(self, **filters):
        calls.append(filters)
        return real(self, **filters)

    monkeypatch.setattr(Store, "articles", counted)
    with TestClient(app) as client:
        first = client.get("/api/articles")
        again = client.get("/api/articles")
        assert first.json() == again.json() and len(calls) == 1  # the second from memory
        assert again.headers["content-security-policy"]  # with every header still
        posted = client.post("/api/analyze", json={"text": ARTICLE, "store": True})
        assert posted.status_code == 201
        after = client.get("/api/articles")
        assert after.json()["total"] == first.json()["total"] + 1 and len(calls) == 2
        time.sleep(1.1)
        client.get("/api/articles")
        assert len(calls) == 3  # a second later: asked again
    app.state.sayso.store.close()


@pytest.mark.timeout(300)
def test_a_stored_submission_is_written_by_the_worker_not_the_server(tmp_path, monkeypatch):
    """The store write (and its near-duplicate signature) holds the interpreter lock the
    page threads need: it runs in the analysis worker, so this process never writes."""
    from sayso.store import Store

    def refuse(self, *args, **kwargs):
        raise AssertionError("the server process wrote the submission")

    app = create_app(f"sqlite:///{tmp_path / 'store.db'}", allow_submit=True)
    monkeypatch.setattr(Store, "add", refuse)  # here only: the worker is its own process
    with TestClient(app) as client:
        posted = client.post("/api/analyze", json={"text": ARTICLE, "store": True})
        assert posted.status_code == 201, posted.text
        again = client.post("/api/analyze", json={"text": ARTICLE, "store": True})
        assert again.status_code == 200 and again.json()["store"]["status"] == "duplicate"
        listed = client.get("/api/articles").json()
    assert listed["total"] == 1
    app.state.sayso.store.close()
