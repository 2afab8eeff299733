"""sayso's spaCy components, registered by name.

Add them to any English pipeline that has a parser and an entity recognizer::

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("sayso_paragraphs", before="parser")
    nlp.add_pipe("sayso_attributions")
    nlp.add_pipe("sayso_speakers")
    doc = nlp(text)
    doc._.attributions, doc._.entities
"""

from __future__ import annotations

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from sayso.nlp.attributions import build_attributions, find_candidates
from sayso.nlp.columns import positions_with_lower
from sayso.nlp.speakers import resolve_sources
from sayso.nlp.text import QuoteIndex, text_of

EXTENSIONS = ("attributions", "entities", "attribution_candidates", "quotes")


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


@Language.component(
    "sayso_paragraphs",
    assigns=["token.is_sent_start"],
)
def paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break: a paragraph never runs into the next."""
    starts = []
    after_break = False
    for token in doc:
        if token.is_space:
            if "\n" in token.text:
                after_break = True
            continue
        if after_break and token.i > 0:
            starts.append(token.i)
        after_break = "\n" in token.whitespace_
    if starts:
        # In one array: each ``token.is_sent_start = True`` scans the whole doc for a
        # parse first, which made 50,000 one-word lines quadratic (24 s of 67 at 20,000).
        values = doc.to_array([SENT_START])
        values[starts] = 1
        doc.from_array([SENT_START], values)
    return doc


@Language.component(
    "sayso_attributions",
    requires=["token.dep", "token.pos", "token.lemma"],
    assigns=["doc._.attributions", "doc._.attribution_candidates", "doc._.quotes"],
)
def attributions(doc: Doc) -> Doc:
    """Find every attribution: who (source), the cue, and what (content)."""
    _fix_lemmas(doc)
    quotes = QuoteIndex(text_of(doc))
    candidates = find_candidates(doc, quotes)
    doc._.quotes = [(q.start, q.end) for q in quotes.quotes]
    doc._.attribution_candidates = candidates
    doc._.attributions = build_attributions(doc, candidates, [None] * len(candidates))
    return doc


# The small model's lemmatizer slips on a few cue verbs ("hoping" -> "hop").
_LEMMA_FIXES = {("hop", "hoping"): "hope", ("hop", "hoped"): "hope", ("hop", "hopes"): "hope"}


def _fix_lemmas(doc: Doc) -> None:
    for i in positions_with_lower(doc, {lower for _, lower in _LEMMA_FIXES}):
        token = doc[i]
        fixed = _LEMMA_FIXES.get((token.lemma_, token.lower_))
        if fixed is not None:
            token.lemma_ = fixed


@Language.component(
    "sayso_speakers",
    requires=["doc._.attribution_candidates", "doc.ents"],
    assigns=["doc._.entities", "doc._.attributions"],
)
def speakers(doc: Doc) -> Doc:
    """Resolve every source to an entity of the article and list the entities."""
    candidates = doc._.attribution_candidates or []
    resolutions, entities = resolve_sources(doc, candidates)
    doc._.attributions = build_attributions(doc, candidates, resolutions)
    doc._.entities = entities
    return doc
