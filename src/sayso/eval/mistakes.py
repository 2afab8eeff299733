"""Error analysis: what a system misses and what it reports wrongly, worst first.

"Worst" means most frequent: misses and false alarms are grouped by their cue word, and
the groups that cost the most pairs come first, each with examples in context, so that a
developer sees which construction to fix next.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from sayso.eval.evaluate import EvalResult, ScoredArticle
from sayso.eval.metric import OVERLAP, Pieces, Record

_CONTEXT = 60
_SHOWN = 220


@dataclass(frozen=True, slots=True)
class Mistake:
    """One gold attribution not found, or one prediction not in the gold."""

    kind: str  # "miss", "false_alarm", "wrong_source", "wrong_cue"
    article: str
    cue: str
    source: str
    content: str
    context: str
    other: str = ""  # the nearest content of the other side, when there is one

    def to_dict(self) -> dict[str, str]:
        return {
            "kind": self.kind,
            "article": self.article,
            "cue": self.cue,
            "source": self.source,
            "content": self.content,
            "context": self.context,
            "other": self.other,
        }


def _text(text: str, pieces: Pieces | None) -> str:
    if pieces is None:
        return "∅"
    return re.sub(r"\s+", " ", " … ".join(text[s:e] for s, e in pieces)).strip()


def _short(words: str) -> str:
    return words if len(words) <= _SHOWN else words[: _SHOWN - 1] + "…"


def _context(text: str, record: Record) -> str:
    """The words around the attribution, with its cue in [brackets]."""
    spans = [*record.content, *(record.cue or ()), *(record.source or ())]
    start = max(0, min(s for s, _ in spans) - _CONTEXT)
    end = min(len(text), max(e for _, e in spans) + _CONTEXT)
    if record.cue:
        cs, ce = record.cue[0]
        snippet = text[start:cs] + "[" + text[cs:ce] + "]" + text[ce:end]
    else:
        snippet = text[start:end]
    return _short(re.sub(r"\s+", " ", snippet).strip())


def cue_key(text: str, record: Record) -> str:
    if record.cue is None:
        return "(no cue)"
    words = _text(text, record.cue).lower()
    return words if len(words) <= 30 else words[:29] + "…"


def article_mistakes(scored: ScoredArticle) -> list[Mistake]:
    text = scored.article.text
    score = scored.score
    good = [p for p in score.pairs if p.dice >= OVERLAP]
    paired_gold = {p.gold: p for p in score.pairs}
    paired_pred = {p.predicted: p for p in score.pairs}
    found: list[Mistake] = []

    def make(kind: str, record: Record, other: Record | None) -> Mistake:
        return Mistake(
            kind=kind,
            article=scored.article.name,
            cue=cue_key(text, record),
            source=_short(_text(text, record.source)),
            content=_short(_text(text, record.content)),
            context=_context(text, record),
            other=_short(_text(text, other.content)) if other else "",
        )

    ok_gold = {p.gold for p in good}
    ok_pred = {p.predicted for p in good}
    for g, record in enumerate(score.gold):
        if g not in ok_gold:
            near = paired_gold.get(g)
            found.append(make("miss", record, score.predicted[near.predicted] if near else None))
    for p, record in enumerate(score.predicted):
        if p not in ok_pred:
            near = paired_pred.get(p)
            found.append(make("false_alarm", record, score.gold[near.gold] if near else None))
    for pair in good:
        gold, predicted = score.gold[pair.gold], score.predicted[pair.predicted]
        if not pair.source_ok:
            other = f"predicted source: {_text(text, predicted.source)}"
            found.append(replace(make("wrong_source", gold, None), other=other))
        if not pair.cue_ok:
            found.append(make("wrong_cue", gold, predicted))
    return found


def all_mistakes(result: EvalResult) -> list[Mistake]:
    return [m for scored in result.articles for m in article_mistakes(scored)]


def worst(result: EvalResult, n: int) -> dict[str, object]:
    """For each kind of mistake, the cue groups that cost most and ``n`` examples."""
    mistakes = all_mistakes(result)
    report: dict[str, object] = {}
    for kind in ("miss", "false_alarm", "wrong_source", "wrong_cue"):
        of_kind = [m for m in mistakes if m.kind == kind]
        tally = Counter(m.cue for m in of_kind)
        rank = {cue: i for i, (cue, _) in enumerate(tally.most_common())}
        examples = sorted(of_kind, key=lambda m: rank[m.cue])
        report[kind] = {
            "total": len(of_kind),
            "by_cue": tally.most_common(max(n, 10)),
            "examples": [m.to_dict() for m in _spread(examples, n)],
        }
    return report


def _spread(examples: list[Mistake], n: int) -> list[Mistake]:
    """``n`` examples, at most three per cue group, most costly groups first."""
    shown: list[Mistake] = []
    per_cue: Counter[str] = Counter()
    for mistake in examples:
        if len(shown) >= n:
            break
        if per_cue[mistake.cue] < 3:
            per_cue[mistake.cue] += 1
            shown.append(mistake)
    return shown
