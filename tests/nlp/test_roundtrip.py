"""sayso's Docs and pipelines serialise: ``nlp.pipe(n_process=2)``, ``DocBin`` and
``nlp.to_disk`` → ``spacy.load`` give the very analyses one process gives, over the
founding example and the bundled sample."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from sayso.analyze import analyze_many
from sayso.clean import clean_text
from sayso.data import sample_articles
from sayso.nlp import annotations, to_analysis
from sayso.nlp.annotations import set_published
from sayso.nlp.pipeline import DEFAULT_MODEL
from sayso.serial import record

pytestmark = pytest.mark.slow
ITEMS = list(sample_articles())  # the founding example first, then the Wikinews sample


def as_json(docs: list[Doc]) -> list[str]:
    return [json.dumps(record(to_analysis(doc)), ensure_ascii=False) for doc in docs]


def made(nlp: Language) -> list[Doc]:
    """Tokenised Docs of the sample as ``sayso.analyze`` makes them (masked text, date)."""
    docs = []
    for item in ITEMS:
        doc = nlp.make_doc(clean_text(item.text).masked())
        set_published(doc, item.published)
        docs.append(doc)
    return docs


@pytest.fixture(scope="module")
def processed(nlp) -> list[Doc]:
    return list(nlp.pipe(made(nlp), batch_size=16))


@pytest.fixture(scope="module")
def expected(processed) -> list[str]:
    return as_json(processed)


def test_records_say_what_the_typed_objects_say(processed):
    """What each component wrote on the Doc is what it computed: the records equal the
    objects the components worked on (not read back from the records)."""
    for doc in processed:
        kept = annotations.annotations(doc)
        assert kept.candidates is not None  # the objects computed here, not read back
        assert doc._.sayso_attributions == [record(a) for a in kept.attributions]
        assert doc._.sayso_entities == [record(e) for e in kept.entities]
        assert doc._.sayso_events == [record(e) for e in kept.events]
        assert doc._.sayso_times == [record(t) for t in kept.times]


def test_n_process_2_gives_the_analyses_of_one_process(nlp, expected):
    docs = list(nlp.pipe(made(nlp), batch_size=8, n_process=2))
    assert annotations.annotations(docs[0]).candidates is None  # read from its records
    assert as_json(docs) == expected


def test_docbin_round_trip(nlp, processed, expected):
    stored = DocBin(store_user_data=True, docs=processed).to_bytes()
    docs = list(DocBin().from_bytes(stored).get_docs(nlp.vocab))
    assert as_json(docs) == expected
    for before, after in zip(processed, docs, strict=True):
        assert set(after.spans) == set(before.spans)
        for key in before.spans:
            assert [(s.start, s.end, s.label_, s.id_, s.kb_id_) for s in after.spans[key]] == [
                (s.start, s.end, s.label_, s.id_, s.kb_id_) for s in before.spans[key]
            ]


def test_saved_sayso_pipeline_loads_and_gives_identical_json(nlp, expected, tmp_path_factory):
    path = tmp_path_factory.mktemp("pipeline")
    nlp.to_disk(path)
    loaded = spacy.load(path)
    assert loaded.pipe_names == nlp.pipe_names
    assert "sayso_attribute_rules" in loaded.pipe_names and "sayso_lemmatizer" in loaded.pipe_names
    assert "attribute_ruler" not in loaded.pipe_names and "lemmatizer" not in loaded.pipe_names
    theirs = as_json(list(loaded.pipe(made(loaded), batch_size=16)))
    assert theirs[0] == expected[0]  # the founding example
    assert theirs == expected
    # and through the Python API, article and cleaning included
    founding = ITEMS[:1]
    assert [record(a) for a in analyze_many(founding, nlp=loaded)] == [
        record(a) for a in analyze_many(founding, nlp=nlp)
    ]


def test_a_users_pipeline_with_the_components_round_trips(tmp_path):
    """The model as it comes, with sayso's components added as the README shows."""
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("sayso_paragraphs", before="parser")
    nlp.add_pipe("sayso_attributions")
    nlp.add_pipe("sayso_speakers")
    for name in ("sayso_canonical", "sayso_times", "sayso_certainty", "sayso_events"):
        nlp.add_pipe(name)
    texts = [item.text for item in ITEMS[:4]]
    first = as_json(list(nlp.pipe(texts)))
    analysis = json.loads(first[0])
    assert any(a["source"] and a["source"]["entity"] == "Aleksey Goncharenko" for a in (
        analysis["attributions"]
    ))  # fmt: skip
    nlp.to_disk(tmp_path)
    loaded = spacy.load(tmp_path)
    assert loaded.pipe_names == nlp.pipe_names
    assert as_json(list(loaded.pipe(texts))) == first
    stored = DocBin(store_user_data=True, docs=list(loaded.pipe(texts))).to_bytes()
    assert as_json(list(DocBin().from_bytes(stored).get_docs(loaded.vocab))) == first
