"""Helpers that read mentions of people, places and groups off the parse.

Pure functions of spaCy tokens and spans, shared by the speaker resolver and the linker.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from sayso.link.gazetteer import gazetteer
from sayso.link.names import NAME_PARTICLES
from sayso.nlp.lexicon import (
    ANONYMOUS_HEADS,
    GROUP_HEADS,
    LEADER_TITLES,
    ROLE_NOUNS,
    TITLE_WORDS,
)

_POSSESSIVE = ("’s", "'s", "’", "'")


def nationality_of(text: str) -> str | None:
    """The country (or bloc) the first nationality adjective of ``text`` names, from the
    gazetteer's one demonym table: "the Bolivian president" -> "Bolivia"."""
    gaz = gazetteer()
    for word in text.replace("’s", "").replace("'s", "").split():
        country = gaz.nationality(word.strip(",."))
        if country:
            return country
    return None


def strip_determiner(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in {"a", "an", "the"}:
        words = words[1:]
    return " ".join(words)


def surnames_of(name: str) -> set[str]:
    """The words a person's name may be shortened to: the last one, and for names of three
    words or more the capitalised ones after the first ("Ricardo Rosselló Nevares" is
    "Rosselló" as often as "Nevares")."""
    words = name.split()
    found = {words[-1]} if words else set()
    if len(words) >= 3:
        found.update(
            word
            for word in words[1:-1]
            if word[:1].isupper()
            and not word.isupper()
            and len(word.strip(".")) > 1
            and word.lower() not in NAME_PARTICLES
        )
    return found


def organisation_head(name: str) -> str:
    """The head noun of an organisation's name: "Department" of "California Department of
    Corrections and Rehabilitation", "Commission" of "European Commission"."""
    words = name.split()
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    return words[-1] if words else name


def strip_possessive(ent: Span) -> tuple[int, int]:
    start, end = ent.start, ent.end
    doc = ent.doc
    while end > start and (
        doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space
    ):
        end -= 1
    while start < end and (
        doc[start].lower_ == "the" or doc[start].is_punct or doc[start].is_space
    ):
        start += 1
    return start, end


def title_start(doc: Doc, start: int) -> int:
    """Where a title before a name begins: "Russian President| Vladimir Putin"."""
    i = start
    while i - 1 >= 0:
        token = doc[i - 1]
        lower = token.lower_
        is_title_word = lower in TITLE_WORDS and (
            token.is_title or token.is_upper or lower in {"former", "deputy", "acting", "vice"}
        )
        nationality = (token.ent_type_ == "NORP" or nationality_of(lower) is not None) and i < start
        if is_title_word or (nationality and doc[i].lower_ in TITLE_WORDS):
            i -= 1
        else:
            break
    return i


def is_role_phrase(token: Token) -> bool:
    return (
        token.pos_ in {"NOUN", "PROPN"}
        and any(t.lemma_.lower() in ROLE_NOUNS or t.lower_ in ROLE_NOUNS for t in token.subtree)
        and token.ent_type_ != "PERSON"
    )


def role_text(token: Token, stop: int | None = None) -> str:
    tokens = [
        t
        for t in token.subtree
        if (stop is None or t.i < stop)
        and not any(a.dep_ == "appos" and a.i != token.i for a in ancestors_within(t, token))
        and not (t.dep_ == "appos" and t.i != token.i)
    ]
    text = token.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else token.text
    return strip_determiner(text.strip(" ,"))


def ancestors_within(token: Token, root: Token) -> list[Token]:
    """Ancestors of ``token`` below ``root``."""
    found = []
    for ancestor in token.ancestors:
        if ancestor.i == root.i:
            break
        found.append(ancestor)
    return found


def upgrade_title(role: str, nationality: str | None) -> str:
    if nationality is None or nationality_of(role) is not None:
        return role
    if role.lower() in LEADER_TITLES:
        return f"{role} of {nationality}"
    return role


def definite_role_np(head: Token) -> Span | None:
    """ "the MP", "The official", "the French leader": a definite role noun, no name."""
    if head.tag_ in {"NNS", "NNPS"} or head.ent_type_ == "PERSON":
        return None
    if any(
        c.dep_ in {"appos", "compound"} and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"
        for c in head.children
    ):
        return None
    start = head.i
    while (
        start - 1 >= head.sent.start
        and head.doc[start - 1].dep_ in {"amod", "compound", "det"}
        and head.doc[start - 1].head.i == head.i
    ):
        start -= 1
    first = head.doc[start]
    if first.lower_ != "the":
        return None
    if head.i + 1 < len(head.doc) and head.doc[head.i + 1].ent_type_ == "PERSON":
        return None
    return head.doc[start : head.i + 1]


def is_anonymous(span: Span, head: Token) -> bool:
    lemma = head.lower_
    if lemma not in ANONYMOUS_HEADS and head.lemma_.lower() not in ANONYMOUS_HEADS:
        return False
    if head.ent_type_ == "PERSON" or any(c.dep_ == "appos" for c in head.children):
        return False
    first = span[0].lower_
    plural = head.tag_ in {"NNS", "NNPS"}
    return (
        plural
        or first in {"a", "an", "one", "another", "some"}
        or first not in {"the", "this", "that"}
    )


def is_group(span: Span, head: Token) -> bool:
    if head.tag_ not in {"NNS", "NNPS"}:
        return head.ent_type_ == "NORP" and head.tag_ == "NNPS"
    return (
        head.lower_ in GROUP_HEADS
        or head.ent_type_ == "NORP"
        or any(t.ent_type_ in {"ORG", "GPE", "NORP"} for t in span)
    )


def parenthesised_acronym(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """ "Parliamentary Assembly of the Council of Europe (PACE)": the tagger often swallows
    the acronym into the name; return its token range so that it becomes an alias."""
    for i in range(start + 1, min(end + 1, len(doc) - 1)):
        if doc[i].text == "(" and doc[i + 1].is_upper and len(doc[i + 1].text) >= 2:
            return i + 1, i + 2
    return None


def is_acronym_of(short: str, long: str) -> bool:
    """ "SEC", "S.E.C." and "the U.N." are acronyms of "Securities and Exchange
    Commission" and "United Nations"."""
    short = short.replace(".", "")
    if not short.isalpha() or len(short) < 2:
        return False
    initials = "".join(w[0] for w in long.split() if w[0].isupper())
    return short.upper() == initials
