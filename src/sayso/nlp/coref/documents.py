"""Documents that speak for their issuer ("the poll found", "the report says"), and the
check that keeps what is not a name from becoming a speaker."""

from __future__ import annotations

from spacy.symbols import NOUN
from spacy.tokens import Doc, Span, Token

from sayso.nlp.columns import positions_with_lemma, positions_with_pos
from sayso.nlp.coref.sources import DOCUMENT_NOUNS, document_issuer
from sayso.nlp.drafts import EntityDraft

# Documents of one kind: "a Bloomberg poll ... the survey" is one document.
_KIND = {
    "survey": "poll",
    "advertisement": "ad",
    "video": "ad",
    "clip": "ad",
    "spot": "ad",
    "study": "report",
    "analysis": "report",
    "audit": "report",
    "findings": "report",
    "paper": "report",
}


def document_kind(lemma: str) -> str:
    return _KIND.get(lemma, lemma)


class DocumentIssuers:
    """Every document noun of the article with the entity that issued it, when the phrase
    says ("a Bloomberg poll", "the RNC's ad", "a study by the fund")."""

    def __init__(self, doc: Doc, by_token: dict[int, EntityDraft]) -> None:
        self._found: list[tuple[int, str, EntityDraft]] = []
        nouns = set(positions_with_lemma(doc, DOCUMENT_NOUNS.__contains__))
        for i in sorted(nouns.intersection(positions_with_pos(doc, (NOUN,)))):
            token = doc[i]
            issuer = document_issuer(token)
            entity = _entity_at(issuer, by_token) if issuer is not None else None
            if entity is not None:
                self._found.append((i, document_kind(token.lemma_.lower()), entity))

    def issuer_before(self, head: Token) -> EntityDraft | None:
        """ "the poll": the issuer of the latest poll named before it."""
        kind = document_kind(head.lemma_.lower())
        for i, found_kind, entity in reversed(self._found):
            if i < head.i and found_kind == kind:
                return entity
        return None


def _entity_at(token: Token, by_token: dict[int, EntityDraft]) -> EntityDraft | None:
    for candidate in (token, *token.children):
        entity = by_token.get(candidate.i)
        if entity is not None and entity.type in {"PERSON", "ORG", "COUNTRY", "GROUP"}:
            return entity
    return None


_MONTHS = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday
    """.split()
)
_NOT_NAMES = frozenset(
    {"a", "an", "the", "this", "that", "i", "it", "we", "you", "they", "he", "she", "people"}
)
_SPEAKING_TYPES = frozenset({"PERSON", "ORG", "NORP", "FAC", "GPE"})


def is_plausible_name(span: Span, head: Token) -> bool:
    """Whether a proper noun the resolver knows nothing of may be a speaker's name: tagged
    as a person, organisation or group, capitalised, and not a month, a weekday, a
    number or a determiner ("June in response to ...", "A" at a sentence start)."""
    lower = head.lower_.strip(".")
    if lower in _MONTHS or lower in _NOT_NAMES or not any(ch.isalpha() for ch in lower):
        return False
    if len(lower) < 2 or not (head.is_title or head.is_upper):
        return False
    return head.ent_type_ in _SPEAKING_TYPES and head.ent_type_ != "GPE"
