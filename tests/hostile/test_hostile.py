"""The hostile corpus (tests/hostile/corpus.py): each input gives a clear error naming it or
a safe result, within a time and memory cap; one bad input never stops a batch; payloads
meant for spreadsheets are neutralised in CSV export."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from sayso.ingest.run import ingest
from sayso.ingest.sources import read_sources
from sayso.store import open_store
from sayso.store.output import to_csv
from tests.hostile.corpus import EXPECT, GOOD, build

CHILD = Path(__file__).with_name("read_child.py")
MEMORY_CAP_MB = 600  # over what the imports take
SECONDS_PER_INPUT = 20.0
FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("hostile") / "corpus")


@pytest.mark.slow
def test_each_input_gives_errors_naming_it_or_articles_within_caps(corpus):
    done = subprocess.run(
        [sys.executable, str(CHILD), str(corpus), str(MEMORY_CAP_MB)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    rows = {row["name"]: row for row in map(json.loads, done.stdout.splitlines())}
    assert set(rows) == set(EXPECT)
    for name, expected in EXPECT.items():
        row = rows[name]
        assert row["seconds"] < SECONDS_PER_INPUT, name
        assert all(e.startswith(str(corpus / name)) for e in row["errors"]), row
        if expected == "error":
            assert row["articles"] == 0 and row["errors"], row
        elif expected == "ok":
            assert row["articles"] >= 1 and not row["errors"], row
        else:
            assert row["articles"] >= 1 and row["errors"], row


def test_feeds_never_expand_external_or_nested_entities(corpus):
    for name in ("xxe.rss", "billion-laughs.rss"):
        items = list(read_sources([str(corpus / name)]))
        for item in items:
            text = item.article.text if item.article else str(item.error)
            assert "root:" not in text and "lollollol" not in text, name
            assert len(text) < 5000, name


@pytest.mark.slow
def test_a_batch_of_hostile_and_good_inputs_stores_the_good_ones(corpus, tmp_path, nlp, store_url):
    good = tmp_path / "good"
    good.mkdir()
    texts = [GOOD, GOOD.replace("bridge", "tunnel").replace("Smith", "Jones")]
    for n, text in enumerate(texts):
        (good / f"good{n}.txt").write_text(text)
    with open_store(store_url) as store:
        report = ingest([str(corpus), str(good)], store, nlp=nlp)
        assert not report.interrupted
        assert all(store.is_known(text) for text in texts)
        assert report.failed >= sum(1 for v in EXPECT.values() if v != "ok")
        assert report.ingested >= len(texts) + 1
        _assert_csv_export_is_neutralised(store)


def _assert_csv_export_is_neutralised(store) -> None:
    claims = [row.to_dict() for row in store.claims()]
    articles = [row.to_dict() for row in store.articles()[0]]
    assert any("=cmd" in str(row.get("title")) for row in articles)
    for rows in (claims, articles):
        columns = list(rows[0])
        for record in csv.reader(io.StringIO(to_csv(rows, columns))):
            for cell in record:
                stripped = cell.lstrip(" \u00a0\u200b\ufeff\u3000")
                assert not stripped.startswith(FORMULA) or cell.startswith("'"), cell
