"""Capital-for-government metonymy: "Paris is considering" is France; "in Paris" is a place.

The decision reads the dependency parse around the mention. A capital that acts (subject
of a verb of deciding, saying, wanting), owns ("Kiev's units"), is acted upon as a party
("aid Kiev", "talks with Moscow", "the fight against Moscow") stands for its government.
A capital after a preposition of place or motion ("in", "to", "near"), the object of a
verb of movement or attack ("visited Paris", "shelled Kyiv"), or the subject of a verb
that happens to places ("Kyiv was hit") is the city.
"""

from __future__ import annotations

from spacy.tokens import Token

# Prepositions that locate or move: their object is a place.
PLACE_PREPOSITIONS = frozenset(
    """
    in at near outside inside around across into onto through throughout toward towards
    within over above below beyond via along past from to off
    """.split()
)
# Prepositions that make their object a party: "against Moscow", "with Beijing".
PARTY_PREPOSITIONS = frozenset("against with between by for on upon versus vs".split())
# Words whose "for" is a destination: "bound for Jakarta", "left for Paris".
DEPARTURE_WORDS = frozenset("bound leave depart head sail set fly board".split())
# Verbs whose direct object is a place, and verbs of motion whose "to"/"from" is a place.
PLACE_VERBS = frozenset(
    """
    visit reach leave enter tour attack bomb shell strike hit capture take seize encircle
    besiege evacuate liberate occupy surround raid storm fly travel go come move return arrive
    head flee relocate march advance retreat approach shift transfer rocket target
    """.split()
)
# Predicates of which a city, not a government, is the subject.
PLACE_SUBJECT_VERBS = frozenset(
    """
    host lie sit stand border remain suffer hit shell bomb attack strike flood burn shake rock
    sleep wake celebrate mourn swelter freeze
    """.split()
)
# Adjectives after "be" that describe a government's attitude ("Moscow is ready").
ATTITUDE_ADJECTIVES = frozenset(
    """
    afraid ready willing unwilling determined eager keen reluctant unhappy happy concerned
    worried opposed open prepared aware furious angry confident convinced interested
    committed likely unlikely able unable
    """.split()
)
# Nouns that belong to a government when a capital owns them ("Moscow's position").
PARTY_NOUNS = frozenset(
    """
    government regime authorities administration leadership officials units troops forces
    army military position policy stance decision response reaction demand demands request
    proposal plan plans offer support criticism pressure threat threats warning warnings aid
    relations ties approval opposition statement claims claim allies ally partners interests
    """.split()
)
# Nouns that belong to the city ("Paris suburbs", "Kyiv's mayor").
CITY_NOUNS = frozenset(
    """
    mayor residents resident streets street suburbs suburb centre center outskirts airport
    metro subway population district districts citizens inhabitants skyline hospitals
    hospital station museum museums university neighbourhood neighborhood city region oblast
    """.split()
)


def is_government_use(token: Token) -> bool:
    """Whether the capital named by ``token`` (the head of its name) stands for its
    country's government in this sentence."""
    if _qualifies_a_place(token):
        return False
    dep = token.dep_
    head = token.head
    if dep in {"nsubj", "nsubjpass", "csubj"}:
        return _subject_is_government(token, head)
    if dep == "agent" or (dep == "pobj" and head.dep_ == "agent"):
        return True
    if dep == "poss":
        return _owner_is_government(head)
    if dep == "compound":
        return head.lemma_.lower() in PARTY_NOUNS and head.lemma_.lower() not in CITY_NOUNS
    if dep == "pobj":
        return _object_of_preposition_is_government(head)
    if dep in {"dobj", "dative", "obj"}:
        return head.lemma_.lower() not in PLACE_VERBS
    if dep == "conj":
        return is_government_use(_first_conjunct(token))
    return False


def _qualifies_a_place(token: Token) -> bool:
    """ "Seattle, Washington": a name right after another place and a comma is the state
    or country that place is in, whatever the parser made of it."""
    doc = token.doc
    i = token.left_edge.i
    return i >= 2 and doc[i - 1].text == "," and doc[i - 2].ent_type_ in {"GPE", "LOC"}


def _subject_is_government(token: Token, verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in PLACE_SUBJECT_VERBS:
        return False
    if lemma == "be":
        complement = next((c for c in verb.children if c.dep_ in {"acomp", "attr"}), None)
        return complement is not None and complement.lemma_.lower() in ATTITUDE_ADJECTIVES
    return verb.pos_ in {"VERB", "AUX"}


def _owner_is_government(owned: Token) -> bool:
    lemma = owned.lemma_.lower()
    if lemma in CITY_NOUNS:
        return False
    return lemma in PARTY_NOUNS or owned.pos_ == "NOUN"


def _object_of_preposition_is_government(preposition: Token) -> bool:
    word = preposition.lower_
    attached_to = preposition.head
    if word == "for" and {attached_to.lemma_.lower(), attached_to.lower_} & DEPARTURE_WORDS:
        return False  # "bound for Jakarta", "left for Paris"
    if word in PARTY_PREPOSITIONS:
        return True
    if word in {"from", "of"} and attached_to.pos_ == "NOUN":
        # "pressure from Moscow", "the position of Kyiv" vs "the mayor of Paris".
        return attached_to.lemma_.lower() in PARTY_NOUNS
    if word == "to" and attached_to.pos_ == "VERB":
        # "sent aid to Kyiv" (a recipient) vs "travelled to Kyiv" (a destination).
        return attached_to.lemma_.lower() not in PLACE_VERBS and _has_theme(attached_to)
    return word not in PLACE_PREPOSITIONS and word not in {"from", "of", "to"}


def _has_theme(verb: Token) -> bool:
    """ "send aid to Kyiv": a verb of giving with its object is a transfer to a party,
    unless what is sent is people or weapons going somewhere."""
    for child in verb.children:
        if child.dep_ == "dobj":
            return child.lemma_.lower() not in {"troop", "soldier", "force", "unit", "army"}
    return False


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token
