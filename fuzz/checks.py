"""What must hold for every analysis, whatever the input: each span's offsets slice the
article text to the span's own text, and the JSON form is valid UTF-8 and deterministic."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sayso.model import Analysis, Content, Event, TextSpan
from sayso.serial import record

Span = tuple[str, int, int, str | None]  # (where, start, end, text it claims; None: no text)


def spans_of(analysis: Analysis) -> Iterator[Span]:
    """Every offset-bearing piece of an analysis, labelled by where it sits."""
    for n, piece in enumerate(analysis.removed):
        yield f"removed[{n}]", piece.start, piece.end, piece.text
    for a in analysis.attributions:
        yield from _attribution_spans(a.id, a)
    for entity in analysis.entities:
        for s, e in [*entity.mentions, *entity.metonyms]:
            yield f"entity {entity.id} mention", s, e, None
    for event in analysis.events:
        yield from _event_spans(event)
    for n, t in enumerate(analysis.times):
        yield f"times[{n}]", t.start, t.end, t.text


def _attribution_spans(where: str, a: Any) -> Iterator[Span]:
    if a.source is not None:
        yield f"{where}.source", a.source.start, a.source.end, a.source.text
    if a.cue is not None:
        yield f"{where}.cue", a.cue.start, a.cue.end, a.cue.text
    for n, (s, e) in enumerate(a.content.spans):
        yield f"{where}.content.spans[{n}]", s, e, None
    for name in ("channel", "when"):
        yield from _text_span(f"{where}.{name}", getattr(a, name))
    if a.certainty is not None:
        yield from _text_span(f"{where}.certainty.expression", a.certainty.expression)
    if a.statement_time is not None:
        t = a.statement_time
        yield f"{where}.statement_time", t.start, t.end, t.text


def _event_spans(event: Event) -> Iterator[Span]:
    where = f"event {event.id}"
    yield from _text_span(f"{where}.trigger", event.trigger)
    arguments = [*event.actors, *event.recipients]
    if event.location is not None:
        arguments.append(event.location)
    for arg in arguments:
        yield f"{where} argument", arg.start, arg.end, arg.text
    for name in ("quantity", "modality_cue", "condition"):
        yield from _text_span(f"{where}.{name}", getattr(event, name))
    if event.time is not None:
        yield f"{where}.time", event.time.start, event.time.end, event.time.text
    for m in event.mentions:
        yield f"{where} mention", m.start, m.end, m.text


def _text_span(where: str, span: TextSpan | None) -> Iterator[Span]:
    if span is not None:
        yield where, span.start, span.end, span.text


def span_errors(analysis: Analysis) -> list[str]:
    """Each span whose offsets fall outside the text or do not slice it to its text, and
    each content whose text is not exactly its pieces."""
    text = analysis.article.text
    errors = [
        f"{a.id}.content: text {a.content.text!r} is not its pieces"
        for a in analysis.attributions
        if a.content.text != Content.joined(text, a.content.spans)
    ]
    for where, start, end, claimed in spans_of(analysis):
        if not 0 <= start <= end <= len(text):
            errors.append(f"{where}: offsets {start}:{end} outside a text of {len(text)}")
        elif claimed is not None and text[start:end] != claimed:
            errors.append(f"{where}: text[{start}:{end}]={text[start:end]!r} != {claimed!r}")
    return errors


def as_json(analysis: Analysis) -> str:
    """The analysis as sayso writes it; raises if it is not encodable as UTF-8."""
    document = json.dumps(record(analysis), ensure_ascii=False, sort_keys=True)
    document.encode("utf-8")
    return document


def check_analysis(analysis: Analysis, text: str) -> None:
    """Every property one analysis must have; AssertionError says which one failed."""
    assert len(analysis.article.text) == len(text), "the article text changed length"
    errors = span_errors(analysis)
    assert not errors, "\n".join(errors[:10])
    as_json(analysis)
