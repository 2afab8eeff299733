"""Submitted articles (``--allow-submit``), analysed in a bounded queue of their own.

Analyses of pasted or uploaded articles used to run in the thread pool that serves the
pages, one at a time behind a lock: 40 queued submissions held 40 of its threads and the
GIL, and a plain ``GET /api/articles`` waited 11 to 17 s behind them (issue 21). Now:

- the analysis runs in a worker process of its own (pebble, the spaCy pipeline loaded
  once), with the per-article limits of ``sayso ingest`` (time and memory, a clear 422 for
  an article past them); the request that submitted it waits without holding a thread;
- the store write (with its near-duplicate signature, the slow part) runs in that worker
  process too when the app was opened from a store URL: on a thread of the server it held
  the interpreter lock the reads need (issue 21's load: five stored submissions a second).
  An app given an open store writes on a thread of its own, never one of the pool serving
  reads;
- at most ``max_pending`` submissions wait or run at once; the next gets 503 with a
  ``Retry-After`` estimated from how long analyses take, and the pages stay responsive.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import math
import multiprocessing
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, ClassVar

from fastapi import HTTPException
from pebble import ProcessExpired, ProcessPool

from sayso.analyze import ArticleInput
from sayso.ingest.workers import Limits, _analyze_one, _init_worker
from sayso.model import Analysis
from sayso.serial import load_analysis
from sayso.store import SaveResult, Store

DEFAULT_MAX_PENDING = 16


_STORES: dict[str, Store] = {}  # per worker process: the store it writes, opened once


def _analyze_submission(
    item: ArticleInput, model: str, limits: Limits, store_url: str | None = None
) -> tuple[Any, Any, SaveResult | None]:
    """Analyse one submission; with ``store_url``, also store it (from this process)."""
    from sayso.nlp.pipeline import shared_pipeline

    data, error = _analyze_one(item, shared_pipeline(model), limits)
    saved = None
    if data is not None and store_url is not None:
        store = _STORES.get(store_url)
        if store is None:
            store = _STORES[store_url] = Store.open(store_url)
        saved = store.add(data)
    return data, error, saved


def _init_submission_worker(model: str, limits: Limits) -> None:
    """The ingest worker's start, at a lower CPU priority: on a busy machine the pages
    the server answers come before the articles it analyses."""
    with contextlib.suppress(OSError):
        os.nice(10)
    _init_worker(model, limits)


def _ready() -> None:
    """Nothing: a first task, so that the pool starts its worker (and loads the model)."""


class _Workers:
    """The analysis processes, one pool per server process (shared by its apps)."""

    lock = threading.Lock()
    pools: ClassVar[dict[tuple[str, Limits, int], ProcessPool]] = {}

    @classmethod
    def get(cls, model: str, limits: Limits, processes: int) -> ProcessPool:
        key = (model, limits, processes)
        with cls.lock:
            pool = cls.pools.get(key)
            if pool is None or not pool.active:
                pool = ProcessPool(
                    max_workers=processes,
                    initializer=_init_submission_worker,
                    initargs=(model, limits),
                    context=multiprocessing.get_context("spawn"),
                )
                cls.pools[key] = pool
            return pool

    @classmethod
    def drop(cls, model: str, limits: Limits, processes: int) -> None:
        with cls.lock:
            pool = cls.pools.pop((model, limits, processes), None)
        if pool is not None:
            pool.stop()

    @classmethod
    def stop_all(cls) -> None:
        with cls.lock:
            for pool in cls.pools.values():
                pool.stop()
                pool.join()
            cls.pools.clear()


atexit.register(_Workers.stop_all)


@dataclass(slots=True)
class SubmissionQueue:
    max_pending: int = DEFAULT_MAX_PENDING
    processes: int = 1
    limits: Limits = field(default_factory=Limits)
    model: str = ""
    # The store's URL when the app opened it: the worker writes the stored submissions.
    store_url: str | None = None
    pending: int = 0
    writes: int = 0  # articles stored: the answer cache starts afresh after each
    seconds_each: float = 2.0  # running mean of one analysis, for Retry-After
    _writer: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="sayso-submit-write")
    )

    def start(self) -> None:
        """Start the analysis process now (loading spaCy takes seconds), not at the first
        submission."""
        self._pool().schedule(_ready)

    def _pool(self) -> ProcessPool:
        from sayso.nlp.pipeline import DEFAULT_MODEL

        return _Workers.get(self.model or DEFAULT_MODEL, self.limits, self.processes)

    def retry_after(self) -> int:
        return max(1, math.ceil(self.pending * self.seconds_each / self.processes))

    async def submit(
        self, store: Store, item: ArticleInput, *, save: bool
    ) -> tuple[Analysis, SaveResult | None]:
        if self.pending >= self.max_pending:
            raise HTTPException(
                status_code=503,
                detail=f"{self.pending} articles are being analysed; try again shortly",
                headers={"Retry-After": str(self.retry_after())},
            )
        self.pending += 1
        loop = asyncio.get_running_loop()
        started = loop.time()
        try:
            data, error, result = await self._analyse(item, self.store_url if save else None)
            self.seconds_each = 0.8 * self.seconds_each + 0.2 * (loop.time() - started)
            if data is None:
                raise HTTPException(status_code=422, detail=f"the article: {error}")
            if save:
                if result is None:
                    result = await loop.run_in_executor(self._writer, store.add, data)
                self.writes += 1
            return load_analysis(data), result
        finally:
            self.pending -= 1

    async def _analyse(
        self, item: ArticleInput, store_url: str | None
    ) -> tuple[dict[str, Any] | None, str | None, SaveResult | None]:
        from sayso.nlp.pipeline import DEFAULT_MODEL

        timeout = (self.limits.max_seconds or 0) * 2 + 30 if self.limits.max_seconds else None
        future = self._pool().schedule(
            _analyze_submission,
            args=(item, self.model or DEFAULT_MODEL, self.limits, store_url),
            timeout=timeout,
        )
        try:
            return await asyncio.wrap_future(future)
        except FutureTimeout:
            return None, f"analysis stopped: it took longer than {timeout:g} s", None
        except ProcessExpired as error:
            return None, f"analysis failed: its process died (exit code {error.exitcode})", None
        except (BrokenProcessPool, RuntimeError) as error:  # the pool itself broke: a new one
            _Workers.drop(self.model or DEFAULT_MODEL, self.limits, self.processes)
            return None, f"analysis failed: {error}", None
