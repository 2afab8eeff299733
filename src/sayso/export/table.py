"""The terminal report: one row per attribution."""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from sayso.export.text import (
    certainty_text,
    content_text,
    event_summary,
    shorten,
    source_flags,
    speaker_text,
    stance_text,
    when_text,
)
from sayso.model import Analysis, Attribution

speaker_label = speaker_text


def render_table(analysis: Analysis, console: Console) -> None:
    """Print the report of one article. Article text is never read as markup."""
    console.print(_header(analysis))
    table = Table(box=box.SIMPLE_HEAD, expand=True, header_style="bold", pad_edge=False)
    names = [_speaker_cell(a, analysis) for a in analysis.attributions]
    widest = max((len(line) for cell in names for line in cell.plain.split("\n")[:1]), default=8)
    table.add_column("id", no_wrap=True)
    table.add_column("speaker", min_width=min(widest, 26), ratio=2)
    table.add_column("cue", no_wrap=True, max_width=14, overflow="ellipsis")
    table.add_column("content", ratio=5)
    table.add_column("kind", no_wrap=True)
    table.add_column("in", no_wrap=True)
    for a, name in zip(analysis.attributions, names, strict=True):
        table.add_row(
            a.id,
            name,
            Text(a.cue.text if a.cue else "—"),
            Text(shorten(content_text(analysis, a), 140)),
            str(a.kind),
            a.nested_in or "",
        )
    console.print(table)
    if any(a.stance or a.certainty for a in analysis.attributions):
        console.print(_meaning_table(analysis))
    if analysis.events:
        console.print(_events_table(analysis))


def _meaning_table(analysis: Analysis) -> Table:
    """Kept apart from the attributions so that both stay readable on 80 columns."""
    table = Table(title="stance and certainty", expand=True, header_style="bold")
    table.add_column("id", no_wrap=True)
    table.add_column("stance", no_wrap=True)
    table.add_column("certainty", ratio=2)
    table.add_column("said", ratio=2)
    for a in analysis.attributions:
        table.add_row(a.id, stance_text(a), Text(certainty_text(a)), Text(when_text(a)))
    return table


def _events_table(analysis: Analysis) -> Table:
    table = Table(title="events (PLOVER)", expand=True, header_style="bold")
    table.add_column("id", no_wrap=True)
    table.add_column("event", no_wrap=True)
    table.add_column("actor -> recipient", ratio=3)
    table.add_column("details", ratio=3)
    table.add_column("modality, according to", ratio=3)
    table.add_column("in", no_wrap=True)
    for event in analysis.events:
        category, parties, details, modality = event_summary(event)
        attributions = sorted({m.attribution for m in event.mentions if m.attribution})
        table.add_row(
            event.id, category, Text(parties), Text(details), Text(modality), ",".join(attributions)
        )
    return table


def _speaker_cell(attribution: Attribution, analysis: Analysis) -> Text:
    """The resolved name on the first line, the mention and flags below it."""
    source = attribution.source
    if source is None:
        return Text("(no source)", style="dim")
    name = (source.entity + ("?" if source.uncertain else "")) if source.entity else "unresolved"
    cell = Text(name, style="bold" if source.entity and not source.uncertain else "dim")
    details = [] if source.text == source.entity else [f"[{source.text}]"]
    details += source_flags(attribution, analysis)
    if source.uncertain:
        details.append(f"uncertain: {source.confidence:.2f}")
    if details:
        cell.append("\n" + " ".join(details), style="dim")
    return cell


def _header(analysis: Analysis) -> Group:
    article = analysis.article
    lines = [Text(article.title or article.standfirst or article.path or article.id, style="bold")]
    for warning in analysis.warnings:
        lines.append(Text.assemble(("warning: ", "bold yellow"), (warning.message, "yellow")))
    details = [
        ("standfirst", article.standfirst if article.title else None),
        ("publisher", article.publisher),
        ("byline", article.byline),
        ("file", article.path),
    ]
    for label, value in details:
        if value:
            lines.append(Text.assemble((f"{label}: ", "dim"), value))
    for piece in analysis.removed:
        lines.append(
            Text.assemble(
                ("removed ", "dim"),
                (f"{piece.kind}: ", "dim"),
                (shorten(piece.text, 90), "dim strike"),
            )
        )
    lines.append(Text(f"{len(analysis.attributions)} attributions", style="dim"))
    return Group(*lines)


__all__ = ["render_table", "speaker_label"]
