"""Claim clusters: tellings in different articles that assert (or deny) the same proposition.

Each new telling is compared with its nearest tellings already placed (by the cosine of
their content embeddings, through :class:`~sayso.graph.index.VectorIndex`), and the cosine
is adjusted by what else the two share:

- the entities their contents name (canonical keys: "country:FRA"): shared ones add up to
  ``ENTITY_BONUS``; two contents naming entities, none in common, lose ``ENTITY_CONFLICT``
  ("France will send troops" is not "Germany will send troops", whose words are alike);
- the PLOVER event types they assert: one in common adds ``EVENT_BONUS``; two sets with
  none in common lose ``EVENT_CONFLICT``.

The telling joins the cluster of its best-agreeing neighbour when the agreement reaches
``JOIN`` and its cosine with that cluster's centroid reaches ``CENTROID_MIN`` (so a chain
of near neighbours cannot drift into one cluster of everything); else it starts a cluster.
A denial ("has no plans to send troops") embeds close to what it denies, so it joins the
cluster and the relation between the two is read from their polarity
(``sayso.graph.relations``).

The weights were set by hand on the two stories of ``tests/graph/fixtures`` and checked
against unrelated claims of the bundled Wikinews sample (docs/architecture.md says how).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sayso.graph.index import VectorIndex

JOIN = 0.75
CENTROID_MIN = 0.62
ENTITY_BONUS = 0.1
ENTITY_CONFLICT = 0.1
EVENT_BONUS = 0.04
EVENT_CONFLICT = 0.04
NEIGHBOURS = 16


@dataclass(frozen=True, slots=True)
class Placed:
    """A telling already in a cluster: what agreement needs of it."""

    cluster: int
    entities: frozenset[str]
    types: frozenset[str]  # PLOVER event types its content asserts


def event_types(signatures: list[str]) -> frozenset[str]:
    """``MOBILIZE:FRA>UKR`` -> ``MOBILIZE``."""
    return frozenset(s.split(":", 1)[0] for s in signatures)


def agreement(cosine: float, a: Placed, b: Placed) -> float:
    """The cosine of two contents adjusted by their entities and event types."""
    score = cosine
    if a.entities and b.entities:
        shared = len(a.entities & b.entities) / len(a.entities | b.entities)
        score += ENTITY_BONUS * shared if shared else -ENTITY_CONFLICT
    if a.types and b.types:
        score += EVENT_BONUS if a.types & b.types else -EVENT_CONFLICT
    return score


class ClaimClusterer:
    """Tellings placed so far, searchable; decides where each new one goes."""

    def __init__(self, dimensions: int, expected: int) -> None:
        self.index = VectorIndex(dimensions, expected)
        self.placed: list[Placed] = []
        self._sums: dict[int, np.ndarray] = {}

    def add(self, vector: np.ndarray, placed: Placed) -> None:
        self.index.add(vector.reshape(1, -1))
        self.placed.append(placed)
        total = self._sums.get(placed.cluster)
        self._sums[placed.cluster] = vector.copy() if total is None else total + vector

    def add_many(self, vectors: np.ndarray, placed: list[Placed]) -> None:
        """Seed with tellings already in the store (one call: one index insertion)."""
        self.index.add(vectors)
        self.placed.extend(placed)
        for vector, item in zip(vectors, placed, strict=True):
            total = self._sums.get(item.cluster)
            self._sums[item.cluster] = vector.copy() if total is None else total + vector

    def centroid_cosine(self, vector: np.ndarray, cluster: int) -> float:
        total = self._sums[cluster]
        norm = float(np.linalg.norm(total))
        return float(vector @ total) / norm if norm else 0.0

    def place(self, vector: np.ndarray, telling: Placed) -> tuple[int | None, float]:
        """The cluster the telling joins and its agreement there; None: a cluster of its own."""
        cosines, rows = self.index.search(vector, NEIGHBOURS)
        best: tuple[float, int] | None = None
        for cosine, row in zip(cosines[0], rows[0], strict=True):
            if row < 0:
                continue
            other = self.placed[int(row)]
            score = agreement(float(cosine), telling, other)
            if best is None or score > best[0]:
                best = (score, other.cluster)
        if best is None or best[0] < JOIN:
            return None, best[0] if best else 0.0
        if self.centroid_cosine(vector, best[1]) < CENTROID_MIN:
            return None, best[0]
        return best[1], best[0]
