"""Fitting a log-linear mention ranker: softmax over each mention's choices, trained to
put its probability on the right ones (any of them: a mention whose entity was split in
two is right with either half), with an L2 penalty, by L-BFGS in float64.

Deterministic: the examples are read in a fixed order, the features indexed in sorted
order, and the optimiser starts from zero, so the same data gives the same weights.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.optimize import minimize
from scipy.sparse import csr_matrix

from sayso.nlp.coref.walk import Example


def fit_group(
    examples: Sequence[Example], l2: float = 1.0, max_iter: int = 500
) -> dict[str, float]:
    """Weights of one mention kind's features."""
    names = sorted({name for example in examples for row in example.rows for name in row})
    index = {name: i for i, name in enumerate(names)}
    data: list[float] = []
    cols: list[int] = []
    indptr = [0]
    bounds = [0]
    right: list[float] = []
    for example in examples:
        for r, row in enumerate(example.rows):
            for name, value in sorted(row.items()):
                data.append(value)
                cols.append(index[name])
            indptr.append(len(data))
            right.append(1.0 if r in example.right else 0.0)
        bounds.append(len(indptr) - 1)
    matrix = csr_matrix(
        (np.asarray(data), np.asarray(cols), np.asarray(indptr)), shape=(len(right), len(names))
    )
    starts = np.asarray(bounds[:-1])
    is_right = np.asarray(right, dtype=bool)
    example_of = np.repeat(np.arange(len(examples)), np.diff(bounds))

    def loss_and_gradient(w: np.ndarray) -> tuple[float, np.ndarray]:
        scores = matrix @ w
        top = np.maximum.reduceat(scores, starts)[example_of]
        exp = np.exp(scores - top)
        total = np.add.reduceat(exp, starts)
        right_exp = np.where(is_right, exp, 0.0)
        right_total = np.add.reduceat(right_exp, starts)
        loss = float(np.sum(np.log(total) - np.log(right_total))) + l2 * float(w @ w) / 2
        p = exp / total[example_of]
        q = right_exp / right_total[example_of]
        gradient = matrix.T @ (p - q) + l2 * w
        return loss, gradient

    result = minimize(
        loss_and_gradient,
        np.zeros(len(names)),
        jac=True,
        method="L-BFGS-B",
        options={"maxiter": max_iter},
    )
    return {name: round(float(value), 6) for name, value in zip(names, result.x, strict=True)}
