"""The mention ranker: a log-linear model that scores each candidate entity of a mention,
and leaving it unresolved, and takes the most probable if it is probable enough.

The weights are trained by ``sayso train resolver`` (:mod:`sayso.train.resolver`) on GUM
and GAP and shipped in ``weights.json`` next to this module. The probabilities are the
model's own softmax: its confidence in the choice.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from sayso.nlp.coref.features import Features

WEIGHTS_FILE = "weights.json"


@dataclass(slots=True)
class RankerWeights:
    """One weight per feature name for each kind of mention, and the probability a
    choice needs for each kind (below it the mention is left unresolved)."""

    groups: dict[str, dict[str, float]] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"meta": self.meta, "thresholds": self.thresholds, "groups": self.groups}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RankerWeights:
        return cls(
            groups={g: dict(w) for g, w in data.get("groups", {}).items()},
            thresholds=dict(data.get("thresholds", {})),
            meta=dict(data.get("meta", {})),
        )

    def write(self, path: Path) -> None:
        text = json.dumps(self.to_dict(), indent=1, sort_keys=True)
        path.write_text(text + "\n", encoding="utf-8")


def default_weights_path() -> Path:
    return Path(str(resources.files("sayso.nlp.coref") / WEIGHTS_FILE))


@lru_cache(maxsize=1)
def shipped_weights() -> RankerWeights:
    path = default_weights_path()
    if not path.exists():
        return RankerWeights()
    return RankerWeights.from_dict(json.loads(path.read_text(encoding="utf-8")))


class MentionRanker:
    def __init__(self, weights: RankerWeights | None = None) -> None:
        self.weights = weights if weights is not None else shipped_weights()

    def probabilities(self, group: str, rows: list[Features]) -> list[float]:
        """Softmax over ``rows`` (the first is conventionally the null choice)."""
        weights = self.weights.groups.get(group, {})
        scores = [sum(weights.get(k, 0.0) * v for k, v in row.items()) for row in rows]
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def threshold(self, group: str) -> float:
        return self.weights.thresholds.get(group, 0.5)
