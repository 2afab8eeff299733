"""A micro-cache of whole answers: the same page asked again within a second is answered
from memory.

A server reading a store answers the same few pages (home, claims, a popular article) to
everyone; with 200 clients on a 2-core machine every answer took its turn in the thread
pool and the 95th percentile reached seconds (docs/reliability.md). An answer is kept for
``ttl`` seconds (1 by default) and only while this app has written nothing since (a stored
submission starts afresh), so what a reader sees is at most that much older than the store.
Only plain ``GET`` answers with status 200 and no cookie are kept, up to ``max_bytes`` each
and ``max_entries`` in all (the least recently used go first). When an answer has expired,
the first request asks the app for it anew while the others asking at the same moment get
the one just expired (at most ``stale`` seconds more; after a write of this app too, so that
a stream of submissions does not turn every read into a miss), and requests for an answer
not kept yet wait for the one request making it: 200 clients asking the same page at once
cost one query, not 200.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send


@dataclass(slots=True)
class _Entry:
    stored_at: float
    version: int
    messages: list[Message]


class MicroCacheMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        version: Callable[[], int] = lambda: 0,
        ttl: float = 1.0,
        stale: float = 10.0,
        max_entries: int = 512,
        max_bytes: int = 512 * 1024,
    ) -> None:
        self.app = app
        self.version = version
        self.ttl = ttl
        self.stale = stale
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.entries: OrderedDict[tuple, _Entry] = OrderedDict()
        self.inflight: dict[tuple, asyncio.Future[_Entry | None]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or self.ttl <= 0:
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        if b"cookie" in headers or b"authorization" in headers:
            await self.app(scope, receive, send)
            return
        # Whether the client takes gzip is part of the key: the answers kept are compressed
        # (or not) for the client that asked.
        gzip = b"gzip" in headers.get(b"accept-encoding", b"")
        key = (scope.get("path"), scope.get("query_string"), headers.get(b"host"), gzip)
        version = self.version()
        entry = self.entries.get(key)
        if entry is not None:
            age = time.monotonic() - entry.stored_at
            fresh = age < self.ttl and entry.version == version
            # Fresh; or older (or from before a write) while another request is fetching
            # it anew: the many asking at once never all wait for the same answer.
            if fresh or (key in self.inflight and age < self.ttl + self.stale):
                await self._replay(key, entry, send)
                return
        running = self.inflight.get(key)
        if running is not None:  # the same answer is being made: wait for it
            made = await asyncio.shield(running)
            if made is not None:
                await self._replay(key, made, send)
                return
        await self._fetch(key, version, scope, receive, send)

    async def _replay(self, key: tuple, entry: _Entry, send: Send) -> None:
        if key in self.entries:
            self.entries.move_to_end(key)
        for message in entry.messages:
            await send(message)

    async def _fetch(
        self, key: tuple, version: int, scope: Scope, receive: Receive, send: Send
    ) -> None:
        """Ask the app, keep its answer, and hand it to those waiting for the same."""
        future: asyncio.Future[_Entry | None] = asyncio.get_running_loop().create_future()
        owner = key not in self.inflight
        if owner:
            self.inflight[key] = future
        started = time.monotonic()
        kept: list[Message] | None = []
        made: _Entry | None = None
        size = 0

        async def keep(message: Message) -> None:
            nonlocal kept, size, made
            if kept is not None:
                if message["type"] == "http.response.start":
                    names = {k.lower() for k, _ in message.get("headers", [])}
                    if message.get("status") != 200 or b"set-cookie" in names:
                        kept = None
                elif message["type"] == "http.response.body":
                    size += len(message.get("body", b""))
                    if size > self.max_bytes:
                        kept = None
                if kept is not None:
                    kept.append(message)
                    if message["type"] == "http.response.body" and not message.get("more_body"):
                        made = _Entry(started, version, kept)
                        self._store(key, made)
            await send(message)

        try:
            await self.app(scope, receive, keep)
        finally:
            if owner:
                del self.inflight[key]
                future.set_result(made)

    def _store(self, key: tuple, entry: _Entry) -> None:
        self.entries[key] = entry
        self.entries.move_to_end(key)
        while len(self.entries) > self.max_entries:
            self.entries.popitem(last=False)
