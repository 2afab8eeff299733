"""A micro-cache of whole answers: the same page asked again within a second is answered
from memory.

A server reading a store answers the same few pages (home, claims, a popular article) to
everyone; with 200 clients on a 2-core machine every answer took its turn in the thread
pool and the 95th percentile reached seconds (docs/reliability.md). An answer is kept for
``ttl`` seconds (1 by default) and only while this app has written nothing since (a stored
submission starts afresh), so what a reader sees is at most that much older than the store.
Only plain ``GET`` answers with status 200 and no cookie are kept, up to ``max_bytes`` each
and ``max_entries`` in all (the least recently used go first).
"""

from __future__ import annotations

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
        max_entries: int = 512,
        max_bytes: int = 512 * 1024,
    ) -> None:
        self.app = app
        self.version = version
        self.ttl = ttl
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.entries: OrderedDict[tuple, _Entry] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or self.ttl <= 0:
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        if b"cookie" in headers or b"authorization" in headers:
            await self.app(scope, receive, send)
            return
        key = (scope.get("path"), scope.get("query_string"), headers.get(b"host"))
        now, version = time.monotonic(), self.version()
        entry = self.entries.get(key)
        if entry is not None and now - entry.stored_at < self.ttl and entry.version == version:
            self.entries.move_to_end(key)
            for message in entry.messages:
                await send(message)
            return
        kept: list[Message] | None = []
        size = 0

        async def keep(message: Message) -> None:
            nonlocal kept, size
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
                        self._store(key, _Entry(now, version, kept))
            await send(message)

        await self.app(scope, receive, keep)

    def _store(self, key: tuple, entry: _Entry) -> None:
        self.entries[key] = entry
        self.entries.move_to_end(key)
        while len(self.entries) > self.max_entries:
            self.entries.popitem(last=False)
