"""The event linker's parts on hand-made mentions: features, the fit, online clustering."""

from __future__ import annotations

import numpy as np
import pytest

from sayso.graph.eventlink import (
    FEATURES,
    EventMention,
    OnlineLinker,
    PairModel,
    default_model,
    doc_overlap,
    fit_weights,
    pair_features,
)


def unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def mention(key, doc, lemma, lemma_vec, window, words):
    return EventMention(key, doc, lemma, unit(*lemma_vec), unit(*window), frozenset(words))


def test_doc_overlap_is_a_binary_cosine():
    assert doc_overlap(frozenset("abcd"), frozenset("cdef")) == pytest.approx(2 / 4)
    assert doc_overlap(frozenset("ab"), frozenset()) == 0.0


def test_pair_features_in_the_documented_order():
    a = mention("a", "d1", "arrest", (1, 0), (1, 0), "abcd")
    b = mention("b", "d2", "arrest", (1, 0), (0, 1), "cdef")
    row = pair_features(a, [b])[0]
    values = dict(zip(FEATURES, row, strict=True))
    assert values["same_lemma"] == 1.0 and values["same_doc"] == 0.0
    assert values["lemma_cos"] == pytest.approx(1.0)
    assert values["window_cos"] == pytest.approx(0.0, abs=1e-6)
    assert values["doc_overlap"] == pytest.approx(0.5)
    assert values["lemma_cos*doc_overlap"] == pytest.approx(0.5)


def test_fit_weights_separates_a_separable_sample():
    rng = np.random.default_rng(0)
    features = rng.normal(size=(400, 2))
    labels = features[:, 0] - 0.5 * features[:, 1] > 0.2
    weights, intercept = fit_weights(features, labels, l2=0.01)
    predicted = features @ weights + intercept > 0
    assert (predicted == labels).mean() > 0.97
    assert weights[0] > 0 > weights[1]


def test_online_linker_joins_the_best_cluster_or_starts_one():
    # A model that links on the window cosine alone: p = sigmoid(20 (cos - 0.5)).
    weights = tuple(20.0 if name == "window_cos" else 0.0 for name in FEATURES)
    model = PairModel(weights, -10.0, threshold=0.5)
    linker = OnlineLinker(model)
    first = linker.add(mention("m1", "d1", "x", (1, 0), (1, 0, 0), ""))
    second = linker.add(mention("m2", "d2", "y", (1, 0), (0.95, 0.1, 0), ""))
    third = linker.add(mention("m3", "d3", "z", (1, 0), (0, 0, 1), ""))
    assert first == second != third
    assert linker.partition() == [["m1", "m2"], ["m3"]]
    blocked = OnlineLinker(model, compatible=lambda a, b: a.doc[0] == b.doc[0] == "d")
    blocked.add(mention("n1", "d1", "x", (1, 0), (1, 0, 0), ""))
    assert blocked.add(mention("n2", "e1", "x", (1, 0), (1, 0, 0), "")) == 1


def test_the_shipped_model_round_trips():
    model = default_model()
    again = PairModel.from_dict(model.to_dict())
    assert again.weights == model.weights and again.threshold == model.threshold
    assert 0.0 < model.threshold < 1.0
    assert model.notes["fitted_on"].startswith("ECB+ training topics")
