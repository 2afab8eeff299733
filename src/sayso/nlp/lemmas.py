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

:class:`ColumnLemmatizer` is spaCy's ``EnglishLemmatizer`` doing this: the pipeline's
``sayso_lemmatizer``, which keeps, saves and loads its lookup tables as spaCy's does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline.lemmatizer import lemmatizer_score
from spacy.tokens import Doc
from spacy.vocab import Vocab
from thinc.api import Model

MAX_KNOWN = 1_000_000


class ColumnLemmatizer(EnglishLemmatizer):
    """spaCy's English lemmatizer, run over token columns (rule mode; any other mode runs
    as spaCy runs it)."""

    def __init__(
        self,
        vocab: Vocab,
        model: Model | None = None,
        name: str = "sayso_lemmatizer",
        *,
        mode: str = "rule",
        overwrite: bool = False,
        scorer: Callable[..., dict[str, Any]] | None = lemmatizer_score,
    ) -> None:
        super().__init__(vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)
        self.known: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma
        self._rules: EnglishLemmatizer | None = None  # spaCy's rules over set tables
        self._rules_from: Lookups | None = None  # the lookups they were made from

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:  # what spaCy's __call__ checks first
            self._validate_tables()
        try:
            return self._lemmatize(doc)
        except Exception as error:
            return self.get_error_handler()(self.name, self, [doc], error)

    def _lemmatize(self, doc: Doc) -> Doc:
        rules = self._set_rules()
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        known, strings = self.known, doc.vocab.strings
        overwrite = self.overwrite
        if len(known) >= MAX_KNOWN:
            known.clear()
        lemmas = columns[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if not overwrite and lemma != 0:
                continue
            found = known.get((orth, pos, morph))
            if found is None:
                found = known[orth, pos, morph] = strings.add(rules.rule_lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))  # type: ignore[arg-type]
        return doc

    def _set_rules(self) -> EnglishLemmatizer:
        """spaCy's lemmatizer over a copy of the lookups whose index lists are sets
        (``rule_lemmatize`` only asks ``form in index``); the tables this component saves
        stay as they are."""
        if self._rules is None or self._rules_from is not self.lookups:
            fast = Lookups()
            for table_name in self.lookups.tables:
                table = self.lookups.get_table(table_name)
                if table_name == "lemma_index":
                    fast.add_table(table_name, {pos: frozenset(table[pos]) for pos in table})
                else:
                    fast.set_table(table_name, table)
            rules = EnglishLemmatizer(self.vocab, None, self.name, mode="rule")
            rules.initialize(lookups=fast)
            self._rules, self._rules_from = rules, self.lookups
            self.known.clear()
        return self._rules


@Language.factory(
    "sayso_lemmatizer",
    assigns=["token.lemma"],
    requires=["token.pos", "token.morph"],
    default_config={
        "model": None,
        "mode": "rule",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
    default_score_weights={"lemma_acc": 1.0},
)
def make_column_lemmatizer(
    nlp: Language,
    model: Model | None,
    name: str,
    mode: str,
    overwrite: bool,
    scorer: Callable[..., dict[str, Any]] | None,
) -> ColumnLemmatizer:
    """spaCy's English ``lemmatizer``, run over token columns."""
    return ColumnLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def columnise_lemmatizer(nlp: Language) -> None:
    """Put the column lemmatizer, with the model's tables, in the place of the model's
    English rule lemmatizer, if it has one; any other kind is left as it is."""
    if "lemmatizer" not in nlp.pipe_names or "sayso_lemmatizer" in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if type(lemmatizer) is not EnglishLemmatizer or lemmatizer.mode != "rule":
        return
    config = {"overwrite": lemmatizer.overwrite}
    columns = cast(
        ColumnLemmatizer, nlp.add_pipe("sayso_lemmatizer", before="lemmatizer", config=config)
    )
    columns.initialize(lookups=lemmatizer.lookups)
    nlp.remove_pipe("lemmatizer")
