"""What kind of mention a source is: a pronoun, a short name, a title and a name, or a
description. ``sayso eval speakers`` reports its figures by kind, because each kind is a
different problem for a resolver.

Decided from the gold mention's words alone, by the rules below: a capitalised word (or a
handle) is a name word. The parser's tags are not used, so that the breakdown stays the same
when the model changes (the small model tags some bare surnames as common nouns):

1. Only the part before the first comma counts ("Roe, the president of the union," is a
   name with an apposition); a trailing possessive is dropped ("Mrs. Clinton's").
2. **pronoun**: one word that is a personal, possessive, demonstrative or relative pronoun
   ("he", "I", "they", "it", "who", "which", "that").
3. **title+name**: one or more title words ("Mr.", "Sen.", "President", "Vice President")
   followed by name words only ("Mr. Obama", "President Obama").
4. **short name**: name words only, after an optional "the", with "&", "and", "of" between
   them ("Caddell", "The Post", "the AP", "Obama and Clinton"); a plural of a party or a
   nationality ("Republicans", "Democrats", "Americans") is a description of a group.
5. **description**: everything else ("the candidate", "a source", "his campaign",
   "Twelve percent").
"""

from __future__ import annotations

import re
from enum import StrEnum

from sayso.canon.tables import DEMONYMS
from sayso.nlp.lexicon import TITLE_WORDS


class MentionKind(StrEnum):
    PRONOUN = "pronoun"
    SHORT_NAME = "short name"
    TITLE_NAME = "title+name"
    DESCRIPTION = "description"


PRONOUNS = frozenset(
    """
    i me my mine we us our ours you your yours he him his she her hers it its they them their
    theirs himself herself itself themselves ourselves myself yourself who whom whose which
    that this these those
    """.split()
)
_TITLES = frozenset(w.strip(".") for w in TITLE_WORDS) | frozenset(
    "mr mrs ms miss mx dr prof rev fr sen rep gov lt sgt capt maj col gen adm".split()
)
# Not titles on their own: words TITLE_WORDS keeps for phrases such as "first lady".
_NOT_TITLES = frozenset("the state house party opposition first head former acting".split())
_CONNECTORS = frozenset("& and of".split())
_PARTIES = frozenset(
    "republican democrat conservative liberal progressive tory socialist communist "
    "libertarian independent evangelical".split()
)
_WORD = re.compile(r"[@\w][\w.'’@-]*|&")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def mention_kind(text: str) -> MentionKind:
    """The kind of the mention ``text`` (the words of a source, as on the page)."""
    words = [_POSSESSIVE.sub("", w) for w in _WORD.findall(text.split(",")[0])]
    words = [w for w in words if w]
    if not words:
        return MentionKind.DESCRIPTION
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return MentionKind.PRONOUN

    i = 0
    while i < len(words) and _is_title(words[i]):
        i += 1
    rest = words[i:]
    if i and rest and all(_is_name(w) for w in rest):
        return MentionKind.TITLE_NAME
    if words[0].lower() == "the":
        words = words[1:]
    names = [w for w in words if w.lower() not in _CONNECTORS]
    if (
        names
        and all(_is_name(w) for w in names)
        and not all(_is_title(w) for w in names)  # "The President"
        and not _group_plural(names)
    ):
        return MentionKind.SHORT_NAME
    return MentionKind.DESCRIPTION


def _is_name(word: str) -> bool:
    return word.startswith("@") or word[:1].isupper()


def _is_title(word: str) -> bool:
    lower = word.lower().strip(".")
    return lower in _TITLES and lower not in _NOT_TITLES


def _group_plural(names: list[str]) -> bool:
    """ "Republicans", "Democrats", "Americans": a party or a nationality in the plural."""
    if len(names) != 1:
        return False
    lower = names[0].lower()
    return lower.endswith("s") and (lower[:-1] in _PARTIES or lower[:-1] in DEMONYMS)
