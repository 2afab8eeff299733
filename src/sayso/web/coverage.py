"""What a say-so score covers, in a reader's words: "4 tellings in 3 articles, 2 original
sources, 1 denial".

Computed from the claim graph's trace as it is today (``sayso.graph.trace``: its
``provenance`` summary and each telling's ``relation``), in this one place, so that a
finer account of the evidence (stance per article, the publisher's own voice, confidence
of each speaker: the "For or against" work) changes this module and nothing else. The
score itself and its reasons stay the graph's; this only says what they rest on.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Coverage:
    """The evidence behind one claim's score."""

    tellings: int  # every telling in the store, this one included
    articles: int
    original_sources: int  # distinct original speakers of the tellings that agree
    independent_sources: int  # of those, the ones no chain links
    anonymous_sources: int  # original speakers left unnamed
    denials: int  # tellings that deny it (this one included, when it is a denial)
    wire_copies: int  # tellings in near-duplicate articles, counted once in the score

    @property
    def text(self) -> str:
        parts = [
            f"{_count(self.tellings, 'telling')} in {_count(self.articles, 'article')}",
            _count(self.original_sources, "original source"),
        ]
        if self.independent_sources != self.original_sources:
            parts.append(f"{self.independent_sources} independent")
        if self.anonymous_sources:
            parts.append(f"{self.anonymous_sources} unnamed")
        parts.append(_count(self.denials, "denial"))
        if self.wire_copies:
            parts.append(_count(self.wire_copies, "wire copy", "wire copies"))
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "text": self.text}


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def coverage(graph: Any) -> Coverage | None:
    """What the score of a linked claim covers; None when the graph has no view of it."""
    if not isinstance(graph, dict) or graph.get("status") != "linked":
        return None
    provenance = graph.get("provenance") or {}
    tellings = [t for t in graph.get("tellings") or [] if isinstance(t, dict)]
    speakers = [s for s in provenance.get("original_speakers") or [] if isinstance(s, dict)]
    total = int(provenance.get("tellings") or len(tellings) + 1)
    return Coverage(
        tellings=total,
        articles=int(provenance.get("articles") or 1),
        original_sources=len(speakers),
        independent_sources=int(provenance.get("independent_sources") or 0),
        anonymous_sources=sum(1 for s in speakers if s.get("anonymous")),
        denials=sum(1 for t in [graph.get("claim"), *tellings] if _denies(t)),
        wire_copies=total - int(provenance.get("tellings_counted_once") or total),
    )


def _denies(telling: Any) -> bool:
    return isinstance(telling, dict) and telling.get("polarity") == "denies"
