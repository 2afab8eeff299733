"""The Python API: analyse one text, or many, exactly as ``sayso analyze`` does."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from sayso.clean import CleanText, clean_text, replace_unsafe
from sayso.clean.checks import body_warnings
from sayso.errors import InputError
from sayso.model import Analysis, Article, InputWarning
from sayso.nlp.pipeline import DEFAULT_MODEL, shared_pipeline

T = TypeVar("T")
# An nlp.pipe batch is cut at this many characters as well as at ``batch_size`` articles:
# a few very long articles in one batch pushed a worker past 1 GB (16 Wikinews articles
# of up to 100,000 characters: 1.1 GB); with the cut it stays well under.
MAX_BATCH_CHARS = 100_000
# Longer texts are refused, not cut: a cut article would be stored as if it were whole.
# 200,000 characters is about 30,000 words, ten times a long feature; past it an input is
# a dump or an attack, and the parser's time and memory grow with the text.
MAX_ARTICLE_CHARS = 200_000


@dataclass(slots=True)
class ArticleInput:
    """One article to analyse, with whatever metadata came with it.

    ``warnings`` are what the reader found doubtful about the input (a page that is not
    an article); the analysis adds its own (a short body) and reports them all.
    """

    text: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    byline: str | None = None
    warnings: list[InputWarning] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Every reader and the API build their inputs here: NULs and lone surrogates go
        # before anything hashes, stores or parses the text (same length, same offsets).
        self.text = replace_unsafe(self.text)
        for name in ("path", "url", "title", "published", "publisher", "byline"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, replace_unsafe(value))

    @property
    def name(self) -> str:
        return self.path or self.url or "the article"


def check_length(item: ArticleInput) -> None:
    """Raise :class:`InputError` naming the input when its text is over the cap."""
    if len(item.text) > MAX_ARTICLE_CHARS:
        raise InputError(
            item.name,
            f"{len(item.text):,} characters, over the {MAX_ARTICLE_CHARS:,}-character "
            "limit for one article",
        )


def article_id(text: str) -> str:
    """A stable id: the first 16 hex digits of the SHA-256 of the text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def analyze(text: str, *, nlp: Language | None = None, **metadata: str | None) -> Analysis:
    """Analyse one article text."""
    return next(analyze_many([ArticleInput(text=text, **metadata)], nlp=nlp))


def analyze_many(
    items: Iterable[ArticleInput],
    *,
    nlp: Language | None = None,
    batch_size: int = 16,
    max_chars: int = MAX_BATCH_CHARS,
) -> Iterator[Analysis]:
    """Analyse many articles through ``nlp.pipe``, in input order, in batches of at most
    ``batch_size`` articles and (but for a single longer article) ``max_chars`` characters."""
    for _doc, analysis in analyze_docs(items, nlp=nlp, batch_size=batch_size, max_chars=max_chars):
        yield analysis


def analyze_docs(
    items: Iterable[ArticleInput],
    *,
    nlp: Language | None = None,
    batch_size: int = 16,
    max_chars: int = MAX_BATCH_CHARS,
) -> Iterator[tuple[Doc, Analysis]]:
    """:func:`analyze_many`, each analysis with the processed Doc it was read from (the
    evaluations read parses and ask the resolver about spans of it). The Doc's text is the
    masked text: the article's offsets, noise blanked out."""
    pipeline = nlp or shared_pipeline(DEFAULT_MODEL)
    for batch in chunked(items, batch_size, max_chars, lambda item: len(item.text)):
        cleaned = ((item, _clean(item)) for item in batch)
        stream = ((_make_doc(pipeline, c.masked(), i.published), (i, c)) for i, c in cleaned)
        for doc, (item, clean) in pipeline.pipe(stream, as_tuples=True, batch_size=batch_size):
            yield doc, to_analysis(doc, item, clean)


def chunked(
    items: Iterable[T], size: int, max_chars: int, chars: Callable[[T], int]
) -> Iterator[list[T]]:
    """``items`` in order, in lists cut at ``size`` items or ``max_chars`` characters."""
    chunk: list[T] = []
    total = 0
    for item in items:
        chunk.append(item)
        total += chars(item)
        if len(chunk) >= size or total >= max_chars:
            yield chunk
            chunk, total = [], 0
    if chunk:
        yield chunk


def _clean(item: ArticleInput) -> CleanText:
    check_length(item)
    return clean_text(item.text)


def _make_doc(pipeline: Language, text: str, published: str | None) -> Doc:
    """A tokenised Doc carrying its publication date, which the time component reads."""
    doc = pipeline.make_doc(text)
    if Doc.has_extension("published"):
        doc._.published = published
    return doc


def to_analysis(doc: Doc, item: ArticleInput, clean: CleanText) -> Analysis:
    article = Article(
        id=article_id(item.text),
        text=item.text,
        path=item.path,
        url=item.url,
        title=item.title or clean.title,
        standfirst=clean.standfirst,
        publisher=item.publisher or clean.publisher,
        byline=item.byline or clean.byline,
        published=item.published,
    )
    warnings = list(item.warnings)
    warnings += [w for w in body_warnings(clean) if w.kind not in {v.kind for v in warnings}]
    return Analysis(
        article=article,
        removed=list(clean.removed),
        attributions=list(doc._.attributions or []),
        entities=list(doc._.entities or []),
        events=list(doc._.events or []) if Doc.has_extension("events") else [],
        times=list(doc._.times or []) if Doc.has_extension("times") else [],
        warnings=warnings,
        statements=list(doc._.statements or []) if Doc.has_extension("statements") else [],
    )
