"""Hypothesis properties of the cleaner and the extractor on hostile text: nothing escapes
but sayso's own errors, every span slices the input to its text, the JSON is valid UTF-8
and the same for the same input."""

from __future__ import annotations

from hypothesis import given

from fuzz import targets
from fuzz.checks import check_analysis
from fuzz.strategies import article_texts, hostile_texts, suite_settings
from sayso.analyze import analyze
from sayso.clean import replace_unsafe


@suite_settings(40)
@given(hostile_texts())
def test_cleaner_pieces_slice_the_text_and_masking_keeps_offsets(text):
    targets.cleaner(text)


@suite_settings(40)
@given(hostile_texts())
def test_unsafe_characters_are_replaced_one_for_one(text):
    safe = replace_unsafe(text)
    assert len(safe) == len(text)
    safe.encode("utf-8")
    assert "\x00" not in safe
    changed = [i for i, (a, b) in enumerate(zip(safe, text, strict=True)) if a != b]
    assert all(safe[i] == "\ufffd" for i in changed)


@suite_settings(30)
@given(article_texts(max_chars=20_000))
def test_analysis_spans_slice_the_text_and_output_is_deterministic(nlp, text):
    targets.extractor(nlp, text)


def test_a_lone_surrogate_and_a_nul_keep_every_offset(nlp):
    text = "“We will win,\ud800” John Smith\x00 said on Tuesday.\n\nThe ministry said it agreed."
    analysis = analyze(text, nlp=nlp)
    check_analysis(analysis, text)
    assert analysis.article.text == text.replace("\ud800", "\ufffd").replace("\x00", "\ufffd")
    assert analysis.attributions, "the quotation is still read"
