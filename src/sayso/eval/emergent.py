"""``sayso eval emergent``: the stance of headlines toward claims, on Emergent
(Ferreira & Vlachos, NAACL 2016; ``$SAYSO_DATA_DIR/emergent/train.csv``).

Held out **by claim**, never by row: the 240 claims are dealt into ``FOLDS`` folds by a
hash of their id; each fold's headlines are classified by a model trained on the other
folds' claims only, and the figures are those of all held-out predictions together
(cross-validation by claim). Reported next to the majority class of the training folds
and to the claim graph's rule alone (``sayso.graph.stance``, no training).

The features of every row are computed once (the headline analysed by sayso's pipeline,
the claim and the tellings embedded); each fold then fits the classifier on them.
"""

from __future__ import annotations

import csv
import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from sayso.graph.embed import Embedder
from sayso.stance.model import CLASSES, StanceWeights, fit

FOLDS = 5
L2 = 3.0  # chosen among 1, 3, 10 by this same held-out-by-claim figure


@dataclass(frozen=True, slots=True)
class EmergentRow:
    claim: str
    headline: str
    stance: str
    claim_id: str
    article_id: str


def default_path() -> Path:
    from sayso.eval.polnear import data_dir

    return data_dir() / "emergent" / "train.csv"


def read_rows(path: Path) -> list[EmergentRow]:
    """Emergent's CSV (``claimHeadline, articleHeadline, articleHeadlineStance, articleId,
    claimId``), in file order; rows with another label are skipped."""
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            label = (record.get("articleHeadlineStance") or "").strip()
            if label not in CLASSES:
                continue
            rows.append(
                EmergentRow(
                    claim=record["claimHeadline"].strip(),
                    headline=record["articleHeadline"].strip(),
                    stance=label,
                    claim_id=record["claimId"],
                    article_id=record["articleId"],
                )
            )
    return rows


def fold_of(claim_id: str, folds: int = FOLDS) -> int:
    return int(hashlib.sha256(claim_id.encode()).hexdigest(), 16) % folds


@dataclass(slots=True)
class Featurised:
    rows: list[EmergentRow]
    features: list[dict[str, float]]
    rule: list[str]


def featurise(
    rows: Sequence[EmergentRow], *, nlp: Language | None = None, embedder: Embedder | None = None
) -> Featurised:
    from sayso.stance import read_pairs

    found = list(read_pairs([(r.claim, r.headline) for r in rows], nlp=nlp, embedder=embedder))
    return Featurised(list(rows), [f[1] for f in found], [f[2] for f in found])


@dataclass(slots=True)
class Scores:
    accuracy: float
    macro_f1: float
    per_class: dict[str, dict[str, float]]
    n: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "per_class": self.per_class,
            "n": self.n,
        }


def scores(gold: Sequence[str], predicted: Sequence[str]) -> Scores:
    right = sum(g == p for g, p in zip(gold, predicted, strict=True))
    per_class: dict[str, dict[str, float]] = {}
    for label in CLASSES:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "n": tp + fn,
        }
    macro = sum(c["f1"] for c in per_class.values()) / len(CLASSES)
    return Scores(right / len(gold) if gold else 0.0, macro, per_class, len(gold))


@dataclass(slots=True)
class EmergentReport:
    sayso: Scores
    rule: Scores
    majority: Scores
    folds: int
    claims: int
    labels: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "split": f"held out by claim, {self.folds} folds",
            "rows": self.sayso.n,
            "claims": self.claims,
            "labels": self.labels,
            "sayso": self.sayso.to_dict(),
            "rule": self.rule.to_dict(),
            "majority": self.majority.to_dict(),
        }


def cross_validate(data: Featurised, *, folds: int = FOLDS, l2: float = L2) -> EmergentReport:
    """Each fold's claims classified by a model fitted on the other folds' claims."""
    predicted: list[str | None] = [None] * len(data.rows)
    majority: list[str | None] = [None] * len(data.rows)
    fold = [fold_of(r.claim_id, folds) for r in data.rows]
    for k in range(folds):
        train = [i for i, f in enumerate(fold) if f != k]
        held = [i for i, f in enumerate(fold) if f == k]
        if not held:
            continue
        model = fit([data.features[i] for i in train], [data.rows[i].stance for i in train], l2=l2)
        common = Counter(data.rows[i].stance for i in train).most_common(1)[0][0]
        for i in held:
            predicted[i] = model.predict(data.features[i])
            majority[i] = common
    gold = [r.stance for r in data.rows]
    return EmergentReport(
        sayso=scores(gold, [p or "for" for p in predicted]),
        rule=scores(gold, data.rule),
        majority=scores(gold, [m or "for" for m in majority]),
        folds=folds,
        claims=len({r.claim_id for r in data.rows}),
        labels=dict(Counter(gold)),
    )


def evaluate(
    path: Path, *, nlp: Language | None = None, embedder: Embedder | None = None
) -> EmergentReport:
    return cross_validate(featurise(read_rows(path), nlp=nlp, embedder=embedder))


def train_all(data: Featurised, *, l2: float = L2) -> StanceWeights:
    """The shipped model: fitted on every row."""
    weights = fit(data.features, [r.stance for r in data.rows], l2=l2)
    weights.meta.update(
        {
            "data": "emergent/train.csv",
            "rows": len(data.rows),
            "claims": len({r.claim_id for r in data.rows}),
        }
    )
    return weights


def format_report(report: EmergentReport) -> str:
    lines = [
        f"Emergent, held out by claim ({report.folds} folds): {report.sayso.n} headlines, "
        f"{report.claims} claims; labels {report.labels}",
        f"{'system':<22} {'accuracy':>9} {'macro-F1':>9}   "
        + "   ".join(f"{c} P/R/F1" for c in CLASSES),
    ]
    for name, s in (
        ("sayso", report.sayso),
        ("graph rule alone", report.rule),
        ("majority class", report.majority),
    ):
        cells = "   ".join(
            f"{100 * s.per_class[c]['precision']:.1f}/{100 * s.per_class[c]['recall']:.1f}/"
            f"{100 * s.per_class[c]['f1']:.1f}"
            for c in CLASSES
        )
        lines.append(f"{name:<22} {100 * s.accuracy:>8.1f}% {s.macro_f1:>9.3f}   {cells}")
    return "\n".join(lines)
