"""Small text helpers shared by the human-readable exporters."""

from __future__ import annotations

import re

from sayso.model import Analysis, Attribution, Event, EventArgument


def shorten(text: str, width: int = 110) -> str:
    flat = re.sub(r"\s+", " ", text).strip()
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def content_text(analysis: Analysis, attribution: Attribution) -> str:
    """The content's pieces joined with an ellipsis (a split quote reads as one)."""
    return " … ".join(attribution.content.pieces(analysis.article.text))


def source_flags(attribution: Attribution, analysis: Analysis | None = None) -> list[str]:
    """ "anonymous", "group", and with the analysis, whom an unnamed source is tied to:
    ["anonymous", "affiliated with GOP"]."""
    source = attribution.source
    if source is None:
        return []
    flags = [flag for flag, on in (("anonymous", source.anonymous), ("group", source.group)) if on]
    if flags and analysis is not None and source.entity_id is not None:
        entity = next((e for e in analysis.entities if e.id == source.entity_id), None)
        if entity is not None and entity.affiliations:
            flags.append("affiliated with " + ", ".join(entity.affiliations))
    return flags


def speaker_text(attribution: Attribution, analysis: Analysis | None = None) -> str:
    source = attribution.source
    if source is None:
        return "(no source)"
    flags = source_flags(attribution, analysis)
    if source.uncertain:
        flags.append(f"uncertain: {source.confidence:.2f}")
    name = source.entity or "unresolved"
    mention = f" [{source.text}]" if source.text != source.entity else ""
    suffix = f" ({', '.join(flags)})" if flags else ""
    return f"{name}{'?' if source.uncertain else ''}{mention}{suffix}"


def summary_line(analyses: list[Analysis]) -> str:
    attributions = [a for analysis in analyses for a in analysis.attributions]
    speakers = {a.source.entity for a in attributions if a.source is not None and a.source.entity}
    anonymous = sum(1 for a in attributions if a.source is not None and a.source.anonymous)
    return (
        f"{len(analyses)} articles, {len(attributions)} attributions, "
        f"{len(speakers)} distinct speakers, {anonymous} anonymous"
    )


def certainty_text(attribution: Attribution) -> str:
    """ "possible (cannot exclude)", "negated (no plans)", "certain"."""
    certainty = attribution.certainty
    if certainty is None:
        return ""
    value = str(certainty.value)
    if certainty.polarity == "negative" and value != "negated":
        value += "-negative"
    if certainty.expression is not None:
        value += f" ({shorten(certainty.expression.text, 30)})"
    return value


def stance_text(attribution: Attribution) -> str:
    return str(attribution.stance.value) if attribution.stance else ""


def when_text(attribution: Attribution) -> str:
    time = attribution.statement_time
    if time is None:
        return attribution.when.text if attribution.when else ""
    return f"{time.text} = {time.value}" if time.value else time.text


def event_summary(event: Event) -> tuple[str, str, str, str]:
    """(category, who -> whom, details, modality) of an event for the reports."""
    category = event.type if event.action in {None, event.type} else f"{event.type}/{event.action}"
    if event.mode:
        category += f":{event.mode}"
    actors = ", ".join(_argument_name(a) for a in event.actors) or "?"
    recipients = ", ".join(_argument_name(r) for r in event.recipients)
    parties = f"{actors} -> {recipients}" if recipients else actors
    details = [f"“{shorten(event.trigger.text, 30)}”"]
    if event.location:
        details.append(f"in/at {shorten(event.location.text, 40)}")
    if event.quantity:
        details.append(event.quantity.text)
    if event.time and event.time.value:
        details.append(event.time.value)
    if event.condition:
        details.append(f"if {shorten(event.condition.text, 40)}")
    modality = str(event.modality)
    if event.according_to:
        modality += " per " + " <- ".join(event.according_to)
    return category, parties, "; ".join(details), modality


def _argument_name(argument: EventArgument) -> str:
    name = argument.entity or shorten(argument.text, 40)
    return f"{name} [{argument.code}]" if argument.code else name
