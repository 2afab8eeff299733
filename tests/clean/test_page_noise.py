"""Noise that real pages leave in extracted text: captions ending in a credit ("… Photo:
AP", "… Photograph: Name/PA", "… (Name/Flash90)"), broadcasters' caption labels, page
furniture lines, contributor lines; and the body lines that look like them but stay. Also
the body warnings computed from what the cleaner finds."""

from __future__ import annotations

import pytest

from sayso.clean import clean_text
from sayso.clean.checks import MIN_BODY_WORDS, body_warnings

HEAD = "Harbour bridge to reopen\n\nThe bridge will reopen in May, the minister said.\n\n"
TAIL = "\n\nShe said the final cost would stay within the budget approved last year."


def _kinds(line: str) -> list[str]:
    text = HEAD + line + TAIL
    return [p.kind for p in clean_text(text).removed if p.text == line.strip()]


@pytest.mark.parametrize(
    "line",
    [
        "Residents wade through a flooded street on Thursday. Photo: AP",
        "Commuters at Waterloo station in London on Tuesday. Photograph: Jordan Pettitt/PA",
        "Flooding on the South Mall this afternoon. Picture: Denis Minihane",
        "Finance Minister Daniel Shore on May 1, 2024. (Eli Mandel/Flash90)",
        "A cargo ship leaves the port of Odesa, April 11, 2024. REUTERS/Nina Lyashonok/File Photo",
        "Senators leave the chamber after the vote.Credit...Doug Mills/The New York Times",
        "Boris Johnson leaves Downing Street (AFP via Getty Images)",
        "Mayor Elena Ortiz at City Hall on Monday (Photo by Sam Ruiz)",
        "Kayo on stage in Houston in February. Photo: Jordan Reyes/KVT",
        "Image caption, Teachers took part in three days of strikes in February",
        "Media caption, Watch: Teachers on the picket line in Cardiff",
        "Image source, Getty Images",
    ],
)
def test_caption_lines_with_credits_are_captions(line):
    assert _kinds(line) == ["photo_caption"]


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "SKIP ADVERTISEMENT",
        "Supported by",
        "Continue reading the main story",
        "This video can not be played",
        "Video player loading",
        "Share this article",
        "Share or comment on this article:",
        "Sign up to First Edition, our free daily newsletter",
        "The Morning Bid newsletter: Get a daily look at markets. Sign up here.",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "A version of this article appears in print on May 3, 2024, Section A, Page 1.",
        "Dana Whitfield covers Congress. More about Dana Whitfield",
    ],
)
def test_page_furniture_lines_are_boilerplate(line):
    assert _kinds(line) == ["boilerplate"]


@pytest.mark.parametrize(
    "line",
    ["GNN’s Alex Morton contributed to this report.", "Ann Lee and Bo Chan contributed reporting."],
)
def test_contributor_lines_are_bylines(line):
    assert _kinds(line) == ["byline"]


@pytest.mark.parametrize(
    "line",
    [
        "He said the photo was taken in 2019 by his brother.",
        "The minister said the plan was approved by the cabinet (the vote was 12/3).",
        "Sales rose 5% in the US/UK market, the company said.",
        "The advertisement was pulled after complaints, the regulator said.",
        "She signed up for the newsletter in 2019, she told the court.",
        "Smith contributed $5,000 to the campaign.",
        "Read more about the plan here, the minister said.",
        "They wanted to learn more about Russia.",
        "Supporters of the bill said it was overdue.",
        "“We will share the data with the inquiry,” she said.",
    ],
)
def test_body_lines_that_look_like_noise_stay(line):
    assert _kinds(line) == []


def test_short_body_and_mostly_caption_warnings():
    caption = (
        "Residents wade through a flooded street in the town on Thursday after the river "
        "burst its banks overnight, forcing hundreds of families from their homes. Photo: AP"
    )
    clean = clean_text(f"Floods sweep valley\n\n{caption}\n\nHeavy rain caused the floods.")
    kinds = [w.kind for w in body_warnings(clean)]
    assert kinds == ["short_body", "mostly_caption"]
    assert "only 5 words" in body_warnings(clean)[0].message


def test_a_full_body_has_no_warning():
    body = " ".join(
        f"The minister said on day {n} that the bridge would reopen in May after repairs."
        for n in range(12)
    )
    assert len(body.split()) > MIN_BODY_WORDS
    assert body_warnings(clean_text(f"Bridge to reopen\n\n{body}")) == []
