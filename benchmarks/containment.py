"""How well containment tells wire copies from other articles (``sayso.graph.containment``).

    .venv/bin/python benchmarks/containment.py            # $SAYSO_DATA_DIR/wikinews

For every Wikinews article of the shared data (331) it makes copies the way outlets make
them, and measures the containment of each copy in its original, next to the word-5-gram
Jaccard the store's near-duplicate test uses (0.8):

- ``trimmed-1`` … ``trimmed-3``: the last one to three paragraphs dropped;
- ``extended``: a sentence of the outlet's own added at the end;
- ``edited``: "said on Monday" → "said Tuesday" (every weekday), "reporters" → "journalists",
  "told" → "said to", and a credit line added;
- ``quoting``: *not* a copy — another article that quotes the original's first paragraph;
- ``other``: *not* a copy — another article (the next one in the file).

Prints, per kind, the minimum, median and maximum containment and Jaccard and the share at
or over the threshold. Articles under 50 words are skipped (their copies are not told apart
from a quotation).
"""

from __future__ import annotations

import json
import os
import re
import statistics
import sys
from pathlib import Path

from sayso.graph.containment import THRESHOLD, containment
from sayso.store.neardup import THRESHOLD as JACCARD_THRESHOLD
from sayso.store.neardup import shingles

ROOT = Path(__file__).resolve().parents[1]
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def jaccard(a: str, b: str) -> float:
    x, y = shingles(a), shingles(b)
    return len(x & y) / len(x | y) if x | y else 0.0


def edited(text: str) -> str:
    for day in DAYS:
        text = re.sub(rf"\bsaid on {day}\b", f"said {DAYS[(DAYS.index(day) + 1) % 7]}", text)
        text = re.sub(rf"\bon {day}\b", f"on {DAYS[(DAYS.index(day) + 1) % 7]}", text)
    text = text.replace("reporters", "journalists").replace(" told ", " said to ")
    return text + "\n\nThis story was first published by a wire agency."


def copies(texts: list[str]) -> dict[str, list[tuple[str, str]]]:
    kinds: dict[str, list[tuple[str, str]]] = {}
    for i, text in enumerate(texts):
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        for n in (1, 2, 3):
            if len(paragraphs) > n + 2:
                trimmed = "\n\n".join(paragraphs[:-n])
                kinds.setdefault(f"trimmed-{n}", []).append((text, trimmed))
        extra = "Local officials were not immediately available for comment on the report."
        kinds.setdefault("extended", []).append((text, text + "\n\n" + extra))
        kinds.setdefault("edited", []).append((text, edited(text)))
        other = texts[(i + 1) % len(texts)]
        kinds.setdefault("quoting", []).append((text, other + "\n\n" + paragraphs[0]))
        kinds.setdefault("other", []).append((text, other))
    return kinds


def main() -> int:
    data = Path(os.environ.get("SAYSO_DATA_DIR", ROOT.parent / "shared" / "data"))
    source = data / "wikinews" / "articles.jsonl"
    if not source.is_file():
        print(f"no {source}", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    texts = [r["text"] for r in records if len(r["text"].split()) >= 50]
    print(f"{len(texts)} Wikinews articles; containment threshold {THRESHOLD}, "
          f"Jaccard threshold {JACCARD_THRESHOLD}")  # fmt: skip
    print(f"{'kind':<11} {'pairs':>5}  {'containment min/median/max':>27} {'>= thr':>7}"
          f"  {'Jaccard min/median/max':>23} {'>= 0.8':>7}")  # fmt: skip
    for kind, pairs in copies(texts).items():
        c = [containment(a, b) for a, b in pairs]
        j = [jaccard(a, b) for a, b in pairs]
        over_c = sum(v >= THRESHOLD for v in c) / len(c)
        over_j = sum(v >= JACCARD_THRESHOLD for v in j) / len(j)
        print(
            f"{kind:<11} {len(pairs):>5}  {min(c):>8.2f} {statistics.median(c):>8.2f} "
            f"{max(c):>8.2f} {100 * over_c:>6.1f}%  {min(j):>7.2f} {statistics.median(j):>7.2f} "
            f"{max(j):>7.2f} {100 * over_j:>6.1f}%"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
