"""A Markdown report of one article, for notes and pull requests."""

from __future__ import annotations

from sayso.export.text import (
    certainty_text,
    content_text,
    event_summary,
    shorten,
    speaker_text,
    stance_text,
    when_text,
)
from sayso.model import Analysis


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(analysis: Analysis) -> str:
    article = analysis.article
    heading = article.title or article.standfirst or article.path or article.id
    lines = [f"# {_cell(heading)}", ""]
    lines += [f"> **Warning:** {_cell(w.message)}" for w in analysis.warnings]
    if analysis.warnings:
        lines.append("")
    for label, value in (
        ("Standfirst", article.standfirst),
        ("Publisher", article.publisher),
        ("Byline", article.byline),
        ("Source file", article.path),
        ("URL", article.url),
    ):
        if value:
            lines.append(f"- **{label}:** {_cell(value)}")
    if analysis.removed:
        lines.append(
            "- **Removed:** "
            + "; ".join(
                f"{piece.kind} “{_cell(shorten(piece.text, 60))}”" for piece in analysis.removed
            )
        )
    lines += [
        "",
        "| id | speaker | cue | when | content | kind | nested in | stance | certainty |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for a in analysis.attributions:
        cue = a.cue.text if a.cue else ""
        speaker = _cell(speaker_text(a, analysis))
        lines.append(
            f"| {a.id} | {speaker} | {_cell(cue)} | {_cell(when_text(a))} | "
            f"{_cell(shorten(content_text(analysis, a), 160))} | {a.kind} | {a.nested_in or ''} "
            f"| {stance_text(a)} | {_cell(certainty_text(a))} |"
        )
    if analysis.events:
        lines += [
            "",
            "## Events (PLOVER)",
            "",
            "| id | event | actor -> recipient | details | modality, according to | in |",
            "|---|---|---|---|---|---|",
        ]
        for event in analysis.events:
            category, parties, details, modality = event_summary(event)
            where = ",".join(sorted({m.attribution for m in event.mentions if m.attribution}))
            lines.append(
                f"| {event.id} | {category} | {_cell(parties)} | {_cell(details)} | "
                f"{_cell(modality)} | {where} |"
            )
    linked = [e for e in analysis.entities if e.canonical]
    if linked:
        lines += ["", "## Entities", "", "| id | name | type | key | country | affiliations |"]
        lines.append("|---|---|---|---|---|---|")
        for entity in linked:
            lines.append(
                f"| {entity.id} | {_cell(entity.name)} | {entity.type} "
                f"| {_cell(entity.canonical or '')} "
                f"| {entity.country or ''} | {_cell(', '.join(entity.affiliations))} |"
            )
    return "\n".join(lines) + "\n"
