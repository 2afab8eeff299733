"""Which stored entities a name typed by a user stands for: the speaker filter
(``sayso claims --speaker``, ``/api/claims?speaker=``, the web's filters), the entity filter
and the entity pages all match by *entity*, never by substring, so "Donald Trump" finds
Donald Trump and not "Donald Trump's doctors" or "Donald Trump supporters".

A query ``Q`` matches a stored entity ``E`` when

1. ``E``'s name is ``Q``, ignoring case and spacing ("emmanuel  MACRON");
2. ``E``'s canonical key is the key of an entity named ``Q`` anywhere in the store (every
   spelling of one person or organisation: "Aleksey" and "Alexei Goncharenko");
3. ``E``'s canonical key is the person key of ``Q`` (``sayso.link.names.person_key``: a
   name typed in another transliteration than any stored one still finds the person);
4. ``Q`` is a bare surname — one name once titles are set aside ("macron", "President
   Macron", "Mr. Trump") — and ``E`` is a person of that surname, whatever the given name
   ("trump" finds Donald and Ivanka Trump; "Trump supporters" is a group, not a Trump).

Nothing else: not a part of a name, not a name inside a longer one. The keys come from
``sayso.link`` (its key functions are called here, never re-implemented), and the two
columns this module fills at write time, ``entities.name_key`` and
``entities.surname_key``, are indexed, so an entity's claims are found from its rows in
``entities`` (migration 0006) instead of by scanning every attribution.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import false, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from sayso.link.names import parse_name, person_key
from sayso.store.schema import entities

PERSON_PREFIX = "person:"


def name_key(name: str | None) -> str | None:
    """A name folded for equality: case and runs of spaces do not count."""
    folded = " ".join((name or "").casefold().split())
    return folded or None


def surname_key(name: str | None, entity_type: str | None, canonical: str | None) -> str | None:
    """A person's key without the given name (``person:macron``), or None for others.

    From the entity's canonical key when it is a person key (whatever its type: a person
    tagged ORG in one article keeps a person key), else from its name when it is a person.
    """
    key = canonical if canonical and canonical.startswith(PERSON_PREFIX) else None
    if key is None and entity_type == "PERSON" and name and name.strip():
        key = person_key(name)
    if key is None:
        return None
    return ":".join(key.split(":")[:2])


def entity_match_columns(entity: dict[str, Any]) -> dict[str, str | None]:
    """The ``name_key`` and ``surname_key`` of one entity as stored (its JSON form)."""
    name = entity.get("name") or ""
    return {
        "name_key": name_key(name),
        "surname_key": surname_key(name, str(entity.get("type") or ""), entity.get("canonical")),
    }


@dataclass(frozen=True, slots=True)
class EntityQuery:
    """What a typed name is matched on (see the module's rules)."""

    text: str
    name: str | None  # rule 1
    keys: tuple[str, ...]  # rules 2 and 3
    surname: str | None  # rule 4: set for a bare surname only

    @classmethod
    def parse(cls, conn: Connection, text: str) -> EntityQuery:
        name = name_key(text)
        if name is None:
            return cls(text, None, (), None)
        # A query typed in lower case ("macron") is read as a name: the keys refuse a
        # lower-case word, which in an article is no name.
        typed = text.title() if text.islower() else text
        parsed = parse_name(typed)
        given = parsed.given if parsed is not None else None
        own = person_key(typed) if any(c.isalnum() for c in text) else None
        named = conn.execute(
            select(entities.c.canonical)
            .where(entities.c.name_key == name, entities.c.canonical.is_not(None))
            .distinct()
        ).scalars()
        keys = sorted({*named, *([own] if own and given else [])})
        surname = own if own and given is None and own != PERSON_PREFIX else None
        return cls(text, name, tuple(keys), surname)

    def terms(self, table: Any = entities) -> list[ColumnElement[bool]]:
        """One condition per rule, each answered by its own index (``name_key``,
        ``canonical``, ``surname_key``, each with the row's ``article_id`` and ``id``): a
        query made of their union reads indexes only."""
        if self.name is None:
            return [false()]
        terms: list[ColumnElement[bool]] = [table.c.name_key == self.name]
        if self.keys:
            terms.append(table.c.canonical.in_(self.keys))
        if self.surname:
            terms.append(table.c.surname_key == self.surname)
        return terms

    def condition(self, table: Any = entities) -> ColumnElement[bool]:
        """The rows of ``table`` (``entities`` or an alias of it) this query stands for."""
        return or_(*self.terms(table))
