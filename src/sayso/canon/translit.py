"""Any script to ASCII, and slugs: the one place sayso turns names into ASCII.

anyascii transliterates every script (Cyrillic, Greek, Arabic, Han, Hangul, accented
Latin: "Владимир Путин" -> "Vladimir Putin", "Société Générale" -> "Societe Generale",
"Łódź" -> "Lodz", "Straße" -> "Strasse"). It is pure Python with no dependencies.

normality (the other maintained choice for transliteration and slugs) was left out on
purpose: from 3.0 it requires PyICU, which pip compiles from source against the ICU C++
headers (libicu-dev and a C++ compiler) on every fresh machine. ``slug`` below is the one
line normality's ``slugify`` adds on top of its ASCII step, so nothing is lost.

anyascii reads Greek letter by letter; the few ELOT 743 digraphs it misses are folded
first ("Δούρου" is "Dourou", not "Doyroy"; "Ευάγγελος" is "Evangelos").
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

# ELOT 743 / UN romanisation of Greek digraphs that anyascii transliterates letter by letter.
_GREEK_DIGRAPHS = {"ου": "ou", "αυ": "av", "ευ": "ev", "γγ": "ng", "γξ": "nx", "γχ": "nch"}
_GREEK = re.compile("|".join(_GREEK_DIGRAPHS), re.IGNORECASE)
_GREEK_LETTER = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")


def _greek_digraphs(text: str) -> str:
    if not _GREEK_LETTER.search(text):
        return text
    # Accents dropped first so "ού" and "ου" read alike; anyascii would drop them anyway.
    bare = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))

    def latin(match: re.Match[str]) -> str:
        value = _GREEK_DIGRAPHS[match.group(0).lower()]
        return value.capitalize() if match.group(0)[0].isupper() else value

    return unicodedata.normalize("NFC", _GREEK.sub(latin, bare))


def ascii_fold(text: str) -> str:
    """Any script to ASCII: "Chișinău" -> "Chisinau", "Газпром" -> "Gazprom"."""
    return anyascii(_greek_digraphs(unicodedata.normalize("NFKC", text)))


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Société Générale" -> "societe-generale".
    Empty when nothing in ``text`` transliterates to a letter or digit."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")
