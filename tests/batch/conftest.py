"""Inputs for the batch tests, and one SparkSession for a whole test module.

The Spark tests run on ``local[2]``. Without PySpark or Java they skip, unless
``SAYSO_REQUIRE_SPARK=1`` (set by scripts/test.sh, which installs both), where they fail.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from ingest.conftest import FIXTURES as INGEST_FIXTURES
from ingest.test_readers import CC_NEWS, _warc


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """A small JSONL (two articles, a record without text, bad JSON), a small CC-NEWS-like
    WARC, and a missing file: every kind of item a batch meets."""
    folder = tmp_path_factory.mktemp("inputs")
    warc = folder / "CC-NEWS-20240411-00001.warc.gz"
    warc.write_bytes(_warc(CC_NEWS))
    return [str(INGEST_FIXTURES / "articles.jsonl"), str(warc), str(folder / "missing.jsonl")]


def _no_spark(message: str) -> None:
    if os.environ.get("SAYSO_REQUIRE_SPARK") == "1":
        pytest.fail(f"{message} (SAYSO_REQUIRE_SPARK=1: the Spark tests must run)")
    pytest.skip(message)


@pytest.fixture(scope="module")
def spark() -> Iterator[object]:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        _no_spark("PySpark is not installed (scripts/bootstrap.sh dev,spark)")
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        _no_spark("no Java (scripts/services/java.sh)")
    from sayso.batch.spark import start_session

    session = start_session("local[2]")
    yield session
    session.stop()
