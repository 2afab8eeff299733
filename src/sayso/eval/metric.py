"""The attribution metric, exactly as issue 3 specifies it, so that figures compare.

1. Predictions: PolNeAR annotates only outermost attributions, so predictions that are
   nested (``nested``) or whose content is a strict subset of another prediction's
   content are dropped; of identical contents only the first is kept.
2. Spans become sets of non-whitespace character offsets, after trimming each piece of
   whitespace, the marks ``" “ ” ‘ ’ ' « » , . : ;`` and a leading "that " (any case);
   a span that trimming empties (a cue that is only ":") keeps its untrimmed offsets.
3. Contents are paired one-to-one, greedily by highest Dice coefficient (ties: pairs whose
   source and cue are also right first). Levels: exact (equal sets), overlap (Dice >= 0.5),
   any (one shared character). P = pairs / predictions, R = pairs / gold.
4. On overlap pairs, a source (cue) is right when both are null or their sets intersect;
   "full" counts overlap pairs with both right.
5. Speech-cue recall: overlap-level recall on gold whose cue is a speech verb form,
   "according to" or a bare colon.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields

Pieces = tuple[tuple[int, int], ...]
CharSet = frozenset[int]

TRIM_MARKS = frozenset("\"“”‘’'«»,.:;")
LEVELS = ("exact", "overlap", "any")
OVERLAP = 0.5


@dataclass(frozen=True, slots=True)
class Record:
    """An attribution as the metric sees it: pieces of content, source and cue."""

    content: Pieces
    source: Pieces | None = None
    cue: Pieces | None = None
    nested: bool = False


@dataclass(frozen=True, slots=True)
class Pair:
    gold: int
    predicted: int
    dice: float
    source_ok: bool
    cue_ok: bool

    @property
    def level(self) -> str:
        if self.dice == 1.0:
            return "exact"
        return "overlap" if self.dice >= OVERLAP else "any"


# --- spans ---------------------------------------------------------------------------


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while True:
        before = (start, end)
        while start < end and (text[start].isspace() or text[start] in TRIM_MARKS):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in TRIM_MARKS):
            end -= 1
        if text[start : start + 5].lower() == "that ":
            start += 5
        if (start, end) == before:
            return start, end


def _offsets(text: str, pieces: Iterable[tuple[int, int]]) -> CharSet:
    return frozenset(i for s, e in pieces for i in range(s, e) if not text[i].isspace())


def normalise(text: str, pieces: Pieces | None) -> CharSet | None:
    """The set of character offsets a span is scored on (``None`` for a null span)."""
    if pieces is None:
        return None
    trimmed = _offsets(text, (_trim(text, s, e) for s, e in pieces))
    return trimmed or _offsets(text, pieces)


def dice(a: CharSet, b: CharSet) -> float:
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


def _agree(a: CharSet | None, b: CharSet | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return bool(a & b)


# --- predictions -----------------------------------------------------------------------


def outermost(text: str, predicted: Sequence[Record]) -> list[Record]:
    """Drop nested predictions, contents inside another content, and repeated contents."""
    candidates = [(r, normalise(text, r.content) or frozenset()) for r in predicted]
    candidates = [(r, c) for r, c in candidates if not r.nested and c]
    kept: list[Record] = []
    seen: set[CharSet] = set()
    for record, chars in candidates:
        if chars in seen or any(chars < other for _, other in candidates):
            continue
        seen.add(chars)
        kept.append(record)
    return kept


# --- pairing ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Spans:
    content: CharSet
    source: CharSet | None
    cue: CharSet | None


def _spans(text: str, record: Record) -> _Spans:
    return _Spans(
        content=normalise(text, record.content) or frozenset(),
        source=normalise(text, record.source),
        cue=normalise(text, record.cue),
    )


def pair(text: str, gold: Sequence[Record], predicted: Sequence[Record]) -> list[Pair]:
    """One-to-one pairs of gold and predicted contents sharing at least one character."""
    gold_spans = [_spans(text, r) for r in gold]
    pred_spans = [_spans(text, r) for r in predicted]
    options = []
    for g, gs in enumerate(gold_spans):
        for p, ps in enumerate(pred_spans):
            if not gs.content & ps.content:
                continue
            options.append(
                Pair(
                    gold=g,
                    predicted=p,
                    dice=dice(gs.content, ps.content),
                    source_ok=_agree(gs.source, ps.source),
                    cue_ok=_agree(gs.cue, ps.cue),
                )
            )
    options.sort(key=lambda o: (-o.dice, not (o.source_ok and o.cue_ok), o.gold, o.predicted))
    pairs, used_gold, used_pred = [], set(), set()
    for option in options:
        if option.gold in used_gold or option.predicted in used_pred:
            continue
        used_gold.add(option.gold)
        used_pred.add(option.predicted)
        pairs.append(option)
    return pairs


# --- counts and scores -----------------------------------------------------------------


@dataclass(slots=True)
class Counts:
    """Sums over articles; every figure derives from these."""

    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap: int = 0
    any: int = 0
    source_ok: int = 0
    cue_ok: int = 0
    full: int = 0
    speech_gold: int = 0
    speech_found: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )


@dataclass(slots=True)
class ArticleScore:
    counts: Counts
    gold: list[Record]
    predicted: list[Record]  # after the outermost filter
    pairs: list[Pair] = field(default_factory=list)


def score_article(text: str, gold: Sequence[Record], predicted: Sequence[Record]) -> ArticleScore:
    kept = outermost(text, predicted)
    pairs = pair(text, gold, kept)
    counts = Counts(gold=len(gold), predicted=len(kept))
    for p in pairs:
        counts.any += 1
        if p.dice >= OVERLAP:
            counts.overlap += 1
            counts.source_ok += p.source_ok
            counts.cue_ok += p.cue_ok
            counts.full += p.source_ok and p.cue_ok
        if p.dice == 1.0:
            counts.exact += 1
    speech = {i for i, g in enumerate(gold) if g.cue is not None and is_speech_cue(text, g.cue)}
    counts.speech_gold = len(speech)
    counts.speech_found = sum(1 for p in pairs if p.dice >= OVERLAP and p.gold in speech)
    return ArticleScore(counts=counts, gold=list(gold), predicted=kept, pairs=pairs)


def _prf(found: int, predicted: int, gold: int) -> dict[str, float]:
    precision = found / predicted if predicted else 0.0
    recall = found / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": 100 * precision, "r": 100 * recall, "f1": 100 * f1}


def figures(counts: Counts) -> dict[str, object]:
    """The published figures, in percent, from summed counts."""
    c = counts
    return {
        "content": {level: _prf(getattr(c, level), c.predicted, c.gold) for level in LEVELS},
        "source_accuracy": 100 * c.source_ok / c.overlap if c.overlap else 0.0,
        "cue_accuracy": 100 * c.cue_ok / c.overlap if c.overlap else 0.0,
        "full": _prf(c.full, c.predicted, c.gold),
        "speech_cue_recall": 100 * c.speech_found / c.speech_gold if c.speech_gold else 0.0,
        "counts": {f.name: getattr(c, f.name) for f in fields(c)},
    }


# --- speech cues -----------------------------------------------------------------------

# Speech verbs with every inflection spelt out: a gold cue counts as a speech cue when
# one of its words is among these forms, when it is "according to", or a bare colon.
_IRREGULAR = {
    "say": "say says said saying",
    "tell": "tell tells told telling",
    "write": "write writes wrote written writing",
    "speak": "speak speaks spoke spoken speaking",
}
_REGULAR = """add state claim note warn ask argue insist explain announce conclude declare report
    allege assert maintain stress emphasize emphasise reiterate repeat respond reply tweet post
    comment remark observe acknowledge admit confirm deny reveal disclose suggest predict
    complain recall testify contend caution counter mention promise pledge vow threaten urge
    answer retort boast joke charge accuse affirm assure inform advise recommend propose hint
    proclaim point""".split()


def _inflections(verb: str) -> set[str]:
    stem = verb[:-1] if verb.endswith("e") else verb
    if verb.endswith("y") and verb[-2] not in "aeiou":
        third, past = verb[:-1] + "ies", verb[:-1] + "ied"
    else:
        third = verb + ("es" if verb.endswith(("s", "sh", "ch", "x")) else "s")
        past = verb + "d" if verb.endswith("e") else verb + "ed"
    doubled = {"admit": "admitt", "commit": "committ"}.get(verb)
    forms = {verb, third, past, stem + "ing"}
    if doubled:
        forms |= {doubled + "ed", doubled + "ing"}
    return forms


SPEECH_FORMS = frozenset(
    {form for forms in _IRREGULAR.values() for form in forms.split()}
    | {form for verb in _REGULAR for form in _inflections(verb)}
)


def is_speech_cue(text: str, pieces: Pieces) -> bool:
    words = " ".join(text[s:e] for s, e in pieces).strip().lower()
    if words == ":":
        return True
    if re.search(r"\baccording\s+to\b", words):
        return True
    return any(w in SPEECH_FORMS for w in re.findall(r"[a-z]+", words))
