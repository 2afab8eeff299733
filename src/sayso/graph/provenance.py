"""The provenance of a claim across the store: who it comes from, through whom, published by
whom and when, and a say-so score whose every point has a reason a reader can check.

Counting rules: a wire copy (a near-duplicate article) counts once; the same original
speaker told by several outlets is one source; unnamed sources are one source per teller
that quotes them (``sayso.graph.tellings``). Sources are *independent* when no speaker
links their chains: an MP's post and the MP's "sources close to Macron" are one say-so.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sayso.graph.relations import TellingView

BASE = 30  # the score of a claim before any reason; clamped to 0-100 after them
NAMED_SOURCE = 20
ONLY_ANONYMOUS = 5
FURTHER_SOURCE, FURTHER_MAX = 10, 30
FIRST_HAND, SECOND_HAND, FAR_HAND = 15, 5, -5
OUTLETS = 10
ANONYMOUS_SHARE, ANONYMOUS_PENALTY = 0.5, -10
DENIAL, DENIAL_MAX = -15, -30
DISTANCED = -5
HEDGED = -5


@dataclass(slots=True)
class Source:
    key: str
    name: str
    anonymous: bool
    tellings: int = 0
    publishers: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "anonymous": self.anonymous,
            "tellings": self.tellings,
            "publishers": self.publishers,
        }


def _sources(tellings: list[TellingView]) -> list[Source]:
    found: dict[str, Source] = {}
    for telling in tellings:
        origin = telling.origin
        source = found.setdefault(
            telling.origin_key,
            Source(
                telling.origin_key,
                origin.name if origin else "(unnamed)",
                bool(origin and origin.anonymous),
            ),
        )
        source.tellings += 1
        if telling.publisher and telling.publisher not in source.publishers:
            source.publishers.append(telling.publisher)
    return sorted(found.values(), key=lambda s: (-s.tellings, s.name))


def independent(tellings: list[TellingView]) -> list[list[TellingView]]:
    """The tellings grouped so that two chains sharing a speaker are in one group."""
    parent = list(range(len(tellings)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, telling in enumerate(tellings):
        for key in {v.key for v in telling.chain} or {telling.origin_key}:
            if key in first:
                parent[root(i)] = root(first[key])
            else:
                first[key] = i
    groups: dict[int, list[TellingView]] = {}
    for i, telling in enumerate(tellings):
        groups.setdefault(root(i), []).append(telling)
    return list(groups.values())


def _group(group: list[TellingView]) -> dict[str, Any]:
    """One independent source: its original speakers and the speakers its chains share."""
    origins = _sources(group)
    counts = Counter(v.key for t in group for v in {v.key: v for v in t.chain}.values())
    names = {v.key: v.name for t in group for v in t.chain}
    shared = [names[k] for k, n in counts.most_common() if n > 1 and n == len(group)]
    return {
        "name": shared[0] if shared else origins[0].name,
        "original_speakers": [s.name for s in origins],
        "anonymous": all(s.anonymous for s in origins),
        "tellings": len(group),
    }


def once(tellings: list[TellingView]) -> list[TellingView]:
    """The tellings with wire copies counted once (the first of each original article)."""
    seen: set[tuple[str, str, int]] = set()
    kept = []
    for telling in sorted(tellings, key=lambda t: (t.published or "", t.article_id)):
        # By the speaker's name, not key: an unnamed "fire service" is keyed by the outlet
        # quoting it, and a wire copy has another outlet's name on it.
        name = telling.origin.name.lower() if telling.origin else ""
        key = (telling.root, name, telling.polarity)
        if key not in seen:
            seen.add(key)
            kept.append(telling)
    return kept


def publishers(tellings: list[TellingView]) -> list[dict[str, Any]]:
    counts: Counter[str] = Counter()
    copies: Counter[str] = Counter()
    for telling in tellings:
        name = telling.publisher or "(unknown publisher)"
        counts[name] += 1
        if telling.root != telling.article_id:
            copies[name] += 1
    return [
        {"name": name, "tellings": n, "wire_copies": copies[name]}
        for name, n in counts.most_common()
    ]


def tree(tellings: list[TellingView]) -> list[dict[str, Any]]:
    """Original speakers at the root, then each voice that passed the claim on, then the
    publishers: "sources close to Macron" → Goncharenko → RT."""
    roots: dict[str, dict[str, Any]] = {}
    for telling in tellings:
        level = roots
        for voice in reversed(telling.chain):
            node = level.setdefault(
                voice.key,
                {
                    "name": voice.name,
                    "kind": "speaker",
                    "anonymous": voice.anonymous,
                    "cue": voice.cue,
                    "children": {},
                },
            )
            level = node["children"]
        label = telling.publisher or "(unknown publisher)"
        leaf = level.setdefault(
            "pub:" + label, {"name": label, "kind": "publisher", "tellings": [], "children": {}}
        )
        leaf["tellings"].append(
            {
                "article_id": telling.article_id,
                "attribution_id": telling.attribution_id,
                "published": telling.published,
                "denies": telling.polarity < 0,
                "wire_copy": telling.root != telling.article_id,
            }
        )
    return _listed(roots)


def _listed(level: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**node, "children": _listed(node["children"])} for node in level.values()]


def score(tellings: list[TellingView], focus_polarity: int) -> dict[str, Any]:
    """The say-so score (0-100) of the claim as ``focus_polarity`` tells it, with reasons."""
    distinct = once(tellings)
    backing = [t for t in distinct if t.polarity == focus_polarity]
    against = [t for t in distinct if t.polarity != focus_polarity]
    reasons: list[tuple[int, str]] = []
    _source_reasons([_group(g) for g in independent(backing)], reasons)
    _depth_reasons(backing, reasons)
    outlets = {t.publisher for t in backing if t.publisher}
    if len(outlets) >= 2:
        reasons.append((OUTLETS, f"published independently by {len(outlets)} outlets"))
    copies = len(tellings) - len(distinct)
    if copies:
        reasons.append((0, f"{copies} wire cop{'y' if copies == 1 else 'ies'} counted once"))
    anonymous = sum(1 for t in backing if t.origin and t.origin.anonymous)
    if backing and anonymous / len(backing) > ANONYMOUS_SHARE:
        reasons.append(
            (ANONYMOUS_PENALTY, f"{anonymous} of {len(backing)} tellings rest on unnamed sources")
        )
    deniers = [_group(g) for g in independent(against)]
    if deniers:
        names = ", ".join(s["name"] for s in deniers[:3])
        points = max(DENIAL_MAX, DENIAL * len(deniers))
        reasons.append((points, f"contradicted by {len(deniers)} source(s): {names}"))
    _wording_reasons(backing, reasons)
    value = max(0, min(100, BASE + sum(points for points, _ in reasons)))
    return {
        "value": value,
        "base": BASE,
        "reasons": [{"points": p, "why": why} for p, why in reasons],
    }


def _source_reasons(groups: list[dict[str, Any]], reasons: list[tuple[int, str]]) -> None:
    named = [g for g in groups if not g["anonymous"] and g["name"] != "(unnamed)"]
    if named:
        reasons.append((NAMED_SOURCE, f"a named source on record: {named[0]['name']}"))
    elif groups:
        reasons.append((ONLY_ANONYMOUS, "only unnamed sources"))
    further = len(groups) - 1
    if further > 0:
        points = min(FURTHER_MAX, FURTHER_SOURCE * further)
        names = ", ".join(g["name"] for g in groups[1:4])
        reasons.append((points, f"{further} further independent source(s): {names}"))


def _depth_reasons(backing: list[TellingView], reasons: list[tuple[int, str]]) -> None:
    if not backing:
        return
    nearest = min(t.depth for t in backing)
    if nearest <= 1:
        reasons.append((FIRST_HAND, "told first-hand: the speaker is quoted by the publisher"))
    elif nearest == 2:
        reasons.append((SECOND_HAND, "second-hand at best: every telling passes through someone"))
    else:
        reasons.append((FAR_HAND, f"{nearest - 1} intermediaries at best between source and page"))


def _wording_reasons(backing: list[TellingView], reasons: list[tuple[int, str]]) -> None:
    if not backing:
        return
    distanced = sum(1 for t in backing if t.stance == "distancing")
    if distanced * 2 > len(backing):
        reasons.append((DISTANCED, "reporters keep their distance (“claimed”, “alleged”)"))
    hedged = sum(1 for t in backing if t.certainty in ("possible", "uncertain"))
    if hedged * 2 > len(backing):
        reasons.append((HEDGED, "told as a possibility, not as a fact"))


def summary(tellings: list[TellingView], focus_polarity: int) -> dict[str, Any]:
    """Everything the trace says about the claim's provenance."""
    distinct = once(tellings)
    backing = [t for t in distinct if t.polarity == focus_polarity]
    against = [t for t in distinct if t.polarity != focus_polarity]
    days = sorted(t.published for t in tellings if t.published)
    anonymous = sum(1 for t in distinct if t.origin and t.origin.anonymous)
    return {
        "tellings": len(tellings),
        "tellings_counted_once": len(distinct),
        "articles": len({t.article_id for t in tellings}),
        "independent_sources": len(independent(backing)),
        "sources": [_group(g) for g in independent(backing)],
        "original_speakers": [s.to_dict() for s in _sources(backing)],
        "contradicting_sources": [_group(g) for g in independent(against)],
        "anonymous_share": round(anonymous / len(distinct), 3) if distinct else 0.0,
        "chain_depth": {
            "min": min((t.depth for t in tellings), default=0),
            "max": max((t.depth for t in tellings), default=0),
        },
        "publishers": publishers(tellings),
        "first_seen": days[0] if days else None,
        "last_seen": days[-1] if days else None,
        "tree": tree(tellings),
        "score": score(tellings, focus_polarity),
    }
