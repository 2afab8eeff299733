"""spaCy components of the meaning layer, registered as factories by name.

They run after ``sayso_speakers`` and add to what it found::

    nlp.add_pipe("sayso_canonical")  # canonical keys, countries, affiliations
    nlp.add_pipe("sayso_times")      # doc._.sayso_times, each attribution's statement_time
    nlp.add_pipe("sayso_certainty")  # each attribution's stance and certainty
    nlp.add_pipe("sayso_events")     # doc._.sayso_events, each attribution's events

Set ``doc._.sayso_published`` (ISO date) before the pipeline runs to resolve relative times.
What they write on the Doc is in :mod:`sayso.nlp.annotations`.
"""

# No ``from __future__ import annotations``: spaCy reads the factories' signatures.
from spacy.language import Language
from spacy.tokens import Doc

from sayso.canon.entities import canonicalise_entities
from sayso.nlp import annotations as notes
from sayso.nlp.components import Component, ScorerFunction, span_scorer_config
from sayso.nlp.meaning.certainty import assign_certainty
from sayso.nlp.meaning.events import code_events
from sayso.nlp.meaning.times import find_times, statement_times
from sayso.nlp.meaning.voice import own_voice

# What ``canonicalise_entities`` sets (a bare surname the tagger took for an organisation
# becomes a person: its type too).
CANONICAL_FIELDS = ("canonical", "country", "affiliations", "type")


class Canonical(Component):
    """Canonical keys (shared across articles), countries and affiliations of entities."""

    def __call__(self, doc: Doc) -> Doc:
        kept = notes.annotations(doc)
        canonicalise_entities(kept.entities)
        notes.write_entities(doc, kept, fields=CANONICAL_FIELDS)
        return doc


@Language.factory(
    "sayso_canonical",
    requires=["doc._.sayso_entities"],
    assigns=["doc._.sayso_entities", "doc.spans"],
)
def make_canonical(nlp: Language, name: str) -> Canonical:
    return Canonical(name)


class Times(Component):
    """Time expressions, normalised against ``doc._.sayso_published`` when it is set
    (before the pipeline runs: no component assigns it)."""

    def __call__(self, doc: Doc) -> Doc:
        kept = notes.annotations(doc)
        published = notes.published_date(doc)
        kept.times = find_times(doc, published)
        statement_times(doc, kept.attributions, published)
        notes.write_attributions(doc, kept, fields=("statement_time",))
        notes.write_times(doc, kept)
        return doc


@Language.factory(
    "sayso_times",
    requires=[
        "doc.ents",
        "token.dep",
        "token.head",
        "token.tag",
        "doc._.sayso_attributions",
    ],
    assigns=["doc._.sayso_times", "doc._.sayso_attributions", "doc.spans"],
    default_config={"scorer": span_scorer_config(notes.TIME_SPANS)},
    default_score_weights={"sayso_times_f": 1.0},
)
def make_times(nlp: Language, name: str, scorer: ScorerFunction | None) -> Times:
    return Times(name, scorer)


class Certainty(Component):
    """The reporter's stance of each cue, the certainty of each content and the
    proposition it asserts or denies."""

    def __call__(self, doc: Doc) -> Doc:
        kept = notes.annotations(doc)
        assign_certainty(doc, kept.attributions, kept.entities)
        notes.write_attributions(doc, kept, fields=("stance", "certainty", "proposition"))
        return doc


@Language.factory(
    "sayso_certainty",
    requires=[
        "doc._.sayso_attributions",
        "doc._.sayso_entities",
        "token.dep",
        "token.head",
        "token.lemma",
    ],
    assigns=["doc._.sayso_attributions"],
)
def make_certainty(nlp: Language, name: str) -> Certainty:
    return Certainty(name)


class Events(Component):
    """PLOVER events, each linked to the attribution that asserts it; then what the
    article states in its own voice (the lead, sentences stating an event)."""

    def __call__(self, doc: Doc) -> Doc:
        kept = notes.annotations(doc)
        kept.events = code_events(doc, kept.attributions, kept.entities, kept.times)
        kept.statements = own_voice(doc, kept.attributions, kept.events, kept.entities)
        notes.write_attributions(doc, kept, fields=("events",))
        notes.write_events(doc, kept)
        notes.write_statements(doc, kept)
        return doc


@Language.factory(
    "sayso_events",
    requires=[
        "doc._.sayso_attributions",
        "doc._.sayso_entities",
        "doc._.sayso_times",
        "token.dep",
        "token.head",
        "token.lemma",
    ],
    assigns=[
        "doc._.sayso_events",
        "doc._.sayso_attributions",
        "doc._.sayso_statements",
        "doc.spans",
    ],
    default_config={"scorer": span_scorer_config(notes.EVENT_TRIGGERS)},
    default_score_weights={"sayso_events_f": 1.0},
)
def make_events(nlp: Language, name: str, scorer: ScorerFunction | None) -> Events:
    return Events(name, scorer)
