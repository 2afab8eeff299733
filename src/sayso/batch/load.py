"""``sayso load``: bring a batch output folder into the store.

Articles and failures are written in item order, through ``sayso ingest``'s own writer:
the store ends up as an ingest of the same inputs would have left it (duplicates skipped,
near-duplicates linked, failures recorded under their item).
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from sayso.batch.tables import ORDER
from sayso.errors import InputError
from sayso.ingest.items import Item, is_skip
from sayso.ingest.run import Hook, IngestReport, StoreWriter
from sayso.store import Store


def load_output(out: Path, store: Store, on_progress: Hook | None = None) -> IngestReport:
    """Write every article and failure of a batch output to ``store``."""
    writer = StoreWriter(store, on_progress)
    articles = _rows(out, "articles", ["input", "key", "analysis"])
    failures = _rows(out, "failures", ["input", "key", "error"])
    for row in heapq.merge(articles, failures, key=lambda r: (r["source_index"], r["ordinal"])):
        writer.report.read += 1
        item = Item(input=row["input"], key=row["key"])
        if "error" in row and is_skip(row["error"]):
            writer.skip(item, row["error"])
        elif "error" in row:
            writer.fail(item, row["error"])
        else:
            writer.write_all([([item], [(json.loads(row["analysis"]), None)])])
    return writer.report


def _rows(out: Path, name: str, columns: list[str]) -> Iterator[dict[str, Any]]:
    """A table's rows, a batch at a time: both engines write their part files sorted in
    item order, part after part, so the files read in name order are in item order."""
    folder = Path(out) / name
    if not folder.is_dir():
        raise InputError(str(out), f"not a sayso batch output: no {name}/ folder")
    parts = sorted(p for p in folder.glob("*.parquet") if not p.name.startswith((".", "_")))
    for part in parts:
        for batch in pq.ParquetFile(part).iter_batches(batch_size=256, columns=[*ORDER, *columns]):
            yield from batch.to_pylist()
