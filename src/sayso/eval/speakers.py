"""``sayso eval speakers``: who is who, scored on the hand-resolved sources of PolNeAR dev.

Gold: ``polnear-speakers/dev.jsonl`` (one item per source mention that is not already a full
name: the referent's full name, NAME or ORG, or ANONYMOUS, GROUP, UNRESOLVABLE; see its
README). The articles are PolNeAR's, read from ``polnear/dev/text``.

Two ways of asking:

- **analysis**: sayso analyses each article exactly as ``sayso eval polnear`` does. An item
  is *found* when an attribution's source overlaps its span (the best-overlapping source
  answers); *accuracy* is the share right among the found items, *coverage* the share found.
- **oracle**: the resolver is asked about every gold span directly
  (:func:`sayso.nlp.resolution.resolve_mentions`), whether or not an attribution was found
  there; every item is "found".

An answer is right, for NAME and ORG, when the resolved entity is the annotated one
(:func:`sayso.eval.matching.entity_matches`); for ANONYMOUS and GROUP when the source has
that flag; for UNRESOLVABLE when the source is left unresolved (no entity, no flag).
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from sayso.config import data_dir
from sayso.errors import InputError
from sayso.eval.calibration import calibration_table, expected_calibration_error
from sayso.eval.matching import JOIN, RIGHT, match_verdict
from sayso.eval.mentionkind import MentionKind, mention_kind
from sayso.model import Analysis, Source

LABELS = ("NAME", "ORG", "ANONYMOUS", "GROUP", "UNRESOLVABLE")
MODES = ("analysis", "oracle")
CONTEXT = 70  # characters of context either side of a mention in the error listing
_FIELDS = ("article", "attribution", "source_start", "source_end", "source_text", "resolved")


def default_path() -> Path:
    return data_dir() / "polnear-speakers" / "dev.jsonl"


def default_texts_dir(path: Path | None = None) -> Path:
    """PolNeAR dev's texts: next to the speakers file in the shared layout, else in
    ``$SAYSO_DATA_DIR/polnear/dev/text``."""
    if path is not None:
        sibling = path.resolve().parent.parent / "polnear" / "dev" / "text"
        if sibling.is_dir():
            return sibling
    return data_dir() / "polnear" / "dev" / "text"


@dataclass(frozen=True, slots=True)
class SpeakerItem:
    """One hand-resolved source mention."""

    article: str
    attribution: str
    start: int
    end: int
    text: str
    resolved: str
    label: str

    @property
    def join(self) -> bool:
        """Whether the referent is several named people or organisations ("A & B")."""
        return self.label in {"NAME", "ORG"} and JOIN in self.resolved


def read_items(path: Path | str) -> list[SpeakerItem]:
    """Every item of a ``polnear-speakers`` JSONL file, in file order."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such file (the polnear-speakers gold, dev.jsonl)")
    items = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            items.append(_item(line, f"{path}:{number}"))
    return items


def _item(line: str, where: str) -> SpeakerItem:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(where, f"not JSON ({error.msg})") from error
    if not isinstance(row, dict):
        raise InputError(where, "not a JSON object")
    missing = [name for name in (*_FIELDS, "label") if name not in row]
    if missing:
        raise InputError(where, f"missing {', '.join(missing)}")
    label = str(row["label"])
    if label not in LABELS:
        raise InputError(where, f"unknown label {label!r} (expected one of {', '.join(LABELS)})")
    try:
        start, end = int(row["source_start"]), int(row["source_end"])
    except (TypeError, ValueError) as error:
        raise InputError(where, "source_start and source_end must be integers") from error
    if not 0 <= start < end:
        raise InputError(where, f"empty or negative span {start}-{end}")
    return SpeakerItem(
        article=str(row["article"]),
        attribution=str(row["attribution"]),
        start=start,
        end=end,
        text=str(row["source_text"]),
        resolved=str(row["resolved"]),
        label=label,
    )


def read_texts(items: Iterable[SpeakerItem], texts_dir: Path) -> dict[str, str]:
    """The text of every article the items come from, their spans checked against it."""
    texts: dict[str, str] = {}
    for item in items:
        if item.article not in texts:
            path = texts_dir / f"{item.article}.txt"
            if not path.is_file():
                raise InputError(str(path), f"no text for article {item.article!r}")
            texts[item.article] = path.read_text(encoding="utf-8")
        if texts[item.article][item.start : item.end] != item.text:
            raise InputError(
                item.article,
                f"item {item.attribution}: {item.text!r} is not at {item.start}-{item.end}",
            )
    return texts


# -- scoring ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Answer:
    """What sayso said about one item: the source (or probe) and its resolution."""

    found: bool
    entity: str | None = None  # the resolved entity's name
    entity_type: str | None = None
    anonymous: bool = False
    group: bool = False
    confidence: float | None = None
    source: str | None = None  # the source's words, when an attribution answered

    def describe(self) -> str:
        if not self.found:
            return "not found"
        flags = [name for name in ("anonymous", "group") if getattr(self, name)]
        entity = f"{self.entity} ({self.entity_type})" if self.entity else "no entity"
        return " ".join([entity, *flags])


def is_right(
    item: SpeakerItem,
    answer: Answer,
    *,
    entities: Iterable[str] = (),
    gold_names: Iterable[str] = (),
) -> bool:
    """Whether ``answer`` resolves ``item`` right (an item not found is never right)."""
    return judge(item, answer, entities=entities, gold_names=gold_names) == "right"


def judge(
    item: SpeakerItem,
    answer: Answer,
    *,
    entities: Iterable[str] = (),
    gold_names: Iterable[str] = (),
) -> str:
    """ "right", or why not: "not found", "no entity", "flag missing", "not unresolved", or
    the matching rule's verdict on a wrong entity ("none", "duplicate", "ambiguous")."""
    if not answer.found:
        return "not found"
    if item.label in {"NAME", "ORG"}:
        if answer.entity is None:
            return "no entity"
        verdict = match_verdict(
            item.resolved, item.label, answer.entity, entities=entities, gold_names=gold_names
        )
        return "right" if verdict in RIGHT else verdict.value
    if item.label == "ANONYMOUS":
        return "right" if answer.anonymous else "flag missing"
    if item.label == "GROUP":
        return "right" if answer.group else "flag missing"
    unresolved = answer.entity is None and not answer.anonymous and not answer.group
    return "right" if unresolved else "not unresolved"


@dataclass(slots=True)
class ScoredItem:
    item: SpeakerItem
    kind: MentionKind
    answers: dict[str, Answer]  # by mode
    verdicts: dict[str, str]  # by mode: "right", or why not (:func:`judge`)
    context: str

    @property
    def right(self) -> dict[str, bool]:
        return {mode: verdict == "right" for mode, verdict in self.verdicts.items()}


@dataclass(slots=True)
class Tally:
    items: int = 0
    found: int = 0
    right: int = 0

    def add(self, found: bool, right: bool) -> None:
        self.items += 1
        self.found += int(found)
        self.right += int(right)

    def to_dict(self) -> dict[str, float | int]:
        return {
            "items": self.items,
            "found": self.found,
            "right": self.right,
            "accuracy": _percent(self.right, self.found),
            "coverage": _percent(self.found, self.items),
            "recall": _percent(self.right, self.items),
        }


def _percent(numerator: int, denominator: int) -> float:
    return round(100.0 * numerator / denominator, 2) if denominator else 0.0


@dataclass(slots=True)
class SpeakersResult:
    path: str
    articles: int
    items: list[ScoredItem] = field(default_factory=list)
    seconds: float = 0.0

    def tallies(self, mode: str) -> dict[str, dict[str, Tally]]:
        overall = Tally()
        by_label = {label: Tally() for label in LABELS}
        by_kind = {kind.value: Tally() for kind in MentionKind}
        joins = {"joins": Tally(), "single referents": Tally()}
        for scored in self.items:
            found, right = scored.answers[mode].found, scored.right[mode]
            overall.add(found, right)
            by_label[scored.item.label].add(found, right)
            by_kind[scored.kind.value].add(found, right)
            joins["joins" if scored.item.join else "single referents"].add(found, right)
        return {
            "overall": {"all": overall},
            "by_label": by_label,
            "by_kind": by_kind,
            "joins": joins,
        }

    def figures(self, mode: str = "analysis") -> dict[str, Any]:
        """The figures of one mode (``analysis`` or ``oracle``), JSON-ready."""
        tallies = self.tallies(mode)
        outcomes = [(s.answers[mode].confidence, s.right[mode]) for s in self.items]
        table = calibration_table(outcomes)
        return {
            "corpus": "polnear-speakers",
            "split": "dev",
            "system": "sayso",
            "mode": mode,
            "articles": self.articles,
            "items": len(self.items),
            "overall": tallies["overall"]["all"].to_dict(),
            "by_label": {k: v.to_dict() for k, v in tallies["by_label"].items()},
            "by_kind": {k: v.to_dict() for k, v in tallies["by_kind"].items()},
            "joins": {k: v.to_dict() for k, v in tallies["joins"].items()},
            "calibration": _calibration(table),
            "seconds": round(self.seconds, 1),
        }

    def gate_figures(self) -> dict[str, float]:
        """The figures the quality gate holds: accuracy and coverage of the analysis and
        the oracle's accuracy (the per-label and per-kind figures are recorded with them,
        for reference)."""
        analysis = self.tallies("analysis")["overall"]["all"].to_dict()
        oracle = self.tallies("oracle")["overall"]["all"].to_dict()
        return {
            "analysis.accuracy": float(analysis["accuracy"]),
            "analysis.coverage": float(analysis["coverage"]),
            "oracle.accuracy": float(oracle["accuracy"]),
        }

    def gate_record(self) -> dict[str, Any]:
        """What ``--write-baseline`` records and the gate compares."""
        from sayso.eval.gate import gate_record

        size = {"articles": self.articles, "items": len(self.items)}
        figures, reference = self.gate_figures(), self.reference_figures()
        return gate_record("polnear-speakers", "dev", size, figures, reference)

    def reference_figures(self) -> dict[str, float]:
        flat: dict[str, float] = {}
        for mode in MODES:
            tallies = self.tallies(mode)
            for group in ("by_label", "by_kind"):
                for name, tally in tallies[group].items():
                    figures = tally.to_dict()
                    flat[f"{mode}.{name}.accuracy"] = float(figures["accuracy"])
                    if mode == "analysis":
                        flat[f"{mode}.{name}.coverage"] = float(figures["coverage"])
        return flat


def _calibration(table: list[Any] | None) -> dict[str, Any] | None:
    if table is None:
        return None
    return {
        "bins": [b.to_dict() for b in table],
        "ece": round(expected_calibration_error(table), 4),
    }


def evaluate(
    path: Path | str | None = None,
    *,
    texts_dir: Path | None = None,
    nlp: Language | None = None,
    limit: int | None = None,
) -> SpeakersResult:
    """Score sayso's speaker resolution on every item, in both modes."""
    started = time.perf_counter()
    path = Path(path) if path is not None else default_path()
    items = read_items(path)
    texts = read_texts(items, texts_dir or default_texts_dir(path))
    articles = list(texts)[:limit]
    by_article: dict[str, list[SpeakerItem]] = {}
    for item in items:
        by_article.setdefault(item.article, []).append(item)
    result = SpeakersResult(path=str(path), articles=len(articles))
    for name, doc, analysis in _analyses(articles, texts, nlp):
        result.items.extend(_score_article(by_article[name], texts[name], doc, analysis))
    result.seconds = time.perf_counter() - started
    return result


def _analyses(
    names: list[str], texts: dict[str, str], nlp: Language | None
) -> Iterator[tuple[str, Any, Analysis]]:
    from sayso.analyze import ArticleInput, analyze_docs

    inputs = [ArticleInput(text=texts[name], path=name) for name in names]
    for name, (doc, analysis) in zip(names, analyze_docs(inputs, nlp=nlp), strict=True):
        yield name, doc, analysis


def _score_article(
    items: list[SpeakerItem], text: str, doc: Any, analysis: Analysis
) -> list[ScoredItem]:
    from sayso.nlp.resolution import resolve_mentions

    entity_types = {e.id: e.type for e in analysis.entities}
    entity_names = [e.name for e in analysis.entities]
    gold_names = [i.resolved for i in items if i.label in {"NAME", "ORG"}]
    oracle = resolve_mentions(doc, [(item.start, item.end) for item in items])
    scored = []
    for item, probe in zip(items, oracle, strict=True):
        source = best_source(analysis, item.start, item.end)
        answers = {
            "analysis": _source_answer(source, entity_types),
            "oracle": Answer(
                found=True,
                entity=probe.entity.name if probe.entity else None,
                entity_type=probe.entity.type if probe.entity else None,
                anonymous=probe.anonymous,
                group=probe.group,
                confidence=probe.confidence,
            ),
        }
        verdicts = {
            mode: judge(item, answer, entities=entity_names, gold_names=gold_names)
            for mode, answer in answers.items()
        }
        context = _context(text, item.start, item.end)
        scored.append(ScoredItem(item, mention_kind(item.text), answers, verdicts, context))
    return scored


def best_source(analysis: Analysis, start: int, end: int) -> Source | None:
    """The attribution source that overlaps ``start``-``end`` the most (ties: the one
    closest in length, then the first)."""
    best: Source | None = None
    best_key: tuple[int, int] | None = None
    for attribution in analysis.attributions:
        source = attribution.source
        if source is None:
            continue
        overlap = min(end, source.end) - max(start, source.start)
        if overlap <= 0:
            continue
        key = (overlap, -abs((source.end - source.start) - (end - start)))
        if best_key is None or key > best_key:
            best, best_key = source, key
    return best


def _source_answer(source: Source | None, entity_types: Mapping[str, str]) -> Answer:
    if source is None:
        return Answer(found=False)
    # A confidence per source comes with the ranking resolver (issue 15); read it when the
    # model has one.
    confidence = getattr(source, "confidence", None)
    return Answer(
        found=True,
        entity=source.entity,
        entity_type=entity_types.get(source.entity_id or ""),
        anonymous=source.anonymous,
        group=source.group,
        confidence=confidence if isinstance(confidence, float | int) else None,
        source=source.text,
    )


def _context(text: str, start: int, end: int) -> str:
    before = text[max(0, start - CONTEXT) : start]
    after = text[end : end + CONTEXT]
    snippet = f"…{before}[{text[start:end]}]{after}…"
    return re.sub(r"\s+", " ", snippet)


# -- mistakes -----------------------------------------------------------------------------


def mistakes(result: SpeakersResult, count: int, mode: str = "analysis") -> dict[str, Any]:
    """The wrong and the missed items: totals by label and kind (the worst groups first)
    and the first ``count`` of each, with context."""
    wrong = [s for s in result.items if s.answers[mode].found and not s.right[mode]]
    missed = [s for s in result.items if not s.answers[mode].found]
    return {
        "mode": mode,
        "wrong": _section(wrong, count, mode),
        "missed": _section(missed, count, mode),
    }


def _section(scored: list[ScoredItem], count: int, mode: str) -> dict[str, Any]:
    groups = Counter(f"{s.item.label} / {s.kind.value}" for s in scored)
    reasons = Counter(s.verdicts[mode] for s in scored)
    return {
        "total": len(scored),
        "by_group": groups.most_common(),
        "by_reason": reasons.most_common(),
        "examples": [
            {
                "article": s.item.article,
                "attribution": s.item.attribution,
                "mention": s.item.text,
                "label": s.item.label,
                "kind": s.kind.value,
                "gold": s.item.resolved,
                "sayso": s.answers[mode].describe(),
                "why": s.verdicts[mode],
                "source": s.answers[mode].source,
                "context": s.context,
            }
            for s in scored[:count]
        ],
    }
