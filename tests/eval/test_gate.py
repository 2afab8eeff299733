"""The gate's comparison on made-up figures."""

from __future__ import annotations

import copy

from sayso.eval.gate import baseline_record, regressions


def _figures(overlap_f1: float = 70.0, articles: int = 84) -> dict:
    prf = {"p": 80.0, "r": 60.0, "f1": overlap_f1}
    return {
        "corpus": "polnear",
        "split": "dev",
        "system": "sayso",
        "articles": articles,
        "content": {"exact": dict(prf), "overlap": dict(prf), "any": dict(prf)},
        "full": dict(prf),
        "source_accuracy": 85.0,
        "cue_accuracy": 90.0,
        "speech_cue_recall": 80.0,
        "counts": {},
    }


def test_small_drop_passes_and_large_drop_fails():
    baseline = baseline_record(_figures(70.0))
    assert regressions(_figures(69.6), baseline) == []
    assert regressions(_figures(71.0), baseline) == []
    fallen = regressions(_figures(69.4), baseline)
    assert "content.overlap.f1: 70.00 -> 69.40" in fallen
    assert len(fallen) == 4  # the F1 of each content level and of "full"


def test_a_different_corpus_size_is_reported():
    baseline = baseline_record(_figures())
    assert regressions(_figures(articles=5), baseline)


def test_every_figure_is_gated():
    baseline = baseline_record(_figures())
    worse = copy.deepcopy(_figures())
    worse["cue_accuracy"] = 80.0
    worse["full"]["r"] = 50.0
    assert len(regressions(worse, baseline)) == 2


def test_gate_records_of_the_other_evaluations(tmp_path):
    from sayso.eval.gate import (
        gate_record,
        named_baseline_path,
        read_baseline,
        record_regressions,
        write_record,
    )

    before = gate_record("gap", "gap-validation", {"rows": 454}, {"a.f1": 51.561, "b.f1": 40.0})
    assert before["figures"] == {"a.f1": 51.56, "b.f1": 40.0} and before["reference"] == {}
    path = tmp_path / "gap.json"
    write_record(before, path)
    assert read_baseline(path) == before
    same = gate_record("gap", "gap-validation", {"rows": 454}, {"a.f1": 51.1, "b.f1": 41.0})
    assert record_regressions(same, before) == []  # -0.46 is within half a point
    fallen = gate_record("gap", "gap-validation", {"rows": 454}, {"a.f1": 50.9})
    assert record_regressions(fallen, before) == ["a.f1: 51.56 -> 50.90", "b.f1: 40.00 -> None"]
    smaller = gate_record("gap", "gap-validation", {"rows": 10}, {"a.f1": 99.0, "b.f1": 99.0})
    assert "baseline is for" in record_regressions(smaller, before)[0]
    for name in ("speakers-dev", "gap-validation", "gum-test"):
        assert named_baseline_path(name).is_file()
