"""Run sayso over a PolNeAR split and score it with :mod:`sayso.eval.metric`."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from sayso.analyze import ArticleInput, analyze_many
from sayso.eval.metric import ArticleScore, Counts, Record, figures, score_article
from sayso.eval.polnear import GoldArticle, GoldAttribution, read_split
from sayso.model import Analysis, Attribution

Predictor = Callable[[Iterable[GoldArticle]], Iterator[list[Record]]]


@dataclass(slots=True)
class ScoredArticle:
    article: GoldArticle
    score: ArticleScore


@dataclass(slots=True)
class EvalResult:
    split: str
    system: str
    counts: Counts
    articles: list[ScoredArticle] = field(default_factory=list)
    seconds: float = 0.0

    def figures(self) -> dict[str, object]:
        return {
            "corpus": "polnear",
            "split": self.split,
            "system": self.system,
            "articles": len(self.articles),
            **figures(self.counts),
            "seconds": round(self.seconds, 1),
        }


def gold_record(attribution: GoldAttribution) -> Record:
    return Record(content=attribution.content, source=attribution.source, cue=attribution.cue)


def records_from_analysis(analysis: Analysis) -> list[Record]:
    """sayso's attributions as metric records.

    An ``implicit`` attribution carries on the quotation of the attribution it follows
    (same speaker, no new cue); PolNeAR annotates such a run-on quotation as further
    pieces of that attribution's content, so it is scored as such.
    """
    records: list[Record] = []
    last_quoted: int | None = None
    for attribution in analysis.attributions:
        if attribution.cue is None and last_quoted is not None:
            previous = records[last_quoted]
            merged = tuple(sorted(previous.content + attribution.content.spans))
            records[last_quoted] = Record(merged, previous.source, previous.cue, previous.nested)
            continue
        records.append(_record(attribution))
        if attribution.nested_in is None:
            last_quoted = len(records) - 1
    return records


def _record(attribution: Attribution) -> Record:
    source = attribution.source
    cue = attribution.cue
    return Record(
        content=tuple(attribution.content.spans),
        source=((source.start, source.end),) if source else None,
        cue=((cue.start, cue.end),) if cue else None,
        nested=attribution.nested_in is not None,
    )


def sayso_predictor(nlp: Language | None = None) -> Predictor:
    def predict(articles: Iterable[GoldArticle]) -> Iterator[list[Record]]:
        inputs = (ArticleInput(text=a.text, path=a.name) for a in articles)
        for analysis in analyze_many(inputs, nlp=nlp):
            yield records_from_analysis(analysis)

    return predict


def evaluate(
    root: Path | str,
    split: str = "dev",
    *,
    predictor: Predictor | None = None,
    system: str = "sayso",
    limit: int | None = None,
) -> EvalResult:
    """Score ``predictor`` (sayso by default) on every article of ``split``."""
    started = time.perf_counter()
    articles = list(read_split(root, split))[:limit]
    predict = predictor or sayso_predictor()
    result = EvalResult(split=split, system=system, counts=Counts())
    for article, predicted in zip(articles, predict(articles), strict=True):
        gold = [gold_record(a) for a in article.attributions]
        score = score_article(article.text, gold, predicted)
        result.counts = result.counts + score.counts
        result.articles.append(ScoredArticle(article=article, score=score))
    result.seconds = time.perf_counter() - started
    return result
