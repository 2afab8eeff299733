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
