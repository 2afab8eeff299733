"""Writing the tables as Parquet in this process, and reading an output folder back.

An output folder holds one folder per table (``articles/``, ``attributions/``...), each with
Parquet part files: the layout Spark writes, so that ``sayso load`` and any Parquet reader
(DuckDB, pandas, Spark itself) read both engines' output alike.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

import pyarrow as pa
import pyarrow.parquet as pq

from sayso.batch.tables import SCHEMAS, TABLES, Record, Rows, record_rows, sort_keys
from sayso.errors import InputError

# Rows are buffered and written a row group at a time: small enough to bound memory on a
# long run, large enough for Parquet's column compression to pay.
ROW_GROUP = 2_000


class ParquetSink:
    """Writes records, in the order given, to ``out/<table>/part-00000.parquet``."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self._rows: Rows = {name: [] for name in TABLES}
        self._writers: dict[str, pq.ParquetWriter] = {}
        for name in TABLES:
            folder = out / name
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob("*.parquet"):
                old.unlink()
            self._writers[name] = pq.ParquetWriter(folder / "part-00000.parquet", SCHEMAS[name])

    def write(self, record: Record) -> None:
        for name, rows in record_rows(record).items():
            self._rows[name].extend(rows)
            if len(self._rows[name]) >= ROW_GROUP:
                self._flush(name)

    def _flush(self, name: str) -> None:
        if self._rows[name]:
            table = pa.Table.from_pylist(self._rows[name], schema=SCHEMAS[name])
            self._writers[name].write_table(table)
            self._rows[name] = []

    def close(self) -> None:
        for name, writer in self._writers.items():
            self._flush(name)
            writer.close()

    def __enter__(self) -> ParquetSink:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def read_output(out: Path, name: str) -> pa.Table:
    """One table of an output folder, in its declared schema, sorted in item order."""
    folder = Path(out) / name
    if not folder.is_dir():
        raise InputError(str(folder), "not a sayso batch output (no such table folder)")
    parts = sorted(p for p in folder.glob("*.parquet") if not p.name.startswith((".", "_")))
    schema = SCHEMAS[name]
    tables = [pq.read_table(p).select(schema.names).cast(schema) for p in parts]
    table = pa.concat_tables(tables) if tables else schema.empty_table()
    return table.sort_by([(key, "ascending") for key in sort_keys(name)])
