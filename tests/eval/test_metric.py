"""The issue-3 metric on hand-made cases: every rule of the specification, one test each."""

from __future__ import annotations

import pytest

from sayso.eval.metric import (
    Record,
    figures,
    is_speech_cue,
    normalise,
    outermost,
    pair,
    score_article,
)


def span(text: str, words: str, nth: int = 0) -> tuple[tuple[int, int], ...]:
    """The ``nth`` occurrence of ``words`` in ``text`` as a one-piece span."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return ((start, start + len(words)),)


TEXT = "Maria Lopez said that the election had been rigged, and “we will win,” she added."


def test_normalise_trims_that_punctuation_and_quotes():
    with_that = span(TEXT, "that the election had been rigged,")
    bare = span(TEXT, "the election had been rigged")
    assert normalise(TEXT, with_that) == normalise(TEXT, bare)
    quoted = span(TEXT, "“we will win,”")
    assert normalise(TEXT, quoted) == normalise(TEXT, span(TEXT, "we will win"))


def test_normalise_drops_whitespace_and_keeps_a_bare_colon():
    text = "Trump: “We will win.”"
    colon = span(text, ":")
    assert normalise(text, colon) == frozenset({5})
    assert normalise(text, span(text, "We will")) == frozenset({8, 9, 11, 12, 13, 14})
    assert normalise(text, None) is None


def test_that_is_trimmed_only_as_a_word():
    text = "Thatcher said so."
    assert min(normalise(text, span(text, "Thatcher said"))) == 0


def test_exact_match():
    gold = [Record(span(TEXT, "that the election had been rigged"), span(TEXT, "Maria Lopez"))]
    predicted = [Record(span(TEXT, "the election had been rigged,"), span(TEXT, "Lopez"))]
    counts = score_article(TEXT, gold, predicted).counts
    assert (counts.exact, counts.overlap, counts.any) == (1, 1, 1)


def test_overlap_and_any_levels():
    gold = [Record(span(TEXT, "the election had been rigged"))]
    half = [Record(span(TEXT, "the election had"))]  # 14 of 24 characters
    counts = score_article(TEXT, gold, half).counts
    assert (counts.exact, counts.overlap, counts.any) == (0, 1, 1)
    sliver = [Record(span(TEXT, "rigged, and"))]
    counts = score_article(TEXT, gold, sliver).counts
    assert (counts.exact, counts.overlap, counts.any) == (0, 0, 1)


def test_split_quote_scored_on_pieces():
    text = "“The talks have failed,” Anna Berg said, “and we will not return.”"
    pieces = (span(text, "The talks have failed")[0], span(text, "and we will not return")[0])
    gold = [Record(pieces, span(text, "Anna Berg"), span(text, "said"))]
    outer = ((pieces[0][0], pieces[1][1]),)  # the outer extent holds the reporting clause
    assert score_article(text, gold, [Record(pieces)]).counts.exact == 1
    counts = score_article(text, gold, [Record(outer, span(text, "Anna Berg"))]).counts
    assert counts.exact == 0 and counts.overlap == 1


def test_nested_and_contained_predictions_are_dropped():
    text = "Maria Lopez said that Tom Hart had told her the deal was off."
    outer = Record(span(text, "that Tom Hart had told her the deal was off"))
    inner = Record(span(text, "the deal was off"))
    nested = Record(span(text, "the deal was off"), nested=True)
    assert outermost(text, [outer, nested]) == [outer]
    assert outermost(text, [inner, outer]) == [outer]


def test_identical_contents_keep_the_first():
    text = "Maria Lopez said the deal was off."
    first = Record(span(text, "the deal was off"), span(text, "Maria Lopez"))
    second = Record(span(text, "the deal was off."), None)
    assert outermost(text, [first, second]) == [first]
    assert score_article(text, [first], [first, second]).counts.predicted == 1


def test_null_sources_agree_and_differ():
    text = "It was claimed that the vote had been rigged."
    cue = span(text, "was claimed")
    gold = [Record(span(text, "the vote had been rigged"), None, cue)]
    counts = score_article(text, gold, [Record(gold[0].content, None, cue)]).counts
    assert (counts.source_ok, counts.cue_ok, counts.full) == (1, 1, 1)
    wrong = [Record(gold[0].content, span(text, "It"), cue)]
    counts = score_article(text, gold, wrong).counts
    assert (counts.overlap, counts.source_ok, counts.full) == (1, 0, 0)


def test_source_and_cue_need_only_intersect():
    text = "His campaign chairman Paul Manafort said the race was tight."
    gold = [
        Record(
            span(text, "the race was tight"),
            span(text, "His campaign chairman Paul Manafort"),
            span(text, "said"),
        )
    ]
    predicted = [Record(span(text, "the race was tight."), span(text, "Paul Manafort"), None)]
    counts = score_article(text, gold, predicted).counts
    assert (counts.source_ok, counts.cue_ok, counts.full) == (1, 0, 0)


def test_colon_cue_matches_colon_cue():
    text = "Trump: “We will win.”"
    gold = [Record(span(text, "“We will win.”"), span(text, "Trump"), span(text, ":"))]
    predicted = [Record(span(text, "We will win."), span(text, "Trump"), span(text, ":"))]
    assert score_article(text, gold, predicted).counts.full == 1


def test_pairing_is_one_to_one_and_prefers_right_source_on_ties():
    text = "Anna said the plan failed. Tom said the plan failed."
    content = span(text, "the plan failed")
    gold = [Record(content, span(text, "Anna"), span(text, "said"))]
    wrong = Record(content, span(text, "Tom"), span(text, "said"))
    right = Record(content, span(text, "Anna"), span(text, "said"))
    pairs = pair(text, gold, [wrong, right])
    assert len(pairs) == 1 and pairs[0].predicted == 1
    best_dice = Record(span(text, "the plan failed"), span(text, "Tom"))
    worse = Record(span(text, "said the plan failed"), span(text, "Anna"))
    assert pair(text, gold, [worse, best_dice])[0].predicted == 1


def test_figures_precision_and_recall():
    text = "A said x happened. B said y happened. C said z happened."
    gold = [Record(span(text, w)) for w in ("x happened", "y happened", "z happened")]
    predicted = [Record(span(text, "x happened")), Record(span(text, "A said"))]
    result = figures(score_article(text, gold, predicted).counts)
    assert result["content"]["exact"]["p"] == pytest.approx(50.0)
    assert result["content"]["exact"]["r"] == pytest.approx(100 / 3)
    assert result["content"]["exact"]["f1"] == pytest.approx(40.0)


@pytest.mark.parametrize(
    ("cue", "speech"),
    [
        ("said", True),
        ("also told", True),
        ("writes", True),
        ("according to", True),
        (":", True),
        ("insisted", True),
        ("believes", False),
        ("plans", False),
        ("reads:", False),
    ],
)
def test_speech_cues(cue, speech):
    assert is_speech_cue(cue, ((0, len(cue)),)) is speech


def test_speech_cue_recall_counts_only_speech_gold():
    text = "Ann said x happened. Bob believes y happened."
    gold = [
        Record(span(text, "x happened"), span(text, "Ann"), span(text, "said")),
        Record(span(text, "y happened"), span(text, "Bob"), span(text, "believes")),
    ]
    counts = score_article(text, gold, [Record(span(text, "x happened"))]).counts
    assert (counts.speech_gold, counts.speech_found) == (1, 1)
