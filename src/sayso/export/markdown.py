"""A Markdown report of one article, for notes and pull requests."""

from __future__ import annotations

from sayso.export.text import content_text, shorten, speaker_text
from sayso.model import Analysis


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(analysis: Analysis) -> str:
    article = analysis.article
    heading = article.title or article.standfirst or article.path or article.id
    lines = [f"# {_cell(heading)}", ""]
    for label, value in (
        ("Standfirst", article.standfirst),
        ("Publisher", article.publisher),
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
        "| id | speaker | cue | content | kind | nested in |",
        "|---|---|---|---|---|---|",
    ]
    for a in analysis.attributions:
        cue = a.cue.text if a.cue else ""
        lines.append(
            f"| {a.id} | {_cell(speaker_text(a))} | {_cell(cue)} | "
            f"{_cell(shorten(content_text(analysis, a), 160))} | {a.kind} | {a.nested_in or ''} |"
        )
    return "\n".join(lines) + "\n"
