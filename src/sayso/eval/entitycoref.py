"""``sayso eval coref``: sayso's within-document entities scored as coreference on GUM.

What is scored:

- **Gold**: GUM's own scheme (``gum/``), the mentions whose entity type is ``person`` or
  ``organization`` (pronouns, names, descriptions, appositions and groups of people
  included), clusters by GUM's cluster id. Clusters left with a single mention are removed,
  as in the CoNLL-2012 setting (OntoNotes has no singletons): a person mentioned once is no
  coreference decision, and keeping the many singletons would let B³ and CEAF-e reward a
  system for saying nothing.
- **System**: the mentions of sayso's entities of type PERSON, ORG, GROUP and ANONYMOUS
  (GROUP and ANONYMOUS are people too in GUM's scheme: "officials", "voters"); places and
  nationalities are left out, as are their gold counterparts. Each entity is a cluster;
  clusters with a single mention are removed as on the gold side.
- **Alignment**: a system mention stands for the gold mention whose head token it contains
  (the head of the gold span in sayso's own parse: the token whose syntactic head lies
  outside the span); of several candidates the one it overlaps most, then the shortest;
  one to one, best overlaps first. A system mention aligned to no scored gold mention is a
  spurious mention (it costs precision), a gold mention no system mention stands for a
  missing one (it costs recall).
- **Baseline**, computed in the same run on the same system mentions: mentions clustered
  by their normalised string (lowercase, accents, a leading determiner, a possessive and
  punctuation dropped).

Figures are MUC, B³, CEAF-e and the CoNLL F1 of :mod:`sayso.eval.coref`, over all the
split's documents at once (mention ids are per document, so this equals summing each
metric's counts over the documents).
"""

from __future__ import annotations

import re
import time
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from sayso.canon.gazetteer import ascii_fold
from sayso.eval.coref import CorefScores, score
from sayso.eval.gum import GumDocument, GumMention
from sayso.model import Analysis

GOLD_TYPES = frozenset({"person", "organization"})
SYSTEM_TYPES = frozenset({"PERSON", "ORG", "GROUP", "ANONYMOUS"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


@dataclass(frozen=True, slots=True)
class SystemMention:
    entity: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class DocumentClusters:
    """One document's partitions, as mention ids: gold, sayso and the baseline."""

    name: str
    gold: list[set[Hashable]]
    sayso: list[set[Hashable]]
    baseline: list[set[Hashable]]
    gold_mentions: int
    system_mentions: int
    aligned: int


@dataclass(slots=True)
class GumResult:
    split: str
    documents: list[DocumentClusters] = field(default_factory=list)
    seconds: float = 0.0

    def key(self) -> list[set[Hashable]]:
        return [c for d in self.documents for c in d.gold]

    def scores(self) -> tuple[CorefScores, CorefScores]:
        """(sayso, same-string baseline)."""
        key = self.key()
        sayso = score(key, [c for d in self.documents for c in d.sayso])
        baseline = score(key, [c for d in self.documents for c in d.baseline])
        return sayso, baseline

    def figures(self) -> dict[str, Any]:
        sayso, baseline = self.scores()
        return {
            "corpus": "gum",
            "split": self.split,
            "system": "sayso",
            "documents": len(self.documents),
            "gold_mentions": sum(d.gold_mentions for d in self.documents),
            "gold_clusters": sum(len(d.gold) for d in self.documents),
            "system_mentions": sum(d.system_mentions for d in self.documents),
            "aligned_mentions": sum(d.aligned for d in self.documents),
            "sayso": _percent_scores(sayso),
            "baseline": _percent_scores(baseline),
            "beats_baseline": sayso.conll_f1 > baseline.conll_f1,
            "seconds": round(self.seconds, 1),
        }

    def gate_record(self) -> dict[str, Any]:
        """What ``--write-baseline`` records and the gate compares; the baseline's figures
        are kept for reference (the gate also requires sayso to beat them)."""
        from sayso.eval.gate import gate_record

        figures = self.figures()
        size = {"documents": figures["documents"], "gold_mentions": figures["gold_mentions"]}
        reference = {"baseline.conll_f1": figures["baseline"]["conll_f1"]}
        return gate_record("gum", self.split, size, self.gate_figures(), reference)

    def gate_figures(self) -> dict[str, float]:
        sayso, _ = self.scores()
        figures = _percent_scores(sayso)
        flat = {f"{name}.f1": figures[name]["f1"] for name in ("muc", "b_cubed", "ceaf_e")}
        flat["conll_f1"] = figures["conll_f1"]
        return flat


def _percent_scores(scores: CorefScores) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name in ("muc", "b_cubed", "ceaf_e"):
        part = getattr(scores, name)
        result[name] = {
            "recall": round(100 * part.recall, 2),
            "precision": round(100 * part.precision, 2),
            "f1": round(100 * part.f1, 2),
        }
    result["conll_f1"] = round(100 * scores.conll_f1, 2)
    return result


def system_mentions(analysis: Analysis) -> list[SystemMention]:
    """The mentions of sayso's person-like entities, in text order, each span once."""
    found: dict[tuple[int, int], SystemMention] = {}
    text = analysis.article.text
    for entity in analysis.entities:
        if entity.type not in SYSTEM_TYPES:
            continue
        for start, end in entity.mentions:
            found.setdefault((start, end), SystemMention(entity.id, start, end, text[start:end]))
    return [found[key] for key in sorted(found)]


def gold_heads(doc: Doc, mentions: list[GumMention]) -> list[tuple[int, int]]:
    """The character span of each gold mention's head token in ``doc``'s parse."""
    from sayso.nlp.phrases import head_of

    heads = []
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            heads.append((mention.start, mention.end))
            continue
        head = head_of(doc, span.start, span.end)
        heads.append((head.idx, head.idx + len(head.text)))
    return heads


def align(
    system: list[SystemMention], gold: list[GumMention], heads: list[tuple[int, int]]
) -> dict[int, int]:
    """System mention index -> gold mention index, one to one (see the module's docstring)."""
    pairs = []
    for i, mention in enumerate(system):
        for j, (gold_mention, (h_start, h_end)) in enumerate(zip(gold, heads, strict=True)):
            if not (mention.start <= h_start and h_end <= mention.end):
                continue
            overlap = min(mention.end, gold_mention.end) - max(mention.start, gold_mention.start)
            length = gold_mention.end - gold_mention.start
            pairs.append((-overlap, length, i, j))
    pairs.sort()
    aligned: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, i, j in pairs:
        if i in aligned or j in taken:
            continue
        aligned[i] = j
        taken.add(j)
    return aligned


def normalised(text: str) -> str:
    """The same-string baseline's key: "The Post's" and "the post" agree."""
    words = re.sub(r"[^\w\s]", " ", ascii_fold(text).lower().replace("'s", "").replace("’s", ""))
    tokens = words.split()
    while len(tokens) > 1 and tokens[0] in _DETERMINERS:
        tokens = tokens[1:]
    return " ".join(tokens)


def _without_singletons(clusters: Iterable[set[Hashable]]) -> list[set[Hashable]]:
    return [c for c in clusters if len(c) > 1]


def document_clusters(document: GumDocument, doc: Doc, analysis: Analysis) -> DocumentClusters:
    name = document.name
    gold = [m for m in document.mentions if m.type in GOLD_TYPES]
    system = system_mentions(analysis)
    aligned = align(system, gold, gold_heads(doc, gold))

    def mention_id(i: int) -> Hashable:
        return (name, "g", aligned[i]) if i in aligned else (name, "s", i)

    gold_clusters: dict[str, set[Hashable]] = {}
    for j, gold_mention in enumerate(gold):
        gold_clusters.setdefault(gold_mention.cluster, set()).add((name, "g", j))
    sayso: dict[str, set[Hashable]] = {}
    baseline: dict[str, set[Hashable]] = {}
    for i, mention in enumerate(system):
        sayso.setdefault(mention.entity, set()).add(mention_id(i))
        baseline.setdefault(normalised(mention.text), set()).add(mention_id(i))
    key = _without_singletons(gold_clusters.values())
    return DocumentClusters(
        name=name,
        gold=key,
        sayso=_without_singletons(sayso.values()),
        baseline=_without_singletons(baseline.values()),
        gold_mentions=sum(len(c) for c in key),
        system_mentions=len(system),
        aligned=len(aligned),
    )


def evaluate(documents: list[GumDocument], split: str, *, nlp: Language | None = None) -> GumResult:
    """Analyse every document with sayso and score its entities against the gold."""
    from sayso.analyze import ArticleInput, analyze_docs

    started = time.perf_counter()
    result = GumResult(split=split)
    inputs = (ArticleInput(text=d.text, path=d.name) for d in documents)
    for document, (doc, analysis) in zip(documents, analyze_docs(inputs, nlp=nlp), strict=True):
        result.documents.append(document_clusters(document, doc, analysis))
    result.seconds = time.perf_counter() - started
    return result
