"""The stance classifier: multinomial logistic regression over the features of
``sayso.stance.features``, trained by ``sayso train stance`` (``sayso.train.stance``) on
Emergent and shipped as ``weights.json`` next to this module.

Deterministic fit: features indexed in sorted order, L-BFGS from zero in float64 with an
L2 penalty, weights rounded to six decimals; the same data gives the same file.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import minimize
from scipy.sparse import csr_matrix

CLASSES = ("for", "against", "observing")
WEIGHTS_FILE = "weights.json"


@dataclass(slots=True)
class StanceWeights:
    weights: dict[str, dict[str, float]]  # class -> feature -> weight
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"meta": self.meta, "weights": self.weights}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StanceWeights:
        return cls(weights=data["weights"], meta=data.get("meta", {}))

    def write(self, path: Path) -> None:
        path.write_text(
            json.dumps(self.to_dict(), indent=1, sort_keys=True, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )

    def probabilities(self, row: dict[str, float]) -> dict[str, float]:
        scores = {
            c: sum(self.weights.get(c, {}).get(k, 0.0) * v for k, v in row.items()) for c in CLASSES
        }
        top = max(scores.values())
        exp = {c: math.exp(s - top) for c, s in scores.items()}
        total = sum(exp.values())
        return {c: exp[c] / total for c in CLASSES}

    def predict(self, row: dict[str, float]) -> str:
        probabilities = self.probabilities(row)
        return max(CLASSES, key=lambda c: (probabilities[c], -CLASSES.index(c)))


def default_weights_path() -> Path:
    return Path(__file__).with_name(WEIGHTS_FILE)


@lru_cache(maxsize=1)
def shipped_weights() -> StanceWeights:
    return StanceWeights.from_dict(json.loads(default_weights_path().read_text(encoding="utf-8")))


def fit(
    rows: Sequence[dict[str, float]],
    labels: Sequence[str],
    *,
    l2: float = 1.0,
    min_count: int = 2,
    max_iter: int = 1000,
    balanced: bool = True,
) -> StanceWeights:
    """Multinomial logistic regression; features seen in fewer than ``min_count`` rows
    (the rarest words) are left out. ``balanced``: each class weighs as much in the loss
    as the others (``against`` is 15% of Emergent), which is what macro-F1 rewards."""
    counts: dict[str, int] = {}
    for row in rows:
        for name in row:
            counts[name] = counts.get(name, 0) + 1
    names = sorted(n for n, c in counts.items() if c >= min_count)
    index = {n: i for i, n in enumerate(names)}
    data: list[float] = []
    cols: list[int] = []
    indptr = [0]
    for row in rows:
        for name, value in sorted(row.items()):
            if name in index and value:
                data.append(float(value))
                cols.append(index[name])
        indptr.append(len(data))
    matrix = csr_matrix(
        (np.asarray(data), np.asarray(cols, dtype=np.int64), np.asarray(indptr)),
        shape=(len(rows), len(names)),
    )
    target = np.zeros((len(rows), len(CLASSES)))
    for i, label in enumerate(labels):
        target[i, CLASSES.index(label)] = 1.0
    k = len(CLASSES)
    totals = target.sum(axis=0)
    if balanced:
        weight = (len(rows) / (k * np.maximum(totals, 1.0)))[None, :] * target
        target_weight = weight.sum(axis=1, keepdims=True)
    else:
        target_weight = np.ones((len(rows), 1))

    def loss_and_gradient(flat: np.ndarray) -> tuple[float, np.ndarray]:
        w = flat.reshape(len(names), k)
        scores = matrix @ w
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        p = exp / exp.sum(axis=1, keepdims=True)
        loss = -float(np.sum(target_weight * target * np.log(p + 1e-300)))
        loss += l2 * float(np.sum(w * w)) / 2
        gradient = matrix.T @ (target_weight * (p - target)) + l2 * w
        return loss, np.asarray(gradient).ravel()

    result = minimize(
        loss_and_gradient,
        np.zeros(len(names) * k),
        jac=True,
        method="L-BFGS-B",
        options={"maxiter": max_iter},
    )
    w = result.x.reshape(len(names), k)
    weights = {
        c: {n: round(float(w[i, j]), 6) for i, n in enumerate(names) if round(float(w[i, j]), 6)}
        for j, c in enumerate(CLASSES)
    }
    return StanceWeights(
        weights=weights, meta={"l2": l2, "min_count": min_count, "balanced": balanced}
    )
