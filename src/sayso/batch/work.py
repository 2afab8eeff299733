"""What both engines do with their share of the inputs: read items, cut them into batches,
analyse each batch, and turn the outcomes into records (see :mod:`sayso.batch.tables`).

The readers are ``sayso ingest``'s and the analysis is ``sayso ingest``'s worker function,
so a batch gives exactly what an ingest would have stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language

from sayso.analyze import MAX_BATCH_CHARS, ArticleInput, chunked
from sayso.batch.tables import Record
from sayso.ingest.sources import Reader, ReadOptions
from sayso.ingest.workers import Outcome, analyze_batch


@dataclass(slots=True)
class Task:
    """One item read from an input, with its place in the output order.

    ``error`` is a string rather than the reader's InputError: tasks travel between
    processes (Spark pickles them), and a message is all the output keeps of it.
    """

    source_index: int
    ordinal: int
    input: str
    key: str
    article: ArticleInput | None = None
    error: str | None = None

    def record(self, outcome: Outcome) -> Record:
        data, error = outcome
        if data is None:
            error = f"{self.key}: {error}"
        return Record(self.source_index, self.ordinal, self.input, self.key, data, error)

    def failure(self) -> Record:
        return Record(self.source_index, self.ordinal, self.input, self.key, None, self.error)


def read_tasks(
    source_index: int, source: str, options: ReadOptions | None = None
) -> Iterator[Task]:
    """Every item of one input (file, folder, URL), numbered in reading order."""
    for ordinal, item in enumerate(Reader(options).items([source])):
        error = str(item.error) if item.error is not None or item.article is None else None
        if item.skipped is not None:
            error = f"{item.key}: {item.skipped}"
        yield Task(source_index, ordinal, item.input, item.key, item.article, error)


def batches(
    tasks: Iterable[Task], batch_size: int, max_chars: int = MAX_BATCH_CHARS
) -> Iterator[list[Task]]:
    """Tasks in input order, cut at ``batch_size`` tasks or ``max_chars`` characters."""
    return chunked(tasks, batch_size, max_chars, _chars)


def _chars(task: Task) -> int:
    return len(task.article.text) if task.article is not None else 0


def analysed(batch: list[Task], outcomes: list[Outcome]) -> Iterator[Record]:
    """The records of a batch whose articles were analysed (``outcomes``, in order)."""
    results = iter(outcomes)
    for task in batch:
        yield task.failure() if task.article is None or task.error else task.record(next(results))


def articles(batch: list[Task]) -> list[ArticleInput]:
    return [t.article for t in batch if t.article is not None and not t.error]


def analyse_tasks(
    tasks: Iterable[Task], nlp: Language, batch_size: int, max_chars: int = MAX_BATCH_CHARS
) -> Iterator[Record]:
    """Analyse tasks in this process with ``nlp``: the Spark engine's partition function."""
    for batch in batches(tasks, batch_size, max_chars):
        yield from analysed(batch, analyze_batch(articles(batch), nlp))
