"""Wire copies by containment: a trimmed or lightly edited copy of an article.

The store links near-duplicates by the Jaccard similarity of their word 5-gram shingles
(``sayso.store.neardup``, 0.8). A copy trimmed of its last paragraphs, or given a new
sentence and "said Tuesday" for "said on Monday", falls below that (0.64 and 0.78 on the
issue's examples) although nearly all of it is the other article's text. What stays high
is **containment**: the share of the smaller article's shingles found in the larger one,
|A ∩ B| / min(|A|, |B|) — a trimmed copy is wholly contained in its original.

Candidates are not searched among all stored articles: the claim graph already knows which
articles tell the same claims, so an article is only compared with the articles that share
at least ``MIN_SHARED_CLAIMS`` claim clusters with it (``sayso.graph.build``). On so few
candidates the containment is computed exactly from the two texts' shingle sets rather than
estimated (datasketch's MinHash LSH Ensemble estimates the same quantity to find candidates
among millions of sets without blocking; here the blocking does that part).

``THRESHOLD`` was measured with ``benchmarks/containment.py`` on the 331 Wikinews articles
of the shared data: copies trimmed of their last one to three paragraphs have containment
1.0 (Jaccard as low as 0.26: 29 % of the three-paragraph trims reach the store's 0.8),
edited copies ("said on Monday" → "said Tuesday", "reporters" → "journalists", a credit
line) 0.89 or more, extended ones 1.0; another article never exceeds 0.54 (two Wikinews
reports of one event), one that quotes the original's first paragraph 0.54 either. 0.7
lies between (figures in docs/architecture.md).
"""

from __future__ import annotations

from sayso.store.neardup import shingles

THRESHOLD = 0.7
MIN_SHARED_CLAIMS = 2
MIN_SHINGLES = 20  # a text this short is not told apart from a quotation of it


def containment(first: str, second: str) -> float:
    """|A ∩ B| / min(|A|, |B|) of the two texts' word 5-gram shingles (0 for short texts)."""
    a, b = shingles(first), shingles(second)
    if min(len(a), len(b)) < MIN_SHINGLES:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def is_copy(first: str, second: str) -> tuple[bool, float]:
    value = containment(first, second)
    return value >= THRESHOLD, value
