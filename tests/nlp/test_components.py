"""sayso's components plug into a user's own spaCy pipeline by name, as factories with a
configuration, and leave spaCy-native annotations on the Doc."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import sayso.nlp  # noqa: F401  (registers the components)
from sayso.nlp import annotations, to_analysis
from sayso.nlp.pipeline import DEFAULT_MODEL, MEANING_PIPES

TEXT = "Maria Lopez arrived on Monday.\nShe said the talks had failed."


@pytest.fixture(scope="module")
def small() -> Language:
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("sayso_paragraphs", before="parser")
    nlp.add_pipe("sayso_attributions")
    nlp.add_pipe("sayso_speakers")
    return nlp


def test_components_added_by_name_to_a_plain_pipeline(small):
    analysis = to_analysis(small(TEXT))
    assert [a.cue.text for a in analysis.attributions if a.cue] == ["said"]
    assert analysis.attributions[0].source.entity == "Maria Lopez"
    assert [e.name for e in analysis.entities] == ["Maria Lopez"]


def test_results_are_spans_and_plain_records(small):
    doc = small(TEXT)
    (cue,) = doc.spans["sayso_cues"]
    (source,) = doc.spans["sayso_sources"]
    (content,) = doc.spans["sayso_contents"]
    assert (cue.text, cue.label_, cue.id_) == ("said", "INDIRECT", "a1")
    assert (source.text, source.label_, source.id_) == ("She", "RESOLVED", "a1")
    (entity,) = [e for e in to_analysis(doc).entities if e.name == "Maria Lopez"]
    assert source.kb_id_ == entity.id
    assert content.text == "the talks had failed"
    mentions = [s for s in doc.spans["sayso_entities"] if s.id_ == entity.id]
    assert [m.text for m in mentions] == ["Maria Lopez", "She"]
    assert {m.label_ for m in mentions} == {"PERSON"}
    assert source._.sayso_entity == entity  # the Span extension finds the entity
    # The records are the JSON form of the model, which msgpack writes as it is.
    assert json.loads(json.dumps(doc._.sayso_attributions)) == doc._.sayso_attributions
    assert doc._.sayso_attributions[0]["source"]["entity"] == "Maria Lopez"


def test_no_working_objects_stay_on_the_doc(small):
    doc = small(TEXT)
    plain = (dict, list, str, int, float, bool, type(None))

    def check(value: object) -> None:
        assert isinstance(value, plain), type(value)
        if isinstance(value, dict):
            for key, item in value.items():
                assert isinstance(key, str)
                check(item)
        elif isinstance(value, list):
            for item in value:
                check(item)

    for value in doc.user_data.values():
        check(value)
    Doc(doc.vocab).from_bytes(doc.to_bytes())  # and the Doc serialises


def test_working_objects_go_with_the_doc(small):
    """The typed objects kept aside for the next component do not keep the Doc alive."""
    import gc
    import weakref

    doc = small(TEXT)
    assert annotations.annotations(doc).candidates is not None
    gone = weakref.ref(doc)
    del doc
    gc.collect()
    assert gone() is None


def test_attributions_without_speakers_leave_sources_unresolved():
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("sayso_attributions")
    doc = nlp("Maria Lopez said the talks had failed.")
    attribution = to_analysis(doc).attributions[0]
    assert attribution.source.text == "Maria Lopez" and attribution.source.entity is None
    assert [s.label_ for s in doc.spans["sayso_sources"]] == ["UNRESOLVED"]


def test_speakers_on_a_doc_from_bytes_find_the_candidates_again():
    """``sayso_speakers`` run on a Doc that ``sayso_attributions`` processed elsewhere."""
    first = spacy.load(DEFAULT_MODEL)
    first.add_pipe("sayso_attributions")
    doc = first(TEXT)
    again = Doc(first.vocab).from_bytes(doc.to_bytes())
    speakers = spacy.load(DEFAULT_MODEL).add_pipe("sayso_speakers")
    source = to_analysis(speakers(again)).attributions[0].source
    assert (source.entity, source.resolution) == ("Maria Lopez", "resolved")


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
    assert {"sayso_paragraphs", "sayso_attributions", "sayso_speakers", *MEANING_PIPES} <= names
    for point in entry_points(group="spacy_factories"):
        if point.name.startswith("sayso_"):
            assert Language.has_factory(point.name) and callable(point.load())


def test_requirements_are_met_in_sayso_pipeline(nlp):
    problems = nlp.analyze_pipes()["problems"]
    assert problems == {name: [] for name in nlp.pipe_names}
    meta = Language.get_factory_meta("sayso_events")
    assert "doc._.sayso_times" in meta.requires and "doc._.sayso_events" in meta.assigns


def test_lemma_fixes_come_from_the_configuration():
    nlp = spacy.load(DEFAULT_MODEL)
    finder = nlp.add_pipe("sayso_attributions", config={"lemma_fixes": {"say": {"said": "tell"}}})
    doc = nlp("Maria Lopez said the talks had failed.")
    assert doc[2].lemma_ == "tell"
    assert to_analysis(doc).attributions[0].cue.lemma == "tell"
    # spaCy merges a configured table into the default one: the default fixes stay.
    assert finder.lemma_fixes[("say", "said")] == "tell"
    assert finder.lemma_fixes[("hop", "hoping")] == "hope"
    assert nlp.config["components"]["sayso_attributions"]["lemma_fixes"]["say"] == {"said": "tell"}


def test_ranker_thresholds_come_from_the_configuration():
    """A threshold of 1.0 leaves every pronoun unresolved; the default resolves "She"."""
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("sayso_attributions")
    nlp.add_pipe("sayso_speakers", config={"thresholds": {"he": 1.0}})
    source = to_analysis(nlp(TEXT)).attributions[0].source
    assert source.text == "She" and source.resolution == "unresolved"


def test_ranker_weights_from_a_file(tmp_path):
    from sayso.nlp.coref.ranker import shipped_weights

    weights = shipped_weights()
    weights.thresholds = {**weights.thresholds, "he": 1.0}
    path = tmp_path / "weights.json"
    weights.write(path)
    shipped_weights.cache_clear()  # the write above changed the cached object
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("sayso_attributions")
    nlp.add_pipe("sayso_speakers", config={"ranker_weights": str(path)})
    assert to_analysis(nlp(TEXT)).attributions[0].source.resolution == "unresolved"


def test_a_taken_extension_name_fails_loudly():
    Doc.remove_extension("sayso_times")
    Doc.set_extension("sayso_times", getter=lambda doc: "someone else's")
    try:
        with pytest.raises(annotations.ExtensionTaken, match="sayso_times"):
            annotations.register_extensions()
    finally:
        Doc.remove_extension("sayso_times")
        annotations.register_extensions()
    annotations.register_extensions()  # sayso's own registration again: no error


def test_scorers_give_span_scores(small):
    from spacy.training import Example

    gold = small(TEXT)
    perfect = small.evaluate([Example(small.make_doc(TEXT), gold)])
    assert perfect["sayso_cues_f"] == 1.0 and perfect["sayso_sources_f"] == 1.0
    assert perfect["sayso_entities_f"] == 1.0
    wrong = small(TEXT)
    wrong.spans["sayso_cues"] = []
    scores = small.get_pipe("sayso_attributions").score([Example(wrong, gold)])
    assert scores["sayso_cues_r"] == 0.0


def _paragraphs_token_by_token(doc: Doc) -> Doc:
    """What the paragraphs component did before it read columns, token by token."""
    after_break = False
    for token in doc:
        if token.is_space:
            if "\n" in token.text:
                after_break = True
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = "\n" in token.whitespace_
    return doc


def test_paragraph_starts_are_those_of_the_token_by_token_reading():
    from sayso.data import sample_articles
    from sayso.nlp.components import Paragraphs

    nlp = spacy.blank("en")
    texts = [a.text for a in sample_articles()] + ["\n\nA\n \n b\n", "x \n\n\t y", "\n"]
    for text in texts:
        ours, theirs = (
            Paragraphs("p")(nlp.make_doc(text)),
            _paragraphs_token_by_token(nlp.make_doc(text)),
        )
        assert [t.is_sent_start for t in ours] == [t.is_sent_start for t in theirs]
