"""``sayso train resolver``: the mention ranker's weights from GUM and GAP.

The training documents go through sayso's own pipeline; the speaker resolver then walks
each one with a *teacher* that knows the gold coreference, and every pronoun and
description it meets becomes an example with exactly the features the resolver computes
at run time. GUM (train split) labels every mention; GAP (development file) labels one
pronoun per paragraph, so its other pronouns are resolved by a first model fitted on GUM
alone, and the final model is fitted on both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from sayso.nlp.coref.ranker import MentionRanker, RankerWeights
from sayso.nlp.coref.referring import Referring
from sayso.nlp.coref.walk import Example, Teacher
from sayso.nlp.drafts import EntityDraft
from sayso.nlp.speakers import SpeakerResolver
from sayso.train.corpora import GapRow, GoldDocument, GoldMention
from sayso.train.fit import fit_group

_AFTER_ATTRIBUTIONS = (
    "sayso_speakers",
    "sayso_linker",
    "sayso_times",
    "sayso_certainty",
    "sayso_events",
)


def parsed(nlp: Language, texts: Iterable[str]) -> Iterable[Doc]:
    """Docs through sayso's pipeline up to the attributions: what the resolver reads."""
    disabled = [name for name in _AFTER_ATTRIBUTIONS if name in nlp.pipe_names]
    with nlp.select_pipes(disable=disabled):
        yield from nlp.pipe(texts, batch_size=16)


def _chars(doc: Doc, mention: Referring) -> tuple[int, int, int]:
    head = doc[mention.head]
    last = doc[mention.end - 1]
    return doc[mention.start].idx, last.idx + len(last.text), head.idx


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def gum_teacher(doc: Doc, gold: list[GoldMention]) -> Teacher:
    def teach(mention: Referring, candidates: list[EntityDraft]) -> set[int] | None:
        start, _end, head = _chars(doc, mention)
        containing = [g for g in gold if g.start <= head < g.end and g.start >= start - 1]
        if not containing:
            return {0}
        own = min(containing, key=lambda g: g.end - g.start)
        earlier = [(g.start, g.end) for g in gold if g.cluster == own.cluster and g.end <= start]
        right = {
            i + 1
            for i, candidate in enumerate(candidates)
            if any(_overlaps(earlier, s, e) for s, e in candidate.mentions if e <= start)
        }
        return right or {0}

    return teach


def gap_teacher(doc: Doc, row: GapRow) -> Teacher:
    a = (row.a_offset, row.a_offset + len(row.a))
    b = (row.b_offset, row.b_offset + len(row.b))

    def teach(mention: Referring, candidates: list[EntityDraft]) -> set[int] | None:
        _, _, head = _chars(doc, mention)
        if head != row.pronoun_offset:
            return None
        is_a = {i + 1 for i, c in enumerate(candidates) if _overlaps(c.mentions, *a)}
        is_b = {i + 1 for i, c in enumerate(candidates) if _overlaps(c.mentions, *b)}
        if row.a_coref:
            return is_a or None
        if row.b_coref:
            return is_b or None
        return {0} | {i for i in range(1, len(candidates) + 1) if i not in is_a | is_b}

    return teach


def collect(
    docs: Iterable[Doc],
    teachers: Iterable[Callable[[Doc], Teacher]],
    ranker: MentionRanker | None = None,
) -> list[Example]:
    examples: list[Example] = []
    for doc, make_teacher in zip(docs, teachers, strict=True):
        resolver = SpeakerResolver(
            doc, list(doc._.attribution_candidates or []), make_teacher(doc), examples
        )
        if ranker is not None:
            resolver.ranker = ranker
        resolver.build()
    return examples


def fit(examples: list[Example], l2: float = 1.0) -> RankerWeights:
    groups = sorted({e.group for e in examples})
    return RankerWeights(
        groups={g: fit_group([e for e in examples if e.group == g], l2=l2) for g in groups},
        thresholds={g: 0.5 for g in groups},
        meta={"examples": {g: sum(e.group == g for e in examples) for g in groups}},
    )


def gum_examples(nlp: Language, documents: list[GoldDocument]) -> list[Example]:
    docs = parsed(nlp, (d.text for d in documents))
    teachers = [lambda doc, d=d: gum_teacher(doc, d.mentions) for d in documents]
    return collect(docs, teachers)


def gap_examples(nlp: Language, rows: list[GapRow], ranker: MentionRanker) -> list[Example]:
    docs = parsed(nlp, (r.text for r in rows))
    teachers = [lambda doc, r=r: gap_teacher(doc, r) for r in rows]
    return collect(docs, teachers, ranker)


def train(data_dir: Path, nlp: Language, out: Path | None = None) -> RankerWeights:
    from sayso.train.corpora import gum_split, read_gap, read_gum

    gum = read_gum(data_dir / "gum", gum_split(data_dir / "gum", "train"))
    gum_set = gum_examples(nlp, gum)
    first = fit(gum_set)
    gap = read_gap(data_dir / "gap" / "gap-development.tsv")
    gap_set = gap_examples(nlp, gap, MentionRanker(first))
    weights = fit(gum_set + gap_set)
    if out is not None:
        weights.write(out)
    return weights
