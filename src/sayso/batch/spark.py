"""``--engine spark``: the same analysis on a Spark cluster, or on ``local[*]``.

The inputs are read on the executors, one task per input (a CC-NEWS WARC file is one),
then spread over ``partitions`` partitions; each partition analyses its articles through one
spaCy pipeline, loaded once per Python worker (Spark reuses its Python workers, and the
pipeline is cached in each). The tables are written sorted in item order, so that their
rows are exactly those of ``--engine local`` over the same inputs.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from functools import partial
from typing import Any

import pyarrow as pa

from sayso.batch.report import MAX_ERRORS_KEPT, BatchReport
from sayso.batch.tables import SCHEMAS, TABLES, Record, record_rows, sort_keys
from sayso.batch.work import MAX_BATCH_CHARS, Task, analyse_tasks, read_tasks
from sayso.errors import SaysoError
from sayso.ingest.items import is_skip
from sayso.ingest.sources import ReadOptions

DEFAULT_MASTER = "local[*]"
# Set by spark-submit for the Python driver it starts: the master and the Python workers'
# interpreter then come from spark-submit's own options.
UNDER_SPARK_SUBMIT = "PYSPARK_GATEWAY_PORT"


def run_spark(
    sources: list[str],
    out: str,
    *,
    options: ReadOptions | None = None,
    master: str | None = None,
    partitions: int | None = None,
    batch_size: int = 16,
    max_chars: int = MAX_BATCH_CHARS,
    session: Any = None,
) -> BatchReport:
    """Analyse every input into Parquet tables under ``out`` (a path or a Hadoop URL)."""
    spark = session or start_session(master)
    context = spark.sparkContext
    count = partitions or 2 * context.defaultParallelism
    read = context.parallelize(list(enumerate(sources)), max(1, len(sources)))
    records = (
        read.flatMap(partial(_read, options))
        .repartition(count)
        .mapPartitions(partial(_analyse, batch_size, max_chars))
        .persist(_memory_and_disk())
    )
    try:
        for name in TABLES:
            rows = records.flatMap(partial(_rows, name))
            frame = spark.createDataFrame(rows, spark_schema(SCHEMAS[name]))
            frame.orderBy(*sort_keys(name)).write.mode("overwrite").parquet(f"{out}/{name}")
        return _report(records)
    finally:
        records.unpersist()


def start_session(master: str | None = None) -> Any:
    """A SparkSession on ``master``: by default spark-submit's master when run under it,
    else ``local[*]``, whose Python workers then run this environment's Python."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise SaysoError(
            "the spark engine needs PySpark: install sayso with its spark extra "
            "(scripts/bootstrap.sh spark, or pip install 'sayso[spark]')"
        ) from error
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        raise SaysoError("the spark engine needs Java 17 or newer: run scripts/services/java.sh")
    builder = SparkSession.builder.appName("sayso batch")
    builder = builder.config("spark.ui.enabled", "false")
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    if master is None and UNDER_SPARK_SUBMIT not in os.environ:
        master = DEFAULT_MASTER
    if master is not None:
        builder = builder.master(master)
    if master is not None and master.startswith("local"):
        # Workers must import sayso and its model: on this machine, this very interpreter.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        # No network name lookups for a run that never leaves this machine.
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = builder.config("spark.driver.host", "127.0.0.1")
        builder = builder.config("spark.driver.bindAddress", "127.0.0.1")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def spark_schema(schema: pa.Schema) -> Any:
    """The Spark form of a table's Arrow schema (declared once, in sayso.batch.tables)."""
    from pyspark.sql import types

    kinds = {
        pa.string(): types.StringType(),
        pa.int32(): types.IntegerType(),
        pa.int64(): types.LongType(),
    }
    return types.StructType(
        [types.StructField(f.name, kinds[f.type], nullable=f.nullable) for f in schema]
    )


def _memory_and_disk() -> Any:
    from pyspark import StorageLevel

    return StorageLevel.MEMORY_AND_DISK


def _read(options: ReadOptions | None, source: tuple[int, str]) -> Iterator[Task]:
    return read_tasks(source[0], source[1], options)


def _analyse(batch_size: int, max_chars: int, tasks: Iterator[Task]) -> Iterator[Record]:
    from sayso.nlp.pipeline import DEFAULT_MODEL, shared_pipeline

    pending = list(tasks)
    if not pending:  # an empty partition need not load a model
        return iter(())
    return analyse_tasks(pending, shared_pipeline(DEFAULT_MODEL), batch_size, max_chars)


def _rows(name: str, record: Record) -> list[tuple[Any, ...]]:
    names = SCHEMAS[name].names
    return [tuple(row[n] for n in names) for row in record_rows(record)[name]]


def _outcome(record: Record) -> str:
    if record.analysis is not None:
        return "analysed"
    return "skipped" if is_skip(record.error) else "failed"


def _report(records: Any) -> BatchReport:
    outcomes = records.map(_outcome).countByValue()
    report = BatchReport(
        articles=outcomes.get("analysed", 0),
        failed=outcomes.get("failed", 0),
        skipped=outcomes.get("skipped", 0),
    )
    failed = records.filter(lambda r: _outcome(r) == "failed").map(lambda r: r.error)
    report.errors = failed.take(MAX_ERRORS_KEPT)
    return report
