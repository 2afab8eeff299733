"""Speaker and entity filters match by entity, not by substring (issue 15, item 6): a name
finds the entity it names, every spelling sharing its canonical key, and for a bare
surname every person of that surname; never a longer name holding it ("Donald Trump's
doctors", "Trump supporters") nor a part of a name. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from sayso.canon.names import person_key
from sayso.cli import app
from sayso.model import Entity, EntityType
from sayso.store import open_store
from sayso.store.matching import name_key, surname_key

from .helpers import make_analysis

# (speaker, type, cue, content); canonical keys as the linker gives them: people by
# ``person_key``, the rest by a slug.
SPEAKERS = {
    "Donald Trump": "PERSON",
    "Donald Trump's doctors": "GROUP",
    "Donald Trump supporters": "GROUP",
    "Ivanka Trump": "PERSON",
    "Trump": "PERSON",
    "Trump Organization": "ORG",
    "Emmanuel Macron": "PERSON",
    "Macronist deputies": "GROUP",
    "Emmanuel Macron's office": "ORG",
    "Aleksey Goncharenko": "PERSON",
}
STORIES = [
    [
        ("Donald Trump", "said", "the wall would be built"),
        ("Donald Trump's doctors", "said", "the patient was in excellent health"),
        ("Donald Trump supporters", "said", "the election was close"),
    ],
    [
        ("Ivanka Trump", "said", "Donald Trump would sign the bill"),
        ("Trump Organization", "said", "the tower would open in May"),
        ("Trump", "told", "reporters the deal was done"),
    ],
    [
        ("Emmanuel Macron", "said", "France would not send troops"),
        ("Macronist deputies", "said", "the vote would pass"),
        ("Emmanuel Macron's office", "denied", "any change of plan"),
        ("Aleksey Goncharenko", "wrote", "Emmanuel Macron was preparing a coalition"),
    ],
    [("Donald Trump", "insisted", "the tariffs were working")],
]


def _keyed(story):
    analysis = make_analysis(story, title=story[0][2])
    known = {entity.name for entity in analysis.entities}
    for attribution in analysis.attributions:  # people named in a content, not speaking
        for name in SPEAKERS:
            at = attribution.content.text.find(name)
            if (
                name not in known
                and at >= 0
                and not attribution.content.text[at:].startswith(name + "'")
            ):
                start = attribution.content.start + at
                entity = Entity(f"e{len(analysis.entities) + 1}", name, EntityType.PERSON)
                entity.mentions.append((start, start + len(name)))
                analysis.entities.append(entity)
                known.add(name)
    for entity in analysis.entities:
        entity.type = EntityType(SPEAKERS[entity.name])
        if entity.type == "PERSON":
            entity.canonical = person_key(entity.name)
        else:
            slug = "-".join(entity.name.lower().replace("'", " ").split())
            entity.canonical = f"{entity.type.lower()}:{slug}"
    return analysis


@pytest.fixture
def store(store_url):
    store = open_store(store_url)
    for story in STORIES:
        store.add(_keyed(story))
    yield store
    store.close()


def _speakers(store, **filters):
    return sorted(c.speaker for c in store.claims(limit=None, **filters))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # A full name: that person only, in every article, any case or spacing.
        ("Donald Trump", ["Donald Trump", "Donald Trump"]),
        ("donald   TRUMP", ["Donald Trump", "Donald Trump"]),
        # A bare surname (titles aside): every person of that surname, no group or company.
        ("trump", ["Donald Trump", "Donald Trump", "Ivanka Trump", "Trump"]),
        ("Mr. Trump", ["Donald Trump", "Donald Trump", "Ivanka Trump", "Trump"]),
        ("macron", ["Emmanuel Macron"]),
        # Another transliteration of the same person: the same key.
        ("Alexei Goncharenko", ["Aleksey Goncharenko"]),
        ("goncharenko", ["Aleksey Goncharenko"]),
        # Names of groups and organisations: exactly them.
        ("Donald Trump's doctors", ["Donald Trump's doctors"]),
        ("Emmanuel Macron's office", ["Emmanuel Macron's office"]),
        ("Trump Organization", ["Trump Organization"]),
        # Must not match: a given name alone, part of a name, a surname's prefix.
        ("Donald", []),
        ("ump", []),
        ("Macro", []),
        ("Ivanka", []),
        # A possessive typed is the person's name (the key drops it), not the group's.
        ("Donald Trump's", ["Donald Trump", "Donald Trump"]),
    ],
)
def test_speaker_filter_matches_by_entity(store, query, expected):
    assert _speakers(store, speaker=query) == expected


def test_a_full_name_never_finds_the_longer_names_holding_it(store):
    found = set(_speakers(store, speaker="Donald Trump"))
    assert "Donald Trump's doctors" not in found and "Donald Trump supporters" not in found
    assert "Ivanka Trump" not in found and "Trump" not in found  # another or an unsure Trump
    assert "Macronist deputies" not in _speakers(store, speaker="macron")
    assert "Emmanuel Macron's office" not in _speakers(store, speaker="Emmanuel Macron")


def test_entity_and_about_filters_match_by_entity_too(store):
    # Mentioned in the content: Ivanka Trump's claim names Donald Trump.
    assert _speakers(store, entity="Donald Trump") == ["Ivanka Trump"]
    assert _speakers(store, entity="Emmanuel Macron") == ["Aleksey Goncharenko"]
    assert _speakers(store, entity="Donald") == []
    # About: mentioned, and said by someone else.
    assert _speakers(store, about="Emmanuel Macron") == ["Aleksey Goncharenko"]


def test_the_entity_page_and_the_filter_agree(store):
    for name in ("Donald Trump", "trump", "Emmanuel Macron", "Alexei Goncharenko"):
        said, total = store.entity_claims(name, "said", limit=None)
        assert total == len(said) == store.count_claims(speaker=name), name
        assert sorted(c.speaker for c in said) == _speakers(store, speaker=name)
    profile = store.entity("trump")
    assert profile is not None
    assert set(profile.names) == {"Donald Trump", "Ivanka Trump", "Trump"}
    assert store.entity("Alexei Goncharenko").name == "Aleksey Goncharenko"
    assert store.entity("ump") is None


def test_sayso_claims_speaker_matches_by_entity(store, store_url):
    result = CliRunner().invoke(
        app, ["claims", "--db", store_url, "--speaker", "Donald Trump", "-f", "csv"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 3  # the header and Donald Trump's two claims
    assert "doctors" not in result.output and "supporters" not in result.output


def test_match_keys():
    assert name_key("  Emmanuel   MACRON ") == "emmanuel macron"
    assert name_key("   ") is None
    assert surname_key("Emmanuel Macron", "PERSON", None) == "person:macron"
    assert surname_key("x", "ORG", "person:trump:donald") == "person:trump"  # a person tagged ORG
    assert surname_key("Trump Organization", "ORG", "org:trump-organization") is None
    assert surname_key("", "PERSON", None) is None


def test_migration_0006_goes_down_and_up_again(store, store_url):
    from alembic import command

    from sayso.store.migrate import alembic_config, current_revision, head_revision

    store.close()
    engine = store.engine
    head = head_revision(engine)
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "-1")  # this migration is the newest
    assert current_revision(engine) != head
    engine.dispose()
    with open_store(store_url) as again:  # upgraded, the new columns filled again
        assert current_revision(again.engine) == head
        assert _speakers(again, speaker="trump") == [
            "Donald Trump",
            "Donald Trump",
            "Ivanka Trump",
            "Trump",
        ]
