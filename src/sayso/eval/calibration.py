"""Is a resolver's confidence a probability? Bins of confidence and the share right in each.

A calibrated resolver is right about 90% of the time when it says 0.9. The table groups
the resolutions that carry a confidence into equal-width bins over [0, 1] and gives, per
bin, how many there are, their mean confidence and the share right; the expected
calibration error (ECE) is the mean gap between the two, weighted by the bins' sizes.
Resolutions without a confidence are left out; with none at all there is no table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

BINS = 10


@dataclass(frozen=True, slots=True)
class CalibrationBin:
    low: float
    high: float
    count: int
    right: int
    confidence_sum: float

    @property
    def share_right(self) -> float:
        return self.right / self.count if self.count else 0.0

    @property
    def mean_confidence(self) -> float:
        return self.confidence_sum / self.count if self.count else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "low": round(self.low, 3),
            "high": round(self.high, 3),
            "count": self.count,
            "right": self.right,
            "mean_confidence": round(self.mean_confidence, 4),
            "share_right": round(self.share_right, 4),
        }


def calibration_table(
    outcomes: Iterable[tuple[float | None, bool]], bins: int = BINS
) -> list[CalibrationBin] | None:
    """Bins of ``(confidence, right)`` pairs; ``None`` when no pair has a confidence.

    Bin ``k`` holds confidences in ``[k/bins, (k+1)/bins)``, the last one also 1.0.
    """
    if bins < 1:
        raise ValueError(f"bins must be at least 1, not {bins}")
    counts = [0] * bins
    right = [0] * bins
    sums = [0.0] * bins
    seen = False
    for confidence, correct in outcomes:
        if confidence is None:
            continue
        if not 0.0 <= confidence <= 1.0:
            raise ValueError(f"a confidence must lie in [0, 1], not {confidence}")
        seen = True
        index = min(int(confidence * bins), bins - 1)
        counts[index] += 1
        right[index] += int(correct)
        sums[index] += confidence
    if not seen:
        return None
    return [
        CalibrationBin(k / bins, (k + 1) / bins, counts[k], right[k], sums[k]) for k in range(bins)
    ]


def expected_calibration_error(table: list[CalibrationBin]) -> float:
    """Σ |share right − mean confidence| × bin size / total, in [0, 1]."""
    total = sum(b.count for b in table)
    if not total:
        return 0.0
    return sum(abs(b.share_right - b.mean_confidence) * b.count for b in table) / total
