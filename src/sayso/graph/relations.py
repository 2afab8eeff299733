"""How two tellings of one claim relate: a wire copy, the same statement re-reported, an
independent corroboration, or a contradiction.

The order of the tests is the order of what matters most to a reader weighing the claim:
a telling that says the opposite is a contradiction whoever says it; then one in a
near-duplicate article (the store links wire copies: ``articles.duplicate_of``) is the same
text published again and counts once; then the same original speaker means the statement
was re-reported, first- or second-hand, and so is a telling whose chain passes through a
speaker of the claim's own chain (the MP who wrote it, and the MP's "sources close to
Macron", both rest on the MP); anyone else is an independent corroboration.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sayso.graph.tellings import Voice


class RelationKind(StrEnum):
    CONTRADICTION = "contradiction"  # opposite polarity: a denial, "no plans", "false"
    WIRE_COPY = "wire_copy"  # the same text published by another outlet: counts once
    RE_REPORT = "re_report"  # the same original speaker, or a speaker of the same chain
    CORROBORATION = "corroboration"  # a different original speaker says the same
    UNSOURCED = "unsourced"  # a publisher states it in its own voice, naming no source


@dataclass(slots=True)
class TellingView:
    """One telling of a claim, with the article it is in."""

    article_id: str
    attribution_id: str
    content: str
    cue: str | None
    polarity: int
    denial: str | None
    chain: list[Voice]
    publisher: str | None
    published: str | None  # ISO publication date (None: the article gives none)
    title: str | None
    url: str | None
    root: str  # the original of a near-duplicate article, else the article itself
    stance: str | None = None
    certainty: str | None = None
    score: float | None = None  # agreement with its cluster when it joined
    relation: dict[str, Any] | None = field(default=None)
    kind: str = "attribution"  # attribution|own_voice
    ingested: str | None = None  # ISO day the store received the article
    containment: float | None = None  # a copy found by containment: how much of it

    @property
    def origin(self) -> Voice | None:
        return self.chain[-1] if self.chain else None

    @property
    def origin_key(self) -> str:
        if self.kind == "own_voice":
            return f"pub:{(self.publisher or self.article_id).lower()}"
        origin = self.origin
        return origin.key if origin else f"unnamed@{self.article_id}"

    @property
    def depth(self) -> int:
        """Voices between the publisher and the claim: 0 in the publisher's own voice."""
        return len(self.chain)

    @property
    def own_voice(self) -> bool:
        return self.kind == "own_voice"

    @property
    def statement(self) -> str | None:
        """For an own-voice telling: headline, standfirst, lead or event."""
        if not self.own_voice:
            return None
        ident = self.attribution_id
        return ident if ident in {"headline", "standfirst", "lead"} else "event"

    @property
    def is_copy(self) -> bool:
        return self.root != self.article_id

    def evidence(self) -> str:
        """Where a reader finds it: publisher, date, article/claim id."""
        day = self.published or "undated"
        where = f"{self.article_id}/{self.attribution_id}"
        return f"{self.publisher or 'unknown publisher'}, {day}, {where}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "attribution_id": self.attribution_id,
            "content": self.content,
            "cue": self.cue,
            "polarity": "denies" if self.polarity < 0 else "asserts",
            "negated_by": self.denial,
            "origin": self.origin.to_dict() if self.origin else None,
            "chain": [v.to_dict() for v in self.chain],
            "depth": self.depth,
            "publisher": self.publisher,
            "published": self.published,
            "title": self.title,
            "url": self.url,
            "wire_original": self.root if self.root != self.article_id else None,
            "stance": self.stance,
            "certainty": self.certainty,
            "agreement": round(self.score, 3) if self.score is not None else None,
            "relation": self.relation,
            "kind": self.kind,
            "statement": self.statement,
            "ingested": self.ingested,
            "containment": self.containment,
        }


def once(tellings: list[TellingView]) -> list[TellingView]:
    """The tellings with wire copies counted once (the first of each original article)."""
    seen: set[tuple[str, str, int]] = set()
    kept = []
    for telling in sorted(tellings, key=lambda t: (t.published or "9999", t.is_copy, t.article_id)):
        # By the speaker's name, not key: an unnamed "fire service" is keyed by the outlet
        # quoting it, and a wire copy has another outlet's name on it.
        name = telling.origin.name.lower() if telling.origin else f"({telling.kind})"
        key = (telling.root, name, telling.polarity)
        if key not in seen:
            seen.add(key)
            kept.append(telling)
    return kept


def backing(tellings: list[TellingView], polarity: int) -> list[TellingView]:
    """The tellings that count as sources for the claim told with ``polarity``: someone's
    say-so (not the publisher's own voice), each wire original once."""
    return [t for t in once(tellings) if t.polarity == polarity and not t.own_voice]


def independent(tellings: list[TellingView]) -> list[list[TellingView]]:
    """The tellings grouped so that two chains sharing a speaker are in one group: each
    group is one independent source."""
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


def group_of(telling: TellingView, groups: list[list[TellingView]]) -> int | None:
    """The index of the independent source ``telling`` rests on (None: none of them)."""
    keys = {v.key for v in telling.chain} or {telling.origin_key}
    for i, group in enumerate(groups):
        if any(t is telling for t in group):
            return i
    for i, group in enumerate(groups):
        if keys & {v.key for t in group for v in t.chain}:
            return i
    return None


def relate(
    focus: TellingView, other: TellingView, groups: list[list[TellingView]] | None = None
) -> tuple[RelationKind, str]:
    """The relation of ``other`` to ``focus`` and the reason, in words. ``groups`` are the
    independent sources of the claim as ``focus`` tells it (:func:`independent` over
    :func:`backing`), so that the labels agree with the count of independent sources."""
    if groups is None:
        groups = independent(backing([focus, other], focus.polarity))
    who = other.origin.name if other.origin else "an unnamed source"
    if other.own_voice:
        who = f"{other.publisher or 'the publisher'} ({other.statement}, in its own voice)"
    if other.polarity != focus.polarity:
        said = "denies" if other.polarity < 0 else "asserts"
        because = f" (“{other.denial}”)" if other.denial and other.polarity < 0 else ""
        return RelationKind.CONTRADICTION, f"{who} {said} it{because}"
    if other.article_id != focus.article_id and (other.root == focus.root or other.is_copy):
        of = "" if other.root == focus.root else f" (a copy of article {other.root})"
        how = (
            f", containing {100 * other.containment:.0f}% of the original's text"
            if other.containment
            else ""
        )
        return (
            RelationKind.WIRE_COPY,
            f"the same text published again by {other.publisher or 'another outlet'}{of}{how}",
        )
    if other.own_voice:
        return RelationKind.UNSOURCED, f"{who} states it, naming no source"
    mine, theirs = group_of(focus, groups), group_of(other, groups)
    if mine is not None and mine == theirs:
        if other.origin_key == focus.origin_key:
            via = [v.name for v in other.chain[:-1]]
            hand = f", second-hand via {' → '.join(via)}" if via else ""
            return RelationKind.RE_REPORT, f"the same original speaker, {who}{hand}"
        shared = [v.name for v in other.chain if v.key in {f.key for f in focus.chain}]
        name = shared[0] if shared else groups[mine][0].chain[0].name
        return RelationKind.RE_REPORT, f"both rest on {name}'s say-so"
    return RelationKind.CORROBORATION, f"{who}, an independent source, says the same"


def annotate(focus: TellingView, others: list[TellingView]) -> None:
    """Set each other telling's ``relation`` to its relation with ``focus``."""
    groups = independent(backing([focus, *others], focus.polarity))
    for other in others:
        kind, reason = relate(focus, other, groups)
        other.relation = {"kind": str(kind), "reason": reason}
