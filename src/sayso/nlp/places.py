"""Canonical places and groups while the speaker resolver builds an article's entities.

A mixin of :class:`sayso.nlp.speakers.SpeakerResolver`: countries, capitals, cities and
regions become one entity per canonical place (from :mod:`sayso.link.gazetteer`); a
capital used for its government ("Paris is considering") is a mention of its country,
recorded in ``metonyms``; "the Baltic states" and "NATO member states" become groups.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.symbols import PROPN
from spacy.tokens import Doc, Span

from sayso.link.gazetteer import Place, gazetteer
from sayso.link.metonymy import is_government_use
from sayso.link.tables import BLOC_ADJECTIVES, CAPITAL_OVERRIDES, MEMBER_NOUNS
from sayso.nlp.columns import positions_with_pos, positions_with_tag
from sayso.nlp.lexicon import TITLE_WORDS

if TYPE_CHECKING:
    from sayso.nlp.drafts import EntityDraft


class PlaceLinking:
    """Place and group linking; expects the resolver's drafts, token map and helpers."""

    doc: Doc
    entities: list[EntityDraft]
    _by_token: dict[int, EntityDraft]
    _surnames: set[str]
    _words: set[str] | None = None  # the document's words, read on first need

    def _new_entity(self, name: str, type_: str) -> EntityDraft:
        raise NotImplementedError

    def _link(self, draft: EntityDraft, start: int, end: int) -> None:
        raise NotImplementedError

    def _descriptive(self, span: Span, type_: str) -> EntityDraft:
        raise NotImplementedError

    def _place_mention(self, start: int, end: int, label: str) -> bool:
        """Link a country, capital, city or region to its canonical entity; a capital used
        for its government ("Paris is considering") joins the country. Demonyms tagged as
        places ("Ukrainian") are adjectives, not entities. True when the mention is done."""
        span = self.doc[start:end]
        if span.text in self._surnames:
            return False
        place = gazetteer().lookup(span.text)
        if place is None or place.kind == "org" or (label == "ORG" and place.kind != "country"):
            lower = span.text.lower()
            return label not in {"PERSON", "ORG"} and (
                gazetteer().demonym(lower) is not None or lower in BLOC_ADJECTIVES
            )
        if label == "PERSON" and not self._looks_like_place(place, span):
            return False
        person = self._person_named(span.text)
        if person is not None:
            self._link(person, start, end)  # "Valeska Paris … Paris claims": the person
            return True
        if place.kind == "city" and place.capital_of and is_government_use(span.root):
            draft = self._government_of(place)
            draft.metonyms.append((span.start_char, span.end_char))
        else:
            draft = self._place_draft(place)
        self._link(draft, start, end)
        return True

    def _untagged_places(self) -> None:
        """Countries and capitals the tagger missed or mislabelled ("Kiev’s" as a
        product): a proper noun the gazetteer knows as one is one."""
        for i in positions_with_pos(self.doc, (PROPN,)):
            token = self.doc[i]
            if token.pos_ != "PROPN" or token.i in self._by_token:
                continue
            if token.ent_type_ in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}:
                continue
            place = gazetteer().lookup(token.text)
            if place is not None and (place.kind == "country" or place.capital_of):
                self._place_mention(token.i, token.i + 1, "GPE")

    def _person_named(self, text: str) -> EntityDraft | None:
        for draft in self.entities:
            words = draft.name.split()
            if draft.type == "PERSON" and len(words) > 1 and words[-1] == text:
                return draft
        return None

    def _surname_like(self) -> set[str]:
        """ "Valeska Paris": a place name right after another capitalised name that is no
        place and no title is someone's surname, in every mention of the article."""
        found: set[str] = set()
        gaz = gazetteer()
        for i in positions_with_pos(self.doc, (PROPN,)):
            if i == 0:
                continue
            token, before = self.doc[i], self.doc[i - 1]
            if (
                token.pos_ == "PROPN"
                and before.pos_ == "PROPN"
                and before.is_title
                and before.lower_ not in TITLE_WORDS
                and gaz.lookup(before.text) is None
                and gaz.lookup(token.text) is not None
            ):
                found.add(token.text)
        return found

    def _looks_like_place(self, place: Place, span: Span) -> bool:
        """The tagger calls some capitals persons ("Kiev’s units"): trust the gazetteer
        only for a single word naming a country, or a capital whose country the article
        names."""
        if len(span) != 1:
            return False
        if place.kind == "country":
            return True
        country = gazetteer().country(place.capital_of)
        if country is None:
            return False
        if self._words is None:  # once per document: this ran over every token per capital
            self._words = {t.text for t in self.doc}
        return country.name.split()[0] in self._words

    def _government_of(self, capital: Place) -> EntityDraft:
        override = CAPITAL_OVERRIDES.get(capital.name.lower())
        if override is not None:
            organisation = gazetteer().lookup(override.split(":", 1)[1])
            if organisation is not None:
                return self._place_draft(organisation)
        country = gazetteer().country(capital.capital_of)
        return self._place_draft(country if country is not None else capital)

    def _place_draft(self, place: Place) -> EntityDraft:
        for draft in self.entities:
            if draft.canonical == place.key:
                return draft
        type_ = {"country": "COUNTRY", "city": "GPE", "region": "LOC", "group": "GROUP"}
        draft = self._new_entity(place.name, type_.get(place.kind, "ORG"))
        draft.canonical = place.key
        draft.country = place.country
        draft.members = [
            country.name for code in place.members if (country := gazetteer().country(code))
        ]
        return draft

    def _group_mentions(self) -> None:
        """ "the Baltic states" (known members), "NATO member states" (known by the
        organisation they belong to): group entities wherever they are named."""
        for i in positions_with_tag(self.doc, ("NNS",)):
            token = self.doc[i]
            if token.tag_ != "NNS" or token.lower_ not in MEMBER_NOUNS:
                continue
            start = token.i
            while start > token.sent.start and self.doc[start - 1].dep_ in {
                "amod",
                "compound",
                "nmod",
            }:
                start -= 1
            if start == token.i:
                continue
            span = self.doc[start : token.i + 1]
            place = gazetteer().lookup(span.text)
            if place is not None and place.kind == "group":
                draft = self._descriptive(span, "GROUP")
                draft.canonical, draft.members = place.key, self._place_draft(place).members
                continue
            found = (gazetteer().lookup(t.text) for t in span if t.pos_ == "PROPN")
            organisation = next((p for p in found if p is not None and p.kind == "org"), None)
            if organisation is not None:
                draft = self._descriptive(span, "GROUP")
                draft.canonical = f"group:{organisation.key.split(':', 1)[1]}-members"
                if organisation.name not in draft.affiliations:
                    draft.affiliations.append(organisation.name)
