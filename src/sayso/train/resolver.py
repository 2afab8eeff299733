"""``sayso train resolver``: the mention ranker's weights from GUM and GAP.

The training documents go through sayso's own pipeline; the speaker resolver then walks
each one with a *teacher* that knows the gold coreference, and every pronoun and
description it meets becomes an example with exactly the features the resolver computes
at run time. GUM's training split labels every mention; GAP's development file labels one
pronoun per paragraph, so its other pronouns are resolved by a first model fitted on GUM
alone, and the final model is fitted on both. The thresholds below which a mention is
left unresolved are then chosen per kind of mention on the tuning sets, GUM's dev split
and GAP's validation file: the probability grid point with the most right decisions.

Deterministic: documents in file order, features in sorted order, L-BFGS from zero in
float64, weights rounded to six decimals; ``sayso train resolver --check`` retrains and
compares with the shipped file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from sayso.eval.gap import GapRow, read_rows
from sayso.eval.gum import GumDocument, GumMention, read_documents
from sayso.nlp.coref.ranker import MentionRanker, RankerWeights
from sayso.nlp.coref.referring import Referring
from sayso.nlp.coref.walk import Example, Teacher
from sayso.nlp.drafts import EntityDraft
from sayso.nlp.speakers import SpeakerResolver
from sayso.train.fit import fit_group

L2 = 1.0
THRESHOLD_GRID = tuple(round(0.05 * i, 2) for i in range(19))  # 0.0 ... 0.9
_AFTER_ATTRIBUTIONS = (
    "sayso_speakers",
    "sayso_linker",
    "sayso_times",
    "sayso_certainty",
    "sayso_events",
)


@dataclass(frozen=True, slots=True)
class TrainingData:
    gum: Path  # the GUM folder
    gap_train: Path  # gap-development.tsv
    gap_tune: Path  # gap-validation.tsv

    @classmethod
    def under(cls, root: Path) -> TrainingData:
        return cls(
            root / "gum", root / "gap" / "gap-development.tsv", root / "gap" / "gap-validation.tsv"
        )

    def files(self) -> list[Path]:
        conll = sorted((self.gum / "gum").glob("*.conll"))
        return [*conll, self.gum / "splits.upstream.md", self.gap_train, self.gap_tune]

    def fingerprint(self) -> str:
        digest = hashlib.sha256()
        for path in self.files():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()[:16]


def parsed(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """Docs through sayso's pipeline up to the attributions: what the resolver reads."""
    disabled = [name for name in _AFTER_ATTRIBUTIONS if name in nlp.pipe_names]
    with nlp.select_pipes(disable=disabled):
        yield from nlp.pipe(texts, batch_size=16)


def _chars(doc: Doc, mention: Referring) -> tuple[int, int]:
    return doc[mention.start].idx, doc[mention.head].idx


def _overlaps(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def gum_teacher(doc: Doc, gold: list[GumMention]) -> Teacher:
    """Right choices from GUM's clusters: the candidates that have a mention of the
    mention's own cluster before it; none (unresolved) when no candidate has."""

    def teach(mention: Referring, candidates: list[EntityDraft]) -> set[int] | None:
        start, head = _chars(doc, mention)
        containing = [g for g in gold if g.start <= head < g.end and g.start >= start - 1]
        if not containing:
            return {0}
        own = min(containing, key=lambda g: g.end - g.start)
        cluster = [g for g in gold if g.cluster == own.cluster and g is not own]
        earlier = [(g.start, g.end) for g in cluster if g.end <= start]
        later = [(g.start, g.end) for g in cluster if g.start > start]

        def right_choice(candidate: EntityDraft) -> bool:
            before = [(s, e) for s, e in candidate.mentions if e <= start]
            if before:
                return any(_overlaps(earlier, s, e) for s, e in before)
            # not named yet: the subject a cataphor points to ("Before he left, Smith …")
            return any(_overlaps(later, s, e) for s, e in candidate.mentions if s > start)

        right = {i + 1 for i, candidate in enumerate(candidates) if right_choice(candidate)}
        return right or {0}

    return teach


def gap_teacher(doc: Doc, row: GapRow) -> Teacher:
    """Right choices for GAP's one labelled pronoun: A's entity, B's entity, or (neither)
    anything else; other mentions are left to the model."""
    a = (row.a_offset, row.a_offset + len(row.a))
    b = (row.b_offset, row.b_offset + len(row.b))

    def teach(mention: Referring, candidates: list[EntityDraft]) -> set[int] | None:
        if _chars(doc, mention)[1] != row.pronoun_offset:
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
    """Walk every document with its teacher and keep the labelled examples."""
    examples: list[Example] = []
    for doc, make_teacher in zip(docs, teachers, strict=True):
        resolver = SpeakerResolver(
            doc, list(doc._.attribution_candidates or []), make_teacher(doc), examples
        )
        resolver.ranker = ranker
        resolver.build()
    return examples


def gum_examples(nlp: Language, documents: list[GumDocument]) -> list[Example]:
    docs = parsed(nlp, (d.text for d in documents))
    teachers = [lambda doc, d=d: gum_teacher(doc, d.mentions) for d in documents]
    return collect(docs, teachers)


def gap_examples(nlp: Language, rows: list[GapRow], ranker: MentionRanker) -> list[Example]:
    docs = parsed(nlp, (r.text for r in rows))
    teachers = [lambda doc, r=r: gap_teacher(doc, r) for r in rows]
    return collect(docs, teachers, ranker)


def fit(examples: list[Example], l2: float = L2) -> RankerWeights:
    groups = sorted({e.group for e in examples})
    return RankerWeights(
        groups={g: fit_group([e for e in examples if e.group == g], l2=l2) for g in groups},
        thresholds={g: 0.5 for g in groups},
    )


def tune_thresholds(weights: RankerWeights, examples: list[Example]) -> dict[str, float]:
    """Per kind of mention, the grid probability below which leaving a mention unresolved
    makes the most right decisions on the tuning examples (ties: the higher one, which
    says "unresolved" more often)."""
    ranker = MentionRanker(weights)
    thresholds: dict[str, float] = {}
    for group in sorted(weights.groups):
        decisions = []
        for example in (e for e in examples if e.group == group):
            probabilities = ranker.probabilities(group, example.rows)
            best = max(range(1, len(example.rows)), key=probabilities.__getitem__, default=0)
            decisions.append((probabilities[best] if best else 0.0, best, example.right))
        if not decisions:
            thresholds[group] = 0.5
            continue

        def right(threshold: float, decisions: list = decisions) -> int:  # type: ignore[type-arg]
            return sum(
                (best in truth) if p >= threshold and best else (0 in truth)
                for p, best, truth in decisions
            )

        thresholds[group] = max(reversed(THRESHOLD_GRID), key=right)
    return thresholds


def train(nlp: Language, data: TrainingData) -> RankerWeights:
    """The shipped weights, from the data."""
    gum_train = read_documents(data.gum, "train")
    gum_set = gum_examples(nlp, gum_train)
    first = fit(gum_set)
    gap_set = gap_examples(nlp, read_rows(data.gap_train), MentionRanker(first))
    weights = fit(gum_set + gap_set)
    tune = gum_examples(nlp, read_documents(data.gum, "dev"))
    tune += gap_examples(nlp, read_rows(data.gap_tune), MentionRanker(weights))
    weights.thresholds = tune_thresholds(weights, tune)
    weights.meta = {
        "trained_by": "sayso train resolver",
        "data": data.fingerprint(),
        "l2": L2,
        "examples": {g: sum(e.group == g for e in gum_set + gap_set) for g in weights.groups},
        "tuning_examples": {g: sum(e.group == g for e in tune) for g in weights.groups},
        "model": f"{nlp.meta.get('name')}-{nlp.meta.get('version')}",
    }
    return weights
