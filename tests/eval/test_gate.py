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
