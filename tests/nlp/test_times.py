"""Time expressions normalised against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from sayso import analyze
from sayso.nlp.meaning.timex import normalise_time, parse_anchor

THURSDAY = date(2024, 3, 21)


@pytest.mark.parametrize(
    ("text", "tense", "value", "type_"),
    [
        ("on Wednesday", "past", "2024-03-20", "date"),
        ("on Thursday", "past", "2024-03-21", "date"),
        ("on Monday", "future", "2024-03-25", "date"),
        ("next Monday", "past", "2024-03-25", "date"),
        ("last Friday", "past", "2024-03-15", "date"),
        ("yesterday", "past", "2024-03-20", "date"),
        ("tomorrow", "future", "2024-03-22", "date"),
        ("in late February", "past", "2024-02", "month"),
        ("in December", "past", "2023-12", "month"),
        ("in April", "future", "2024-04", "month"),
        ("this week", "past", "2024-W12", "week"),
        ("earlier this week", "past", "2024-W12", "week"),
        ("last week", "past", "2024-W11", "week"),
        ("last month", "past", "2024-02", "month"),
        ("last year", "past", "2023", "year"),
        ("late last year", "past", "2023", "year"),
        ("March 3, 2024", "past", "2024-03-03", "date"),
        ("3 March", "past", "2024-03-03", "date"),
        ("in 2023", "past", "2023", "year"),
        ("the 1990s", "past", "199", "decade"),
        ("two weeks ago", "past", "2024-W10", "week"),
        ("this weekend", "future", "2024-W12-WE", "weekend"),
    ],
)
def test_normalised_against_publication_date(text, tense, value, type_):
    found = normalise_time(text, THURSDAY, tense)
    assert found is not None
    assert (found.value, found.type) == (value, type_)


def test_ranges_and_mods():
    late_february = normalise_time("in late February", THURSDAY)
    assert late_february.mod == "END" and late_february.range == ("2024-02-21", "2024-02-29")
    earlier = normalise_time("earlier this week", THURSDAY)
    assert earlier.mod == "EARLIER" and earlier.range == ("2024-03-18", "2024-03-20")
    assert normalise_time("this week", THURSDAY).range == ("2024-03-18", "2024-03-24")


def test_without_publication_date_relative_times_stay_unresolved():
    assert normalise_time("on Wednesday", None).value is None
    assert normalise_time("this week", None).value is None
    assert normalise_time("March 3, 2024", None).value == "2024-03-03"
    assert normalise_time("in 2023", None).value == "2023"


def test_references_and_non_times():
    assert normalise_time("recently", THURSDAY).value == "PAST_REF"
    assert normalise_time("the committee", THURSDAY) is None
    assert normalise_time("Wednesday's meeting room", THURSDAY) is None


def test_anchor_parsing():
    assert parse_anchor("2024-03-21") == THURSDAY
    assert parse_anchor("2024-03-21T10:00:00Z") == THURSDAY
    assert parse_anchor("21/03/2024") is None
    assert parse_anchor(None) is None


def test_statement_time_in_the_pipeline(nlp):
    text = "The minister said on Wednesday that talks would resume."
    analysis = analyze(text, nlp=nlp, published="2024-03-21")
    statement = analysis.attributions[0].statement_time
    assert statement is not None and statement.value == "2024-03-20"
    assert statement.anchor == "2024-03-21"
    unanchored = analyze(text, nlp=nlp).attributions[0].statement_time
    assert unanchored is not None and unanchored.value is None


def test_future_weekday_from_the_verb(nlp):
    text = "The leaders will meet on Monday in Brussels."
    analysis = analyze(text, nlp=nlp, published="2024-03-21")
    assert [t.value for t in analysis.times] == ["2024-03-25"]
