"""The article text with its say-so marked: sources, cues, contents and removed pieces.

Marks come from character offsets and may nest (a claim told inside another's content)
or cross. The text is cut at every mark boundary; each piece is escaped and wrapped in
the marks covering it, outermost first, so the HTML stays well formed: a mark crossing a
closing one is closed and reopened, and only its first fragment carries its ``id``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from urllib.parse import quote

from markupsafe import Markup, escape

from sayso.model import Analysis, Attribution

# Nesting order of marks that cover the same stretch: removed pieces outermost, cues inside.
_RANK = {"removed": 0, "content": 1, "source": 2, "cue": 3}


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str  # removed | content | source | cue
    anchor: str | None = None  # the id of its first fragment
    css: str = ""
    title: str = ""
    data: tuple[tuple[str, str], ...] = ()
    seq: int = 0

    def key(self) -> tuple[int, int, int, int]:
        return (self.start, -self.end, _RANK[self.kind], self.seq)

    def open_tag(self, first: bool) -> str:
        classes = " ".join(filter(None, ("hl", f"hl-{self.kind}", self.css)))
        attrs = [f'class="{escape(classes)}"']
        if first and self.anchor:
            attrs.append(f'id="{escape(self.anchor)}"')
        if self.title:
            attrs.append(f'title="{escape(self.title)}"')
        attrs.extend(f'data-{name}="{escape(value)}"' for name, value in self.data)
        return "<span " + " ".join(attrs) + ">"


@dataclass(slots=True)
class Highlighted:
    html: Markup
    marks: int
    skipped: list[str] = field(default_factory=list)  # marks whose offsets were unusable


def speaker_label(attribution: Attribution) -> str:
    source = attribution.source
    if source is None:
        return "(no source named)"
    return source.entity or source.text


def attribution_marks(analysis: Analysis) -> list[Mark]:
    marks: list[Mark] = []
    for seq, piece in enumerate(analysis.removed):
        label = piece.kind.replace("_", " ")
        marks.append(
            Mark(
                piece.start,
                piece.end,
                "removed",
                css=f"removed-{piece.kind}",
                title=f"removed: {label}",
                seq=seq,
            )
        )
    for seq, a in enumerate(analysis.attributions):
        who = speaker_label(a)
        nested = f", inside {a.nested_in}" if a.nested_in else ""
        data = (("claim", a.id),)
        parent = (("parent", a.nested_in),) if a.nested_in else ()
        for i, (start, end) in enumerate(a.content.spans):
            marks.append(
                Mark(
                    start,
                    end,
                    "content",
                    anchor=f"c-{a.id}" if i == 0 else None,
                    css=f"kind-{a.kind}" + (" nested" if a.nested_in else ""),
                    title=f"{a.id}: what {who} claims{nested}",
                    data=data + parent,
                    seq=seq,
                )
            )
        if a.source is not None:
            marks.append(
                Mark(
                    a.source.start,
                    a.source.end,
                    "source",
                    anchor=f"s-{a.id}",
                    css="anonymous" if a.source.anonymous else "",
                    title=f"{a.id}: source, {who}",
                    data=data,
                    seq=seq,
                )
            )
        if a.cue is not None:
            marks.append(
                Mark(
                    a.cue.start,
                    a.cue.end,
                    "cue",
                    anchor=f"q-{a.id}",
                    title=f"{a.id}: cue “{a.cue.text}”",
                    data=data,
                    seq=seq,
                )
            )
    return marks


def claim_markers(analysis: Analysis) -> dict[int, list[Markup]]:
    """A small link at the start of each content, to the claim in the side list."""
    markers: dict[int, list[Markup]] = {}
    for a in analysis.attributions:
        link = Markup('<a class="marker" href="#claim-{}" data-claim="{}">{}</a>').format(
            quote(a.id, safe=""), a.id, a.id
        )
        markers.setdefault(a.content.start, []).append(link)
    return markers


def highlight(analysis: Analysis) -> Highlighted:
    """The article text as HTML, every piece escaped, with its marks and claim markers."""
    text = analysis.article.text
    usable, skipped = _usable(attribution_marks(analysis), len(text))
    markers = claim_markers(analysis)
    points = sorted({0, len(text)} | {m.start for m in usable} | {m.end for m in usable})
    out: list[str] = []
    stack: list[Mark] = []
    opened: set[int] = set()
    for left, right in pairwise(points):
        wanted = sorted((m for m in usable if m.start <= left and m.end >= right), key=Mark.key)
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] is wanted[keep]:
            keep += 1
        out.extend("</span>" for _ in stack[keep:])
        for mark in wanted[keep:]:
            out.append(mark.open_tag(first=id(mark) not in opened))
            opened.add(id(mark))
        stack = wanted
        out.extend(str(link) for link in markers.get(left, ()))
        out.append(str(escape(text[left:right])))
    out.extend("</span>" for _ in stack)
    return Highlighted(Markup("".join(out)), len(usable), skipped)


def _usable(marks: Iterable[Mark], length: int) -> tuple[list[Mark], list[str]]:
    """Marks with offsets inside the text; an empty or reversed one is left out."""
    usable, skipped = [], []
    for mark in marks:
        if 0 <= mark.start < mark.end <= length:
            usable.append(mark)
        else:
            skipped.append(f"{mark.kind} {mark.start}-{mark.end}")
    return usable, skipped
