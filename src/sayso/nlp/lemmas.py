"""The model's rule lemmatizer, run over token columns: the same lemmas in less time.

spaCy's lemmatizer makes a Token object for every token and runs ``rule_lemmatize`` on it,
which caches its answer by (text, part of speech, morphology) but not when the token is a
base form (a singular noun, an infinitive, a positive adjective: most tokens), which it
recomputes every time. For English that answer is a function of the same three values
(``EnglishLemmatizer.is_base_form`` reads only the part of speech and the morphology), so
here every answer is kept under that key: the keys come from one ``Doc.to_array`` call, a
known key costs a dict lookup, only new ones go to spaCy's own ``rule_lemmatize``, and the
lemmas are written back in one ``Doc.from_array``. A new key still costs spaCy's rules,
which test candidate forms against a list of 57,000 nouns (and others) one by one: those
lists are made sets, which answer the same ``in`` tests at once.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

# Lemmatizers whose answer depends only on the token's text, part of speech and morphology.
KEYED_BY_COLUMNS = (EnglishLemmatizer, Lemmatizer)
MAX_KNOWN = 1_000_000


class ColumnLemmatizer:
    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.known: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for pos in list(index.keys()):
            index[pos] = frozenset(index[pos])  # rule_lemmatize only tests `form in index`

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if not lemmatizer._validated:  # what spaCy's __call__ checks first
            lemmatizer._validate_tables()
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        known, strings = self.known, doc.vocab.strings
        overwrite = lemmatizer.overwrite
        if len(known) >= MAX_KNOWN:
            known.clear()
        lemmas = columns[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if not overwrite and lemma != 0:
                continue
            found = known.get((orth, pos, morph))
            if found is None:
                found = known[orth, pos, morph] = strings.add(lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


@Language.factory("sayso_lemmatizer")
def column_lemmatizer(nlp: Language, name: str) -> ColumnLemmatizer:
    """The model's ``lemmatizer`` (rule mode), run over token columns."""
    return ColumnLemmatizer(nlp.get_pipe("lemmatizer"))


def columnise_lemmatizer(nlp: Language) -> None:
    """Put the column lemmatizer in the place of the model's English rule lemmatizer, if it
    has one; any other kind is left as it is."""
    if "lemmatizer" not in nlp.pipe_names or "sayso_lemmatizer" in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if type(lemmatizer) not in KEYED_BY_COLUMNS or lemmatizer.mode != "rule":
        return
    nlp.add_pipe("sayso_lemmatizer", before="lemmatizer")
    nlp.remove_pipe("lemmatizer")
