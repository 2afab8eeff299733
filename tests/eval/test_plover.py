"""PLOVER evaluation: the scorer on a hand-made sample, and the figures on the GSR."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sayso.cli import app
from sayso.config import data_dir
from sayso.eval.plover import evaluate, load_gold

SAMPLE = [
    {"id": "T-AGREE-0001", "event": "AGREE",
     "text": "Jordan and Britain have agreed to undertake joint military exercises.",
     "source": [{"actorText": "Jordan", "code": "JOR"}, {"actorText": "Britain", "code": "GBR"}]},
    {"id": "T-ASSAULT-0002", "event": "ASSAULT",
     "text": "Rebels shelled the city of Juba on Sunday.",
     "source": [{"actorText": "Rebels"}], "target": [{"actorText": "Juba", "code": "SSD"}]},
    {"id": "T-REJECT-0003", "event": "REJECT",
     "text": "Serbia rejected an Australian ultimatum to hand over a guard.",
     "source": [{"actorText": "Serbia", "code": "SRB"}],
     "target": [{"actorText": "Australian", "code": "AUS"}]},
    {"id": "DOCUMENT", "event": "DOCUMENT", "text": "header"},
]  # fmt: skip


@pytest.fixture
def sample(tmp_path) -> Path:
    path = tmp_path / "sample.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in SAMPLE) + "\n", encoding="utf-8")
    return path


def test_scorer_on_a_hand_made_sample(sample, nlp):
    records = load_gold(sample)
    assert [r.split for r in records] == ["dev", "test", "dev"]
    report = evaluate(sample, nlp=nlp)
    assert report.total == 3
    assert report.accuracy() == 1.0
    assert report.argument_accuracy("actor") == (1.0, 3)
    assert report.argument_accuracy("recipient") == (1.0, 2)
    assert evaluate(sample, split="dev", nlp=nlp).total == 2


def test_cli_eval_plover(sample):
    result = CliRunner().invoke(app, ["eval", "plover", str(sample), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["records"] == 3 and figures["type_accuracy"] == 1.0


def test_cli_eval_plover_missing_file(tmp_path):
    result = CliRunner().invoke(app, ["eval", "plover", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2


def _gsr() -> Path:
    path = data_dir() / "plover" / "gsr_plover2.jsonl"
    if not path.is_file():
        pytest.skip(f"PLOVER GSR not found at {path} (set SAYSO_DATA_DIR)")
    return path


@pytest.mark.slow
def test_gsr_figures_hold(nlp):
    """The figures docs/accuracy.md reports, with a little slack for parser updates."""
    report = evaluate(_gsr(), nlp=nlp)
    assert report.total == 322
    assert report.macro_f1() >= 0.68
    assert report.argument_accuracy("actor")[0] >= 0.72
    held_out = evaluate(_gsr(), split="test", nlp=nlp)
    assert held_out.macro_f1() >= 0.55
