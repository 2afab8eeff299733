"""`sayso ingest` then `sayso trace` and `sayso events`, end to end through the CLI."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from sayso.cli import app


@pytest.fixture(scope="module")
def db(tmp_path_factory, stories, nlp, embedder):
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'stories.db'}"
    result = CliRunner().invoke(
        app, ["ingest", str(stories), "--db", url, "--id-field", "id", "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    assert "linked 9 articles" in result.stderr
    return url


def _json(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_trace_by_words_finds_the_claim_and_its_tellings(db):
    result = CliRunner().invoke(
        app, ["trace", "Portugal sends aircraft to fight the Greek fires", "--db", db, "-f", "json"]
    )
    data = _json(result)
    assert data["query"]["cosine"] > 0.5
    assert data["status"] == "linked" and data["cluster"]["size"] == 7  # with 2 headlines
    # The original and its wire copy hold the same words: either is the nearest.
    assert data["claim"]["publisher"] in ("Lusa Wire", "Daily Courier")
    kinds = sorted(t["relation"]["kind"] for t in data["tellings"])
    assert kinds == [
        "contradiction",
        "corroboration",
        "re_report",
        "unsourced",
        "wire_copy",
        "wire_copy",
    ]


def test_trace_by_id_as_a_table(db):
    first = _json(CliRunner().invoke(app, ["trace", "minimum wage", "--db", db, "-f", "json"]))
    claim_id = f"{first['claim']['article_id'][:8]}/{first['claim']['attribution_id']}"
    result = CliRunner().invoke(app, ["trace", claim_id, "--db", db])
    assert result.exit_code == 0, result.output
    assert "say-so score" in result.stdout
    assert "contradiction" in result.stdout and "John Mwangi" in result.stdout
    assert "Sources close to the Treasury (anonymous)" in result.stdout
    # What the score covers, the evidence of each reason, and each article's stance.
    assert "covers: " in result.stdout and " original source" in result.stdout
    assert "each article's stance toward the claim:" in result.stdout
    stances = result.stdout.split("each article's stance toward the claim:")[1]
    assert re.search(r"^\s*against\s+Business Daily Star ", stances, re.M), stances
    assert re.search(r"^\s*for\s+Nairobi Times ", stances, re.M), stances


def test_trace_of_nothing_fails_clearly(db):
    result = CliRunner().invoke(app, ["trace", "a recipe for lemon cake", "--db", db])
    assert result.exit_code == 1
    assert "no claim in the store matches" in result.stderr
    result = CliRunner().invoke(app, ["trace", "ffffffff/a1", "--db", db])
    assert result.exit_code == 1


def test_events_lists_happenings_told_by_several_articles(db):
    data = _json(CliRunner().invoke(app, ["events", "--db", db, "-f", "json"]))
    assert data, "no linked event"
    aircraft = data[0]
    assert aircraft["articles"] == 5 and aircraft["type"] == "AGREE"
    assert "Athens Herald" in aircraft["publishers"]
    table = CliRunner().invoke(app, ["events", "--db", db, "--type", "agree"])
    assert table.exit_code == 0 and "5 articles" in table.stdout
    none = CliRunner().invoke(app, ["events", "--db", db, "--min-articles", "50"])
    assert "no event is told by more than one article" in none.stdout


def test_link_with_nothing_pending_says_nothing_and_rebuild_relinks(db):
    quiet = CliRunner().invoke(app, ["link", "--db", db])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    again = CliRunner().invoke(app, ["link", "--db", db, "--rebuild"])
    assert again.exit_code == 0 and "linked 9 articles" in again.stderr
    # The rebuilt tables (swapped in) keep the own-voice tellings, relations and stances.
    data = _json(
        CliRunner().invoke(
            app,
            ["trace", "Portugal sends aircraft to fight the Greek fires", "--db", db, "-f", "json"],
        )
    )
    assert data["cluster"]["size"] == 7
    assert sorted(t["relation"]["kind"] for t in data["tellings"]).count("unsourced") == 1
    assert {s["stance"] for s in data["provenance"]["stances"]} >= {"against", "observing"}
