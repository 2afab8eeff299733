"""Cross-document event coreference on ECB+: sayso's event linker next to the same-head-lemma
baseline, both scored with MUC, B³, CEAF-e and the CoNLL F1 (``sayso.eval.coref``).

Setting, as in most ECB+ work with gold mentions: the event mentions of the validated
sentences, within-document and cross-document links scored together, over all the
split's topics at once; mentions are linked within their (gold) topic only, by both
systems. The baseline puts in one cluster the mentions of a topic whose syntactic heads
have the same lemma. sayso's linker (``sayso.graph.eventlink``) sees the trigger's head
lemma, the words around it and the words of its document; never the gold clusters or
sub-topics.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from sayso.eval.coref import CorefScores, score
from sayso.eval.ecbplus import EcbDocument, GoldMention, gold_clusters
from sayso.graph.embed import Embedder
from sayso.graph.eventlink import (
    WINDOW,
    EventMention,
    OnlineLinker,
    PairModel,
    content_words,
    fit_weights,
    pair_features,
)


@dataclass(slots=True)
class Prepared:
    """A split's gold mentions, ready for both systems."""

    documents: list[EcbDocument]
    heads: dict[str, str]  # mention key -> head lemma
    mentions: dict[int, list[EventMention]]  # topic -> mentions in document order


@dataclass(slots=True)
class EcbResult:
    split: str
    documents: int
    mentions: int
    gold_clusters: int
    sayso: CorefScores
    baseline: CorefScores
    threshold: float

    def to_dict(self) -> dict[str, object]:
        return {
            "split": self.split,
            "documents": self.documents,
            "mentions": self.mentions,
            "gold_clusters": self.gold_clusters,
            "threshold": self.threshold,
            "sayso": self.sayso.to_dict(),
            "same_head_lemma": self.baseline.to_dict(),
        }


def prepare(documents: list[EcbDocument], nlp: Language, embedder: Embedder) -> Prepared:
    """Parse each validated sentence (tokens as given), find each mention's head, embed."""
    entries: list[tuple[EcbDocument, GoldMention]] = [
        (document, mention) for document in documents for mention in document.mentions
    ]
    sentences = {(d.doc_id, n): tokens for d in documents for n, tokens in d.sentences.items()}
    keys = list(sentences)
    parsed = dict(
        zip(keys, nlp.pipe(Doc(nlp.vocab, words=sentences[k]) for k in keys), strict=True)
    )
    heads, windows = {}, []
    for document, mention in entries:
        doc = parsed[(document.doc_id, mention.sentence)]
        tokens, positions = document.sentence_of(mention)
        heads[mention.key] = doc[min(positions) : max(positions) + 1].root.lemma_.lower()
        low, high = max(0, min(positions) - WINDOW), max(positions) + WINDOW + 1
        windows.append(" ".join(tokens[low:high]))
    lemma_list = sorted(set(heads.values()))
    lemma_vectors = dict(zip(lemma_list, embedder.encode(lemma_list), strict=True))
    window_vectors = embedder.encode(windows)
    bags = {
        d.doc_id: content_words(" ".join(" ".join(s) for s in d.sentences.values()))
        for d in documents
    }
    by_topic: dict[int, list[EventMention]] = defaultdict(list)
    for (document, mention), vector in zip(entries, window_vectors, strict=True):
        lemma = heads[mention.key]
        by_topic[document.topic].append(
            EventMention(
                key=mention.key,
                doc=document.doc_id,
                lemma=lemma,
                lemma_vector=lemma_vectors[lemma],
                window=vector,
                words=bags[document.doc_id],
            )
        )
    return Prepared(documents, heads, dict(by_topic))


def lemma_baseline(prepared: Prepared) -> list[set[Hashable]]:
    """Same topic and same head lemma: one cluster."""
    clusters: dict[tuple[int, str], set[Hashable]] = defaultdict(set)
    for topic, mentions in prepared.mentions.items():
        for mention in mentions:
            clusters[(topic, mention.lemma)].add(mention.key)
    return list(clusters.values())


def link_topics(prepared: Prepared, model: PairModel) -> list[list[Hashable]]:
    """sayso's online linker, run topic by topic."""
    partition: list[list[Hashable]] = []
    for topic in sorted(prepared.mentions):
        linker = OnlineLinker(model)
        for mention in prepared.mentions[topic]:
            linker.add(mention)
        partition.extend(linker.partition())
    return partition


def evaluate(prepared: Prepared, split: str, model: PairModel) -> EcbResult:
    gold = gold_clusters(prepared.documents)
    return EcbResult(
        split=split,
        documents=len(prepared.documents),
        mentions=sum(len(m) for m in prepared.mentions.values()),
        gold_clusters=len(gold),
        sayso=score(gold, link_topics(prepared, model)),
        baseline=score(gold, lemma_baseline(prepared)),
        threshold=model.threshold,
    )


def training_pairs(prepared: Prepared) -> tuple[np.ndarray, np.ndarray]:
    """Every within-topic pair of mentions: features and whether they corefer."""
    cluster: dict[Hashable, str] = {
        m.key: m.cluster for d in prepared.documents for m in d.mentions
    }
    rows: list[np.ndarray] = []
    labels: list[bool] = []
    for mentions in prepared.mentions.values():
        for i, mention in enumerate(mentions[1:], 1):
            rows.append(pair_features(mention, mentions[:i]))
            labels.extend(cluster[o.key] == cluster[mention.key] for o in mentions[:i])
    return np.vstack(rows), np.array(labels, dtype=bool)


THRESHOLDS = tuple(round(0.1 + 0.05 * i, 2) for i in range(13))  # 0.10 … 0.70


def fit(prepared: Prepared) -> tuple[PairModel, dict[float, float]]:
    """Fit the pair weights on ``prepared`` (the training topics), then the threshold that
    gives the best CoNLL F1 there; also every threshold's F1."""
    features, labels = training_pairs(prepared)
    weights, intercept = fit_weights(features, labels)
    gold = gold_clusters(prepared.documents)
    sweep: dict[float, float] = {}
    for threshold in THRESHOLDS:
        model = PairModel(tuple(float(w) for w in weights), intercept, threshold)
        sweep[threshold] = score(gold, link_topics(prepared, model)).conll_f1
    best = max(sweep, key=lambda t: (sweep[t], -t))
    notes = {
        "fitted_on": "ECB+ training topics (all but 2, 5, 12, 18, 21, 23, 34, 35 and 36-45)",
        "train_pairs": len(labels),
        "train_conll_f1": round(sweep[best], 4),
    }
    model = PairModel(tuple(float(w) for w in weights), intercept, best, notes)
    return model, sweep
