"""When a resolved entity is the annotated one: the matching rule of ``sayso eval speakers``.

The gold of ``polnear-speakers`` names each referent by its full name as the article
introduces it ("Donald J. Trump", "The New York Post", "Barack Obama & Hillary Clinton");
sayso names an entity by the name it read ("Donald Trump", "Post", "Trump"). One function,
:func:`entity_matches`, decides whether the two denote the same referent; the rule, case by
case, is in ``docs/accuracy.md`` ("The matching rule") and each case is a unit test
(``tests/eval/test_matching.py``).

In short: people are compared by their cross-article key (``sayso.canon.names.person_key``:
surname and given name, spelling- and nickname-insensitive) after titles, suffixes, middle
initials and possessives are dropped; organisations by their words, case, determiners,
possessives, full stops and corporate suffixes ignored, or as an acronym of the other. A
shorter prediction (a bare surname, "the Post") counts only when it cannot mean anyone else
in the article and the analysis has no entity under the full annotated name (if it has one,
the resolver chose a duplicate). A join "A & B" is right only when the prediction names every
member and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum
from functools import lru_cache

from sayso.canon.gazetteer import ascii_fold
from sayso.canon.names import NAME_PARTICLES, person_key, skeleton
from sayso.nlp.lexicon import TITLE_WORDS

JOIN = " & "

# Words before a name that are not part of it ("Mr.", "Sen.", "President", "First Lady").
_PERSON_TITLES = frozenset(w.strip(".") for w in TITLE_WORDS) | frozenset(
    "mr mrs ms miss mx dr prof rev fr sen rep gov lt sgt capt cpt maj col gen adm supt the "
    "u.s us".split()
)
_SUFFIXES = frozenset("jr sr ii iii iv v phd md esq".split())
_ORG_SUFFIXES = frozenset("inc corp corporation co ltd llc plc".split())
_ORG_STOPWORDS = frozenset("of the and for on in to at a an".split())
# The one alias PolNeAR's political news uses all the time and no acronym rule can find.
_ORG_ALIASES = {"gop": "republican party", "grand old party": "republican party"}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_JOIN_SPLIT = re.compile(r"\s*(?:&|,|\band\b)\s*")


class Verdict(StrEnum):
    """How a prediction relates to the annotated referent."""

    FULL = "full"  # the same referent under its name (or a fuller one, or an acronym)
    SHORT = "short"  # a short form of it that means no one else in the article: right
    DUPLICATE = "duplicate"  # a short form, but the analysis has the full entity apart: wrong
    AMBIGUOUS = "ambiguous"  # a short form another referent of the article shares: wrong
    NONE = "none"  # another referent, or not a name: wrong


RIGHT = frozenset({Verdict.FULL, Verdict.SHORT})


def entity_matches(
    gold: str,
    label: str,
    predicted: str,
    *,
    entities: Iterable[str] = (),
    gold_names: Iterable[str] = (),
) -> bool:
    """Whether ``predicted`` (the resolved entity's name) is the annotated ``gold`` referent.

    ``label`` is the gold label, NAME (a person) or ORG. ``entities`` are the names of the
    article's entities in the analysis; ``gold_names`` the referents annotated elsewhere in
    the article. Both only matter for a shorter prediction: it counts when no other person
    (organisation) of the article shares it and the analysis has no entity under the full
    annotated name. :func:`match_verdict` says why.
    """
    verdict = match_verdict(gold, label, predicted, entities=entities, gold_names=gold_names)
    return verdict in RIGHT


def match_verdict(
    gold: str,
    label: str,
    predicted: str,
    *,
    entities: Iterable[str] = (),
    gold_names: Iterable[str] = (),
) -> Verdict:
    """The matching rule: :func:`entity_matches`, with the reason."""
    if not predicted.strip() or not gold.strip():
        return Verdict.NONE
    entities = tuple(entities)
    gold_names = tuple(gold_names)
    if JOIN not in gold:
        return _one_verdict(gold, label, predicted, entities, gold_names)
    members = [m for m in gold.split(JOIN) if m.strip()]
    parts = [p for p in _JOIN_SPLIT.split(predicted) if p.strip()]
    if len(parts) < 2:
        return Verdict.NONE  # one member of a join is not the join
    pairs = {
        (m, p): _one_verdict(m, label, p, entities, gold_names) in RIGHT
        for m in members
        for p in parts
    }
    every_member = all(any(pairs[m, p] for p in parts) for m in members)
    nothing_else = all(any(pairs[m, p] for m in members) for p in parts)
    return Verdict.FULL if every_member and nothing_else else Verdict.NONE


def _one_verdict(
    gold: str, label: str, predicted: str, entities: tuple[str, ...], gold_names: tuple[str, ...]
) -> Verdict:
    match = _person_match if label == "NAME" else _organisation_match
    verdict = match(gold, predicted)
    if verdict != Verdict.SHORT:
        return verdict
    others = [name for name in gold_names + entities if name != predicted]
    for other in (m for name in others for m in name.split(JOIN)):
        if match(other, predicted) == Verdict.SHORT and match(gold, other) != Verdict.FULL:
            return Verdict.AMBIGUOUS
    if any(match(gold, name) == Verdict.FULL for name in entities):
        return Verdict.DUPLICATE
    return Verdict.SHORT


# -- people ---------------------------------------------------------------------------------


def _person_name(name: str) -> list[str]:
    """A person's name without titles ("Mr.", "Sen.", "President"), suffixes ("Jr.",
    "III"), middle initials ("J."), a possessive and a handle's "@"; empty when the name
    does not end in a capitalised word or a handle, as no person's name does ("he",
    "Trump campaign")."""
    words = [w for w in re.split(r"\s+", name.replace(",", " ").strip()) if w]
    words = [_POSSESSIVE.sub("", w) if i == len(words) - 1 else w for i, w in enumerate(words)]
    if not words or not (words[-1][:1].isupper() or words[-1].startswith("@")):
        return []
    words = [w.lstrip("@") for w in words if w.lstrip("@")]
    while len(words) > 1 and words[0].lower().strip(".") in _PERSON_TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1].lower().strip(".") in _SUFFIXES:
        words = words[:-1]
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if len(w.strip(".")) > 1), words[-1]]
    return [w for w in words if skeleton(w)]


@lru_cache(maxsize=4096)
def person_words(name: str) -> tuple[str, ...]:
    """The words of a person's name (:func:`_person_name`), spelling-insensitive
    (``sayso.canon.names.skeleton``)."""
    return tuple(skeleton(w) for w in _person_name(name))


@lru_cache(maxsize=4096)
def person_parts(name: str) -> tuple[str, str | None]:
    """(surname key, given-name key or None) of a person's name: the key of
    ``sayso.canon.names.person_key`` (surname with its particles, given name with its
    nickname class: "Bill" is "William") of the name as :func:`_person_name` cleans it. A
    name that starts with a particle ("Van Voorhis", "De Blasio") is a surname."""
    words = _person_name(name)
    if not words:
        return "", None
    if words[0].lower() in NAME_PARTICLES:
        words = ["".join(words)]
    # A handle or a lower-case name gets no key (it may be no name at all): its own
    # spelling stands for its surname here, where the gold says it is a person.
    key = (person_key(" ".join(words)) or f"person:{skeleton(words[-1])}").split(":")
    surname = key[1] if len(key) > 1 else ""
    given = key[2] if len(key) > 2 else None
    if given is None and len(words) > 1:
        given = skeleton(words[0])  # a patronymic-looking first word: keep it
    return surname, given


def _person_match(gold: str, predicted: str) -> Verdict:
    g_surname, g_given = person_parts(gold)
    p_surname, p_given = person_parts(predicted)
    if not g_surname or not p_surname:
        return Verdict.NONE
    if g_given is None:
        # The gold itself is one word ("Melanie", "@nycsouthpaw"): the same word, as the
        # prediction's surname or first name.
        return Verdict.FULL if g_surname in {p_surname, p_given} else Verdict.NONE
    if p_given is None:
        return Verdict.SHORT if p_surname == g_surname else Verdict.NONE  # a bare surname
    if g_surname == p_surname:
        if g_given == p_given:
            return Verdict.FULL
        if (len(g_given) == 1 or len(p_given) == 1) and g_given[0] == p_given[0]:
            return Verdict.FULL  # "J. Smith" and "John Smith"
    g_words, p_words = person_words(gold), person_words(predicted)
    if len(g_words) > len(p_words) >= 2 and g_words[-len(p_words) :] == p_words:
        return Verdict.SHORT  # "Guajardo Villarreal" of "Ildefonso Guajardo Villarreal"
    return Verdict.NONE


# -- organisations --------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def organisation_words(name: str) -> tuple[str, ...]:
    """An organisation's name as lowercase ASCII words: determiners, possessives, full stops
    ("F.B.I." is "fbi"), punctuation and corporate suffixes dropped, "&" read as "and"."""
    text = _fold(name).lower().replace("&", " and ")
    text = re.sub(r"(?:'s|')(?=\s|$)", "", text)
    text = text.replace(".", "")
    text = re.sub(r"[^a-z0-9@ ]+", " ", text)
    words = text.split()
    while words and words[0] in {"the", "a", "an"}:
        words = words[1:]
    while len(words) > 1 and (words[-1] in _ORG_SUFFIXES or words[-1] == "and"):
        words = words[:-1]  # "Wells Fargo & Co."
    alias = _ORG_ALIASES.get(" ".join(words))
    return tuple(alias.split()) if alias else tuple(words)


def _head(words: tuple[str, ...]) -> str:
    """The head word of an organisation's name: the last one before "of" ("department" of
    "department of homeland security"), else the last."""
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    return words[-1] if words else ""


def _acronym(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    if len(short) != 1 or len(short[0]) < 2 or len(long) < 2:
        return False
    every = "".join(w[0] for w in long)
    content = "".join(w[0] for w in long if w not in _ORG_STOPWORDS)
    return short[0] in {every, content}


def _organisation_match(gold: str, predicted: str) -> Verdict:
    g = organisation_words(gold)
    p = organisation_words(predicted)
    if not g or not p:
        return Verdict.NONE
    if g == p or _acronym(p, g) or _acronym(g, p):
        return Verdict.FULL
    if len(p) < len(g) and g[: len(p)] == p and p[-1] not in _ORG_STOPWORDS:
        return Verdict.SHORT  # a company by its first words: "Peabody" for "Peabody Energy"
    if _head(g) != _head(p):
        return Verdict.NONE
    if set(g) < set(p):
        return Verdict.FULL  # a fuller name: "Hillary Clinton campaign" for "Clinton campaign"
    if set(p) < set(g):
        return Verdict.SHORT  # "Post" for "New York Post", "Trump campaign" for "Donald Trump's"
    return Verdict.NONE


def _fold(text: str) -> str:
    return ascii_fold(text).replace("’", "'")
