"""Coreference scores: MUC, B³, CEAF-e and their mean, the CoNLL F1.

The definitions follow Pradhan et al. (2014), "Scoring Coreference Partitions of Predicted
Mentions: A Reference Implementation", which the CoNLL shared tasks and the ECB+ literature
use. A partition is a list of clusters, each a set of mention ids; mentions that appear in
only one of key and response are handled as that paper says (MUC and B³ over each side's
own mentions, CEAF-e over an optimal one-to-one alignment of clusters).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

Cluster = frozenset[Hashable]


@dataclass(frozen=True, slots=True)
class Score:
    """Recall, precision and F1, each in [0, 1]."""

    recall: float
    precision: float

    @property
    def f1(self) -> float:
        total = self.recall + self.precision
        return 2 * self.recall * self.precision / total if total else 0.0

    def to_dict(self) -> dict[str, float]:
        return {"recall": self.recall, "precision": self.precision, "f1": self.f1}


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def partition(clusters: Iterable[Iterable[Hashable]]) -> list[Cluster]:
    """Clusters as frozensets, empty ones dropped; a mention in two clusters is an error."""
    result: list[Cluster] = []
    seen: set[Hashable] = set()
    for cluster in clusters:
        members = frozenset(cluster)
        if seen & members:
            raise ValueError(
                f"mentions in more than one cluster: {sorted(map(str, seen & members))}"
            )
        seen |= members
        if members:
            result.append(members)
    return result


def _muc_side(gold: Sequence[Cluster], other: Sequence[Cluster]) -> tuple[int, int]:
    """MUC's numerator and denominator for ``gold``: links kept by ``other``'s partition.

    A cluster K contributes |K| - p(K), where p(K) is the number of pieces ``other`` cuts
    it into (a mention ``other`` lacks is a piece of its own), over |K| - 1.
    """
    where = {mention: index for index, cluster in enumerate(other) for mention in cluster}
    numerator = denominator = 0
    for cluster in gold:
        pieces = {where.get(mention, ("alone", mention)) for mention in cluster}
        numerator += len(cluster) - len(pieces)
        denominator += len(cluster) - 1
    return numerator, denominator


def muc(key: Sequence[Cluster], response: Sequence[Cluster]) -> Score:
    """Vilain et al. (1995): the links of each side that the other side's clusters keep."""
    r_num, r_den = _muc_side(key, response)
    p_num, p_den = _muc_side(response, key)
    return Score(_ratio(r_num, r_den), _ratio(p_num, p_den))


def _b_cubed_side(gold: Sequence[Cluster], other: Sequence[Cluster]) -> float:
    """Mean over ``gold``'s mentions of |K ∩ R| / |K| for the mention's clusters K and R."""
    where = {mention: cluster for cluster in other for mention in cluster}
    total = sum(len(cluster) for cluster in gold)
    kept = 0.0
    for cluster in gold:
        for mention in cluster:
            kept += len(cluster & where.get(mention, frozenset())) / len(cluster)
    return _ratio(kept, total)


def b_cubed(key: Sequence[Cluster], response: Sequence[Cluster]) -> Score:
    """Bagga & Baldwin (1998), singletons included."""
    return Score(_b_cubed_side(key, response), _b_cubed_side(response, key))


def ceaf_e(key: Sequence[Cluster], response: Sequence[Cluster]) -> Score:
    """Luo (2005), entity-based: the best one-to-one alignment of key and response clusters
    under φ4(K, R) = 2 |K ∩ R| / (|K| + |R|); recall divides its total by the number of key
    clusters, precision by the number of response clusters."""
    if not key or not response:
        return Score(0.0, 0.0)
    similarity = np.zeros((len(key), len(response)))
    index = {mention: j for j, cluster in enumerate(response) for mention in cluster}
    for i, cluster in enumerate(key):
        for j in {index[m] for m in cluster if m in index}:
            similarity[i, j] = 2 * len(cluster & response[j]) / (len(cluster) + len(response[j]))
    rows, cols = linear_sum_assignment(similarity, maximize=True)
    total = float(similarity[rows, cols].sum())
    return Score(total / len(key), total / len(response))


@dataclass(frozen=True, slots=True)
class CorefScores:
    muc: Score
    b_cubed: Score
    ceaf_e: Score

    @property
    def conll_f1(self) -> float:
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3

    def to_dict(self) -> dict[str, object]:
        return {
            "muc": self.muc.to_dict(),
            "b_cubed": self.b_cubed.to_dict(),
            "ceaf_e": self.ceaf_e.to_dict(),
            "conll_f1": self.conll_f1,
        }


def score(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> CorefScores:
    """MUC, B³ and CEAF-e of ``response`` against ``key``."""
    gold, predicted = partition(key), partition(response)
    return CorefScores(muc(gold, predicted), b_cubed(gold, predicted), ceaf_e(gold, predicted))
