"""Canonical keys for people, shared across articles despite transliteration.

"Aleksey Goncharenko", "Alexei Goncharenko", "Oleksiy Goncharenko" and "Goncharenko,
Aleksey" all get ``person:goncharenko:aleksei``. The key is built from

* the surname's *skeleton*: ASCII, lower case, with the spelling choices that differ
  between transliteration systems folded (y/i/j, kh/h, ks/x, w/v, doubled letters,
  and for Slavic surnames the Ukrainian h for Russian g: "Honcharenko" = "Goncharenko");
* the given name's equivalence class from a table of transliteration variants written
  for the purpose (Aleksey/Alexei/Oleksiy...), else its skeleton.

Only the evidence in the name is used: a bare surname gets ``person:goncharenko`` and is
not merged with a full name from another article; that is left to cross-article linking.
"""

from __future__ import annotations

import re

from sayso.link.gazetteer import ascii_fold

# Variants of one given name across Russian, Ukrainian and English transliterations,
# and common Arabic names. The first of each line is the class name.
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
muhammad mohammed mohammad mohamed muhammed mohamad mehmet
ahmed ahmad ahmet
hussein husain hussain husayn
abdullah abdallah abdulla
osama usama
omar umar
mahmoud mahmud
yusuf youssef yousef yousuf
"""
GIVEN_NAME_CLASS: dict[str, str] = {
    variant: line.split()[0]
    for line in _GIVEN_NAME_CLASSES.strip().splitlines()
    for variant in line.split()
}
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
NAME_PARTICLES = frozenset("de del della di da dos du van von der den le la al el bin ibn".split())
_TITLES = frozenset("mr mrs ms dr prof sir dame president minister senator sen gen general".split())
_PATRONYMIC = re.compile(r".+(ovich|evich|ovna|evna|ich|ych)$")


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


def split_name(name: str) -> tuple[str | None, str]:
    """(given name, surname) of a person's name, "Surname, Given" inversions included."""
    name = " ".join(name.replace("’", "'").split())
    if "," in name:
        surname, _, given = name.partition(",")
        name = f"{given.strip()} {surname.strip()}"
    words = [w for w in name.split() if w.lower().strip(".") not in _TITLES]
    if not words:
        return None, name
    if len(words) == 1:
        return None, words[0]
    start = len(words) - 1
    while start - 1 > 0 and words[start - 1].lower() in NAME_PARTICLES:
        start -= 1
    given = words[0]
    return given, " ".join(words[start:])


def person_key(name: str) -> str:
    """The cross-article key of a person's name."""
    given, surname = split_name(name)
    surname_key = "".join(skeleton(part) for part in surname.split())
    if surname_key.startswith("h") and ascii_fold(surname).lower().endswith(_SLAVIC_ENDINGS):
        surname_key = "g" + surname_key[1:]
    if not given or _PATRONYMIC.match(given.lower()):
        return f"person:{surname_key}"
    folded = ascii_fold(given).lower().strip(".")
    given_key = GIVEN_NAME_CLASS.get(folded) or skeleton(folded)
    return f"person:{surname_key}:{given_key}"
