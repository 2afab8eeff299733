"""Grammatical gender and number of names, pronouns and role nouns.

A first name's gender comes from gender-guesser (a maintained list of about 45,000 first
names by country); honorifics and gendered role nouns ("congresswoman", "actress") decide
where the name does not. Gender is evidence for the mention ranker, never a hard rule:
"Sasha" or "Taylor" are "mostly" one gender, and an unknown name agrees with either.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal

from sayso.canon.names import NAME_PARTICLES

Gender = Literal["m", "f"]

PRONOUN_GENDER: dict[str, Gender] = {
    **dict.fromkeys(("he", "him", "his", "himself"), "m"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
}
HONORIFIC_GENDER: dict[str, Gender] = {
    "mr": "m",
    "mr.": "m",
    "sir": "m",
    "lord": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "miss": "f",
    "dame": "f",
    "lady": "f",
    "madam": "f",
}
# Role nouns and titles that say the person's gender.
_FEMALE_NOUNS = frozenset(
    """
    congresswoman spokeswoman chairwoman businesswoman actress queen princess duchess
    countess empress wife mother daughter sister widow girlfriend grandmother aunt niece
    woman girl lady mrs ms miss madam dame heiress hostess waitress stewardess nun
    sportswoman councilwoman assemblywoman policewoman
    """.split()
)
_MALE_NOUNS = frozenset(
    """
    congressman spokesman chairman businessman actor king prince duke count emperor husband
    father son brother widower boyfriend grandfather uncle nephew man boy gentleman mr sir
    lord heir host waiter steward monk sportsman councilman assemblyman policeman
    """.split()
)


def noun_gender(lemma: str) -> Gender | None:
    """The gender a role noun or title states: "spokeswoman" f, "king" m, "senator" None."""
    lower = lemma.lower().strip(".")
    if lower in _FEMALE_NOUNS:
        return "f"
    if lower in _MALE_NOUNS:
        return "m"
    return None


@lru_cache(maxsize=1)
def _detector() -> Any:
    import gender_guesser.detector as detector  # its table loads in about 0.2 s: once

    return detector.Detector(case_sensitive=False)


def load_names() -> None:
    """Load gender-guesser's table now (the speaker component does, when it is made)."""
    _detector()


@lru_cache(maxsize=8192)
def name_gender(first_name: str) -> Gender | None:
    """The usual gender of a first name ("Hillary" f, "Donald" m), or None when the list
    does not know it or it is used for both ("Xi", "Jeh")."""
    word = first_name.strip(".’'")
    if len(word) < 2 or not word[0].isalpha():
        return None
    answer = _detector().get_gender(word)
    if answer in {"male", "mostly_male"}:
        return "m"
    if answer in {"female", "mostly_female"}:
        return "f"
    return None


@lru_cache(maxsize=8192)
def is_given_name(word: str) -> bool:
    """Whether ``word`` is a first name in gender-guesser's list, of any gender."""
    word = word.strip(".’'")
    return len(word) >= 2 and word[0].isupper() and _detector().get_gender(word) != "unknown"


_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def looks_like_person(name: str, organisation_words: frozenset[str]) -> bool:
    """A name the tagger called an organisation that is a person's: two to four
    capitalised words, none of them an organisation's ("Bank", "Party"), beginning with a
    known first name or ending with "Jr."/"III" ("Marshall Field Jr")."""
    words = name.split()
    if not 2 <= len(words) <= 4 or any(w.lower().strip(".,") in organisation_words for w in words):
        return False
    if not all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words):
        return False
    return is_given_name(words[0]) or words[-1].lower() in _NAME_SUFFIXES
