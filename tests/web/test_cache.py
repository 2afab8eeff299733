"""The answer micro-cache of ``sayso serve``: many asking the same page at once cost the
app one call; an expired answer is served while one request makes it anew; a write of the
app starts afresh."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import httpx

from sayso.web.cache import MicroCacheMiddleware


def _app(calls: list[str], delay: float):
    async def app(scope, receive, send):
        calls.append(scope["path"])
        await asyncio.sleep(delay)
        body = f"answer {len(calls)}".encode()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": body})

    return app


def _run(coroutine):
    with ThreadPoolExecutor(1) as thread:  # Playwright may hold this thread's event loop
        return thread.submit(asyncio.run, coroutine).result()


def test_many_at_once_cost_one_call_and_expired_answers_are_refreshed_once():
    calls: list[str] = []
    version = [0]
    cache = MicroCacheMiddleware(_app(calls, 0.2), version=lambda: version[0], ttl=0.5)

    async def scenario():
        transport = httpx.ASGITransport(app=cache)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            first = await asyncio.gather(*(client.get("/page") for _ in range(20)))
            assert {r.text for r in first} == {"answer 1"} and len(calls) == 1
            await asyncio.sleep(0.6)  # expired: one request refreshes, the rest get the old
            second = await asyncio.gather(*(client.get("/page") for _ in range(20)))
            assert len(calls) == 2
            assert {r.text for r in second} <= {"answer 1", "answer 2"}
            version[0] += 1  # the app wrote: nothing old is served
            third = await client.get("/page")
            assert third.text == "answer 3" and len(calls) == 3

    _run(scenario())


def test_kept_answers_are_kept_compressed_per_client(tmp_path, monkeypatch):
    """The cache sits outside the compression: a page asked again is not gzipped again,
    and a client that takes no gzip gets the plain answer, never a kept compressed one."""
    import starlette.middleware.gzip as starlette_gzip
    from fastapi.testclient import TestClient

    from sayso.web.app import create_app

    compressions: list[int] = []
    real = starlette_gzip.GZipResponder.apply_compression

    async def counting(self, body, *, more_body):
        compressions.append(len(body))
        return await real(self, body, more_body=more_body)

    monkeypatch.setattr(starlette_gzip.GZipResponder, "apply_compression", counting)
    app = create_app(f"sqlite:///{tmp_path / 'store.db'}", cache_seconds=60.0)
    with TestClient(app) as client:
        zipped = [client.get("/", headers={"Accept-Encoding": "gzip"}) for _ in range(3)]
        plain = client.get("/", headers={"Accept-Encoding": "identity"})
    assert all(r.status_code == 200 for r in [*zipped, plain])
    assert {r.headers.get("content-encoding") for r in zipped} == {"gzip"}
    assert len(compressions) == 1  # made once, then answered from memory
    assert "content-encoding" not in plain.headers
    assert plain.text == zipped[0].text  # the same page, uncompressed
    assert zipped[-1].headers.get("x-content-type-options") == "nosniff"  # headers still added
