"""``sayso stance`` and its Python API: the stance of a text toward a claim, with evidence."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from sayso.cli import app
from sayso.stance import stance_many

CLAIM = "Finance Minister Petra Hudak is about to resign"


def test_stance_of_a_denial_an_observation_and_an_assertion(nlp, embedder):
    results = stance_many(
        [
            (CLAIM, "Hudak denies reports that she is about to resign"),
            (CLAIM, "Hudak is about to resign, two officials say"),
            (CLAIM, "Hudak to resign as finance minister"),
        ],
        nlp=nlp,
        embedder=embedder,
    )
    assert [r.stance for r in results] == ["against", "observing", "for"]
    denial = results[0].evidence
    assert (denial["polarity"], denial["negated_by"], denial["cue"]) == (
        "denies",
        "denies",
        "denies",
    )
    assert denial["content"] == "she is about to resign"
    assert results[1].evidence["kind"] == "attribution"
    assert results[2].evidence["kind"] == "own_voice"
    assert all(abs(sum(r.probabilities.values()) - 1) < 1e-6 for r in results)


def test_the_command_prints_the_stance_and_its_evidence():
    result = CliRunner().invoke(app, ["stance", CLAIM, "Hudak denies she will quit"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("against")
    assert "negated by “denies”" in result.stdout
    as_json = CliRunner().invoke(app, ["stance", CLAIM, "Hudak denies she will quit", "--json"])
    assert json.loads(as_json.stdout)["stance"] == "against"


def test_pairs_are_answered_line_by_line_and_a_bad_line_does_not_stop_them(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        "\n".join(
            [
                json.dumps({"claim": CLAIM, "text": "Hudak denies she will quit"}),
                "{not json",
                json.dumps({"claim": CLAIM}),
                json.dumps({"claim": CLAIM, "text": "Report: Hudak set to quit, aides say"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["stance", "--pairs", str(pairs)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 4
    assert lines[0]["stance"] == "against" and lines[0]["evidence"]["cue"] == "denies"
    assert lines[1]["error"].startswith(f"{pairs}:2:")
    assert lines[2]["error"].startswith(f"{pairs}:3:")
    assert lines[3]["stance"] == "observing"


def test_missing_arguments_are_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["stance", CLAIM])
    assert result.exit_code == 2 and "give CLAIM and TEXT" in result.output
    result = CliRunner().invoke(app, ["stance", "--pairs", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2 and "no such file" in result.output
