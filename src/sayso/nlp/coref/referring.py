"""The mentions that refer back to an entity without naming it: pronouns and definite
descriptions ("the senator", "the newspaper", "his campaign").

Each is read off the parse once, with what the ranker needs to know about it: its kind,
its grammatical role, its gender and, for a description, its head noun and modifiers.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Token

from sayso.nlp.columns import positions_with_lemma, positions_with_lower, positions_with_pos
from sayso.nlp.coref.gender import PRONOUN_GENDER, Gender, noun_gender
from sayso.nlp.coref.lexicon import (
    DESCRIPTION_NOUNS,
    ORG_NOUNS,
    PARTY_MEMBER_NOUNS,
    PERSON_DESCRIPTION_NOUNS,
)

PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
NEUTER_PRONOUNS = frozenset({"it", "its", "itself"})
REFERRING_PRONOUNS = frozenset(PRONOUN_GENDER) | PLURAL_PRONOUNS | NEUTER_PRONOUNS

_SUBJECT = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_OBJECT = frozenset({"dobj", "iobj", "dative", "oprd", "attr"})


@dataclass(slots=True)
class Referring:
    """A pronoun or description to resolve. ``start``/``end``/``head`` are token indices."""

    kind: str  # "he", "they", "it", "person", "org"
    start: int
    end: int
    head: int
    role: str  # "subj", "obj", "poss", "pobj", "other"
    gender: Gender | None = None
    noun: str = ""  # the head lemma of a description
    modifiers: tuple[str, ...] = ()  # lower-cased modifiers of a description
    possessor: int | None = None  # token of "his" in "his campaign"


def grammatical_role(token: Token) -> str:
    dep = token.dep_
    if dep in _SUBJECT:
        return "subj"
    if dep in _OBJECT:
        return "obj"
    if dep == "poss":
        return "poss"
    if dep == "pobj":
        return "pobj"
    return "other"


def find_referring(
    doc: Doc, named: set[int], sent_starts: list[int], sent_of: list[int]
) -> list[Referring]:
    """Every third-person pronoun and definite description of ``doc`` in text order;
    tokens in ``named`` already belong to a named mention and are skipped."""
    found: list[Referring] = []
    pronouns = set(positions_with_lower(doc, REFERRING_PRONOUNS))
    pronouns.intersection_update(positions_with_pos(doc, (PRON,)))
    for i in sorted(pronouns - named):
        token = doc[i]
        lower = token.lower_
        if lower in PLURAL_PRONOUNS:
            kind = "they"
        elif lower in NEUTER_PRONOUNS:
            kind = "it"
        else:
            kind = "he"
        found.append(
            Referring(kind, i, i + 1, i, grammatical_role(token), PRONOUN_GENDER.get(lower))
        )
    nouns = set(positions_with_lemma(doc, DESCRIPTION_NOUNS.__contains__))
    nouns.intersection_update(positions_with_pos(doc, (NOUN, PROPN)))
    for i in sorted(nouns - named):
        description = _description(doc[i], sent_starts[sent_of[i]])
        if description is not None:
            found.append(description)
    found.sort(key=lambda m: m.start)
    return found


def _description(head: Token, sentence_start: int) -> Referring | None:
    """ "the senator", "The New York businessman", "his campaign": a singular noun phrase
    with a definite determiner or a possessive pronoun, naming no one itself."""
    if head.tag_ in {"NNS", "NNPS"} and head.lemma_.lower() not in ORG_NOUNS:
        return None
    if head.ent_type_ == "PERSON" or head.dep_ == "compound":
        return None
    doc = head.doc
    start = head.i
    while (
        start - 1 >= sentence_start
        and doc[start - 1].head.i == head.i
        and doc[start - 1].dep_ in {"amod", "compound", "det", "poss", "nmod", "nummod"}
    ):
        start -= 1
    # A name inside the phrase makes it a name's ("the Clinton campaign"), unless it is a
    # modifier that only says where the person is from or works ("The Indiana governor").
    first = doc[start]
    possessor = None
    if first.lower_ in {"his", "her", "its", "their"} and first.dep_ == "poss":
        possessor = first.i
    elif first.dep_ == "poss" and first.pos_ == "PROPN" and head.lemma_.lower() in _OWNED:
        possessor = first.i  # "Clinton's team", "Trump's campaign", "Obama's office"
    elif first.lower_ not in {"the", "this", "that"}:
        return None
    if any(c.dep_ == "appos" or (c.dep_ == "compound" and c.i > head.i) for c in head.children):
        return None  # "the senator, Lindsey Graham," is named right there
    following = doc[head.i + 1 : head.i + 3]
    if any(t.ent_type_ == "PERSON" for t in following if not t.is_punct or t.text == ","):
        return None  # "the senator Lindsey Graham", "the nominee, Donald J. Trump"
    lemma = head.lemma_.lower()
    kind = "org" if lemma in ORG_NOUNS else "person"
    if kind == "person" and lemma not in PERSON_DESCRIPTION_NOUNS | PARTY_MEMBER_NOUNS:
        return None
    modifiers = tuple(
        t.lower_ for t in doc[start : head.i] if t.i != possessor and t.lower_ not in _ARTICLES
    )
    return Referring(
        kind,
        start,
        head.i + 1,
        head.i,
        grammatical_role(head),
        noun_gender(lemma),
        noun=lemma,
        modifiers=modifiers,
        possessor=possessor,
    )


_ARTICLES = frozenset({"the", "this", "that", "a", "an"})
# Nouns whose possessor they stand for or belong to: "his office", "Clinton's campaign".
_OWNED = frozenset({"campaign", "team", "staff", "office", "camp"})
