"""What the analyst's lists stand on: sorting, relevance-ordered search with marked
snippets, facet counts, speaker counts, streamed exports and article headings that never
fall back to a file path; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from sayso.errors import SaysoError
from sayso.model import Certainty, CertaintyValue
from sayso.store import ClaimQuery, open_store
from sayso.store.queries import MARK_END, MARK_START, UNTITLED, article_heading

from .helpers import make_analysis

FIRST = [
    ("Emmanuel Macron", "said", "France would send troops to Ukraine"),
    ("Vladimir Putin", "warned", "troops troops everywhere would mean a wider war in Europe"),
    ("Aleksey Goncharenko", "wrote", "sources confirmed the plan"),
]
SECOND = [("Boris Johnson", "insisted", "the deal was done and the troops stayed home")]


@pytest.fixture
def store(store_url):
    store = open_store(store_url)
    first = make_analysis(FIRST, publisher="RT", published="2024-03-21")
    for attribution, value in zip(
        first.attributions, ("certain", "probable", "negated"), strict=True
    ):
        attribution.certainty = Certainty(CertaintyValue(value))
    store.add(first)
    store.add(make_analysis(SECOND, publisher="Wikinews", published="2019-10-17", title=None))
    yield store
    store.close()


def _speakers(rows):
    return [r.speaker for r in rows]


def test_sorting(store):
    assert _speakers(store.claims(sort="speaker")) == [
        "Aleksey Goncharenko",
        "Boris Johnson",
        "Emmanuel Macron",
        "Vladimir Putin",
    ]
    assert _speakers(store.claims(sort="-speaker"))[0] == "Vladimir Putin"
    assert _speakers(store.claims(sort="date"))[0] == "Boris Johnson"  # oldest first
    assert _speakers(store.claims())[-1] == "Boris Johnson"  # newest first by default
    assert _speakers(store.claims(sort="-publisher"))[0] == "Boris Johnson"  # Wikinews
    # Certainty from the firmest down, unknown last.
    assert _speakers(store.claims(sort="certainty")) == [
        "Emmanuel Macron",
        "Vladimir Putin",
        "Aleksey Goncharenko",
        "Boris Johnson",
    ]
    with pytest.raises(SaysoError, match="sort must be one of"):
        ClaimQuery(sort="length; DROP TABLE articles")
    with pytest.raises(SaysoError, match="needs words"):
        ClaimQuery(sort="relevance")


def test_search_is_ordered_by_relevance_with_marked_snippets(store):
    rows = store.claims(text="troops")
    # Putin's claim says "troops" three times in a short content: the most relevant.
    assert _speakers(rows)[0] == "Vladimir Putin"
    assert all(r.relevance is not None for r in rows)
    assert [r.relevance for r in rows] == sorted((r.relevance for r in rows), reverse=True)
    by_date = store.claims(text="troops", sort="-date")
    assert _speakers(by_date)[-1] == "Boris Johnson"
    snippets = store.snippets(rows, "troops")
    assert len(snippets) == len(rows)
    putin = snippets[(rows[0].article_id, rows[0].attribution_id)]
    assert f"{MARK_START}troops{MARK_END}" in putin
    johnson = next(r for r in rows if r.speaker == "Boris Johnson")
    assert MARK_START in snippets[(johnson.article_id, johnson.attribution_id)]
    assert store.snippets(rows, "   ") == {}
    # Operators in the words are plain words there too.
    assert store.claims(text='troops" OR *') is not None


def test_facets_count_each_value_without_its_own_filter(store):
    facets = store.facets(ClaimQuery(publisher="RT"))
    assert dict(facets["publisher"]) == {"RT": 3, "Wikinews": 1}  # its own filter left out
    assert dict(facets["certainty"]) == {"certain": 1, "probable": 1, "negated": 1}
    assert dict(facets["year"]) == {"2024": 3}
    assert len(facets["speaker"]) == 3
    narrowed = store.facets(ClaimQuery(text="troops"))
    assert dict(narrowed["year"]) == {"2024": 2, "2019": 1}
    assert sum(n for _, n in narrowed["speaker"]) == 3


def test_sources_are_counted_and_paged(store):
    assert store.count_sources(ClaimQuery()) == 4
    assert store.count_sources(ClaimQuery(publisher="rt")) == 3
    page = store.sources(ClaimQuery(limit=2, offset=2))
    assert len(page) == 2


def test_export_streams_every_claim_in_order(store):
    rows = list(store.export_claims(ClaimQuery(limit=None, sort="speaker")))
    assert _speakers(rows) == _speakers(store.claims(sort="speaker"))
    assert len(list(store.export_claims(ClaimQuery(limit=None, text="troops")))) == 3


def test_headings_fall_back_without_a_path(store):
    rows, _ = store.articles(limit=10)
    untitled = next(r for r in rows if r.publisher == "Wikinews")
    assert untitled.title is None
    assert (
        untitled.heading
        == "Boris Johnson insisted that the deal was done and the troops stayed home."
    )
    assert "/" not in untitled.heading
    claim = next(c for c in store.claims() if c.speaker == "Boris Johnson")
    assert claim.title is None and claim.heading == untitled.heading
    assert article_heading(None, "  A standfirst.\nMore", "Text") == "A standfirst."
    assert article_heading("", None, "\n\n  First line \nsecond") == "First line"
    assert article_heading(None, None, "   ") == UNTITLED
    long = article_heading("word " * 100)
    assert len(long) <= 120 and long.endswith("…")
