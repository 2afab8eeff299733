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
"""

from __future__ import annotations

from collections.abc import Iterable

# Predicates too light to key a claim by ("is", "has", "says"): they name no act.
LIGHT_PREDICATES = frozenset(
    "be have do say tell make get go come take give see know think want".split()
)
STRONG_PREFIXES = ("sp:", "po:")


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
