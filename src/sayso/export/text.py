"""Small text helpers shared by the human-readable exporters."""

from __future__ import annotations

import re

from sayso.model import Analysis, Attribution


def shorten(text: str, width: int = 110) -> str:
    flat = re.sub(r"\s+", " ", text).strip()
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def content_text(analysis: Analysis, attribution: Attribution) -> str:
    """The content's pieces joined with an ellipsis (a split quote reads as one)."""
    return " … ".join(attribution.content.pieces(analysis.article.text))


def speaker_text(attribution: Attribution) -> str:
    source = attribution.source
    if source is None:
        return "(no source)"
    flags = [flag for flag, on in (("anonymous", source.anonymous), ("group", source.group)) if on]
    name = source.entity or "?"
    mention = f" [{source.text}]" if source.text != source.entity else ""
    suffix = f" ({', '.join(flags)})" if flags else ""
    return f"{name}{mention}{suffix}"


def summary_line(analyses: list[Analysis]) -> str:
    attributions = [a for analysis in analyses for a in analysis.attributions]
    speakers = {a.source.entity for a in attributions if a.source is not None and a.source.entity}
    anonymous = sum(1 for a in attributions if a.source is not None and a.source.anonymous)
    return (
        f"{len(analyses)} articles, {len(attributions)} attributions, "
        f"{len(speakers)} distinct speakers, {anonymous} anonymous"
    )
