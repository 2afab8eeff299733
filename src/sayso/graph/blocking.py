"""Blocking keys: what two tellings must share to be compared as one claim, before any
vector comparison.

A telling's keys come from its proposition (``sayso.nlp.meaning.polarity``) and events:

- ``sp:SUBJECT|PREDICATE``: the cross-article key of the subject and the predicate's
  lemma ("Hudak is about to resign", "I am not resigning" said by Hudak, "Hudak denied
  reports that she was about to resign": ``sp:person:hudak:petra|resign``);
- ``po:PREDICATE|OBJECT``: the predicate and its object's lemma ("close the crossing",
  "the crossing would be closed": ``po:close|crossing``);
- ``ev:SIGNATURE``: a PLOVER event signature with its participants
  (``MOBILIZE:FRA>UKR``), when it names any.

The clusterer (``sayso.graph.cluster``) compares a new telling with the tellings of its
blocks as well as with its nearest neighbours by embedding, and a shared ``sp``/``po``
key lets two tellings join at a lower cosine (``KEY_COSINE``): the words of "I am not
resigning" and "Hudak is about to resign" are far apart (cosine 0.3–0.4), their keys the
same. The same keys are what a distributed linker blocks by (issue 20).

Once a store is large (``sayso.graph.cluster.EXACT_UP_TO``), the nearest tellings by
embedding are found through keys too, so that no index over the whole store is built or
read (issue 20): ``h<band>:<code>``, random-hyperplane LSH (Charikar 2002) band signatures
of the content's vector, ``BANDS`` bands of ``BITS`` signs each, from planes drawn with a
fixed seed (the same keys in every process and on every machine). Two vectors at cosine
c agree on one sign with probability 1 - acos(c)/pi, so they share at least one band
with probability 1 - (1 - (1 - acos(c)/pi)^BITS)^BANDS: 0.98 at cosine 0.85 and 0.84 at
0.75 (the join threshold), 0.04 for unrelated contents (cosine 0.1).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import numpy as np

# Predicates too light to key a claim by ("is", "has", "says"): they name no act.
LIGHT_PREDICATES = frozenset(
    "be have do say tell make get go come take give see know think want".split()
)
STRONG_PREFIXES = ("sp:", "po:")
BANDS = 24
BITS = 10
LSH_SEED = 20  # issue 20: changing it changes every stored key (re-link with --rebuild)
VECTOR_PREFIX = "h"


def blocking_keys(
    subject: str | None, predicate: str | None, obj: str | None, events: Iterable[str] = ()
) -> list[str]:
    keys: list[str] = []
    lemma = (predicate or "").lower().strip()
    if lemma and lemma not in LIGHT_PREDICATES and lemma.isalpha():
        if subject:
            keys.append(f"sp:{subject}|{lemma}")
        if obj and obj.isalpha():
            keys.append(f"po:{lemma}|{obj.lower()}")
    for signature in sorted(set(events)):
        participants = signature.split(":", 1)[1] if ":" in signature else ""
        if participants.strip(">,"):
            keys.append(f"ev:{signature}")
    return keys


def strong(keys: Iterable[str]) -> frozenset[str]:
    """The keys that name the proposition itself (subject or object and predicate)."""
    return frozenset(k for k in keys if k.startswith(STRONG_PREFIXES))


@lru_cache(maxsize=4)
def _planes(dimensions: int) -> np.ndarray:
    rng = np.random.default_rng(LSH_SEED)
    return rng.standard_normal((BANDS * BITS, dimensions)).astype(np.float32)


def vector_keys(vector: np.ndarray) -> list[str]:
    """The LSH band keys of an embedding (``h3:2f1``): one per band. Read from the vector as
    stored (float16), so a telling read back from the store has the keys it was given."""
    stored = np.asarray(vector, dtype=np.float16).astype(np.float32)
    signs = (_planes(len(stored)) @ stored) > 0
    weights = 1 << np.arange(BITS)
    codes = signs.reshape(BANDS, BITS).astype(np.int64) @ weights
    return [f"{VECTOR_PREFIX}{band}:{int(code):x}" for band, code in enumerate(codes)]
