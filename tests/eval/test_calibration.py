"""The calibration table of resolutions that carry a confidence (fake resolutions here:
today's resolver gives none)."""

from __future__ import annotations

import pytest

from sayso.eval.calibration import calibration_table, expected_calibration_error


def test_no_confidence_no_table():
    assert calibration_table([(None, True), (None, False)]) is None
    assert calibration_table([]) is None


def test_bins_count_share_right_and_mean_confidence():
    outcomes = [(0.95, True), (0.91, True), (0.92, False), (0.15, False), (None, True), (1.0, True)]
    table = calibration_table(outcomes)
    assert table is not None and len(table) == 10
    top, low = table[9], table[1]
    assert (top.count, top.right) == (4, 3)  # 1.0 falls in the last bin
    assert top.share_right == pytest.approx(0.75)
    assert top.mean_confidence == pytest.approx((0.95 + 0.91 + 0.92 + 1.0) / 4)
    assert (low.count, low.right, low.share_right) == (1, 0, 0.0)
    assert sum(b.count for b in table) == 5  # the one without a confidence is left out
    assert table[0].share_right == 0.0 and table[0].mean_confidence == 0.0  # empty bin


def test_expected_calibration_error():
    perfect = calibration_table([(0.8, True)] * 4 + [(0.8, False)])
    assert perfect is not None
    assert expected_calibration_error(perfect) == pytest.approx(0.0)
    overconfident = calibration_table([(0.9, False), (0.9, True)])  # right half the time
    assert overconfident is not None
    assert expected_calibration_error(overconfident) == pytest.approx(0.4)
    assert expected_calibration_error([]) == 0.0


def test_bins_and_confidences_are_checked():
    with pytest.raises(ValueError, match="bins"):
        calibration_table([(0.5, True)], bins=0)
    with pytest.raises(ValueError, match="confidence"):
        calibration_table([(1.5, True)])


def test_bin_to_dict():
    table = calibration_table([(0.55, True)], bins=2)
    assert table is not None
    assert table[1].to_dict() == {
        "low": 0.5,
        "high": 1.0,
        "count": 1,
        "right": 1,
        "mean_confidence": 0.55,
        "share_right": 1.0,
    }
