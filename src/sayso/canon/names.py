"""Canonical keys for people, shared across articles, scripts and transliterations.

"Aleksey Goncharenko", "Alexei Goncharenko", "Oleksiy Goncharenko", "Goncharenko,
Aleksey" and "Алексей Гончаренко" all get ``person:goncharenko:aleksei``; "Владимир Путин"
and "Vladimir Putin" get ``person:putin:vladimir``. A key is built in three steps:

1. *Split* the name with nameparser, in its own script (nameparser knows Cyrillic and
   Arabic particles and suffixes): titles ("Mrs.", "Dr.", "President"), suffixes ("Jr.",
   "III"), particles ("von der", "de", "bin", "al-") and "Surname, Given" inversions.
   Names in Han or Hangul script, and Chinese or Korean names written in Latin letters
   family name first ("Xi Jinping", "Kim Jong Un"), are split family name first.
2. *Transliterate* each part to ASCII (:mod:`sayso.canon.translit`, anyascii).
3. *Fold spelling*: the surname's skeleton folds the choices that differ between
   transliteration systems (y/i/j, kh/h, ks/x, w/v, doubled letters, and for Slavic
   surnames the Ukrainian h for Russian g: "Honcharenko" = "Goncharenko"); the given name
   becomes its class in a table of transliteration variants written for the purpose
   (Aleksey/Alexei/Oleksiy...), else its skeleton.

The key keeps the surname (particles included, the Arabic article "al-" dropped: AP writes
"Bashar Assad") and the given name; titles, suffixes and middle names are left out, so
"Martin Luther King Jr." is ``person:king:martin``. Only the evidence in the name is used:
a bare surname gets ``person:goncharenko``; :func:`sayso.canon.keys.keys_match` says which
keys a query may denote.

A name with nothing usable gets no key (None) rather than one every such name would
share: no letters, a single letter, a lone month or function word ("June", "a"), or a
description that is not a name ("Trump supporters", "Donald Trump's doctors": a lower-case
word that is no particle).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii
from nameparser import HumanName
from nameparser.config import CONSTANTS

from sayso.canon.translit import ascii_fold

# Variants of one given name across Russian, Ukrainian and English transliterations, and
# common Arabic names (with their Arabic spelling, which anyascii writes without vowels).
# The first of each line is the class name; variants are matched by their skeleton.
_GIVEN_NAME_CLASSES = """
aleksandr alexander alexandr aleksander oleksandr olexandr alexandre aleksandar
aleksei aleksey alexey alexei alexeï oleksiy oleksii olexiy oleksij alexi aleksej
sergei sergey serguei serhiy serhii sergiy sergii serhij
vladimir volodymyr wladimir vladimer
dmitri dmitry dmitriy dmytro dimitri
yuri yury yuriy yurii iurii jurij juri
andrei andrey andriy andrii andrej
mikhail mykhailo michail mikhael
nikolai nikolay mykola nicolai
yevgeny evgeny yevgeniy evgeniy yevhen evgenii yevgenii
anatoly anatoliy anatolii
vitaly vitali vitaliy vitalii
valery valeriy valerii
viktor victor
pyotr petr petro piotr
pavel pavlo
oleg oleh
igor ihor
grigory grigoriy hryhoriy grigori
georgy georgiy heorhiy georgi
denis denys
kirill kyrylo
maxim maksim maksym
arseny arseniy arsenii
vasily vasiliy vasyl vassily
fyodor fedor fedir
ilya illia ilia
yulia yuliya yuliia julia iuliia
olga olha
tatiana tatyana tetiana tatjana
natalia nataliya natalya nataliia
elena yelena olena jelena
maria mariya mariia
muhammad mohammed mohammad mohamed muhammed mohamad mehmet محمد
ahmed ahmad ahmet أحمد احمد
hussein husain hussain husayn حسين
abdullah abdallah abdulla عبدالله
osama usama أسامة
omar umar عمر
mahmoud mahmud محمود
yusuf youssef yousef yousuf يوسف
"""
NAME_PARTICLES = frozenset("de del della di da dos du van von der den le la al el bin ibn".split())
# The Arabic definite article, dropped from surnames: "al-Assad" and "Assad" are one name.
_ARABIC_ARTICLES = frozenset({"al", "el"})
_SLAVIC_ENDINGS = (
    "enko",
    "chuk",
    "yuk",
    "iuk",
    "ov",
    "ova",
    "ev",
    "eva",
    "in",
    "ina",
    "sky",
    "skiy",
    "skyi",
    "ski",
    "skaya",
    "ko",
    "vich",
    "ych",
)
_PATRONYMIC = re.compile(r".+(ovich|evich|ovna|evna|ich|ych)$")
# A one-word "name" that is one of these is a tagging error, not a person: months and
# weekdays ("June in response to a proposed..."), function words and pronouns.
_NOT_NAMES = frozenset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    a an the this that these those he she it they we i you me him her his its our their
    who which what some any all none people someone everyone nobody
    """.split()
)
# Common family names of Chinese (pinyin, from their characters) and Korean (as Koreans
# write them in English) people, to read "Xi Jinping" and "Kim Jong Un" family name first.
_CHINESE_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫"
    "孔向汤习温薄"
)
_KOREAN_SURNAMES = (
    "kim lee park choi jung jeong chung kang cho yoon jang lim han shin seo kwon hwang ahn song "
    "ryu yoo hong jeon ko moon yang son bae baek heo nam noh ha"
)
# Particles written joined to the surname: "al-Assad", "d'Estaing".
_JOINED_PREFIXES = tuple(p for p in CONSTANTS.prefixes if p.endswith(("-", "'", "’")))
_CJK = re.compile(r"[\u3400-\u9fff\uac00-\ud7a3\uf900-\ufaff]")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name split into its parts, in ASCII."""

    surname: str
    given: str | None = None
    middle: tuple[str, ...] = ()  # "Rosselló" of "Ricardo Rosselló Nevares"


def _skeleton_classes() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _GIVEN_NAME_CLASSES.strip().splitlines():
        variants = line.split()
        for variant in variants:
            table.setdefault(skeleton(variant), variants[0])
    return table


def skeleton(word: str) -> str:
    """A spelling-insensitive form of one name: "Zelenskyy" and "Zelenskiy" agree."""
    text = ascii_fold(word).lower()
    text = re.sub(r"[^a-z]", "", text)
    for old, new in (
        ("kh", "h"),
        ("ks", "x"),
        ("ck", "k"),
        ("ph", "f"),
        ("w", "v"),
        ("yi", "i"),
        ("iy", "i"),
        ("ij", "i"),
        ("ii", "i"),
        ("y", "i"),
        ("j", "i"),
        ("ie", "e"),
    ):
        text = text.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", text)


@lru_cache(maxsize=1)
def _given_classes() -> dict[str, str]:
    return _skeleton_classes()


def load_tables() -> None:
    """Build the name tables now rather than inside the first name that needs them."""
    _given_classes()
    _east_asian_surnames()
    _east_asian_syllables()


@lru_cache(maxsize=1)
def _east_asian_surnames() -> frozenset[str]:
    chinese = {anyascii(ch).lower() for ch in _CHINESE_SURNAMES}
    return frozenset(chinese | set(_KOREAN_SURNAMES.split()))


@lru_cache(maxsize=1)
def _east_asian_syllables() -> frozenset[str]:
    """Chinese and Korean syllables in Latin letters: anyascii's readings of every CJK
    ideograph and Hangul syllable (pinyin and Revised Romanization), about 11,000 of them,
    built in 50 ms the first time a name starts with an East Asian family name."""
    codes = [*range(0x4E00, 0x9FA0), *range(0xAC00, 0xD7A4)]
    return frozenset(s for s in (anyascii(chr(c)).lower() for c in codes) if len(s) >= 2)


def _syllables(word: str, syllables: frozenset[str]) -> int:
    """How many syllables ``word`` splits into (0 when it does not): "jinping" -> 2."""
    word = word.lower()
    best = [0] + [-1] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end - 1):
            if best[start] >= 0 and word[start:end] in syllables:
                count = best[start] + 1
                best[end] = count if best[end] < 0 else min(best[end], count)
    return max(best[-1], 0)


def _family_name_first(words: list[str]) -> PersonName | None:
    """ "Xi Jinping", "Li Na", "Kim Jong Un", "Moon Jae-in": family name, then a given
    name of one to three syllables. "Jack Ma" and "Lee Harvey Oswald" are not."""
    if not 2 <= len(words) <= 3:
        return None
    if words[0].lower() not in _east_asian_surnames():
        return None
    syllables = _east_asian_syllables()
    given = [part for word in words[1:] for part in word.split("-")]
    counts = [_syllables(part, syllables) for part in given]
    if not all(counts) or sum(counts) > 3:
        return None
    return PersonName(surname=words[0], given="".join(given))


def _cjk_name(text: str) -> PersonName | None:
    """A name in Han or Hangul script: one character of family name, then the given name
    ("习近平" -> Xi, Jinping)."""
    characters = [ch for ch in text if _CJK.match(ch)]
    if len(characters) < 2:
        return None
    readings = [anyascii(ch) for ch in characters]
    return PersonName(surname=readings[0], given="".join(readings[1:]))


def _strip_arabic_article(word: str) -> str:
    # "الأسد" -> "أسد": the article is written joined to the word in Arabic script.
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _is_name_word(word: str) -> bool:
    """Capitalised, or a particle, suffix or conjunction: "Donald", "von", "al-Assad",
    "Jr."; not "supporters" or "doctors"."""
    bare = word.strip('.,;:!?[](){}"')
    if not any(ch.islower() or ch.isupper() for ch in bare):
        return True  # uncased scripts (Arabic, Han) and initials with digits
    if bare[:1].isupper():
        return True
    lower = bare.lower()
    return (
        lower in CONSTANTS.prefixes
        or lower.startswith(_JOINED_PREFIXES)
        or lower in CONSTANTS.conjunctions
        or lower in CONSTANTS.suffix_not_acronyms
    )


def _clean(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).replace("’", "'").replace("‘", "'")
    text = " ".join(text.split()).strip(' ,;:"()[]')
    text = re.sub(r"(?:'s|')$", "", text)
    if text.lower().startswith("the "):
        text = text[4:]
    return text


def _plain(word: str) -> bool:
    lower = word.lower()
    return (
        word[:1].isupper()
        and word.isalpha()
        and lower not in CONSTANTS.titles
        and lower not in CONSTANTS.suffix_not_acronyms
        and lower not in CONSTANTS.suffix_acronyms
        and lower not in CONSTANTS.prefixes
        and lower not in CONSTANTS.conjunctions
    )


def _split(text: str) -> tuple[str, str, str]:
    """(first, middle, last) of a name, by nameparser. Most names in news are plain
    capitalised words (no title, suffix, particle, initial or comma), which nameparser
    splits the obvious way in about 1 ms each: those are split here directly, with
    nameparser's own word lists."""
    words = text.split()
    if all(_plain(word) for word in words):
        return words[0], " ".join(words[1:-1]), words[-1] if len(words) > 1 else ""
    parsed = HumanName(text)
    return parsed.first, parsed.middle, parsed.last


@lru_cache(maxsize=65536)
def parse_name(name: str) -> PersonName | None:
    """The surname and given name of a person's name, in ASCII; None when ``name`` is no
    usable name (see the module docstring)."""
    text = _clean(name)
    if not _LETTER.search(text):
        return None
    if _CJK.search(text) and not re.search(r"[A-Za-z]", text):
        return _cjk_name(text)
    words = text.split()
    if not all(_is_name_word(word) for word in words):
        return None
    text = " ".join(_strip_arabic_article(word) for word in words)
    given, middle, surname = _split(text)
    if not surname:
        # One word, or a title and one word ("Pope Francis", "Mrs. Clinton").
        given, surname = "", given or text
    elif given.lower() in CONSTANTS.prefixes:
        given, surname = "", f"{given} {surname}"  # "von der Leyen"
    folded = ascii_fold(f"{given} {middle} {surname}").split()
    eastern = _family_name_first(folded) if middle or given else None
    if eastern is not None:
        return eastern
    if given and _PATRONYMIC.match(ascii_fold(given).lower()):
        given = ""  # "Putin Vladimir Vladimirovich" order, or a patronymic alone
    return PersonName(
        surname=ascii_fold(surname),
        given=ascii_fold(given) or None,
        middle=tuple(ascii_fold(middle).split()),
    )


def surname_key(surname: str) -> str:
    """The surname part of a person key: "von der Leyen" -> "vonderlen", "al-Assad" ->
    "asad", "Honcharenko" -> "goncharenko"."""
    words = re.split(r"[\s-]+", surname.strip())
    while len(words) > 1 and words[0].lower() in _ARABIC_ARTICLES:
        words = words[1:]
    key = "".join(skeleton(word) for word in words)
    if key.startswith("h") and surname.lower().endswith(_SLAVIC_ENDINGS):
        key = "g" + key[1:]
    return key


def given_key(given: str) -> str:
    """The class of a given name ("Alexei" -> "aleksei", "محمد" -> "muhammad"), else its
    skeleton ("Emmanuel" -> "emanuel")."""
    folded = skeleton(given)
    return _given_classes().get(folded, folded)


@lru_cache(maxsize=65536)
def person_key(name: str) -> str | None:
    """The cross-article key of a person's name, or None when it has nothing usable:
    "Владимир Путин" -> ``person:putin:vladimir``, "Mrs. Clinton" -> ``person:clinton``."""
    parsed = parse_name(name)
    if parsed is None:
        return None
    surname = surname_key(parsed.surname)
    if len(surname) < 2:
        return None
    if parsed.given is None and parsed.surname.lower() in _NOT_NAMES:
        return None
    given = given_key(parsed.given) if parsed.given else ""
    return f"person:{surname}:{given}" if given else f"person:{surname}"
