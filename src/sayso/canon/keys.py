"""Canonical keys of organisations and groups, and which keys a speaker query denotes.

Keys are ``kind:value``: ``person:putin:vladimir`` (:mod:`sayso.canon.names`),
``org:NATO`` and ``country:FRA`` (the gazetteer's, unchanged), ``org:societe-generale``
and ``group:trump-supporters`` (a slug of the name in any script), ``city:703448``.

:func:`keys_match` is the contract of the speaker filters (``sayso claims --speaker``,
the API, the web): a query names an entity when one of the keys the query may denote
(:func:`speaker_keys`) *matches* the entity's key:

- equal keys match;
- two person keys match when their surnames agree and their given names do not clash:
  the query "Donald Trump" matches ``person:trump:donald`` and ``person:trump`` (an
  article that only ever wrote "Trump"), not ``person:trump:ivanka``; the query "Trump"
  matches every ``person:trump…``; an initial matches a given name it begins ("J.
  Smith"); a surname matches itself behind a particle ("Beethoven" and "van Beethoven");
- nothing else matches: a person query never matches an ``org:`` or ``group:`` key, so
  "Donald Trump" does not find "Donald Trump's doctors" or "Trump supporters".

An organisation key that is a bare surname (``org:trump``) is *not* matched to a person:
"Bloomberg" is a news agency as often as it is Michael Bloomberg, "Ford" a company and a
president. The linker makes a person tagged ORG one entity with that person where the
article gives the evidence (:func:`sayso.canon.entities.canonicalise_entities`); across articles the
person's key is then the one the filter finds.
"""

from __future__ import annotations

import re

from sayso.canon.gazetteer import gazetteer, normalise
from sayso.canon.names import person_key
from sayso.canon.translit import slug

_KEY = re.compile(r"(person|org|group|country|city|region|anon|name):\S+")
_PARTICLE_SKELETONS = ("van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "du")


def org_key(name: str) -> str | None:
    """``org:`` and the slug of an organisation's name, or None when the name has no letter
    ("Société Générale" -> ``org:societe-generale``, "Газпром" -> ``org:gazprom``)."""
    value = slug(normalise(name))
    return f"org:{value}" if re.search(r"[a-z]", value) else None


def group_key(name: str) -> str | None:
    """``group:`` and the slug of a group's name ("Trump supporters")."""
    value = slug(normalise(name))
    return f"group:{value}" if re.search(r"[a-z]", value) else None


def speaker_keys(text: str) -> set[str]:
    """Every key a speaker query may denote: a key itself; the gazetteer's key of a
    country, city or known organisation; a person's key; an organisation's and a group's
    slug. "Donald Trump" -> {``person:trump:donald``, ``org:donald-trump``,
    ``group:donald-trump``}; "Владимир Путин" -> {``person:putin:vladimir``, …}."""
    text = " ".join(text.split())
    if _KEY.fullmatch(text):
        return {text}
    if text.islower():
        text = text.title()  # a typed query: "donald trump"
    keys: set[str] = set()
    place = gazetteer().lookup(text)
    if place is not None:
        keys.add(place.key)  # "France" is the country, not a person called France
    person = None if place else person_key(text)
    for key in (person, org_key(text), group_key(text)):
        if key is not None:
            keys.add(key)
    return keys


def keys_match(query_or_key: str, key: str | None) -> bool:
    """Whether a speaker query (a name or a key) names the entity whose key is ``key``
    (the rules are in the module docstring)."""
    if not key:
        return False
    return any(_match(candidate, key) for candidate in speaker_keys(query_or_key))


def _match(query: str, key: str) -> bool:
    if query == key:
        return True
    if not (query.startswith("person:") and key.startswith("person:")):
        return False
    query_surname, _, query_given = query[7:].partition(":")
    key_surname, _, key_given = key[7:].partition(":")
    return _surnames_agree(query_surname, key_surname) and _givens_agree(query_given, key_given)


def _surnames_agree(a: str, b: str) -> bool:
    if a == b:
        return True
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if len(shorter) < 4 or not longer.endswith(shorter):  # "an" is not "de-an"
        return False
    prefix = longer[: -len(shorter)]
    while prefix:  # "vonderlen" ends in "len" behind the particles "von" and "der"
        particle = next((p for p in _PARTICLE_SKELETONS if prefix.startswith(p)), None)
        if particle is None:
            return False
        prefix = prefix[len(particle) :]
    return True


def _givens_agree(a: str, b: str) -> bool:
    if not a or not b or a == b:
        return True
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))
