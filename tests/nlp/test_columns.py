"""The column filters find exactly the tokens a loop over the Doc would test true."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.symbols import NOUN, PRON, PROPN, VERB
from spacy.tokens import Doc

from sayso.nlp.columns import (
    positions_with_lemma,
    positions_with_lower,
    positions_with_pos,
    positions_with_tag,
    positions_with_text,
)

TEXT = (
    "Goncharenko said the President told him on Telegram that troops were sent. "
    "The MP, according to sources, claims it.\n\nHe added: 'GONCHARENKO says so.' "
    "She was saying that the leaders had announced nothing."
)


@pytest.fixture(scope="module")
def doc(nlp: Language) -> Doc:
    return nlp(TEXT)


def test_positions_with_text_is_case_sensitive(doc: Doc) -> None:
    assert positions_with_text(doc, {"Goncharenko"}) == [
        t.i for t in doc if t.text == "Goncharenko"
    ]
    assert len(positions_with_text(doc, {"Goncharenko", "GONCHARENKO"})) == 2


def test_positions_with_lower(doc: Doc) -> None:
    words = {"he", "she", "him", "according"}
    assert positions_with_lower(doc, words) == [t.i for t in doc if t.lower_ in words]


def test_positions_with_lemma_lowercases_and_tests_each_lemma(doc: Doc) -> None:
    tested: list[str] = []

    def accept(lemma: str) -> bool:
        tested.append(lemma)
        return lemma in {"say", "claim", "president", "mp"}

    found = positions_with_lemma(doc, accept)
    expected = [t.i for t in doc if t.lemma_.lower() in {"say", "claim", "president", "mp"}]
    assert found == expected
    assert len(found) >= 5
    assert len(tested) == len({t.lemma_ for t in doc})  # each distinct lemma once


def test_positions_with_pos_and_tag(doc: Doc) -> None:
    wanted = {NOUN, PROPN, PRON, VERB}
    assert positions_with_pos(doc, wanted) == [t.i for t in doc if t.pos in wanted]
    assert positions_with_tag(doc, prefix="VB") == [t.i for t in doc if t.tag_.startswith("VB")]
    assert positions_with_tag(doc, ("NNP",)) == [t.i for t in doc if t.tag_ == "NNP"]
