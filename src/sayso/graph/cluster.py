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

import time
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

import numpy as np

from sayso.graph.blocking import strong, vector_keys
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
# Stores up to this many tellings are clustered exactly (every telling held, a flat index);
# larger ones through keys (``ClaimClusterer``, bounded). The same size as HNSW_FROM, where
# the search was approximate already before issue 20.
EXACT_UP_TO = 4096


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


@dataclass(frozen=True, slots=True)
class Stored:
    """A telling read back from the store: its place in the order, vector and facts."""

    seq: int
    vector: np.ndarray
    placed: Placed


class ClaimSource(Protocol):
    """What a bounded clusterer reads of the store (``sayso.graph.persist`` through a
    connection): the latest tellings under keys, the tellings themselves, cluster sums."""

    def latest(self, keys: list[str], limit: int) -> dict[str, list[int]]: ...

    def tellings(self, seqs: list[int]) -> list[Stored]: ...

    def sums(self, clusters: list[int]) -> dict[int, np.ndarray]: ...


class ClaimClusterer:
    """Tellings placed so far, searchable; decides where each new one goes.

    Two ways to find the nearest tellings, one result per store size:

    - **exact** (no ``source``): every placed telling is held, and a flat index finds the
      ``NEIGHBOURS`` nearest of the whole store. For stores under ``EXACT_UP_TO`` tellings,
      where reading them all back costs less than a tenth of a second.
    - **bounded** (a ``source``): nothing is read up front; each new telling reads, by key,
      the latest ``BLOCK_CANDIDATES`` tellings of each of its blocks and of each LSH band
      of its vector (``sayso.graph.blocking.vector_keys``), and the nearest are taken among
      those. Its cost grows with the tellings linked, not with the store (issue 20).
    """

    def __init__(
        self, dimensions: int, expected: int = 0, source: ClaimSource | None = None
    ) -> None:
        self.exact = source is None
        self.index = VectorIndex(dimensions, expected if self.exact else 0)
        self.source = source
        self.placed: dict[int, Placed] = {}  # by seq
        self._rows: list[int] = []  # exact: the index's row -> seq
        self._sums: dict[int, np.ndarray] = {}
        self._vectors: dict[int, np.ndarray] = {}
        self._blocks: dict[str, list[int]] = {}  # key -> seqs, oldest first
        self._read: set[str] = set()  # bounded: keys whose stored tellings are read
        self.touched: set[int] = set()  # clusters whose sum changed since ``take_touched``
        self.last = 0  # the highest seq held
        self.cpu: dict[str, float] = {}  # CPU seconds of "candidates", "decide", "index"

    def _spent(self, name: str, started: float) -> float:
        now = time.process_time()
        self.cpu[name] = self.cpu.get(name, 0.0) + now - started
        return now

    def __len__(self) -> int:
        return len(self.placed)

    def add(self, vector: np.ndarray, placed: Placed, seq: int | None = None) -> int:
        """Place a telling (``seq``: its order; the next one by default); its ``seq``."""
        started = time.process_time()
        seq = self.last + 1 if seq is None else seq
        if self.exact:
            self.index.add(vector.reshape(1, -1))
            self._rows.append(seq)
        self._spent("index", started)
        self._remember(seq, vector, placed, self.keys_of(vector, placed))
        self.touched.add(placed.cluster)
        return seq

    def add_many(self, stored: list[Stored]) -> None:
        """Seed with tellings already in the store, in their order (one index insertion)."""
        if not stored:
            return
        self.index.add(np.stack([s.vector for s in stored]))
        for item in stored:
            self._rows.append(item.seq)
            self._remember(item.seq, item.vector, item.placed, item.placed.keys)

    def keys_of(self, vector: np.ndarray, placed: Placed) -> frozenset[str]:
        """The keys a telling is found by: its blocks, and its LSH bands when bounded."""
        return placed.keys if self.exact else placed.keys | frozenset(vector_keys(vector))

    def _remember(self, seq: int, vector: np.ndarray, placed: Placed, keys: frozenset[str]) -> None:
        self.placed[seq] = placed
        self.last = max(self.last, seq)
        self._vectors[seq] = np.asarray(vector, dtype=np.float32)
        total = self._sums.get(placed.cluster)
        self._sums[placed.cluster] = vector.copy() if total is None else total + vector
        for key in keys:
            self._blocks.setdefault(key, []).append(seq)

    def take_touched(self) -> dict[int, np.ndarray]:
        """The sums of the clusters changed since the last call (to store them)."""
        touched = {c: self._sums[c] for c in sorted(self.touched) if c in self._sums}
        self.touched = set()
        return touched

    def _read_keys(self, keys: list[str]) -> None:
        """Bounded: read the stored tellings under keys not read yet, before this run's."""
        wanted = [k for k in keys if k not in self._read]
        if not wanted or self.source is None:
            return
        self._read.update(wanted)
        stored = self.source.latest(wanted, BLOCK_CANDIDATES)
        missing = sorted({s for seqs in stored.values() for s in seqs} - set(self.placed))
        found = self.source.tellings(missing)
        clusters = sorted({f.placed.cluster for f in found} - set(self._sums))
        sums = self.source.sums(clusters)
        for item in found:
            self.placed[item.seq] = item.placed
            self._vectors[item.seq] = item.vector
            if item.placed.cluster not in self._sums:
                # A cluster stored without its sum (cannot happen after the backfill): its
                # telling stands for it.
                self._sums[item.placed.cluster] = sums.get(item.placed.cluster, item.vector)
        for key, seqs in stored.items():
            here = self._blocks.get(key, [])
            known = set(here)
            self._blocks[key] = [s for s in seqs if s not in known] + here

    def candidates(self, vector: np.ndarray, telling: Placed) -> list[tuple[float, int]]:
        """(cosine, seq) of the nearest tellings and of those sharing a block."""
        if not self.exact:
            return self._bounded(vector, telling)
        cosines, rows = self.index.search(vector, NEIGHBOURS)
        found = {
            self._rows[int(r)]: float(c) for c, r in zip(cosines[0], rows[0], strict=True) if r >= 0
        }
        for key in telling.keys:
            for seq in self._blocks.get(key, [])[-BLOCK_CANDIDATES:]:
                if seq not in found:
                    found[seq] = float(self._vectors[seq] @ vector)
        return [(cosine, seq) for seq, cosine in found.items()]

    def _bounded(self, vector: np.ndarray, telling: Placed) -> list[tuple[float, int]]:
        near_keys = vector_keys(vector)
        self._read_keys([*sorted(telling.keys), *near_keys])
        blocked = {s for k in telling.keys for s in self._blocks.get(k, [])[-BLOCK_CANDIDATES:]}
        near = {s for k in near_keys for s in self._blocks.get(k, [])[-BLOCK_CANDIDATES:]}
        seqs = sorted(blocked | near)
        if not seqs:
            return []
        cosines = np.stack([self._vectors[s] for s in seqs]) @ vector
        # The NEIGHBOURS nearest of those found (as the exact index would give them), and
        # every telling of a block.
        order = np.argsort(-cosines, kind="stable")[:NEIGHBOURS]
        keep = {seqs[i] for i in order} | blocked
        return [(float(c), s) for s, c in zip(seqs, cosines, strict=True) if s in keep]

    def centroid_cosine(self, vector: np.ndarray, cluster: int) -> float:
        total = self._sums[cluster]
        norm = float(np.linalg.norm(total))
        return float(vector @ total) / norm if norm else 0.0

    def place(self, vector: np.ndarray, telling: Placed) -> tuple[int | None, float]:
        """The cluster the telling joins and its agreement there; None: a cluster of its own."""
        best: tuple[float, int] | None = None
        keyed: tuple[float, int] | None = None
        started = time.process_time()
        candidates = self.candidates(vector, telling)
        started = self._spent("candidates", started)
        for cosine, row in candidates:
            other = self.placed[row]
            score = agreement(cosine, telling, other)
            if best is None or score > best[0]:
                best = (score, other.cluster)
            if key_join(cosine, telling, other) and (keyed is None or score > keyed[0]):
                keyed = (score, other.cluster)
        joins = (
            best is not None
            and best[0] >= JOIN
            and self.centroid_cosine(vector, best[1]) >= CENTROID_MIN
        )
        self._spent("decide", started)
        if joins:
            assert best is not None
            return best[1], best[0]
        if keyed is not None:
            return keyed[1], keyed[0]
        return None, best[0] if best else 0.0
