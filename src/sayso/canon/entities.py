"""Canonical keys, countries and affiliations for the entities of one article.

Places and groups get theirs from the gazetteer while the speaker resolver builds them;
this pass adds what only the finished entity shows: a person's cross-article key
(:mod:`sayso.canon.names`) and the countries and organisations their roles name ("head of
Russia’s foreign intelligence service" is affiliated with Russia), an organisation's
canonical key (the gazetteer's for known ones, else a slug: :mod:`sayso.canon.keys`) and
country. A name with nothing usable gets no key rather than one it would share.

A person the tagger took for an organisation is made one entity with that person where
the article says so: an ORG named by one capitalised word that is the surname of one
PERSON of the same article ("Trump" beside "Donald Trump") gets that person's key and
type, as does a PERSON "Trump" the resolver left apart from "Donald Trump". Organisations
the gazetteer or the institutions table knows are never re-typed, and without exactly one
person of that surname in the article a one-word ORG stays an organisation: "Apple",
"Reuters", "Gazprom", and "Bloomberg" or "Ford", which are people too.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from sayso.canon.gazetteer import gazetteer, normalise
from sayso.canon.keys import group_key, org_key
from sayso.canon.names import parse_name, person_key, surname_key
from sayso.canon.tables import INSTITUTIONS
from sayso.model import Entity, EntityType

_WORD = re.compile(r"[\w.’'-]+")


def canonicalise_entities(entities: list[Entity]) -> None:
    """Fill ``canonical``, ``country`` and ``affiliations`` in place."""
    for entity in entities:
        if entity.type == "PERSON":
            entity.canonical = person_key(entity.name)
            _affiliate(entity, " ; ".join(entity.roles))
        elif entity.type == "ORG":
            _link_organisation(entity)
        elif entity.type in {"GROUP", "ANONYMOUS"}:
            if entity.canonical is None and entity.type == "GROUP":
                entity.canonical = group_key(entity.name)
            _affiliate(entity, entity.name)
    _bare_surnames(entities)


def _bare_surnames(entities: list[Entity]) -> None:
    """Give a bare surname the key of the one person of the article who has it: an ORG
    "Trump" (a person the tagger took for an organisation, made a PERSON) and a PERSON
    "Trump" the resolver did not join to "Donald Trump"."""
    by_surname: dict[str, set[str]] = {}
    for entity in entities:
        if entity.type == "PERSON" and entity.canonical and entity.canonical.count(":") == 2:
            by_surname.setdefault(entity.canonical.split(":")[1], set()).add(entity.canonical)
            parsed = parse_name(entity.name)
            for word in parsed.middle if parsed else ():
                # "Rosselló" of "Ricardo Rosselló Nevares" (Spanish names carry two)
                if word[:1].isupper() and len(word.strip(".")) > 1:
                    by_surname.setdefault(surname_key(word), set()).add(entity.canonical)
    for entity in entities:
        if entity.type not in {"PERSON", "ORG"} or not _bare_word(entity.name):
            continue
        if entity.type == "ORG" and (
            gazetteer().lookup(entity.name) is not None or normalise(entity.name) in INSTITUTIONS
        ):
            continue
        key = person_key(entity.name)
        people = by_surname.get(key.split(":")[1], set()) if key else set()
        if len(people) != 1:
            continue
        entity.canonical = next(iter(people))
        if entity.type == "ORG":
            entity.type = EntityType.PERSON
            entity.country, entity.affiliations = None, []
            _affiliate(entity, " ; ".join(entity.roles))


def _bare_word(name: str) -> bool:
    """A surname alone, possessive and title aside: "Trump", "Trump's", "Mrs. Clinton";
    not "TRUMP" (an acronym), "Trump Organization" or "Donald Trump"."""
    parsed = parse_name(name)
    word = name.split()[-1] if name.split() else ""
    return (
        parsed is not None
        and parsed.given is None
        and len(parsed.surname.split()) == 1
        and word[:1].isupper()
        and not word.isupper()
    )


def affiliations_in(text: str) -> list[tuple[str, str | None]]:
    """(name, country code) of every country, demonym or organisation named in ``text``:
    "senior Ukrainian MP" -> [("Ukraine", "UKR")]."""
    found: list[tuple[str, str | None]] = []
    words = _WORD.findall(text)
    index = 0
    while index < len(words):
        for size in (4, 3, 2, 1):
            phrase = " ".join(words[index : index + size])
            named = _affiliation(phrase)
            if named is not None:
                if named not in found:
                    found.append(named)
                index += size
                break
        else:
            index += 1
    return found


def _affiliation(phrase: str) -> tuple[str, str | None] | None:
    if not phrase[:1].isupper():
        return None
    gaz = gazetteer()
    code = gaz.demonym(phrase)
    if code is not None:
        country = gaz.country(code)
        return (country.name, code) if country else None
    place = gaz.lookup(phrase)
    if place is not None and place.kind == "country":
        return place.name, place.country
    if place is not None and place.kind == "org":
        return place.name, None
    return None


def _affiliate(entity: Entity, text: str) -> None:
    for name, code in affiliations_in(text):
        if name not in entity.affiliations and name != entity.name:
            entity.affiliations.append(name)
        if code is not None and entity.country is None:
            entity.country = code


def _link_organisation(entity: Entity) -> None:
    key = normalise(entity.name)
    place = gazetteer().lookup(entity.name)
    if place is not None and place.kind == "org":
        entity.canonical = place.key
    elif key in INSTITUTIONS:
        entity.country = INSTITUTIONS[key][0]
        entity.canonical = org_key(entity.name)
    else:
        entity.canonical = org_key(entity.name)
        _affiliate(entity, entity.name)


class MentionIndex:
    """Which entity a stretch of text mentions: the tightest mention around it wins."""

    def __init__(self, entities: list[Entity]) -> None:
        spans = [(s, e, entity) for entity in entities for s, e in entity.mentions]
        spans.sort(key=lambda item: (item[0], item[1]))
        self._spans = spans
        self._starts = [s for s, _, _ in spans]
        self._metonyms = {span for entity in entities for span in entity.metonyms}

    def at(self, start: int, end: int) -> Entity | None:
        """The entity with the smallest mention that covers ``[start, end)``."""
        best: tuple[int, Entity] | None = None
        position = bisect_right(self._starts, start)
        for s, e, entity in reversed(self._spans[max(0, position - 64) : position]):
            if s <= start and end <= e and (best is None or e - s < best[0]):
                best = (e - s, entity)
        return best[1] if best else None

    def is_metonym(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self._metonyms)
