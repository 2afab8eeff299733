"""The tables' rows and the batches, without any analysis."""

from __future__ import annotations

import pyarrow as pa

from sayso.analyze import ArticleInput
from sayso.batch.tables import SCHEMAS, Record, record_rows, sort_keys
from sayso.batch.work import Task, batches

ANALYSIS = {
    "article": {"id": "a1", "text": "Mayor Ana Duarte said: yes.", "url": None, "title": "T"},
    "attributions": [
        {
            "id": "a1/a1",
            "kind": "direct",
            "source": {"text": "Mayor Ana Duarte", "entity": "Ana Duarte"},
            "cue": {"text": "said"},
            "content": {"text": "yes."},
            "nested_in": None,
        }
    ],
    "entities": [
        {"id": "e1", "name": "Ana Duarte", "type": "PERSON", "mentions": [[0, 16], [30, 35]]}
    ],
    "events": [],
}


def test_an_analysis_fills_every_table_but_failures_in_declared_schemas():
    rows = record_rows(Record(1, 7, "in.jsonl", "in.jsonl:8", ANALYSIS))
    assert [len(rows[name]) for name in SCHEMAS] == [1, 1, 1, 0, 0]
    [article] = rows["articles"]
    assert (article["source_index"], article["ordinal"], article["words"]) == (1, 7, 5)
    assert rows["attributions"][0]["speaker"] == "Ana Duarte"
    assert rows["entities"][0]["mentions"] == 2
    for name, table_rows in rows.items():
        pa.Table.from_pylist(table_rows, schema=SCHEMAS[name])  # raises on a type mismatch


def test_a_failure_is_a_failure_row_naming_its_item():
    rows = record_rows(Record(0, 3, "x.warc.gz", "x.warc.gz@42", None, "x.warc.gz@42: bad"))
    assert rows["articles"] == []
    assert rows["failures"] == [
        {
            "source_index": 0,
            "ordinal": 3,
            "input": "x.warc.gz",
            "key": "x.warc.gz@42",
            "error": "x.warc.gz@42: bad",
        }
    ]


def test_tables_sort_in_item_order_then_within_the_article():
    assert sort_keys("articles") == ["source_index", "ordinal"]
    assert sort_keys("events") == ["source_index", "ordinal", "seq"]


def test_batches_are_cut_by_count_and_by_characters():
    def task(i: int, chars: int) -> Task:
        return Task(0, i, "in", f"in:{i}", ArticleInput(text="x" * chars))

    tasks = [task(0, 10), task(1, 10), task(2, 500), task(3, 10), task(4, 10)]
    sizes = [[t.ordinal for t in b] for b in batches(tasks, batch_size=2, max_chars=100)]
    assert sizes == [[0, 1], [2], [3, 4]]
