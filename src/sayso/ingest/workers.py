"""Analysis in worker processes: each loads the spaCy pipeline once, then takes batches.

The parent process keeps the database; workers only turn article inputs into analyses (in
their JSON form, which pickles small and keeps every field the model has).
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from spacy.language import Language

from sayso.analyze import ArticleInput, analyze_many
from sayso.ingest.items import Item

Outcome = tuple[dict[str, Any] | None, str | None]  # (analysis JSON, error)


def analyze_batch(batch: list[ArticleInput], nlp: Language | None = None) -> list[Outcome]:
    """Analyse a batch through ``nlp.pipe``; if it fails, each article alone, to find the
    one that fails and keep the others."""
    try:
        return [(a.to_dict(), None) for a in analyze_many(batch, nlp=nlp, batch_size=len(batch))]
    except Exception:
        if len(batch) == 1:
            return [(None, _describe_failure(batch[0], nlp))]
    outcomes: list[Outcome] = []
    for item in batch:
        try:
            outcomes.extend((a.to_dict(), None) for a in analyze_many([item], nlp=nlp))
        except Exception as error:
            outcomes.append((None, f"analysis failed: {type(error).__name__}: {error}"))
    return outcomes


def _describe_failure(item: ArticleInput, nlp: Language | None) -> str:
    try:
        list(analyze_many([item], nlp=nlp))
    except Exception as error:
        return f"analysis failed: {type(error).__name__}: {error}"
    return "analysis failed"


def _init_worker(model: str) -> None:
    from sayso.nlp.pipeline import shared_pipeline

    shared_pipeline(model)


def _worker_batch(batch: list[ArticleInput], model: str) -> list[Outcome]:
    from sayso.nlp.pipeline import shared_pipeline

    return analyze_batch(batch, shared_pipeline(model))


class Analyzer:
    """Analyses batches in submission order, in this process or in ``workers`` processes.

    ``submit`` hands a batch over and returns the batches that are finished, oldest first,
    never more than ``2 * workers`` in flight; ``drain`` waits for the rest.
    """

    def __init__(self, workers: int = 1, nlp: Language | None = None, model: str = "") -> None:
        from sayso.nlp.pipeline import DEFAULT_MODEL

        self.workers = max(1, workers)
        self.nlp = nlp
        self.model = model or DEFAULT_MODEL
        self._pool: ProcessPoolExecutor | None = None
        self._pending: deque[tuple[list[Item], Future[list[Outcome]]]] = deque()

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(self.model,),
            )
        return self._pool

    def submit(self, tags: list[Item]) -> Iterator[tuple[list[Item], list[Outcome]]]:
        if self.workers == 1:
            yield tags, analyze_batch([t.article for t in tags if t.article is not None], self.nlp)
            return
        self._pending.append((tags, self._submit(tags)))
        while len(self._pending) > 2 * self.workers or (
            self._pending and self._pending[0][1].done()
        ):
            yield self._next()

    def drain(self) -> Iterator[tuple[list[Item], list[Outcome]]]:
        while self._pending:
            yield self._next()

    def _next(self) -> tuple[list[Item], list[Outcome]]:
        tags, future = self._pending.popleft()
        try:
            return tags, self._result(future)
        except BrokenProcessPool:
            self._restart()
            return tags, [(None, "analysis failed: the worker process died")] * len(tags)

    # How often a wait for a batch looks for a dead worker, and for how long a dead worker
    # may go unnoticed by the pool before the wait gives up on it.
    poll_seconds = 2.0
    grace_seconds = 10.0

    def _result(self, future: Future[list[Outcome]]) -> list[Outcome]:
        """The batch's outcomes. CPython's pool can miss a worker killed at the wrong moment
        (while it writes a result, say): its batch never ends and no error comes, so a dead
        worker seen for longer than the grace period breaks the pool here instead."""
        dead_since: float | None = None
        while True:
            try:
                return future.result(timeout=self.poll_seconds)
            except TimeoutError:
                if not self._has_dead_worker():
                    dead_since = None
                    continue
                dead_since = dead_since or time.monotonic()
                if time.monotonic() - dead_since >= self.grace_seconds:
                    raise BrokenProcessPool("a worker died and its pool did not notice") from None

    def _processes(self) -> list[multiprocessing.process.BaseProcess]:
        # ProcessPoolExecutor keeps its workers in a private dict: there is no public way
        # to see them, and a dead one must be seen (above) and the others stopped (below).
        return list((getattr(self._pool, "_processes", None) or {}).values())

    def _has_dead_worker(self) -> bool:
        return any(process.exitcode is not None for process in self._processes())

    def _restart(self) -> None:
        if self._pool is not None:
            # A surviving worker can be stuck on a queue the dead one held; left alone it
            # would block this process at exit, where CPython joins every pool's workers.
            survivors = self._processes()
            self._pool.shutdown(wait=False, cancel_futures=True)
            for process in survivors:
                process.kill()
        self._pool = None
        # Batches already handed to the dead pool are lost with it: submit them again.
        lost = list(self._pending)
        self._pending.clear()
        for tags, future in lost:
            finished = future.done() and not future.cancelled() and future.exception() is None
            self._pending.append((tags, future if finished else self._resubmit(tags)))

    def _submit(self, tags: list[Item]) -> Future[list[Outcome]]:
        """Hand a batch to the pool; a pool a dead worker broke since the last result is
        restarted first (its submit raises at once, before any future could say so)."""
        try:
            return self._resubmit(tags)
        except BrokenProcessPool:
            self._restart()
            return self._resubmit(tags)

    def _resubmit(self, tags: list[Item]) -> Future[list[Outcome]]:
        batch = [tag.article for tag in tags if tag.article is not None]
        return self._executor().submit(_worker_batch, batch, self.model)

    def close(self, *, cancel: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=not cancel, cancel_futures=cancel)
            self._pool = None
        self._pending.clear()
