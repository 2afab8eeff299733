"""``sayso eval gap``: pronoun resolution on GAP (Webster et al., TACL 2018), official metric.

GAP's rows are Wikipedia paragraphs with one ambiguous pronoun and two names, A and B, each
labelled as coreferent with the pronoun or not. The metric replicates the official scorer
(``gap_scorer.py`` of google-research-datasets/gap-coreference): every row gives two
(pronoun, name) pairs, counted as true/false positives/negatives overall and per gender of
the pronoun (masculine: he, his, him; feminine: she, her, hers); precision, recall and F1
in percent; the bias is feminine F1 over masculine F1 (none when either is 0). A row the
system gave no answer for counts both pairs as false negatives, and of several rows with one
ID only the first counts, as in the official scorer.

sayso's predictions are read from its own output, as a user would get it: the analysis of
the paragraph; the pronoun's entity is the entity with a mention covering the pronoun's
offset (the shortest such mention's), A's and B's the entities with a mention overlapping the
names' spans (the most overlapping); a name is predicted coreferent when its entity is the
pronoun's. The A/B offsets are used only to read the predictions out. In the oracle mode the
pronoun's entity comes from :func:`sayso.nlp.resolution.resolve_mentions` on the pronoun's
span instead.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from spacy.language import Language

from sayso.config import data_dir
from sayso.errors import InputError
from sayso.model import Analysis, Entity

COLUMNS = (
    "ID",
    "Text",
    "Pronoun",
    "Pronoun-offset",
    "A",
    "A-offset",
    "A-coref",
    "B",
    "B-offset",
    "B-coref",
    "URL",
)


class Gender(StrEnum):
    MASCULINE = "masculine"
    FEMININE = "feminine"


# The official constants.PRONOUNS (reflexives are not in GAP).
PRONOUNS = {
    "she": Gender.FEMININE,
    "her": Gender.FEMININE,
    "hers": Gender.FEMININE,
    "he": Gender.MASCULINE,
    "his": Gender.MASCULINE,
    "him": Gender.MASCULINE,
}


def default_path() -> Path:
    return data_dir() / "gap" / "gap-validation.tsv"


@dataclass(frozen=True, slots=True)
class GapRow:
    """One GAP example. ``a_coref``/``b_coref`` are ``None`` for a label that is neither
    TRUE nor FALSE (the official scorer reads such a label as unknown)."""

    id: str
    text: str
    pronoun: str
    pronoun_offset: int
    a: str
    a_offset: int
    a_coref: bool | None
    b: str
    b_offset: int
    b_coref: bool | None
    url: str = ""

    @property
    def gender(self) -> Gender:
        return PRONOUNS[self.pronoun.lower()]

    @property
    def pronoun_span(self) -> tuple[int, int]:
        return self.pronoun_offset, self.pronoun_offset + len(self.pronoun)

    @property
    def a_span(self) -> tuple[int, int]:
        return self.a_offset, self.a_offset + len(self.a)

    @property
    def b_span(self) -> tuple[int, int]:
        return self.b_offset, self.b_offset + len(self.b)


def _label(value: str) -> bool | None:
    lowered = value.strip().lower()
    if lowered == "true":
        return True
    if lowered == "false":
        return False
    return None


def read_rows(path: Path | str) -> list[GapRow]:
    """Every row of a GAP .tsv file (header line first), offsets checked against the text.

    The files are read without quote processing, so that a Text with quotation marks keeps
    its offsets (on the development and validation files both readings give the same rows).
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such file (a GAP .tsv file)")
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None or tuple(header[: len(COLUMNS) - 1]) != COLUMNS[:-1]:
            raise InputError(str(path), f"not a GAP file: the header must be {COLUMNS}")
        for number, fields in enumerate(reader, start=2):
            if not fields:
                continue
            rows.append(_row(fields, f"{path}:{number}"))
    return rows


def _row(fields: list[str], where: str) -> GapRow:
    if len(fields) < len(COLUMNS) - 1:
        raise InputError(where, f"{len(fields)} columns, expected {len(COLUMNS)}")
    values = dict(zip(COLUMNS, fields, strict=False))
    try:
        offsets = [int(values[name]) for name in ("Pronoun-offset", "A-offset", "B-offset")]
    except ValueError as error:
        raise InputError(where, "an offset is not an integer") from error
    row = GapRow(
        id=values["ID"],
        text=values["Text"],
        pronoun=values["Pronoun"],
        pronoun_offset=offsets[0],
        a=values["A"],
        a_offset=offsets[1],
        a_coref=_label(values["A-coref"]),
        b=values["B"],
        b_offset=offsets[2],
        b_coref=_label(values["B-coref"]),
        url=values.get("URL", ""),
    )
    if row.pronoun.lower() not in PRONOUNS:
        raise InputError(where, f"{row.pronoun!r} is not a GAP pronoun")
    for name, (start, end), words in (
        ("Pronoun", row.pronoun_span, row.pronoun),
        ("A", row.a_span, row.a),
        ("B", row.b_span, row.b),
    ):
        if row.text[start:end] != words:
            raise InputError(where, f"{name} {words!r} is not at offset {start} of the Text")
    return row


# -- the official metric ------------------------------------------------------------------


@dataclass(slots=True)
class Scores:
    """Tallies of (pronoun, name) pairs, as the official scorer's ``Scores``."""

    true_positives: int = 0
    false_positives: int = 0
    true_negatives: int = 0
    false_negatives: int = 0

    def recall(self) -> float:
        denominator = self.true_positives + self.false_negatives
        return 100.0 * self.true_positives / denominator if denominator else 0.0

    def precision(self) -> float:
        denominator = self.true_positives + self.false_positives
        return 100.0 * self.true_positives / denominator if denominator else 0.0

    def f1(self) -> float:
        recall, precision = self.recall(), self.precision()
        denominator = precision + recall
        return 2 * precision * recall / denominator if denominator else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "recall": round(self.recall(), 2),
            "precision": round(self.precision(), 2),
            "f1": round(self.f1(), 2),
            "tp": self.true_positives,
            "fp": self.false_positives,
            "fn": self.false_negatives,
            "tn": self.true_negatives,
        }


Prediction = tuple[bool | None, bool | None]  # (A-coref, B-coref); None: no answer


def calculate_scores(
    gold: Iterable[GapRow], system: Mapping[str, Prediction]
) -> dict[Gender | None, Scores]:
    """The official ``calculate_scores``: ``None`` keys the overall scores."""
    scores: dict[Gender | None, Scores] = {}
    seen: set[str] = set()
    for row in gold:
        if row.id in seen:
            continue  # the official reader keeps the first of several rows with one ID
        seen.add(row.id)
        system_a, system_b = system.get(row.id, (None, None))
        for gender in (None, row.gender):
            tally = scores.setdefault(gender, Scores())
            for expected, predicted in ((row.a_coref, system_a), (row.b_coref, system_b)):
                if predicted is None:
                    tally.false_negatives += 1
                elif expected and predicted:
                    tally.true_positives += 1
                elif not expected and predicted:
                    tally.false_positives += 1
                elif not expected and not predicted:
                    tally.true_negatives += 1
                else:
                    tally.false_negatives += 1
    return scores


def bias(scores: Mapping[Gender | None, Scores]) -> float | None:
    """Feminine F1 over masculine F1; ``None`` when either is 0 (the scorer prints "-")."""
    masculine = scores.get(Gender.MASCULINE, Scores()).f1()
    feminine = scores.get(Gender.FEMININE, Scores()).f1()
    return feminine / masculine if masculine and feminine else None


def scorecard(scores: Mapping[Gender | None, Scores]) -> str:
    """The official scorecard, line for line."""
    lines = []
    displays = ((None, "Overall"), (Gender.MASCULINE, "Masculine"), (Gender.FEMININE, "Feminine"))
    for gender, display in displays:
        tally = scores.get(gender, Scores())
        lines.append(
            f"{display} recall: {tally.recall():.1f} precision: {tally.precision():.1f} "
            f"f1: {tally.f1():.1f}"
        )
        lines.append(f"\t\ttp {tally.true_positives:d}\tfp {tally.false_positives:d}")
        lines.append(f"\t\tfn {tally.false_negatives:d}\ttn {tally.true_negatives:d}")
    ratio = bias(scores)
    lines.append(f"Bias (F/M): {'-' if ratio is None else f'{ratio:.2f}'}\n")
    return "\n".join(lines)


def summary(scores: Mapping[Gender | None, Scores]) -> dict[str, Any]:
    ratio = bias(scores)
    return {
        "overall": scores.get(None, Scores()).to_dict(),
        "masculine": scores.get(Gender.MASCULINE, Scores()).to_dict(),
        "feminine": scores.get(Gender.FEMININE, Scores()).to_dict(),
        "bias": None if ratio is None else round(ratio, 3),
    }


# -- reading sayso's predictions ----------------------------------------------------------


def entity_covering(entities: Iterable[Entity], offset: int) -> Entity | None:
    """The entity with a mention covering ``offset``; of several, the shortest mention's."""
    best: tuple[int, Entity] | None = None
    for entity in entities:
        for start, end in entity.mentions:
            if start <= offset < end and (best is None or end - start < best[0]):
                best = (end - start, entity)
    return best[1] if best else None


def entity_overlapping(entities: Iterable[Entity], start: int, end: int) -> Entity | None:
    """The entity with the mention overlapping ``start``-``end`` the most."""
    best: tuple[int, Entity] | None = None
    for entity in entities:
        for m_start, m_end in entity.mentions:
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, entity)
    return best[1] if best else None


def predict(row: GapRow, analysis: Analysis, pronoun_entity: Entity | None = None) -> Prediction:
    """(A-coref, B-coref) read off ``analysis``; ``pronoun_entity``, when given (the oracle),
    replaces the entity read at the pronoun."""
    entities = analysis.entities
    pronoun = pronoun_entity or entity_covering(entities, row.pronoun_offset)
    if pronoun is None:
        return False, False
    a = entity_overlapping(entities, *row.a_span)
    b = entity_overlapping(entities, *row.b_span)
    return (a is not None and a.id == pronoun.id, b is not None and b.id == pronoun.id)


@dataclass(slots=True)
class GapResult:
    path: str
    rows: list[GapRow]
    predictions: dict[str, dict[str, Prediction]] = field(default_factory=dict)  # mode -> id
    seconds: float = 0.0

    def scores(self, mode: str = "analysis") -> dict[Gender | None, Scores]:
        return calculate_scores(self.rows, self.predictions[mode])

    def figures(self, mode: str = "analysis") -> dict[str, Any]:
        return {
            "corpus": "gap",
            "file": Path(self.path).name,
            "system": "sayso",
            "mode": mode,
            "rows": len(self.rows),
            "pairs": 2 * len(self.rows),
            **summary(self.scores(mode)),
            "seconds": round(self.seconds, 1),
        }

    def gate_record(self) -> dict[str, Any]:
        """What ``--write-baseline`` records and the gate compares (the bias is kept for
        reference: nearer 1 is better, so "lower" is no regression)."""
        from sayso.eval.gate import gate_record

        reference = {
            f"{mode}.bias": summary(self.scores(mode))["bias"] for mode in self.predictions
        }
        split = Path(self.path).stem
        return gate_record("gap", split, {"rows": len(self.rows)}, self.gate_figures(), reference)

    def gate_figures(self) -> dict[str, float]:
        """Overall, masculine and feminine F1 of the analysis and of the oracle."""
        flat: dict[str, float] = {}
        for mode in self.predictions:
            figures = summary(self.scores(mode))
            for part in ("overall", "masculine", "feminine"):
                flat[f"{mode}.{part}.f1"] = float(figures[part]["f1"])
        return flat


def evaluate(
    path: Path | str | None = None, *, nlp: Language | None = None, limit: int | None = None
) -> GapResult:
    """Run sayso over every row (or the first ``limit``) and read out both modes."""
    from sayso.analyze import ArticleInput, analyze_docs
    from sayso.nlp.resolution import resolve_mentions

    started = time.perf_counter()
    path = Path(path) if path is not None else default_path()
    rows = read_rows(path)[:limit]
    result = GapResult(path=str(path), rows=rows, predictions={"analysis": {}, "oracle": {}})
    inputs = (ArticleInput(text=row.text, path=row.id) for row in rows)
    for row, (doc, analysis) in zip(rows, analyze_docs(inputs, nlp=nlp), strict=True):
        # Of several rows with one ID the first counts (as in the official scorer).
        result.predictions["analysis"].setdefault(row.id, predict(row, analysis))
        probe = resolve_mentions(doc, [row.pronoun_span])[0]
        oracle = predict(row, analysis, probe.entity) if probe.entity else (False, False)
        result.predictions["oracle"].setdefault(row.id, oracle)
    result.seconds = time.perf_counter() - started
    return result


def write_predictions(
    rows: Iterable[GapRow], predictions: Mapping[str, Prediction], path: Path
) -> None:
    """The official system format: ``ID<TAB>A-coref<TAB>B-coref``, TRUE or FALSE, no header
    (a row without an answer is left out: the official scorer counts it as missed)."""
    lines = []
    for row in rows:
        answer = predictions.get(row.id)
        if answer is None or None in answer:
            continue
        a, b = answer
        lines.append(f"{row.id}\t{'TRUE' if a else 'FALSE'}\t{'TRUE' if b else 'FALSE'}\n")
    path.write_text("".join(lines), encoding="utf-8")
