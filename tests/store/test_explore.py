"""Store queries for exploring: articles, entities across articles, nesting, tellings,
the meaning filters, and the migration that adds their columns to an existing store."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import text

from sayso.errors import SaysoError
from sayso.model import Certainty, CertaintyValue, ReporterStance, Stance
from sayso.serial import record
from sayso.store import ClaimQuery, open_store
from sayso.store.engine import make_engine
from sayso.store.migrate import alembic_config, current_revision, head_revision
from sayso.store.rows import article_row, attribution_rows, entity_rows

from .helpers import make_analysis

CLAIMS = [
    ("Emmanuel Macron", "said", "France would send troops to Ukraine"),
    ("Vladimir Putin", "warned", "Emmanuel Macron was risking a wider war"),
    ("Aleksey Goncharenko", "wrote", "sources close to Emmanuel Macron confirmed the plan"),
]


def _with_meaning(analysis):
    values = [
        (Stance.NEUTRAL, CertaintyValue.CERTAIN),
        (Stance.EMPHATIC, CertaintyValue.PROBABLE),
        (Stance.NEUTRAL, CertaintyValue.NEGATED),
    ]
    for attribution, (stance, certainty) in zip(analysis.attributions, values, strict=True):
        attribution.stance = ReporterStance(stance, str(stance))
        attribution.certainty = Certainty(certainty)
    for entity in analysis.entities:
        entity.canonical = "person:" + entity.name.split()[-1].lower()
    return analysis


@pytest.fixture
def store(store_url):
    store = open_store(store_url)
    store.add(_with_meaning(make_analysis(CLAIMS)))
    store.add(
        make_analysis(
            [("Macron", "told reporters", "France would send troops to Ukraine soon")],
            publisher="Other Wire",
            published="2024-03-25",
            title="Second story",
        )
    )
    yield store
    store.close()


def test_certainty_and_stance_filters(store):
    assert [c.speaker for c in store.claims(certainty="probable")] == ["Vladimir Putin"]
    neutral = store.claims(stance="neutral")
    assert {c.speaker for c in neutral} == {"Emmanuel Macron", "Aleksey Goncharenko"}
    assert {c.certainty for c in neutral} == {"certain", "negated"}
    with pytest.raises(SaysoError, match="certainty must be one of"):
        ClaimQuery(certainty="sure")
    with pytest.raises(SaysoError, match="stance must be one of"):
        ClaimQuery(stance="'; DROP TABLE attributions; --")


def test_articles_are_listed_newest_first_with_claim_counts(store):
    rows, total = store.articles(limit=10)
    assert total == 2
    assert [(r.title, r.claims) for r in rows] == [("Second story", 1), ("A title", 3)]
    rows, total = store.articles(publisher="other", limit=10)
    assert (total, [r.publisher for r in rows]) == (1, ["Other Wire"])
    assert store.articles(limit=1, offset=1)[0][0].title == "A title"
    with pytest.raises(SaysoError):
        store.articles(limit=-1)


def test_entity_profile_joins_spellings_by_canonical_key(store):
    profile = store.entity("emmanuel macron")
    assert profile is not None
    assert profile.name == "Emmanuel Macron"
    assert profile.canonical == ["person:macron"]
    assert profile.types == ["PERSON"]
    assert store.entity("Nobody at all") is None


def test_entity_said_and_about(store):
    said, total = store.entity_claims("Emmanuel Macron", "said")
    assert total == 1 and said[0].content == "France would send troops to Ukraine"
    about, total = store.entity_claims("Emmanuel Macron", "about")
    assert total == 2
    assert {c.speaker for c in about} == {"Vladimir Putin", "Aleksey Goncharenko"}
    page, total = store.entity_claims("Emmanuel Macron", "about", limit=1, offset=1)
    assert total == 2 and len(page) == 1
    with pytest.raises(SaysoError, match="relation"):
        store.entity_claims("Emmanuel Macron", "likes")  # type: ignore[arg-type]


def test_search_entities(store):
    hits, total = store.search_entities("MACRON")
    assert [h.name for h in hits] == ["Emmanuel Macron", "Macron"] and total == 2
    second, total = store.search_entities("macron", limit=1, offset=1)
    assert [h.name for h in second] == ["Macron"] and total == 2
    assert store.search_entities("   ") == ([], 0)
    assert store.search_entities("%") == ([], 0)  # a LIKE wildcard is a plain character


def test_nested_claims_and_tellings(store_url):
    with open_store(store_url) as store:
        first = make_analysis(CLAIMS, nested={1: 0})
        store.add(first)
        second = make_analysis(
            [("Reuters", "reported", "Emmanuel Macron was risking a wider war in Europe")],
            publisher="Wire",
        )
        store.add(second)
        inner = store.nested_claims(first.article.id, "a1")
        assert [c.attribution_id for c in inner] == ["a2"]
        claim = store.claim(first.article.id, "a2")
        assert claim is not None and claim.nested_in == "a1"
        tellings = store.tellings(claim)
        assert [(c.article_id, c.speaker) for c in tellings] == [(second.article.id, "Reuters")]
        assert store.claim(first.article.id, "a99") is None


def _resolution(claim) -> str:
    if claim.anonymous:
        return "anonymous"
    return "named" if claim.speaker else "unresolved"


_LATER_COLUMNS = ("stance", "certainty", "source_resolution", "source_confidence")


def test_migration_fills_the_new_columns_of_an_existing_store(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    data = record(_with_meaning(make_analysis(CLAIMS)))
    old_attributions = [
        {k: v for k, v in row.items() if k not in _LATER_COLUMNS} for row in attribution_rows(data)
    ]
    old_entities = [
        {k: v for k, v in row.items() if k not in ("canonical", "name_key", "surname_key")}
        for row in entity_rows(data)[0]
    ]
    with engine.begin() as conn:
        row = article_row(data, content_hash="x", norm_hash="y")
        columns = ", ".join(f'"{k}"' for k in row)
        conn.execute(
            text(f"INSERT INTO articles ({columns}) VALUES ({', '.join(':' + k for k in row)})"),
            row,
        )
        for table, rows in (("attributions", old_attributions), ("entities", old_entities)):
            for r in rows:
                names = ", ".join(f'"{k}"' for k in r)
                conn.execute(
                    text(f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + k for k in r)})"),
                    r,
                )
    assert current_revision(engine) == "0001"
    engine.dispose()
    with open_store(url) as store:
        assert current_revision(store.engine) == head_revision(store.engine)
        claims = store.claims(limit=None)
        assert [c.certainty for c in claims] == ["certain", "probable", "negated"]
        # 0004 fills how each source was resolved from the stored JSON
        assert [c.source_resolution for c in claims] == [_resolution(c) for c in claims]
        assert store.entity("Vladimir Putin").canonical == ["person:putin"]
        # Migration 0006 filled the columns the speaker filter matches on.
        assert [c.speaker for c in store.claims(speaker="putin")] == ["Vladimir Putin"]
        assert [c.speaker for c in store.claims(speaker="vladimir  PUTIN")] == ["Vladimir Putin"]
