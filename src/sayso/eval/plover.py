"""Evaluate the PLOVER event coder on the gold-standard records (``gsr_plover2.jsonl``).

Each of the 322 records is one sentence coded with one event (PLOVER 2.0 category), its
actors (``source``) and recipients (``target``). sayso codes every event of the sentence;
the one compared is its *main* event: the one whose trigger is highest in the dependency
tree (a verbal trigger before a nominal one at the same depth, then the earliest), which
is how a coder reads "X agreed to undertake joint exercises" as AGREE.

Figures: event-type accuracy and macro-F1 over the 16 categories (a sentence with no
coded event counts as a miss of its gold category), actor accuracy over the records with
a gold actor (a predicted actor matches a gold one by country code or by its words),
recipient accuracy likewise. ``split`` "dev" is the records with an odd number, the half
used while writing rules; "test" the even half, held out.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from sayso.model import Event, EventArgument
from sayso.nlp.annotations import to_analysis

CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
# CAMEO country codes that differ from ISO 3166 alpha-3.
_CAMEO_CODES = {"JAP": "JPN", "ITL": "ITA"}


@dataclass(slots=True)
class GoldRecord:
    id: str
    text: str
    event: str
    actors: list[dict]
    recipients: list[dict]

    @property
    def split(self) -> str:
        number = int(re.sub(r"\D", "", self.id.rsplit("-", 1)[-1]) or 0)
        return "dev" if number % 2 else "test"


@dataclass(slots=True)
class Prediction:
    record: GoldRecord
    event: Event | None
    actor_ok: bool | None = None  # None: no gold actor
    recipient_ok: bool | None = None


@dataclass(slots=True)
class PloverReport:
    split: str
    predictions: list[Prediction] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.predictions)

    def accuracy(self) -> float:
        right = sum(1 for p in self.predictions if p.event and p.event.type == p.record.event)
        return right / self.total if self.total else 0.0

    def per_category(self) -> dict[str, tuple[float, float, float, int]]:
        """category -> (precision, recall, F1, gold count)."""
        gold = Counter(p.record.event for p in self.predictions)
        predicted = Counter(p.event.type for p in self.predictions if p.event)
        right = Counter(
            p.record.event for p in self.predictions if p.event and p.event.type == p.record.event
        )
        scores = {}
        for category in CATEGORIES:
            precision = right[category] / predicted[category] if predicted[category] else 0.0
            recall = right[category] / gold[category] if gold[category] else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            scores[category] = (precision, recall, f1, gold[category])
        return scores

    def macro_f1(self) -> float:
        present = [s for s in self.per_category().values() if s[3]]
        return sum(s[2] for s in present) / len(present) if present else 0.0

    def coverage(self) -> float:
        return sum(1 for p in self.predictions if p.event) / self.total if self.total else 0.0

    def argument_accuracy(self, which: str, correct_type_only: bool = False) -> tuple[float, int]:
        values = [
            getattr(p, f"{which}_ok")
            for p in self.predictions
            if getattr(p, f"{which}_ok") is not None
            and (not correct_type_only or (p.event and p.event.type == p.record.event))
        ]
        return (sum(values) / len(values) if values else 0.0), len(values)

    def to_dict(self) -> dict:
        actor = self.argument_accuracy("actor")
        recipient = self.argument_accuracy("recipient")
        return {
            "split": self.split,
            "records": self.total,
            "coded": round(self.coverage(), 4),
            "type_accuracy": round(self.accuracy(), 4),
            "type_macro_f1": round(self.macro_f1(), 4),
            "actor_accuracy": round(actor[0], 4),
            "actor_records": actor[1],
            "recipient_accuracy": round(recipient[0], 4),
            "recipient_records": recipient[1],
            "per_category": {
                c: {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "n": n}
                for c, (p, r, f, n) in self.per_category().items()
            },
        }


def load_gold(path: Path) -> list[GoldRecord]:
    records = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            data = json.loads(line)
            if data.get("event") not in CATEGORIES:
                continue
            records.append(
                GoldRecord(
                    id=data["id"],
                    text=data["text"],
                    event=data["event"],
                    actors=_actors(data.get("source")),
                    recipients=_actors(data.get("target")),
                )
            )
    return records


def _actors(value: object) -> list[dict]:
    if not isinstance(value, list):
        return []
    return [a for a in value if isinstance(a, dict) and a.get("actorText")]


def evaluate(path: Path, split: str = "all", nlp: Language | None = None) -> PloverReport:
    """Run the default pipeline over the gold sentences and score the main events."""
    records = [r for r in load_gold(path) if split == "all" or r.split == split]
    report = PloverReport(split=split)
    docs = _docs(records, nlp)
    for record, doc in zip(records, docs, strict=True):
        event = main_event(doc)
        report.predictions.append(_score(record, event))
    return report


def _docs(records: list[GoldRecord], nlp: Language | None) -> Iterable[Doc]:
    from sayso.nlp.pipeline import DEFAULT_MODEL, shared_pipeline

    pipeline = nlp or shared_pipeline(DEFAULT_MODEL)
    return pipeline.pipe((r.text for r in records), batch_size=32)


def main_event(doc: Doc) -> Event | None:
    """The event whose trigger is highest in the parse (see the module docstring)."""
    best: tuple[int, int, int] | None = None
    chosen = None
    for event in to_analysis(doc).events:
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        depth = sum(1 for _ in root.ancestors)
        nominal = 0 if root.pos_ in {"VERB", "AUX"} else 1
        key = (depth, nominal, root.i)
        if best is None or key < best:
            best, chosen = key, event
    return chosen


def _score(record: GoldRecord, event: Event | None) -> Prediction:
    prediction = Prediction(record=record, event=event)
    if record.actors:
        prediction.actor_ok = event is not None and _any_match(event.actors, record.actors)
    if record.recipients:
        prediction.recipient_ok = event is not None and _any_match(
            event.recipients, record.recipients
        )
    return prediction


def _any_match(predicted: list[EventArgument], gold: list[dict]) -> bool:
    return any(_matches(p, g) for p in predicted for g in gold)


def _matches(predicted: EventArgument, gold: dict) -> bool:
    code = _CAMEO_CODES.get(gold.get("code") or "", gold.get("code"))
    if predicted.code and code and predicted.code == code:
        return True
    gold_words = _words(gold.get("actorText", ""))
    predicted_words = _words(predicted.text) | _words(predicted.entity or "")
    return bool(gold_words) and gold_words <= predicted_words


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in {"the", "of", "a"}}


def format_report(report: PloverReport) -> str:
    """A Markdown table of the figures, as docs/accuracy.md shows them."""
    actor, actors = report.argument_accuracy("actor")
    recipient, recipients = report.argument_accuracy("recipient")
    lines = [
        f"PLOVER GSR ({report.split}): {report.total} sentences, "
        f"{report.coverage():.1%} with an event coded",
        f"event type: accuracy {report.accuracy():.3f}, macro-F1 {report.macro_f1():.3f}",
        f"actor accuracy {actor:.3f} (n={actors}); recipient accuracy {recipient:.3f} "
        f"(n={recipients})",
        "",
        "| category | precision | recall | F1 | n |",
        "|---|---|---|---|---|",
    ]
    for category, (precision, recall, f1, count) in report.per_category().items():
        lines.append(f"| {category} | {precision:.2f} | {recall:.2f} | {f1:.2f} | {count} |")
    return "\n".join(lines)
