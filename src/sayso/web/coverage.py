"""What a say-so score covers, in a reader's words: "4 tellings in 3 articles, 2 original
sources, 1 denial".

The claim graph counts it (``sayso.graph.provenance.coverage``, in the trace's
``provenance.coverage``) with the same rules as the honest score it sits next to: each
original source once (a chain's relays and a wire copy, store-linked or found by
containment, add none), denials by independent denying source, statements a publisher makes
in its own voice apart (not sources). This module only reads that count for the web pages
and the API, adding how many of the sources are unnamed; a trace from an older graph, without
the count, is read from its provenance summary and relations instead.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Coverage:
    """The evidence behind one claim's score."""

    tellings: int  # every telling in the store, this one included
    articles: int
    original_sources: int  # independent original sources of the tellings that agree
    independent_sources: int  # as the score counts them (each original source once)
    anonymous_sources: int  # of those, the ones left unnamed
    denials: int  # independent sources that deny it
    wire_copies: int  # tellings in copied articles, counted once in the score
    own_voice: int = 0  # tellings a publisher states in its own voice, naming no source
    graph_text: str | None = None  # the graph's own wording, when it gave one

    @property
    def text(self) -> str:
        if self.graph_text:
            return self.graph_text
        parts = [
            f"{_count(self.tellings, 'telling')} in {_count(self.articles, 'article')}",
            _count(self.original_sources, "original source"),
        ]
        if self.independent_sources != self.original_sources:
            parts.append(f"{self.independent_sources} independent")
        if self.anonymous_sources:
            parts.append(f"{self.anonymous_sources} unnamed")
        parts.append(_count(self.denials, "denial"))
        if self.own_voice:
            parts.append(f"{self.own_voice} in a publisher's own voice")
        if self.wire_copies:
            parts.append(_count(self.wire_copies, "wire copy", "wire copies"))
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        figures = asdict(self)
        figures.pop("graph_text")
        return {**figures, "text": self.text}


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def coverage(graph: Any) -> Coverage | None:
    """What the score of a linked claim covers; None when the graph has no view of it."""
    if not isinstance(graph, dict) or graph.get("status") != "linked":
        return None
    provenance = graph.get("provenance") or {}
    counted = provenance.get("coverage")
    if isinstance(counted, dict):
        return _from_graph(provenance, counted)
    return _from_summary(graph, provenance)


def _from_graph(provenance: dict[str, Any], counted: dict[str, Any]) -> Coverage:
    sources = [s for s in provenance.get("sources") or [] if isinstance(s, dict)]
    text = counted.get("text")
    return Coverage(
        tellings=int(counted.get("tellings") or 0),
        articles=int(counted.get("articles") or 0),
        original_sources=int(counted.get("original_sources") or 0),
        independent_sources=int(provenance.get("independent_sources") or 0),
        anonymous_sources=sum(1 for s in sources if s.get("known") == "anonymous"),
        denials=int(counted.get("denials") or 0),
        wire_copies=int(counted.get("wire_copies") or 0),
        own_voice=int(counted.get("unsourced") or 0),
        graph_text=text if isinstance(text, str) and text else None,
    )


def _from_summary(graph: dict[str, Any], provenance: dict[str, Any]) -> Coverage:
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
