"""``sayso eval polnear`` end to end on a two-article corpus written for the purpose."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sayso.cli import app

ARTICLES = {
    "one": "“The bridge will close,” Mayor Ann Cole said.\n\nShe said the river was rising.\n",
    "two": "The council met on Monday.\n\nAccording to police, nobody was hurt.\n",
}


def _t(text: str, tid: str, label: str, words: str) -> str:
    """``words``, or ``words#n`` for its n-th later occurrence."""
    words, _, nth = words.partition("#")
    start = text.index(words)
    for _ in range(int(nth or 0)):
        start = text.index(words, start + 1)
    return f"{tid}\t{label} {start} {start + len(words)}\t{words}"


def _ann(text: str, attributions: list[tuple[str, str, str]]) -> str:
    lines = []
    for n, (source, cue, content) in enumerate(attributions):
        t = 4 * n
        lines += [
            _t(text, f"T{t + 1}", "Source", source),
            _t(text, f"T{t + 2}", "Cue", cue),
            _t(text, f"T{t + 3}", "Content", content),
            _t(text, f"T{t + 4}", "Attribution", cue),
            f"E{n + 1}\tAttribution:T{t + 4} Source:T{t + 1} Cue:T{t + 2} Content:T{t + 3}",
        ]
    return "\n".join(lines) + "\n"


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir(parents=True)
    gold = {
        "one": [
            ("Mayor Ann Cole", "said", "“The bridge will close,”"),
            ("She", "said#1", "the river was rising"),
        ],
        "two": [("police", "According to", "nobody was hurt")],
    }
    for name, text in ARTICLES.items():
        (tmp_path / "dev" / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        ann = _ann(text, gold[name])
        (tmp_path / "dev" / "attributions" / f"{name}_x1.ann").write_text(ann, encoding="utf-8")
    return tmp_path


def test_json_figures(corpus):
    result = CliRunner().invoke(app, ["eval", "polnear", str(corpus), "--split", "dev", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["articles"] == 2 and figures["counts"]["gold"] == 3
    assert figures["content"]["overlap"]["r"] == pytest.approx(100.0)
    assert figures["full"]["f1"] == pytest.approx(100.0)


def test_table_and_errors(corpus):
    result = CliRunner().invoke(app, ["eval", "polnear", str(corpus), "--errors", "3"])
    assert result.exit_code == 0, result.output
    assert "content, overlap" in result.stdout and "Misses" in result.stdout


def test_baseline_written_then_checked(corpus, tmp_path):
    baseline = tmp_path / "baseline.json"
    args = ["eval", "polnear", str(corpus), "--baseline", str(baseline)]
    assert CliRunner().invoke(app, [*args, "--write-baseline"]).exit_code == 0
    assert CliRunner().invoke(app, [*args, "--check-baseline"]).exit_code == 0
    record = json.loads(baseline.read_text())
    record["figures"]["content.overlap.f1"] = 101.0
    baseline.write_text(json.dumps(record))
    failed = CliRunner().invoke(app, [*args, "--check-baseline"])
    assert failed.exit_code == 1 and "content.overlap.f1" in failed.output


def test_missing_corpus_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["eval", "polnear", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no PolNeAR split" in result.output
