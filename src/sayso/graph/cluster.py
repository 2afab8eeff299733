"""Claim clusters: tellings in different articles that assert (or deny) the same proposition.

Each new telling is compared with its nearest tellings already placed (by the cosine of
their content embeddings, through :class:`~sayso.graph.index.VectorIndex`), and the cosine
is adjusted by what else the two share:

- the entities their contents name (canonical keys: "country:FRA"): shared ones add up to
  ``ENTITY_BONUS``; two contents naming entities, none in common, lose ``ENTITY_CONFLICT``
  ("France will send troops" is not "Germany will send troops", whose words are alike);
- the PLOVER event types they assert: one in common adds ``EVENT_BONUS``; two sets with
  none in common lose ``EVENT_CONFLICT``;
- their strong blocking keys (subject and predicate, predicate and object): two tellings
  that both have some and share none lose ``KEY_CONFLICT`` ("Lenz failed to finish the
  stage" and "Lenz failed a doping test", cosine 0.87, are two claims); not for a headline
  or standfirst, whose verbs paraphrase ("Portugal readies planes" for "is preparing to
  send aircraft").

Candidates are the ``NEIGHBOURS`` nearest tellings by embedding and, before any vector
comparison, the tellings that share a blocking key with it (``sayso.graph.blocking``: the
same subject and predicate, the same predicate and object, the same event signature; at
most ``BLOCK_CANDIDATES`` of each block, the latest).

The telling joins the cluster of its best candidate when either

- the agreement reaches ``JOIN`` and its cosine with that cluster's centroid reaches
  ``CENTROID_MIN`` (so a chain of near neighbours cannot drift into one cluster of
  everything), or
- the two share a subject-and-predicate or predicate-and-object key, their cosine reaches
  ``KEY_COSINE``, their entities do not clash and, when both have a day, they are within
  ``WINDOW_DAYS`` of each other: "I am not resigning" (Hudak) and "Hudak is about to
  resign" (cosine 0.38) are one claim; "Lenz failed to finish the stage" and "Lenz failed
  a doping test" share no such key ("finish" is not "fail|test");

else it starts a cluster. The text embedded is the proposition, not the whole content: a
denial's telling is the claim it denies ("denied reports that X": X), so it joins that
claim's cluster and the relation is read from the polarity (``sayso.graph.relations``).

The weights were set by hand on the stories of ``tests/graph/fixtures`` and checked
against unrelated claims of the bundled Wikinews sample and on Emergent's claims and
headlines (docs/architecture.md says how).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np

from sayso.graph.blocking import strong
from sayso.graph.index import VectorIndex

JOIN = 0.75
CENTROID_MIN = 0.62
ENTITY_BONUS = 0.1
ENTITY_CONFLICT = 0.1
EVENT_BONUS = 0.04
EVENT_CONFLICT = 0.04
NEIGHBOURS = 16
KEY_CONFLICT = 0.12  # two tellings with strong keys, none shared
KEY_COSINE = 0.3  # the cosine two tellings sharing a strong key need to join
WINDOW_DAYS = 45  # a key join needs the two within this many days (when both are dated)
BLOCK_CANDIDATES = 64  # tellings of one block compared (the latest)


@dataclass(frozen=True, slots=True)
class Placed:
    """A telling already in a cluster: what agreement needs of it."""

    cluster: int
    entities: frozenset[str]
    types: frozenset[str]  # PLOVER event types its content asserts
    keys: frozenset[str] = field(default_factory=frozenset)  # blocking keys
    day: date | None = None  # the article's publication day
    loose: bool = False  # a headline: its verb paraphrases ("readies", "to shut"), no key conflict


def event_types(signatures: list[str]) -> frozenset[str]:
    """``MOBILIZE:FRA>UKR`` -> ``MOBILIZE``."""
    return frozenset(s.split(":", 1)[0] for s in signatures)


def key_join(cosine: float, a: Placed, b: Placed) -> bool:
    """Two tellings that say the same of the same subject (or object) join at a low cosine."""
    if cosine < KEY_COSINE or not (strong(a.keys) & strong(b.keys)):
        return False
    if a.day is not None and b.day is not None and abs((a.day - b.day).days) > WINDOW_DAYS:
        return False
    return not subjects_clash(a.keys, b.keys)


def subjects_clash(a: frozenset[str], b: frozenset[str]) -> bool:
    """The same predicate said of different subjects: "France will send troops" and
    "Germany will send troops" share ``po:send|troops`` and are two claims."""
    mine = {k.rsplit("|", 1)[1]: k for k in a if k.startswith("sp:")}
    theirs = {k.rsplit("|", 1)[1]: k for k in b if k.startswith("sp:")}
    if set(mine.values()) & set(theirs.values()):
        return False
    return any(mine[p] != theirs[p] for p in set(mine) & set(theirs))


def agreement(cosine: float, a: Placed, b: Placed) -> float:
    """The cosine of two contents adjusted by their entities and event types."""
    score = cosine
    if a.entities and b.entities:
        shared = len(a.entities & b.entities) / len(a.entities | b.entities)
        score += ENTITY_BONUS * shared if shared else -ENTITY_CONFLICT
    if a.types and b.types:
        score += EVENT_BONUS if a.types & b.types else -EVENT_CONFLICT
    mine, theirs = strong(a.keys), strong(b.keys)
    if mine and theirs and not (mine & theirs) and not (a.loose or b.loose):
        score -= KEY_CONFLICT  # "failed to finish the stage" is not "failed a doping test"
    return score


class ClaimClusterer:
    """Tellings placed so far, searchable; decides where each new one goes."""

    def __init__(self, dimensions: int, expected: int) -> None:
        self.index = VectorIndex(dimensions, expected)
        self.placed: list[Placed] = []
        self._sums: dict[int, np.ndarray] = {}
        self._vectors: list[np.ndarray] = []
        self._blocks: dict[str, list[int]] = {}

    def add(self, vector: np.ndarray, placed: Placed) -> None:
        self.index.add(vector.reshape(1, -1))
        self._remember(vector, placed)

    def add_many(self, vectors: np.ndarray, placed: list[Placed]) -> None:
        """Seed with tellings already in the store (one call: one index insertion)."""
        self.index.add(vectors)
        for vector, item in zip(vectors, placed, strict=True):
            self._remember(vector, item)

    def _remember(self, vector: np.ndarray, placed: Placed) -> None:
        row = len(self.placed)
        self.placed.append(placed)
        self._vectors.append(np.asarray(vector, dtype=np.float32))
        total = self._sums.get(placed.cluster)
        self._sums[placed.cluster] = vector.copy() if total is None else total + vector
        for key in placed.keys:
            self._blocks.setdefault(key, []).append(row)

    def candidates(self, vector: np.ndarray, telling: Placed) -> list[tuple[float, int]]:
        """(cosine, row) of the nearest tellings and of those sharing a block."""
        cosines, rows = self.index.search(vector, NEIGHBOURS)
        found = {int(r): float(c) for c, r in zip(cosines[0], rows[0], strict=True) if r >= 0}
        for key in telling.keys:
            for row in self._blocks.get(key, [])[-BLOCK_CANDIDATES:]:
                if row not in found:
                    found[row] = float(self._vectors[row] @ vector)
        return [(cosine, row) for row, cosine in found.items()]

    def centroid_cosine(self, vector: np.ndarray, cluster: int) -> float:
        total = self._sums[cluster]
        norm = float(np.linalg.norm(total))
        return float(vector @ total) / norm if norm else 0.0

    def place(self, vector: np.ndarray, telling: Placed) -> tuple[int | None, float]:
        """The cluster the telling joins and its agreement there; None: a cluster of its own."""
        best: tuple[float, int] | None = None
        keyed: tuple[float, int] | None = None
        for cosine, row in self.candidates(vector, telling):
            other = self.placed[row]
            score = agreement(cosine, telling, other)
            if best is None or score > best[0]:
                best = (score, other.cluster)
            if key_join(cosine, telling, other) and (keyed is None or score > keyed[0]):
                keyed = (score, other.cluster)
        if (
            best is not None
            and best[0] >= JOIN
            and self.centroid_cosine(vector, best[1]) >= CENTROID_MIN
        ):
            return best[1], best[0]
        if keyed is not None:
            return keyed[1], keyed[0]

        return None, best[0] if best else 0.0
