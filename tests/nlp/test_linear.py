"""The extractor stays near-linear in the number of quotes and lines (issue 21): the work
sayso's own code does (its Python calls, counted, not timed) grows in proportion to the
input; and the interval look-ups that made it so answer as the all-pairs loops did."""

from __future__ import annotations

import random
import sys

from benchmarks.scaling import lines, prose, quotes
from sayso.analyze import analyze
from sayso.nlp.intervals import first_owner, holders


def _calls(text: str, nlp) -> int:
    """Calls of sayso's own Python functions while analysing ``text``."""
    count = 0

    def profile(frame, event, _arg):
        nonlocal count
        if event == "call" and "/sayso/" in frame.f_code.co_filename:
            count += 1

    sys.setprofile(profile)
    try:
        analyze(text, nlp=nlp)
    finally:
        sys.setprofile(None)
    return count


def test_work_grows_linearly_with_the_quotes(nlp):
    analyze("The minister said so.", nlp=nlp)  # resources loaded before counting
    small, large = _calls(quotes(400), nlp), _calls(quotes(1600), nlp)
    assert large / small < 5.0, (small, large)  # 4x the quotes: about 4x the work


def test_work_grows_linearly_with_the_lines(nlp):
    analyze("The minister said so.", nlp=nlp)
    small, large = _calls(lines(2000), nlp), _calls(lines(8000), nlp)
    assert large / small < 5.0, (small, large)


def test_work_grows_linearly_with_the_sentences(nlp):
    analyze("The minister said so.", nlp=nlp)
    small, large = _calls(prose(100), nlp), _calls(prose(400), nlp)
    assert large / small < 5.0, (small, large)


def test_holders_and_first_owner_agree_with_the_all_pairs_loops():
    rng = random.Random(21)
    for _ in range(200):
        length = rng.randrange(1, 60)
        owners = [
            [
                (s, s + rng.randrange(0, 15))
                for s in rng.sample(range(length), min(length, rng.randrange(0, 3)))
            ]
            for _ in range(rng.randrange(0, 8))
        ]
        points = [rng.randrange(0, length) for _ in range(10)]
        found = holders(owners, points)
        for point in points:
            expected = [
                i for i, spans in enumerate(owners) if any(s <= point < e for s, e in spans)
            ]
            assert found[point] == expected
        order = rng.sample(range(len(owners)), len(owners))
        painted = first_owner(owners, order, length)
        for position in range(length):
            expected = next((i for i in order if any(s <= position < e for s, e in owners[i])), -1)
            assert painted[position] == expected
