"""`sayso analyze` end to end: formats, stdin, folders and bad input."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sayso.cli import app
from sayso.model import SCHEMA
from sayso.serial import load_analysis, record

GOOD = "Officials said the bridge would reopen on Monday.\n"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "other.txt").write_text("“We are ready,” Anna Berg said.\n", encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02\x89PNG\x00\x00binary")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    return tmp_path


def test_json_follows_the_schema(runner, fixtures, nlp):
    result = runner.invoke(app, ["analyze", str(fixtures / "rt-france-troops.txt"), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == SCHEMA
    assert data["article"]["text"] == (fixtures / "rt-france-troops.txt").read_text("utf-8")
    assert {"id", "path", "title", "standfirst", "publisher", "text"} <= set(data["article"])
    first = data["attributions"][0]
    assert {"id", "kind", "source", "cue", "content", "nested_in"} <= set(first)
    assert {"start", "end", "text", "entity", "anonymous", "group"} <= set(first["source"])
    assert {"start", "end", "text", "spans"} <= set(first["content"])
    assert {"id", "name", "type", "roles", "mentions"} <= set(data["entities"][0])
    assert record(load_analysis(data)) == data


def test_table_names_speakers_and_cues(runner, fixtures, nlp):
    result = runner.invoke(app, ["analyze", str(fixtures / "rt-france-troops.txt")])
    assert result.exit_code == 0
    assert "Aleksey Goncharenko" in result.stdout and "Vladimir Putin" in result.stdout
    assert "photo_caption" in result.stdout


def test_markdown(runner, fixtures, nlp):
    result = runner.invoke(app, ["analyze", str(fixtures / "rt-france-troops.txt"), "-f", "md"])
    assert result.exit_code == 0
    assert "| a1 | Aleksey Goncharenko" in result.stdout


def test_stdin_jsonl(runner, nlp):
    result = runner.invoke(app, ["analyze", "-", "-f", "jsonl"], input=GOOD)
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["article"]["text"] == GOOD
    assert record["attributions"][0]["source"]["anonymous"] is True


def test_folder_with_one_broken_file(runner, folder, nlp):
    result = runner.invoke(app, ["analyze", str(folder), "-f", "jsonl"])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert sorted(r["article"]["path"].rsplit("/", 1)[-1] for r in records) == [
        "good.txt",
        "other.txt",
    ]
    assert "broken.txt" in result.stderr and "binary" in result.stderr
    assert "ignored.png" not in result.stderr


def test_empty_file(runner, tmp_path, nlp):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["analyze", str(empty)])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and "empty" in result.stderr


def test_missing_file(runner, tmp_path, nlp):
    result = runner.invoke(app, ["analyze", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "nope.txt: no such file" in result.stderr


@pytest.mark.parametrize("encoding", ["cp1251", "latin-1", "utf-16"])
def test_non_utf8_text_is_decoded(runner, tmp_path, encoding, nlp):
    text = {
        "cp1251": "Министр заявил, что переговоры продолжатся. Officials said talks would go on.",
        "latin-1": "Le ministre a déclaré que la réunion était très importante. Officials said "
        "the café would reopen.",
        "utf-16": "Officials said the bridge would reopen.",
    }[encoding]
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    result = runner.invoke(app, ["analyze", str(path), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["article"]["text"] == text


def test_five_megabyte_file_is_refused_clearly_and_others_go_on(runner, tmp_path, nlp):
    big = tmp_path / "big.txt"
    big.write_text(("Officials said the talks went well. " * 150_000)[: 5 * 1024 * 1024])
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    result = runner.invoke(app, ["analyze", str(big), str(good), "-f", "jsonl"])
    assert result.exit_code == 1
    assert "big.txt" in result.stderr and "limit" in result.stderr
    assert len(result.stdout.strip().splitlines()) == 1


def test_all_good_exits_zero(runner, folder, nlp):
    (folder / "broken.txt").unlink()
    result = runner.invoke(app, ["analyze", str(folder), "-f", "jsonl"])
    assert result.exit_code == 0
    assert result.stderr == ""
