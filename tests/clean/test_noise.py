"""Cleaning scraped text: noise is found with its kind and offsets, the body is kept."""

from __future__ import annotations

import pytest

from sayso.clean import clean_text


def _removed(text: str) -> list[tuple[str, str]]:
    return [(piece.kind, piece.text) for piece in clean_text(text).removed]


def test_caption_glued_to_standfirst():
    text = (
        "Troops may be sent to the border FILE PHOTO: Jane Doe. © Global Look Press / John Roe\n\n"
        "The army is ready, Doe said."
    )
    result = clean_text(text)
    assert _removed(text) == [
        ("photo_caption", "FILE PHOTO: Jane Doe. © Global Look Press / John Roe")
    ]
    assert result.standfirst is None and result.title == "Troops may be sent to the border"


def test_photo_line_and_getty_credit():
    text = (
        "Storm batters coast\n\nPhoto: Residents clear debris on Sunday.\n\n"
        "The storm hit at dawn, officials said.\n\n(Photo by Ann Lee/Getty Images)"
    )
    kinds = [kind for kind, _ in _removed(text)]
    assert kinds == ["photo_caption", "photo_credit"]


def test_credit_line_alone():
    text = "Leaders meet in Paris\n\nAFP / Getty Images\n\nThe leaders met on Monday."
    assert _removed(text) == [("photo_credit", "AFP / Getty Images")]


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Macron says troops are an option",
        "READ MORE: Kiev rejects the plan",
        "Related: Five things to know about the summit",
    ],
)
def test_teaser_lines(line):
    text = f"Talks stall\n\nThe talks stalled on Monday.\n\n{line}\n\nBoth sides blamed each other."
    assert _removed(text) == [("related_teaser", line)]


def test_doubled_headline_teaser():
    teaser = "Macron idea was misinterpreted – Kiev Macron idea was misinterpreted – Kiev"
    text = f"Talks stall\n\nThe talks stalled.\n\n{teaser}\n\nBoth sides blamed each other."
    assert _removed(text) == [("related_teaser", teaser)]


@pytest.mark.parametrize(
    ("ending", "tag", "publisher"),
    [
        ("World War III.” (RT)", "(RT)", "RT"),
        ("on Monday. (Reuters)", "(Reuters)", "Reuters"),
        ("on Monday. – AP", "– AP", "AP"),
    ],
)
def test_trailing_source_tag_sets_publisher(ending, tag, publisher):
    text = f"Talks stall\n\nThe talks stalled, he said {ending}"
    result = clean_text(text)
    assert [(p.kind, p.text) for p in result.removed] == [("source_tag", tag)]
    assert result.publisher == publisher


def test_dateline_sets_publisher():
    text = "MOSCOW (Reuters) - Russia said on Monday it would respond."
    result = clean_text(text)
    assert [(p.kind, p.text) for p in result.removed] == [("dateline", "MOSCOW (Reuters) -")]
    assert result.publisher == "Reuters"


def test_dateline_after_a_headline_and_a_byline():
    text = (
        "EU leaders clash over migration pact\nBy Jane Doe and Mark Smith\n"
        "BRUSSELS (Reuters) - EU leaders clashed on Thursday, diplomats said.\n"
        "The pact still needs approval, officials said."
    )
    result = clean_text(text)
    assert [(p.kind, p.text) for p in result.removed] == [
        ("byline", "By Jane Doe and Mark Smith"),
        ("dateline", "BRUSSELS (Reuters) -"),
    ]
    assert result.publisher == "Reuters"


@pytest.mark.parametrize(
    "line",
    [
        "(Reporting by Jane Doe; Editing by Mark Smith)",
        "Additional reporting by Ann Lee in Paris",
        "(Writing by Tom Hart; editing by Ann Lee)",
    ],
)
def test_wire_credit_lines(line):
    text = f"Talks stall\n\nThe talks stalled on Monday, he said.\n\n{line}"
    assert _removed(text) == [("byline", line)]


def test_a_sentence_about_reporting_is_body():
    text = "Talks stall\n\nReporting by local media suggested the talks had stalled."
    assert _removed(text) == []


def test_byline():
    text = "Talks stall in Vienna\nBy Jane Smith and Tom Roe\n\nThe talks stalled on Monday."
    result = clean_text(text)
    assert [(p.kind, p.text) for p in result.removed] == [("byline", "By Jane Smith and Tom Roe")]
    assert result.byline == "Jane Smith and Tom Roe"


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the deal (which took years) was done (finally).",
        "Photos of the summit show leaders smiling, Smith said.",
        "He said: “Read more books.”",
        "By the end of the day, the talks had failed.",
        "The AP reported the story first, the agency said - and AP stood by it.",
        "NATO (the North Atlantic Treaty Organization) met on Monday.",
    ],
)
def test_body_text_is_kept(text):
    assert clean_text(text).removed == []


def test_masked_text_keeps_offsets_and_newlines():
    text = "Headline here FILE PHOTO: A man. © Agency\n\nBody text, he said. (RT)"
    result = clean_text(text)
    masked = result.masked()
    assert len(masked) == len(text)
    assert "FILE PHOTO" not in masked and "(RT)" not in masked
    assert masked.count("\n") == text.count("\n")
    for piece in result.removed:
        assert text[piece.start : piece.end] == piece.text
        assert not masked[piece.start : piece.end].strip()


def test_first_line_that_reads_as_a_lede_is_not_a_headline():
    text = "The talks stalled on Monday, officials said.\n\nBoth sides blamed each other."
    result = clean_text(text)
    assert result.title is None and result.standfirst is None


def test_single_paragraph_has_no_headline():
    assert clean_text("Officials said the talks stalled").title is None


def test_wire_style_scrape(fixtures):
    """A made-up wire report scraped with its furniture: headline, byline, dateline, photo
    caption and credit, teasers and the wire's credit line at the end."""
    text = (fixtures / "wire-style-scrape.txt").read_text(encoding="utf-8")
    result = clean_text(text)
    assert [p.kind for p in result.removed] == [
        "byline",
        "dateline",
        "photo_caption",
        "related_teaser",
        "photo_credit",
        "related_teaser",
        "byline",
    ]
    assert result.publisher == "Reuters"
    assert result.title == "EU leaders clash over migration pact as deadline nears"
    kept = result.masked()
    for sentence in (
        '"We will not be bullied,"',
        "German Chancellor Olaf Scholz said",
        "officials said.",
    ):
        assert sentence in kept
    for piece in result.removed:
        assert text[piece.start : piece.end] == piece.text
        assert piece.text not in kept
