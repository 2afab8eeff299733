"""spaCy components of the meaning layer, registered by name.

They run after ``sayso_speakers`` and add to what it found::

    nlp.add_pipe("sayso_linker")     # canonical keys, countries, affiliations
    nlp.add_pipe("sayso_times")      # doc._.times, attribution.statement_time
    nlp.add_pipe("sayso_certainty")  # attribution.stance, attribution.certainty
    nlp.add_pipe("sayso_events")     # doc._.events, attribution.events

Set ``doc._.published`` (ISO date) before the pipeline runs to resolve relative times.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from sayso.link.linker import MentionIndex, link_entities
from sayso.nlp.meaning.certainty import assign_certainty
from sayso.nlp.meaning.events import code_events
from sayso.nlp.meaning.times import find_times, statement_times
from sayso.nlp.meaning.voice import own_voice

DOC_EXTENSIONS = ("published", "times", "events", "statements")


def register_extensions() -> None:
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Span.has_extension("entity"):
        Span.set_extension("entity", getter=_span_entity)


def _span_entity(span: Span) -> object:
    """``span._.entity``: the article entity this span mentions, if any."""
    entities = span.doc._.entities or []
    return MentionIndex(entities).at(span.start_char, span.end_char)


register_extensions()


@Language.component(
    "sayso_linker",
    requires=["doc._.entities"],
    assigns=["doc._.entities"],
)
def linker(doc: Doc) -> Doc:
    """Canonical keys (shared across articles), countries and affiliations of entities."""
    link_entities(doc._.entities or [])
    return doc


@Language.component(
    "sayso_times",
    requires=["doc.ents", "doc._.attributions"],
    assigns=["doc._.times", "doc._.attributions"],
)
def times(doc: Doc) -> Doc:
    """Time expressions, normalised against ``doc._.published`` when it is set."""
    published = doc._.published
    doc._.times = find_times(doc, published)
    statement_times(doc, doc._.attributions or [], published)
    return doc


@Language.component(
    "sayso_certainty",
    requires=["doc._.attributions", "doc._.entities", "token.dep"],
    assigns=["doc._.attributions"],
)
def certainty(doc: Doc) -> Doc:
    """The reporter's stance of each cue, the certainty of each content and the
    proposition it asserts or denies."""
    assign_certainty(doc, doc._.attributions or [], doc._.entities or [])
    return doc


@Language.component(
    "sayso_events",
    requires=["doc._.attributions", "doc._.entities", "token.dep"],
    assigns=["doc._.events", "doc._.attributions", "doc._.statements"],
)
def events(doc: Doc) -> Doc:
    """PLOVER events, each linked to the attribution that asserts it; then what the
    article states in its own voice (the lead, sentences stating an event)."""
    attributions, entities = doc._.attributions or [], doc._.entities or []
    doc._.events = code_events(doc, attributions, entities, doc._.times or [])
    doc._.statements = own_voice(doc, attributions, doc._.events, entities)
    return doc
