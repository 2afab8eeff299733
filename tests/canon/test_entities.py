"""Canonical entities: countries, capitals and metonymy, groups, roles, cross-article keys."""

from __future__ import annotations

import pytest

from sayso import analyze
from sayso.canon.entities import affiliations_in
from sayso.canon.gazetteer import gazetteer
from sayso.canon.names import person_key


def _entity(analysis, name):
    return next((e for e in analysis.entities if e.name == name), None)


def _mention_texts(analysis, entity):
    return [analysis.article.text[s:e] for s, e in entity.mentions]


@pytest.mark.parametrize(
    ("name", "canonical", "country"),
    [
        ("Kiev", "Kyiv", "UKR"),
        ("Kyiv", "Kyiv", "UKR"),
        ("Odessa", "Odesa", "UKR"),
        ("Odesa", "Odesa", "UKR"),
        ("Britain", "United Kingdom", "GBR"),
        ("the United States", "United States", "USA"),
        ("Russian Federation", "Russia", "RUS"),
    ],
)
def test_gazetteer_spellings(name, canonical, country):
    place = gazetteer().lookup(name)
    assert place is not None and place.name == canonical and place.country == country


def test_demonyms_and_capitals():
    gaz = gazetteer()
    assert gaz.demonym("Ukrainian") == "UKR"
    assert gaz.demonym("Ukrainians") == "UKR"
    assert gaz.demonym("French") == "FRA"
    assert gaz.lookup("Paris").capital_of == "FRA"
    assert gaz.lookup("Odessa").capital_of is None


@pytest.mark.parametrize(
    ("name", "key"),
    [("Florida", "state:US-FL"), ("Virginia", "state:US-VA"), ("West Virginia", "state:US-WV")],
)
def test_a_us_state_is_the_state_not_a_city_named_after_it(name, key):
    # GeoNames gives Floridablanca (Colombia) the alternate name "Florida".
    place = gazetteer().lookup(name)
    assert place is not None and (place.key, place.kind, place.country) == (key, "state", "USA")


def test_washington_and_new_york_stay_the_cities():
    assert gazetteer().lookup("Washington").capital_of == "USA"
    assert gazetteer().lookup("New York").kind == "city"


def test_baltic_states_have_members():
    place = gazetteer().lookup("the Baltic states")
    assert place is not None and place.kind == "group"
    assert place.members == ("EST", "LVA", "LTU")


def test_capital_as_subject_is_the_government(nlp):
    analysis = analyze("Paris is considering sending troops, the minister said.", nlp=nlp)
    france = _entity(analysis, "France")
    assert france is not None and france.type == "COUNTRY"
    assert "Paris" in _mention_texts(analysis, france)
    assert france.metonyms and analysis.article.text[slice(*france.metonyms[0])] == "Paris"
    assert _entity(analysis, "Paris") is None


def test_in_paris_stays_a_place(nlp):
    analysis = analyze("The talks took place in Paris on Monday.", nlp=nlp)
    paris = _entity(analysis, "Paris")
    assert paris is not None and paris.type == "GPE" and paris.country == "FRA"
    assert _entity(analysis, "France") is None


def test_berlin_sees_is_germany(nlp):
    analysis = analyze("Berlin sees the plan as an escalation, officials said.", nlp=nlp)
    germany = _entity(analysis, "Germany")
    assert germany is not None and "Berlin" in _mention_texts(analysis, germany)


def test_moscow_would_consider_is_russia(nlp):
    analysis = analyze("Moscow would consider it a hostile act, Peskov said.", nlp=nlp)
    assert "Moscow" in _mention_texts(analysis, _entity(analysis, "Russia"))


def test_visited_moscow_is_the_city(nlp):
    analysis = analyze("The envoy visited Moscow last week.", nlp=nlp)
    moscow = _entity(analysis, "Moscow")
    assert moscow is not None and moscow.type == "GPE"


def test_kiev_possessive_is_ukraine(nlp):
    analysis = analyze("The plan would free up Kiev’s units for Ukraine's army.", nlp=nlp)
    ukraine = _entity(analysis, "Ukraine")
    assert ukraine is not None and "Kiev" in _mention_texts(analysis, ukraine)


def test_demonym_is_not_an_entity(nlp):
    analysis = analyze("A senior Ukrainian MP spoke in the Ukrainian parliament.", nlp=nlp)
    assert _entity(analysis, "Ukrainian") is None


def test_baltic_states_group_entity(nlp):
    analysis = analyze("The coalition could include Poland and the Baltic states.", nlp=nlp)
    group = _entity(analysis, "Baltic states")
    assert group is not None and group.type == "GROUP"
    assert group.members == ["Estonia", "Latvia", "Lithuania"]
    assert _entity(analysis, "Poland").type == "COUNTRY"


def test_nato_member_states(nlp):
    text = "Other NATO member states claimed that they had no plans to send troops."
    analysis = analyze(text, nlp=nlp)
    group = _entity(analysis, "NATO member states")
    assert group is not None and group.affiliations == ["NATO"]
    assert group.canonical == "group:NATO-members"


def test_role_affiliations(nlp):
    text = (
        "The head of Russia’s foreign intelligence service, Sergey Naryshkin, claimed that "
        "the plan was ready. Aleksey Goncharenko, a senior Ukrainian MP, wrote that it was not."
    )
    analysis = analyze(text, nlp=nlp)
    naryshkin = _entity(analysis, "Sergey Naryshkin")
    assert naryshkin.country == "RUS" and "Russia" in naryshkin.affiliations
    goncharenko = _entity(analysis, "Aleksey Goncharenko")
    assert goncharenko.country == "UKR" and goncharenko.canonical == "person:goncharenko:aleksei"


def test_affiliations_in_roles():
    assert affiliations_in("President of France") == [("France", "FRA")]
    assert affiliations_in("Russian President") == [("Russia", "RUS")]
    assert affiliations_in("NATO Secretary General") == [("NATO", None)]
    assert affiliations_in("senior official") == []


@pytest.mark.parametrize(
    "name",
    ["Aleksey Goncharenko", "Oleksiy Goncharenko", "Goncharenko, Aleksey", "Alexei Goncharenko"],
)
def test_transliteration_variants_share_a_key(name):
    assert person_key(name) == "person:goncharenko:aleksei"


def test_keys_that_must_differ():
    assert person_key("Volodymyr Zelenskyy") == person_key("Vladimir Zelensky")
    assert person_key("Vladimir Putin") != person_key("Vladimir Zelensky")
    assert person_key("Goncharenko") == "person:goncharenko"  # no given name, no merge
    assert person_key("Sergey Naryshkin") != person_key("Sergey Lavrov")


def test_org_canonical_keys(nlp):
    analysis = analyze("NATO said the North Atlantic Treaty Organization would meet.", nlp=nlp)
    keys = {e.canonical for e in analysis.entities if e.type == "ORG"}
    assert "org:NATO" in keys


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The ship was last bound for Jakarta when it sank.", "Jakarta"),
        ("The museum in Seattle, Washington was also proposed as a site.", "Washington"),
        ("Valeska Paris left the ship. Paris claims that she was kept there.", "Paris"),
    ],
)
def test_capitals_that_are_not_governments(nlp, text, name):
    analysis = analyze(text, nlp=nlp)
    assert all(not e.metonyms for e in analysis.entities), [e.name for e in analysis.entities]
    assert _entity(analysis, name) is not None


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("The ship sank on Monday, according to Lusa Wire.", "Lusa Wire", "ORG"),
        ("Tom Herald said the ship was late.", "Tom Herald", "PERSON"),
        (
            "United States Senator from Vermont Bernie Sanders ended his bid. Sanders said "
            "he was proud.",
            "Bernie Sanders",
            "PERSON",
        ),
        (
            "Ricardo Rosselló Nevares, Puerto Rico's governor, resigned. Rosselló said he "
            "would leave.",
            "Ricardo Rosselló Nevares",
            "PERSON",
        ),
    ],
)
def test_entity_types_against_the_tagger(nlp, text, name, type_):
    analysis = analyze(text, nlp=nlp)
    entity = _entity(analysis, name)
    assert entity is not None, [e.name for e in analysis.entities]
    assert entity.type == type_
