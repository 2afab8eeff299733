"""The shipped resolver weights are what ``sayso train resolver`` makes from the data."""

from __future__ import annotations

import json

import pytest

from sayso.config import data_dir
from sayso.nlp.coref.ranker import RankerWeights, default_weights_path
from sayso.nlp.coref.walk import Example
from sayso.train.fit import fit_group
from sayso.train.resolver import TrainingData, train, tune_thresholds


def test_fit_prefers_the_feature_of_the_right_choice():
    examples = [
        Example("he", [{"null": 1.0}, {"bias": 1.0, "near": 1.0}, {"bias": 1.0}], {1}),
        Example("he", [{"null": 1.0}, {"bias": 1.0}, {"bias": 1.0, "near": 1.0}], {2}),
    ] * 5
    weights = fit_group(examples, l2=0.1)
    assert weights["near"] > 1.0
    # the same data gives the same weights
    assert fit_group(examples, l2=0.1) == weights


def test_thresholds_leave_unresolved_what_is_usually_wrong():
    weights = RankerWeights(groups={"he": {"near": 2.0}})
    sure = Example("he", [{"null": 1.0}, {"near": 1.0}, {}], {1})
    unsure_wrong = Example("he", [{"null": 1.0}, {}, {}], {0})
    thresholds = tune_thresholds(weights, [sure] * 3 + [unsure_wrong] * 3)
    assert 0.34 < thresholds["he"] <= 0.75


@pytest.mark.slow
def test_shipped_weights_are_reproduced_from_the_data(nlp):
    root = data_dir()
    data = TrainingData.under(root)
    if not (data.gum.exists() and data.gap_train.exists() and data.gap_tune.exists()):
        pytest.skip(f"no GUM/GAP under {root} (set SAYSO_DATA_DIR)")
    shipped = json.loads(default_weights_path().read_text(encoding="utf-8"))
    trained = train(nlp, data).to_dict()
    assert trained == RankerWeights.from_dict(shipped).to_dict()
