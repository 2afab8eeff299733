"""Analysis in worker processes: each loads the spaCy pipeline once, then takes batches.

The parent process keeps the database; workers only turn article inputs into analyses (in
their JSON form, which pickles small and keeps every field the model has).

The pool is pebble's ``ProcessPool`` (a maintained pool made for this): a worker that dies
fails its own batch only (``ProcessExpired``) and is replaced, a batch past its time is
stopped with its worker, and nothing reads a private attribute of the standard library's
pool. Each article has limits: ``max_seconds`` of analysis (a timer in the worker stops it
with a clear error, the other articles of its batch are analysed again alone) and
``max_memory_mb`` more memory than the worker had once its pipeline was loaded (an address
space limit: the article's analysis gets ``MemoryError``). A worker stops as soon as its
parent is gone, kill -9 included, so workers are never orphaned.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from pebble import ProcessExpired, ProcessPool
from spacy.language import Language

from sayso.analyze import ArticleInput, analyze_many
from sayso.ingest.items import Item
from sayso.serial import record

Outcome = tuple[dict[str, Any] | None, str | None]  # (analysis JSON, error)


@dataclass(frozen=True, slots=True)
class Limits:
    """What one article's analysis may take. 10,000 quotation marks took 96 s and 1.4 GB
    before the extractor was made linear; a news article takes well under a second."""

    max_seconds: float | None = 60.0
    max_memory_mb: int | None = 2048


NO_LIMITS = Limits(None, None)


class ArticleTimeout(BaseException):
    """Raised in the analysis by the per-article timer. A BaseException: a component's
    ``except Exception`` must not swallow it."""


@dataclass(slots=True)
class _Timer:
    seconds: float | None

    def __enter__(self) -> None:
        if self.seconds and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGALRM, _raise_timeout)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *_exc: object) -> None:
        if self.seconds and threading.current_thread() is threading.main_thread():
            signal.setitimer(signal.ITIMER_REAL, 0)


def _raise_timeout(_signum: int, _frame: object) -> None:
    raise ArticleTimeout


def analyze_batch(
    batch: list[ArticleInput], nlp: Language | None = None, limits: Limits = NO_LIMITS
) -> list[Outcome]:
    """Analyse a batch through ``nlp.pipe``; if it fails or runs past the time one article
    may take, each article alone, to find the one that fails and keep the others."""
    try:
        with _Timer(limits.max_seconds):
            analyses = list(analyze_many(batch, nlp=nlp, batch_size=len(batch)))
        return [(record(a), None) for a in analyses]
    except (Exception, ArticleTimeout):
        pass
    return [_analyze_one(item, nlp, limits) for item in batch]


def _analyze_one(item: ArticleInput, nlp: Language | None, limits: Limits) -> Outcome:
    try:
        with _Timer(limits.max_seconds):
            [analysis] = analyze_many([item], nlp=nlp)
        return record(analysis), None
    except ArticleTimeout:
        return None, (
            f"analysis stopped: it took longer than {limits.max_seconds:g} s, the limit for "
            "one article (--max-seconds)"
        )
    except MemoryError:
        return None, (
            f"analysis stopped: it needed more than {limits.max_memory_mb} MB, the limit for "
            "one article (--max-memory)"
        )
    except Exception as error:
        return None, f"analysis failed: {type(error).__name__}: {error}"


# -- in the worker process -------------------------------------------------------------------


def _init_worker(model: str, limits: Limits) -> None:
    _die_with_parent()
    from sayso.nlp.pipeline import shared_pipeline

    shared_pipeline(model)
    if limits.max_memory_mb:
        _limit_memory(limits.max_memory_mb)


def _die_with_parent() -> None:
    """Exit at once when the parent process ends, however it ends: the sentinel of the
    parent (a pipe) becomes readable when it dies, even by kill -9."""
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return
    sentinel = parent.sentinel

    def watch() -> None:
        multiprocessing.connection.wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="sayso-parent-watch", daemon=True).start()


def _limit_memory(megabytes: int) -> None:
    """Address space: what the loaded worker has now, plus ``megabytes``."""
    import resource

    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[0])
    now = pages * os.sysconf("SC_PAGE_SIZE")
    limit = now + megabytes * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _worker_batch(batch: list[ArticleInput], model: str, limits: Limits) -> list[Outcome]:
    from sayso.nlp.pipeline import shared_pipeline

    return analyze_batch(batch, shared_pipeline(model), limits)


# -- in the parent -------------------------------------------------------------------------------


class Analyzer:
    """Analyses batches in submission order, in this process or in ``workers`` processes.

    ``submit`` hands a batch over and returns the batches that are finished, oldest first,
    never more than ``2 * workers`` in flight; ``drain`` waits for the rest. ``isolate``
    puts even a single worker in its own process (what ``sayso ingest`` does: the memory
    limit and a crash of the analysis then never reach the run itself).
    """

    # Beyond the per-article timer inside the worker, a batch may take this much longer
    # before the pool stops its worker (a timer cannot interrupt a C extension's loop).
    grace_seconds = 30.0

    def __init__(
        self,
        workers: int = 1,
        nlp: Language | None = None,
        model: str = "",
        *,
        limits: Limits | None = None,
        isolate: bool = False,
    ) -> None:
        from sayso.nlp.pipeline import DEFAULT_MODEL

        self.workers = max(1, workers)
        self.processes = self.workers if self.workers > 1 or (isolate and nlp is None) else 0
        self.nlp = nlp
        self.model = model or DEFAULT_MODEL
        self.limits = limits or (Limits() if self.processes else NO_LIMITS)
        self._pool: ProcessPool | None = None
        self._pending: deque[tuple[list[Item], Future[list[Outcome]]]] = deque()

    def _executor(self) -> ProcessPool:
        if self._pool is None:
            self._pool = ProcessPool(
                max_workers=self.processes,
                initializer=_init_worker,
                initargs=(self.model, self.limits),
                context=multiprocessing.get_context("spawn"),
            )
        return self._pool

    def submit(self, tags: list[Item]) -> Iterator[tuple[list[Item], list[Outcome]]]:
        if not self.processes:
            batch = [t.article for t in tags if t.article is not None]
            yield tags, analyze_batch(batch, self.nlp, self.limits)
            return
        self._pending.append((tags, self._schedule(tags)))
        while len(self._pending) > 2 * self.processes or (
            self._pending and self._pending[0][1].done()
        ):
            yield self._next()

    def drain(self) -> Iterator[tuple[list[Item], list[Outcome]]]:
        while self._pending:
            yield self._next()

    def _schedule(self, tags: list[Item]) -> Future[list[Outcome]]:
        batch = [tag.article for tag in tags if tag.article is not None]
        timeout = None
        if self.limits.max_seconds:
            # The batch, then each article alone after a timeout: at most twice the limit
            # per article, and the grace.
            timeout = self.limits.max_seconds * (1 + len(batch)) + self.grace_seconds
        try:
            return self._executor().schedule(
                _worker_batch, args=(batch, self.model, self.limits), timeout=timeout
            )
        except RuntimeError:
            # pebble's pool went into its error state (a worker killed while it held the
            # pool's task channel): a new pool, and the batches in flight handed out again.
            self._restart()
            return self._executor().schedule(
                _worker_batch, args=(batch, self.model, self.limits), timeout=timeout
            )

    def _next(self) -> tuple[list[Item], list[Outcome]]:
        tags, future = self._pending.popleft()
        try:
            return tags, future.result()
        except ProcessExpired as error:
            reason = f"the worker process died (exit code {error.exitcode})"
        except FutureTimeout:
            reason = "the batch ran past its time and its worker was stopped"
        except (BrokenProcessPool, RuntimeError) as error:  # the pool itself broke
            self._restart()
            reason = f"the worker processes failed: {error}"
        return tags, [(None, f"analysis failed: {reason}")] * len(tags)

    def _restart(self) -> None:
        """A pool pebble gave up on: stopped; the batches it held are handed out again."""
        if self._pool is not None:
            self._pool.stop()
            self._pool.join()
            self._pool = None
        lost = list(self._pending)
        self._pending.clear()
        for tags, future in lost:
            done = future.done() and not future.cancelled() and future.exception() is None
            self._pending.append((tags, future if done else self._schedule(tags)))

    def close(self, *, cancel: bool = False) -> None:
        if self._pool is not None:
            if cancel:
                for _, future in self._pending:
                    future.cancel()
                self._pool.stop()
            else:
                self._pool.close()
            self._pool.join()
            self._pool = None
        self._pending.clear()
