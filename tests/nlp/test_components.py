"""sayso's components plug into a user's own spaCy pipeline by name."""

from __future__ import annotations

import spacy

import sayso.nlp  # noqa: F401  (registers the components)
from sayso.nlp.pipeline import DEFAULT_MODEL


def test_components_added_by_name_to_a_plain_pipeline():
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("sayso_paragraphs", before="parser")
    nlp.add_pipe("sayso_attributions")
    nlp.add_pipe("sayso_speakers")
    doc = nlp("Maria Lopez arrived on Monday.\nShe said the talks had failed.")
    assert [a.cue.text for a in doc._.attributions] == ["said"]
    assert doc._.attributions[0].source.entity == "Maria Lopez"
    assert [e.name for e in doc._.entities] == ["Maria Lopez"]


def test_attributions_without_speakers_leave_sources_unresolved():
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("sayso_attributions")
    doc = nlp("Maria Lopez said the talks had failed.")
    attribution = doc._.attributions[0]
    assert attribution.source.text == "Maria Lopez" and attribution.source.entity is None


def test_paragraphs_component_splits_at_line_breaks():
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("sayso_paragraphs", before="parser")
    doc = nlp("A headline without a full stop\nThe body starts here and goes on.")
    assert [s.text.strip() for s in doc.sents][:2] == [
        "A headline without a full stop",
        "The body starts here and goes on.",
    ]


def test_factories_are_declared_as_entry_points():
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {"sayso_paragraphs", "sayso_attributions", "sayso_speakers"} <= names
