"""The stance of a text toward a claim: ``for``, ``against`` or ``observing``.

``sayso stance CLAIM TEXT`` and ``sayso stance --pairs FILE.jsonl`` (``sayso.stance.cli``)
and :func:`stance` / :func:`stance_many` in Python do the same thing: the text is analysed
as an article, the telling that matches the claim is found (``sayso.stance.features``),
the claim graph's rule reads a stance from it (``sayso.graph.stance``), and a classifier
trained on Emergent (``sayso train stance``) weighs that with the text's words. The
result carries its evidence: the telling, its cue and polarity, the reporter's stance.

Within the store, ``sayso trace`` shows each article's stance by the same rule over the
article's tellings of the claim.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language

from sayso.graph.embed import Embedder, default_embedder
from sayso.stance.features import Pair, best_match, features, read_pair, word_depths
from sayso.stance.model import StanceWeights, shipped_weights

__all__ = ["StanceResult", "read_pairs", "stance", "stance_many"]


@dataclass(slots=True)
class StanceResult:
    stance: str
    rule: str  # the graph rule's answer alone
    probabilities: dict[str, float]
    evidence: dict[str, Any] = field(default_factory=dict)
    features: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "stance": self.stance,
            "rule": self.rule,
            "probabilities": {k: round(v, 4) for k, v in self.probabilities.items()},
            "evidence": self.evidence,
        }


def stance(
    claim: str,
    text: str,
    *,
    nlp: Language | None = None,
    embedder: Embedder | None = None,
    weights: StanceWeights | None = None,
) -> StanceResult:
    """The stance of ``text`` toward ``claim``, with its evidence."""
    return stance_many([(claim, text)], nlp=nlp, embedder=embedder, weights=weights)[0]


def stance_many(
    pairs: Sequence[tuple[str, str]],
    *,
    nlp: Language | None = None,
    embedder: Embedder | None = None,
    weights: StanceWeights | None = None,
) -> list[StanceResult]:
    """:func:`stance` for many pairs, analysed and embedded in batches."""
    model = weights if weights is not None else shipped_weights()
    results = []
    for pair, row, rule, evidence in read_pairs(pairs, nlp=nlp, embedder=embedder):
        probabilities = model.probabilities(row)
        chosen = model.predict(row)
        evidence = {**evidence, "rule": rule}
        results.append(StanceResult(chosen, rule, probabilities, evidence, row))
        del pair
    return results


def read_pairs(
    pairs: Sequence[tuple[str, str]],
    *,
    nlp: Language | None = None,
    embedder: Embedder | None = None,
) -> Iterable[tuple[Pair, dict[str, float], str, dict[str, Any]]]:
    """Each pair with its features, the rule's stance and the evidence."""
    from sayso.analyze import ArticleInput, analyze_docs
    from sayso.nlp.meaning.polarity import read_proposition
    from sayso.nlp.pipeline import MEANING_PIPES, shared_pipeline

    pipeline = nlp or shared_pipeline()
    embedder = embedder or default_embedder()
    claims = sorted({claim for claim, _ in pairs})
    with pipeline.select_pipes(disable=[p for p in pipeline.pipe_names if p in MEANING_PIPES]):
        parsed = list(pipeline.pipe(claims))
    keys: dict[str, tuple[str | None, str | None]] = {}
    polarity: dict[str, int] = {}
    for claim, doc in zip(claims, parsed, strict=True):
        proposition = read_proposition(doc[:])
        keys[claim] = (proposition.predicate, proposition.object) if proposition else (None, None)
        negative = proposition is not None and proposition.polarity == "negative"
        polarity[claim] = -1 if negative else 1
    docs = analyze_docs(
        (ArticleInput(text=text, path=f"pair {i + 1}") for i, (_, text) in enumerate(pairs)),
        nlp=pipeline,
    )
    read = []
    for (claim, text), (doc, analysis) in zip(pairs, docs, strict=True):
        pair = read_pair(claim, text, analysis, keys[claim], polarity[claim])
        pair.depths = word_depths(doc)
        read.append(pair)
    claim_vectors = dict(zip(claims, embedder.encode(claims), strict=True))
    text_vectors = embedder.encode([pair.text for pair in read])
    texts = [f.text for pair in read for f in pair.facts]
    vectors = iter(embedder.encode(texts))
    for pair, text_vector in zip(read, text_vectors, strict=True):
        own = [next(vectors) for _ in pair.facts]
        match, cosine = best_match(pair, claim_vectors[pair.claim], own)
        row, rule, evidence = features(pair, match, cosine, text_vector)
        yield pair, row, rule, evidence
