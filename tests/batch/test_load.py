"""``sayso batch`` then ``sayso load`` leave the store as ``sayso ingest`` would."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
from typer.testing import CliRunner

from sayso.cli import app
from sayso.store import open_store


def _store_contents(url: str) -> tuple[list[str], list[int], list[tuple[str, str]]]:
    with open_store(url) as store:
        ids = sorted(store.article_ids())
        claims = [len(store.load(i).attributions) for i in ids]
        failures = sorted((f.item, f.input) for f in store.failures())
    return ids, claims, failures


def test_batch_then_load_stores_what_ingest_stores(inputs, tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", *inputs, "--out", str(out), "--batch-size", "2"])
    assert result.exit_code == 1, result.output  # the bad records and the missing file
    assert "analysed" in result.output and inputs[2] in result.output
    loaded = f"sqlite:///{tmp_path / 'loaded.db'}"
    result = runner.invoke(app, ["load", str(out), "--db", loaded, "--no-link"])
    assert result.exit_code == 0, result.output
    ingested = f"sqlite:///{tmp_path / 'ingested.db'}"
    runner.invoke(app, ["ingest", *inputs, "--db", ingested, "--no-link", "--no-progress"])
    assert _store_contents(loaded) == _store_contents(ingested)
    assert _store_contents(loaded)[0]


def test_load_twice_adds_nothing_the_second_time(inputs, tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    runner.invoke(app, ["batch", inputs[0], "--out", str(out)])
    url = f"sqlite:///{tmp_path / 'twice.db'}"
    runner.invoke(app, ["load", str(out), "--db", url, "--no-link"])
    result = runner.invoke(app, ["load", str(out), "--db", url, "--no-link"])
    assert "0 ingested" in result.output, result.output


def test_load_of_a_folder_that_is_no_batch_output_names_it(tmp_path):
    result = CliRunner().invoke(app, ["load", str(tmp_path), "--db", f"sqlite:///{tmp_path}/x.db"])
    assert result.exit_code == 2
    assert str(tmp_path) in result.output and "not a sayso batch output" in result.output


def test_batch_into_an_output_that_is_a_file_names_it(inputs, tmp_path):
    taken = tmp_path / "taken"
    taken.write_text("not a folder")
    result = CliRunner().invoke(app, ["batch", inputs[0], "--out", str(taken)])
    assert result.exit_code == 2
    assert "error:" in result.output and str(taken) in result.output


def test_batch_reads_a_dataset_by_the_field_names_given(tmp_path):
    dataset = tmp_path / "dump.jsonl"
    record = {
        "body": "The minister said on Monday that the talks would resume next week.",
        "headline": "Talks to resume",
        "link": "https://example.org/talks",
    }
    dataset.write_text(json.dumps(record) + "\n", encoding="utf-8")
    runner = CliRunner()
    default_out, named_out = tmp_path / "default", tmp_path / "named"
    result = runner.invoke(app, ["batch", str(dataset), "--out", str(default_out)])
    assert result.exit_code == 1 and "0 analysed" in result.output, result.output
    options = ["--text-field", "body", "--title-field", "headline", "--url-field", "link"]
    result = runner.invoke(app, ["batch", str(dataset), "--out", str(named_out), *options])
    assert result.exit_code == 0, result.output
    articles = pq.read_table(named_out / "articles").to_pylist()
    assert [(a["title"], a["url"]) for a in articles] == [
        ("Talks to resume", "https://example.org/talks")
    ]
    assert pq.read_table(named_out / "attributions").num_rows >= 1
