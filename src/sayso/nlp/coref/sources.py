"""What a source that names no one stands for, by the conventions of news attribution.

* **Anonymous**: unnamed individuals used as sources: "a source", "officials", "one GOP
  operative", "a federal judge", "two Democratic speechwriters". The affiliation stays
  ("officials of the GOP" are anonymous, affiliated with the GOP).
* **Group**: collective categories: "Republicans", "voters", "analysts", "many colleges",
  "63 percent of voters", "a group of doctors", "exit polls", "no one".
* **An organisation's voice**: "a spokesman for Disney", "Disney's spokeswoman",
  "officials at the agency", "police officials" speak for the organisation; "a Smith
  spokesperson", "his office" for the person.
* **Documents**: "the report", "the poll", "the ad" speak for their issuer when the article
  says who that is ("a Bloomberg poll", "the RNC's ad", "a report by the GAO").

The classification reads the noun phrase's head, determiner, number and modifiers; the
resolver turns it into an entity. These are the conventions of the PolNeAR speaker
annotation (``polnear-speakers/README.md``), which follow newsroom usage.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

# Plural nouns for unnamed people speaking in an official or personal capacity: each of
# them is an individual source the reporter talked to.
ANONYMOUS_PLURALS = frozenset(
    """
    sources officials aides insiders staffers investigators authorities attorneys lawyers
    journalists reporters speechwriters advisers advisors diplomats employees agents
    operatives strategists officers prosecutors detectives witnesses confidants associates
    friends relatives negotiators organizers organisers representatives sources
    """.split()
)
# Singular heads that are anonymous even when definite: "the source said".
ALWAYS_ANONYMOUS = frozenset({"source", "insider", "whistleblower", "someone", "somebody"})
# Pronouns and quantifiers that stand for a collective: "no one", "many", "all".
GROUP_WORDS = frozenset(
    """
    everyone everybody all many most few some others nobody none anyone anybody both
    several majority minority
    """.split()
)
SPOKESPERSON_NOUNS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen"}
)
OFFICIAL_PLURALS = frozenset({"officials", "representatives", "leaders", "police"})
DOCUMENT_NOUNS = frozenset(
    """
    report memo poll survey study ad advertisement video clip statement letter email
    complaint ruling analysis audit filing lawsuit book article data release document
    paper tweet post editorial brief findings projection estimate
    """.split()
)
# Collections that speak for their issuer ("DNC rules"); leaked "emails" stay unresolved
# unless the article says whose they are.
PLURAL_DOCUMENTS = frozenset({"rule", "record", "document", "email", "file", "figure", "guideline"})
_INDEFINITE = frozenset({"a", "an", "one", "another", "some", "any"})
_QUANTITY_HEADS = frozenset({"percent", "%", "majority", "number", "group", "handful", "third"})
_ISSUING_VERBS = frozenset(
    {"release", "publish", "issue", "conduct", "air", "run", "commission", "produce"}
)
_ORG_VOICE_PREPS = frozenset({"for", "at", "of", "from", "with"})


@dataclass(frozen=True, slots=True)
class SourceKind:
    """``kind`` is "anonymous", "group", "voice" (of ``owner``) or "document" (of
    ``owner``, the issuer); ``owner`` is the token of the organisation or person."""

    kind: str
    owner: Token | None = None


def classify(span: Span, head: Token) -> SourceKind | None:
    """The kind of a source mention that names no one, or None for names, pronouns and
    descriptions (the mention ranker resolves those)."""
    lower = head.lower_
    lemma = head.lemma_.lower()
    plural = head.tag_ in {"NNS", "NNPS"}
    first = span[0].lower_
    if head.ent_type_ == "PERSON" or any(c.dep_ == "appos" for c in head.children):
        return None
    if head.pos_ == "PRON":
        if lower in {"everyone", "everybody", "nobody", "anyone", "anybody"} or (
            lower == "one" and first in {"no", "not"}
        ):
            return SourceKind("group")
        if lower in {"someone", "somebody"}:
            return SourceKind("anonymous")
        if lower in GROUP_WORDS and head.tag_ != "PRP":
            return SourceKind("group")
        return None
    if lower in GROUP_WORDS and head.pos_ in {"DET", "ADJ", "NOUN", "NUM"}:
        return SourceKind("group")  # "all", "many", "most of them"
    if head.pos_ == "PROPN" and not (plural and head.ent_type_ == "NORP"):
        return None
    if lemma in SPOKESPERSON_NOUNS or lower in SPOKESPERSON_NOUNS:
        owner = voice_owner(head)
        return SourceKind("voice", owner) if owner is not None else SourceKind("anonymous")
    if lower in OFFICIAL_PLURALS:
        owner = voice_owner(head)
        if owner is not None:
            return SourceKind("voice", owner)
        return SourceKind("anonymous") if lower != "leaders" else SourceKind("group")
    if lemma in DOCUMENT_NOUNS and head.pos_ == "NOUN":
        return SourceKind("document", document_issuer(head))
    if head.like_num or head.pos_ == "NUM":
        # "63 percent of voters", "two of the officials"; a bare number is no one
        return SourceKind("group") if len(span) > 1 else None
    if lemma in _QUANTITY_HEADS:
        return SourceKind("group")  # "a majority of voters", "a group of doctors"
    if plural and lemma in PLURAL_DOCUMENTS:
        # "DNC rules", "the records": a collection speaks for whoever issued it, if said
        return SourceKind("document", document_issuer(head))
    if plural and head.pos_ in {"NOUN", "PROPN"}:
        if _counted(head) and lower in ANONYMOUS_PLURALS | {"journalists", "members"}:
            return SourceKind("anonymous")  # "two Democratic speechwriters"
        if lower in ANONYMOUS_PLURALS:
            return SourceKind("anonymous")
        return SourceKind("group")
    if lemma in ALWAYS_ANONYMOUS:
        return SourceKind("anonymous")
    if head.pos_ == "NOUN" and first in _INDEFINITE:
        return SourceKind("anonymous")  # "a friend", "one questioner", "a federal judge"
    return None


def _counted(head: Token) -> bool:
    return any(c.dep_ == "nummod" for c in head.children)


def voice_owner(head: Token) -> Token | None:
    """The organisation or person a spokesperson or officials speak for: "a spokesman for
    Disney", "Disney's spokeswoman", "a Disney spokesman", "officials at the agency"."""
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ in {"PROPN", "PRON", "NOUN"}:
            return child
        if (
            child.dep_ == "compound"
            and child.i < head.i
            and (child.pos_ == "PROPN" or child.lower_ in {"administration", "campaign", "police"})
        ):
            return child
        if child.dep_ == "prep" and child.lower_ in _ORG_VOICE_PREPS:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ in {"ORG", "PERSON"}):
                return obj
    return None


def document_issuer(head: Token) -> Token | None:
    """Who issued a document, when the phrase says: "Bloomberg's poll", "a CNN/ORC poll",
    "a report by the GAO", "a report from the Pentagon"."""
    for child in head.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ in {"compound", "nmod"} and child.pos_ == "PROPN":
            return child
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
        if child.dep_ == "acl":  # "a study released by the group"
            for grandchild in child.children:
                if grandchild.dep_ == "agent":
                    obj = next((c for c in grandchild.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        return obj
    verb = head.head
    if head.dep_ in {"dobj"} and verb.lemma_ in {
        "release",
        "publish",
        "issue",
        "conduct",
        "air",
        "run",
        "commission",
        "produce",
    }:
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None
