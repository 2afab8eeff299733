"""Entities while an article is being read: what speaker resolution builds and then freezes
into the data model's :class:`~sayso.model.Entity`."""

from __future__ import annotations

from dataclasses import dataclass, field

from sayso.model import Entity, EntityType
from sayso.nlp.mentions import nationality_of

TITLE_ABBREVIATIONS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "pres": "president",
    "sec": "secretary",
    "atty": "attorney",
    "amb": "ambassador",
    "cmdr": "commander",
    "capt": "captain",
    "sgt": "sergeant",
    "adm": "admiral",
    "supt": "superintendent",
    "insp": "inspector",
    "prof": "professor",
    "dr": "doctor",
}


@dataclass(slots=True)
class EntityDraft:
    """An entity while the article is being read."""

    id: str
    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    nationality: str | None = None
    last_seen: int = -1
    canonical: str | None = None
    country: str | None = None
    members: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    metonyms: list[tuple[int, int]] = field(default_factory=list)
    # What the mention ranker knows of the entity so far, as it reads the article in order
    # (token indices; -1: not yet).
    count: int = 0
    first_token: int = -1
    last_token: int = -1
    last_role: str = ""
    spoke_at: int = -1
    male: float = 0.0  # votes of the pronouns resolved to it
    female: float = 0.0
    name_gender: str | None = None  # from a first name, an honorific or a gendered role
    name_gender_sure: bool = False  # a full name or an honorific, not a lone word

    @property
    def latin(self) -> bool:
        """Whether the name has a Latin letter: an English model's entities in other
        scripts are mostly words of a quotation it cannot read ("तो सोचा"), never what an
        English pronoun refers to."""
        return any("a" <= ch <= "z" for ch in self.name.lower())

    @property
    def gender(self) -> str | None:
        if self.name_gender is not None:
            return self.name_gender
        if self.male - self.female >= 1:
            return "m"
        if self.female - self.male >= 1:
            return "f"
        return None

    def add_mention(self, start: int, end: int) -> None:
        if (start, end) not in self.mentions:
            self.mentions.append((start, end))
            self.mentions.sort()
        self.last_seen = max(self.last_seen, start)

    def add_role(self, role: str) -> None:
        role = role.strip(" ,")
        if role and role not in self.roles:
            self.roles.append(role)
        if self.nationality is None:
            self.nationality = nationality_of(role)

    def role_words(self) -> set[str]:
        """The words of its roles, abbreviated titles spelt out too ("Gov." is "governor")."""
        words = {w.lower().strip(".,") for role in self.roles for w in role.split()}
        return words | {TITLE_ABBREVIATIONS[w] for w in words if w in TITLE_ABBREVIATIONS}

    def freeze(self) -> Entity:
        return Entity(
            id=self.id,
            name=self.name,
            type=EntityType(self.type),
            roles=list(self.roles),
            mentions=list(self.mentions),
            canonical=self.canonical,
            country=self.country,
            affiliations=list(self.affiliations),
            members=list(self.members),
            metonyms=sorted(self.metonyms),
        )


@dataclass(slots=True)
class Resolution:
    """What a source mention refers to."""

    entity: EntityDraft | None
    anonymous: bool = False
    group: bool = False
    confidence: float | None = None
    named: bool = False  # the mention names the entity itself
