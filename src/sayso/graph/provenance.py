"""The provenance of a claim across the store: who it comes from, through whom, published by
whom and when, and a say-so score whose every point has a reason a reader can check.

Counting rules: a wire copy (a near-duplicate article, or a trimmed or edited copy found by
containment) counts once; the same original speaker told by several outlets is one source;
unnamed sources are one source per teller that quotes them (``sayso.graph.tellings``).
Sources are *independent* when no speaker links their chains: an MP's post and the MP's
"sources close to Macron" are one say-so. What the publisher states in its own voice is no
source: it is shown, and counted as "unsourced".

How a source counts in the score is decided by its **original speakers**, never by who
passed the claim on: anonymous sources reached through a named MP are anonymous; a speaker
the resolver left unresolved, or resolved below the confidence floor (``Voice.uncertain``),
is *unknown* and earns nothing. Each reason lists its evidence: the source, the article, the
date (an article without a publication date says "undated", never the day it was stored).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sayso.graph.relations import TellingView, backing, group_of, independent, once

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


def _group(group: list[TellingView]) -> dict[str, Any]:
    """One independent source: its original speakers, how it counts, where it was told."""
    origins = _sources(group)
    counts = Counter(v.key for t in group for v in {v.key: v for v in t.chain}.values())
    names = {v.key: v.name for t in group for v in t.chain}
    shared = [names[k] for k, n in counts.most_common() if n > 1 and n == len(group)]
    known = _known(group)
    first = min(group, key=lambda t: (t.published or "9999", t.article_id))
    return {
        "name": shared[0] if shared else origins[0].name,
        "original_speakers": [s.name for s in origins],
        "anonymous": known == "anonymous",
        "known": known,
        "tellings": len(group),
        "evidence": first.evidence(),
    }


def _known(group: list[TellingView]) -> str:
    """named if any original speaker is named; else anonymous, group, or unknown."""
    kinds = {t.origin.known if t.origin else "unknown" for t in group}
    for kind in ("named", "anonymous", "group"):
        if kind in kinds:
            return kind
    return "unknown"


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
                    "known": voice.known,
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
                "own_voice": telling.own_voice,
                "statement": telling.statement,
            }
        )
    return _listed(roots)


def _listed(level: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**node, "children": _listed(node["children"])} for node in level.values()]


Reason = tuple[int, str, list[str]]  # points, why, evidence


def score(tellings: list[TellingView], focus_polarity: int) -> dict[str, Any]:
    """The say-so score (0-100) of the claim as ``focus_polarity`` tells it, with reasons;
    each reason names its evidence (source, publisher, date, article/claim)."""
    distinct = once(tellings)
    backers = backing(tellings, focus_polarity)
    against = [t for t in distinct if t.polarity != focus_polarity and not t.own_voice]
    groups = independent(backers)
    reasons: list[Reason] = []
    _source_reasons([_group(g) for g in groups], reasons)
    _depth_reasons(backers, reasons)
    _outlet_reasons(backers, reasons)
    copies = [t for t in tellings if t not in distinct]
    if copies:
        n = len(copies)
        reasons.append(
            (
                0,
                f"{n} wire cop{'y' if n == 1 else 'ies'} counted once",
                [t.evidence() for t in copies],
            )
        )
    anonymous = [t for t in backers if t.origin and t.origin.known == "anonymous"]
    if backers and len(anonymous) / len(backers) > ANONYMOUS_SHARE:
        reasons.append(
            (
                ANONYMOUS_PENALTY,
                f"{len(anonymous)} of {len(backers)} tellings rest on unnamed sources",
                [f"{t.origin.name if t.origin else '?'} ({t.evidence()})" for t in anonymous],
            )
        )
    unsourced = [t for t in distinct if t.own_voice and t.polarity == focus_polarity]
    if unsourced:
        reasons.append(
            (
                0,
                f"stated without a source by {len(unsourced)} publisher(s), not counted",
                [f"{t.statement} ({t.evidence()})" for t in unsourced],
            )
        )
    deniers = [_group(g) for g in independent(against)]
    if deniers:
        names = ", ".join(d["name"] for d in deniers[:3])
        points = max(DENIAL_MAX, DENIAL * len(deniers))
        reasons.append(
            (
                points,
                f"contradicted by {len(deniers)} source(s): {names}",
                [f"{d['name']} ({d['evidence']})" for d in deniers],
            )
        )
    _wording_reasons(backers, reasons)
    value = max(0, min(100, BASE + sum(points for points, _, _ in reasons)))
    return {
        "value": value,
        "base": BASE,
        "reasons": [{"points": p, "why": why, "evidence": ev} for p, why, ev in reasons],
    }


def _source_reasons(groups: list[dict[str, Any]], reasons: list[Reason]) -> None:
    named = [g for g in groups if g["known"] == "named"]
    counted = [g for g in groups if g["known"] in ("named", "anonymous", "group")]
    unknown = [g for g in groups if g["known"] == "unknown"]
    if named:
        first = named[0]
        reasons.append(
            (
                NAMED_SOURCE,
                f"a named original source on record: {first['name']}",
                [f"{first['name']} ({first['evidence']})"],
            )
        )
    elif counted:
        reasons.append(
            (
                ONLY_ANONYMOUS,
                "only unnamed original sources",
                [f"{g['name']} ({g['evidence']})" for g in counted],
            )
        )
    base = named[0] if named else (counted[0] if counted else None)
    further = [g for g in counted if g is not base]
    if further:
        points = min(FURTHER_MAX, FURTHER_SOURCE * len(further))
        names = ", ".join(g["name"] for g in further[:3])
        reasons.append(
            (
                points,
                f"{len(further)} further independent source(s): {names}",
                [f"{g['name']} ({g['evidence']})" for g in further],
            )
        )
    if unknown:
        names = ", ".join(g["name"] for g in unknown[:3])
        reasons.append(
            (
                0,
                f"{len(unknown)} source(s) sayso cannot identify, counted as unknown: {names}",
                [f"{g['name']} ({g['evidence']})" for g in unknown],
            )
        )


def _depth_reasons(backers: list[TellingView], reasons: list[Reason]) -> None:
    """How close to the page the best *known* source is: first-hand earns most."""
    known = [t for t in backers if t.origin and t.origin.known in ("named", "group")]
    if not known:
        return
    nearest = min(known, key=lambda t: (t.depth, t.published or "9999"))
    who = nearest.origin.name if nearest.origin else "?"
    evidence = [f"{who} ({nearest.evidence()})"]
    if nearest.depth <= 1:
        reasons.append((FIRST_HAND, f"told first-hand: {who} is quoted by the publisher", evidence))
    elif nearest.depth == 2:
        via = nearest.chain[0].name
        reasons.append(
            (SECOND_HAND, f"second-hand at best: {who} is quoted through {via}", evidence)
        )
    else:
        reasons.append(
            (FAR_HAND, f"{nearest.depth - 1} intermediaries at best between {who} and the page",
             evidence)
        )  # fmt: skip


def _outlet_reasons(backers: list[TellingView], reasons: list[Reason]) -> None:
    outlets: dict[str, TellingView] = {}
    for telling in backers:
        if telling.publisher and telling.publisher not in outlets:
            outlets[telling.publisher] = telling
    if len(outlets) >= 2:
        reasons.append(
            (
                OUTLETS,
                f"published by {len(outlets)} outlets, wire copies counted once",
                [t.evidence() for t in outlets.values()],
            )
        )


def _wording_reasons(backers: list[TellingView], reasons: list[Reason]) -> None:
    if not backers:
        return
    distanced = [t for t in backers if t.stance == "distancing"]
    if len(distanced) * 2 > len(backers):
        reasons.append(
            (
                DISTANCED,
                "reporters keep their distance (“claimed”, “alleged”)",
                [f"“{t.cue}” ({t.evidence()})" for t in distanced],
            )
        )
    hedged = [t for t in backers if t.certainty in ("possible", "uncertain")]
    if len(hedged) * 2 > len(backers):
        reasons.append(
            (
                HEDGED,
                "told as a possibility, not as a fact",
                [t.evidence() for t in hedged],
            )
        )


def article_stances(tellings: list[TellingView], focus_polarity: int) -> list[dict[str, Any]]:
    """Each article's stance toward the claim (as ``focus_polarity`` tells it):
    ``for`` (it asserts it in its own voice, or a speaker it endorses does: "confirmed"),
    ``against`` (it, or a speaker it reports, denies it) or ``observing`` (it reports that
    someone says so). See ``sayso.graph.stance``."""
    from sayso.graph.stance import stance_of_tellings

    by_article: dict[str, list[TellingView]] = {}
    for telling in tellings:
        by_article.setdefault(telling.article_id, []).append(telling)
    result = []
    for article_id, told in by_article.items():
        stance, evidence = stance_of_tellings(told, focus_polarity)
        result.append(
            {
                "article_id": article_id,
                "publisher": told[0].publisher,
                "published": told[0].published,
                "stance": stance,
                "evidence": evidence,
            }
        )
    return result


def coverage(tellings: list[TellingView], focus_polarity: int) -> dict[str, Any]:
    """What the score covers: "4 tellings in 3 articles, 2 original sources, 1 denial"."""
    distinct = once(tellings)
    sources = independent(backing(tellings, focus_polarity))
    denials = independent([t for t in distinct if t.polarity != focus_polarity and not t.own_voice])
    figures = {
        "tellings": len(tellings),
        "articles": len({t.article_id for t in tellings}),
        "original_sources": len(sources),
        "denials": len(denials),
        "unsourced": len([t for t in distinct if t.own_voice]),
        "wire_copies": len(tellings) - len(distinct),
    }

    def plural(n: int, word: str, many: str | None = None) -> str:
        return f"{n} {word if n == 1 else (many or word + 's')}"

    text = (
        f"{plural(figures['tellings'], 'telling')} in {plural(figures['articles'], 'article')}, "
        f"{plural(figures['original_sources'], 'original source')}, "
        f"{plural(figures['denials'], 'denial')}"
    )
    if figures["unsourced"]:
        text += f", {figures['unsourced']} in a publisher's own voice"
    if figures["wire_copies"]:
        text += f", {plural(figures['wire_copies'], 'wire copy', 'wire copies')}"
    return {**figures, "text": text}


def summary(tellings: list[TellingView], focus_polarity: int) -> dict[str, Any]:
    """Everything the trace says about the claim's provenance."""
    distinct = once(tellings)
    backers = backing(tellings, focus_polarity)
    groups = independent(backers)
    against = [t for t in distinct if t.polarity != focus_polarity and not t.own_voice]
    days = sorted(t.published for t in tellings if t.published)
    attributed = [t for t in distinct if not t.own_voice]
    anonymous = sum(1 for t in attributed if t.origin and t.origin.known == "anonymous")
    covers = coverage(tellings, focus_polarity)
    return {
        "tellings": len(tellings),
        "tellings_counted_once": len(distinct),
        "articles": len({t.article_id for t in tellings}),
        "independent_sources": len(groups),
        "sources": [_group(g) for g in groups],
        "original_speakers": [s.to_dict() for s in _sources(backers)],
        "contradicting_sources": [_group(g) for g in independent(against)],
        "anonymous_share": round(anonymous / len(attributed), 3) if attributed else 0.0,
        "chain_depth": {
            "min": min((t.depth for t in tellings), default=0),
            "max": max((t.depth for t in tellings), default=0),
        },
        "publishers": publishers(tellings),
        "first_seen": days[0] if days else None,
        "last_seen": days[-1] if days else None,
        "undated": len({t.article_id for t in tellings if not t.published}),
        "tree": tree(tellings),
        "score": score(tellings, focus_polarity),
        "covers": covers["text"],
        "coverage": covers,
        "stances": article_stances(tellings, 1),
    }


def source_index(tellings: list[TellingView], telling: TellingView, polarity: int) -> int | None:
    """Which independent source (index into ``summary()['sources']``) a telling rests on."""
    return group_of(telling, independent(backing(tellings, polarity)))
