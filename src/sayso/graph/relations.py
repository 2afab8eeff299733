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
    published: str | None  # ISO date (publication, else ingest day)
    title: str | None
    url: str | None
    root: str  # the original of a near-duplicate article, else the article itself
    stance: str | None = None
    certainty: str | None = None
    score: float | None = None  # agreement with its cluster when it joined
    relation: dict[str, Any] | None = field(default=None)

    @property
    def origin(self) -> Voice | None:
        return self.chain[-1] if self.chain else None

    @property
    def origin_key(self) -> str:
        origin = self.origin
        return origin.key if origin else f"unnamed@{self.article_id}"

    @property
    def depth(self) -> int:
        return len(self.chain)

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
        }


def relate(focus: TellingView, other: TellingView) -> tuple[RelationKind, str]:
    """The relation of ``other`` to ``focus`` and the reason, in words."""
    who = other.origin.name if other.origin else "an unnamed source"
    if other.polarity != focus.polarity:
        said = "denies" if other.polarity < 0 else "asserts"
        because = f" (“{other.denial}”)" if other.denial and other.polarity < 0 else ""
        return RelationKind.CONTRADICTION, f"{who} {said} it{because}"
    if other.root == focus.root and other.article_id != focus.article_id:
        return (
            RelationKind.WIRE_COPY,
            f"the same text published again by {other.publisher or 'another outlet'}",
        )
    if other.origin_key == focus.origin_key:
        via = [v.name for v in other.chain[:-1]]
        hand = f", second-hand via {' → '.join(via)}" if via else ""
        return RelationKind.RE_REPORT, f"the same original speaker, {who}{hand}"
    shared = [v.name for v in other.chain if v.key in {f.key for f in focus.chain}]
    if shared:
        return RelationKind.RE_REPORT, f"both rest on {shared[0]}'s say-so"
    return RelationKind.CORROBORATION, f"{who}, an independent source, says the same"


def annotate(focus: TellingView, others: list[TellingView]) -> None:
    """Set each other telling's ``relation`` to its relation with ``focus``."""
    for other in others:
        kind, reason = relate(focus, other)
        other.relation = {"kind": str(kind), "reason": reason}
