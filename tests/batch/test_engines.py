"""The local and the Spark engine give the same tables for the same inputs."""

from __future__ import annotations

import pytest

from sayso.batch.local import run_local
from sayso.batch.parquet import read_output
from sayso.batch.spark import run_spark
from sayso.batch.tables import TABLES


@pytest.fixture(scope="module")
def local_out(inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    report = run_local(inputs, out, batch_size=2)
    return out, report


def test_local_engine_writes_every_table_and_keeps_going_past_bad_input(local_out, inputs):
    out, report = local_out
    articles = read_output(out, "articles").to_pylist()
    failures = read_output(out, "failures").to_pylist()
    assert report.articles == len(articles) >= 4  # two from the JSONL, two from the WARC
    assert report.failed == len(failures) >= 3
    assert {a["input"] for a in articles} == {inputs[0], inputs[1]}
    missing = [f for f in failures if f["input"] == inputs[2]]
    assert missing and "no such file" in missing[0]["error"]
    assert inputs[2] in missing[0]["error"]
    assert read_output(out, "attributions").num_rows > 0
    assert read_output(out, "entities").num_rows > 0
    orders = [(a["source_index"], a["ordinal"]) for a in articles]
    assert orders == sorted(orders)


@pytest.mark.slow
def test_spark_on_local_2_gives_the_local_engines_tables(spark, local_out, inputs, tmp_path):
    out, local_report = local_out
    report = run_spark(inputs, str(tmp_path / "spark"), partitions=3, batch_size=2, session=spark)
    assert (report.articles, report.failed) == (local_report.articles, local_report.failed)
    for name in TABLES:
        local, distributed = read_output(out, name), read_output(tmp_path / "spark", name)
        assert distributed.num_rows == local.num_rows, name
        assert distributed.to_pylist() == local.to_pylist(), name
