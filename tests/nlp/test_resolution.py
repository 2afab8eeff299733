"""``sayso.nlp.resolution.resolve_mentions``: the resolver asked about any span of an
analysed article, answers in the analysis' own entities, the analysis left as it was."""

from __future__ import annotations

import dataclasses

import pytest

from sayso.nlp import to_analysis
from sayso.nlp.resolution import NEW_ENTITY_PREFIX, MentionResolution, resolve_mentions
from sayso.serial import record

TEXT = (
    "Maria Lopez, the mayor of Springfield, opened the bridge on Monday.\n\n"
    "Lopez said the river was rising. She added that the council, which met on Sunday, "
    "had agreed.\n\n"
    "A source close to the council said the vote was close. Republicans said it was a "
    "waste of money.\n\n"
    "He said nothing."
)


def span(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def test_a_short_name_and_a_pronoun_resolve_to_the_analysis_entity(doc):
    lopez, she = resolve_mentions(doc, [span(TEXT, "Lopez", 1), span(TEXT, "She")])
    assert lopez.entity is not None and lopez.entity.name == "Maria Lopez"
    assert lopez.resolution == "named"
    assert she.entity is lopez.entity  # the very object of the analysis' entities
    assert she.resolution == "resolved"
    assert any(e is she.entity for e in to_analysis(doc).entities)
    assert she.confidence is None  # today's resolver gives none


def test_anonymous_group_and_unresolved(doc):
    source, republicans, he = resolve_mentions(
        doc,
        [span(TEXT, "A source close to the council"), span(TEXT, "Republicans"), span(TEXT, "He")],
    )
    assert source.anonymous and source.resolution == "anonymous"
    assert republicans.group and republicans.resolution == "group"
    # "He" with no man before it: the resolver links it to the most salient person, or
    # leaves it; either way the answer is consistent with its flags.
    assert he.resolution in {"resolved", "unresolved"}
    assert (he.entity is None) == (he.resolution == "unresolved")


def test_a_relative_pronoun_and_a_first_person_in_a_quote(nlp):
    text = (
        "Anna Berg, who leads the union, said the strike would go on. "
        "“I will not back down,” she said."
    )
    doc = nlp(text)
    who, i, she = resolve_mentions(doc, [span(text, "who"), span(text, "I"), span(text, "she")])
    assert who.entity is not None and who.entity.name == "Anna Berg"
    assert who.resolution == "resolved"  # "who" stands for the name, it does not name
    assert i.entity is who.entity and she.entity is who.entity


def test_a_relative_pronoun_of_no_entity_stays_unresolved(doc):
    (which,) = resolve_mentions(doc, [span(TEXT, "which")])  # "the council, which met"
    assert which == MentionResolution(entity=None, resolution="unresolved")


def test_a_span_over_no_token_is_unresolved(doc):
    end = len(TEXT)
    (nothing,) = resolve_mentions(doc, [(end, end)])
    assert nothing == MentionResolution(entity=None)


def test_one_answer_per_span_in_order_and_the_analysis_unchanged(doc):
    before = [record(a) for a in to_analysis(doc).attributions]
    entities = [record(e) for e in to_analysis(doc).entities]
    spans = [span(TEXT, "She"), span(TEXT, "Maria Lopez"), span(TEXT, "She")]
    answers = resolve_mentions(doc, spans)
    assert len(answers) == 3 and answers[0] == answers[2]
    assert answers[1].entity is answers[0].entity
    assert [record(a) for a in to_analysis(doc).attributions] == before
    assert [record(e) for e in to_analysis(doc).entities] == entities


def test_a_doc_read_back_from_bytes_gets_the_same_answers(nlp, doc):
    """A Doc that comes from a DocBin or another process has no candidates in this
    process: they are found again from its tokens, and the answers are the same."""
    from spacy.tokens import DocBin

    spans = [span(TEXT, "Lopez", 1), span(TEXT, "She"), span(TEXT, "Republicans")]
    stored = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (again,) = DocBin().from_bytes(stored).get_docs(nlp.vocab)
    here, there = resolve_mentions(doc, spans), resolve_mentions(again, spans)
    assert [(a.resolution, a.entity and record(a.entity)) for a in here] == [
        (a.resolution, a.entity and record(a.entity)) for a in there
    ]
    assert there[1].entity is not None and there[1].entity.name == "Maria Lopez"


def test_an_entity_only_a_probe_introduces_gets_a_new_id(doc):
    from sayso.nlp.drafts import EntityDraft
    from sayso.nlp.resolution import _EntityMap

    entities = _EntityMap(doc)
    lopez = EntityDraft(id="e9", name="Maria Lopez", type="PERSON", mentions=[(0, 11)])
    assert entities.find(lopez) is to_analysis(doc).entities[0]
    stranger = EntityDraft(id="e1", name="Peter Okafor", type="PERSON", mentions=[(1, 3)])
    found = entities.find(stranger)
    assert found.name == "Peter Okafor" and found.id.startswith(NEW_ENTITY_PREFIX)
    assert entities.find(stranger) is found  # the same draft, the same new entity


def test_mention_resolution_is_frozen():
    answer = MentionResolution(entity=None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        answer.anonymous = True  # type: ignore[misc]


def test_analyze_docs_gives_each_analysis_with_its_doc(nlp):
    from sayso.analyze import ArticleInput, analyze_docs, analyze_many

    inputs = [ArticleInput(text=TEXT, path="a"), ArticleInput(text="Bo Li said no.", path="b")]
    pairs = list(analyze_docs(inputs, nlp=nlp))
    plain = list(analyze_many(inputs, nlp=nlp))
    assert [record(a) for _, a in pairs] == [record(a) for a in plain]
    doc, analysis = pairs[1]
    assert doc.text == "Bo Li said no." and to_analysis(doc).entities == analysis.entities


def test_a_relative_pronoun_the_parser_attached_elsewhere_has_the_noun_before_it(nlp):
    # The small model parses "which reported" as an adverbial clause of "turned", not a
    # relative clause of "Department": the noun just before "which" is its antecedent.
    text = (
        "To solve this quandary, they turned to the Chicago Police Department which "
        "reported \u201c2,521 shooting incidents\u201d in the city between January 1 and September."
    )
    doc = nlp(text)
    which = next(t for t in doc if t.lower_ == "which")
    assert which.head.dep_ != "relcl"  # the misparse this covers
    (answer,) = resolve_mentions(doc, [span(text, "which")])
    assert answer.entity is not None and answer.entity.name == "Chicago Police Department"


def test_said_that_is_no_relative_pronoun(nlp):
    from sayso.nlp.coref.walk import relative_antecedent

    doc = nlp("The minister said that the bridge would reopen. Officials asked which road.")
    assert all(relative_antecedent(t) is None for t in doc if t.lower_ in {"that", "which"})
