"""Cross-document event coreference: which event mentions tell the same real-world happening.

One algorithm serves two callers: the store (``sayso.graph.events``: PLOVER events of the
articles) and the ECB+ evaluation (``sayso.eval.eventcoref``: gold event mentions), so the
figure measured on ECB+ is the figure of the code that links the store's events.

A pair of mentions is scored by a logistic model over eight features: the same trigger
lemma, the cosine of the two lemmas' embeddings, the cosine of the embeddings of the words
around each trigger, the same document, the overlap of the two documents' content words
(which tells two arrests of two different people apart when their sentences look alike),
and three products of those. The weights and the threshold were fitted on ECB+'s training
topics (``sayso eval ecbplus --split train --fit``) and ship in ``event_model.json``.

Mentions are clustered online, in the order they arrive, so the store can link each new
article's events as it comes: a mention joins the existing cluster whose members it matches
best on average, when that average probability reaches the threshold, else starts one.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from spacy.lang.en.stop_words import STOP_WORDS

WINDOW = 6  # words each side of the trigger that make its context
_WORD = re.compile(r"\w+")

FEATURES = (
    "same_lemma",
    "lemma_cos",
    "window_cos",
    "same_doc",
    "doc_overlap",
    "same_lemma*doc_overlap",
    "window_cos*doc_overlap",
    "lemma_cos*doc_overlap",
)
MODEL_PATH = Path(__file__).with_name("event_model.json")


@dataclass(slots=True)
class EventMention:
    """What the linker knows of one event mention."""

    key: Hashable
    doc: str  # the document (article) it is in
    lemma: str  # the trigger's head lemma ("arrest"), or the PLOVER predicate
    lemma_vector: np.ndarray  # embedding of the lemma
    window: np.ndarray  # embedding of the words around the trigger
    words: frozenset[str]  # the document's content words


def content_words(text: str) -> frozenset[str]:
    """Lower-case words of a document that are not stop words: its bag for doc_overlap."""
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS)


def doc_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Cosine of two binary bags of words: shared words over the geometric mean of sizes."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def pair_features(mention: EventMention, others: Sequence[EventMention]) -> np.ndarray:
    """The feature rows of ``mention`` paired with each of ``others`` (len(others) x 8)."""
    if not others:
        return np.zeros((0, len(FEATURES)))
    lemmas = np.stack([o.lemma_vector for o in others]) @ mention.lemma_vector
    windows = np.stack([o.window for o in others]) @ mention.window
    same_lemma = np.array([o.lemma == mention.lemma for o in others], dtype=float)
    same_doc = np.array([o.doc == mention.doc for o in others], dtype=float)
    overlap = np.array([doc_overlap(mention.words, o.words) for o in others])
    return np.column_stack(
        [
            same_lemma,
            lemmas,
            windows,
            same_doc,
            overlap,
            same_lemma * overlap,
            windows * overlap,
            lemmas * overlap,
        ]
    )


@dataclass(frozen=True, slots=True)
class PairModel:
    """Logistic weights over :data:`FEATURES` and the clustering threshold."""

    weights: tuple[float, ...]
    intercept: float
    threshold: float
    notes: dict[str, object] = field(default_factory=dict)

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        logits = features @ np.asarray(self.weights) + self.intercept
        return 1.0 / (1.0 + np.exp(-logits))

    def to_dict(self) -> dict[str, object]:
        return {
            "features": list(FEATURES),
            "weights": dict(zip(FEATURES, self.weights, strict=True)),
            "intercept": self.intercept,
            "threshold": self.threshold,
            **self.notes,
        }

    @classmethod
    def from_dict(cls, data: dict) -> PairModel:
        weights = data["weights"]
        notes = {k: v for k, v in data.items() if k not in ("features", "weights", "intercept")}
        notes.pop("threshold", None)
        return cls(
            weights=tuple(float(weights[name]) for name in FEATURES),
            intercept=float(data["intercept"]),
            threshold=float(data["threshold"]),
            notes=notes,
        )


@lru_cache(maxsize=1)
def default_model() -> PairModel:
    """The model fitted on ECB+'s training topics, as shipped."""
    return PairModel.from_dict(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


def save_model(model: PairModel, path: Path = MODEL_PATH) -> None:
    path.write_text(json.dumps(model.to_dict(), indent=2) + "\n", encoding="utf-8")


Compatible = Callable[[EventMention, EventMention], bool]


class OnlineLinker:
    """Clusters mentions as they arrive: each joins the best-matching cluster or starts one."""

    def __init__(self, model: PairModel, compatible: Compatible | None = None) -> None:
        self.model = model
        self.compatible = compatible
        self.mentions: list[EventMention] = []
        self.cluster_of: list[int] = []
        self.clusters: list[list[int]] = []

    def seed(self, mention: EventMention, cluster: int) -> None:
        """Add a mention already linked (from the store) to ``cluster``, creating it if new."""
        while len(self.clusters) <= cluster:
            self.clusters.append([])
        self.clusters[cluster].append(len(self.mentions))
        self.mentions.append(mention)
        self.cluster_of.append(cluster)

    def best(self, mention: EventMention) -> tuple[int | None, float]:
        """The cluster ``mention`` would join and its mean probability (None: a new one)."""
        candidates = [
            i
            for i, other in enumerate(self.mentions)
            if self.compatible is None or self.compatible(mention, other)
        ]
        if not candidates:
            return None, 0.0
        features = pair_features(mention, [self.mentions[i] for i in candidates])
        probability = self.model.probabilities(features)
        sums: dict[int, list[float]] = {}
        for index, p in zip(candidates, probability, strict=True):
            sums.setdefault(self.cluster_of[index], []).append(float(p))
        # Average link over the whole cluster: members that were not candidates count as 0.
        scored = [(sum(ps) / len(self.clusters[c]), c) for c, ps in sums.items()]
        mean, cluster = max(scored, key=lambda item: (item[0], -item[1]))
        return (cluster, mean) if mean >= self.model.threshold else (None, mean)

    def add(self, mention: EventMention) -> int:
        """Link ``mention``; the index of its cluster."""
        cluster, _ = self.best(mention)
        if cluster is None:
            cluster = len(self.clusters)
        self.seed(mention, cluster)
        return cluster

    def partition(self) -> list[list[Hashable]]:
        return [[self.mentions[i].key for i in members] for members in self.clusters if members]


def link(
    mentions: Iterable[EventMention], model: PairModel, compatible: Compatible | None = None
) -> list[list[Hashable]]:
    """Cluster ``mentions`` online, in their order."""
    linker = OnlineLinker(model, compatible)
    for mention in mentions:
        linker.add(mention)
    return linker.partition()


def fit_weights(
    features: np.ndarray, labels: np.ndarray, l2: float = 1.0
) -> tuple[np.ndarray, float]:
    """Logistic regression by L-BFGS: weights and intercept minimising the mean log-loss
    plus ``l2`` / (2 n) times the squared weights (scikit-learn's C = 1 / l2)."""
    n, k = features.shape
    x = np.column_stack([features, np.ones(n)])
    y = labels.astype(float)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ theta
        # log(1 + e^z) - y z, computed without overflow
        value = np.logaddexp(0.0, z) - y * z
        p = 1.0 / (1.0 + np.exp(-z))
        penalty = np.append(theta[:k], 0.0)
        total = value.sum() + 0.5 * l2 * float(penalty @ penalty)
        gradient = x.T @ (p - y) + l2 * penalty
        return total / n, gradient / n

    result = minimize(loss, np.zeros(k + 1), jac=True, method="L-BFGS-B")
    return result.x[:k], float(result.x[k])
