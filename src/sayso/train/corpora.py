"""Training documents for the resolver, read from GUM and GAP (temporary readers)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

_BRACKET = re.compile(r"\(?[a-z]+-\d+(?:-[^()]*)?\)?")
_NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "}",
    "%",
    "'s",
    "n't",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
    "’s",
    "...",
    "'",
}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}


@dataclass(slots=True)
class GoldMention:
    start: int
    end: int
    cluster: str
    type: str


@dataclass(slots=True)
class GoldDocument:
    name: str
    text: str
    mentions: list[GoldMention] = field(default_factory=list)


def read_gum(root: Path, names: set[str] | None = None) -> list[GoldDocument]:
    docs = []
    for path in sorted((root / "gum").glob("*.conll")):
        if names is not None and path.stem not in names:
            continue
        docs.append(_gum_document(path))
    return docs


def gum_split(root: Path, split: str) -> set[str]:
    text = (root / "splits.upstream.md").read_text()
    section = re.split(r"^## ", text, flags=re.M)
    for part in section:
        if part.startswith(split):
            return set(re.findall(r"\* (GUM_\S+)", part))
    return set()


def _gum_document(path: Path) -> GoldDocument:
    sentences: list[list[tuple[str, str]]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if sentences[-1]:
                sentences.append([])
            continue
        parts = line.split("\t")
        sentences[-1].append((parts[1], parts[2] if len(parts) > 2 else "_"))
    if not sentences[-1]:
        sentences.pop()
    text_parts: list[str] = []
    offset = 0
    open_quote = False
    mentions: list[GoldMention] = []
    stacks: dict[str, list[tuple[int, str]]] = {}
    for s_index, sentence in enumerate(sentences):
        if s_index:
            last = sentence_last = sentences[s_index - 1][-1][0]
            del sentence_last
            sep = " " if last in {".", "!", "?", '"', "'"} else "\n\n"
            text_parts.append(sep)
            offset += len(sep)
        previous = None
        for word, coref in sentence:
            space = previous is not None
            if previous is not None:
                if word in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER:
                    space = False
                if word == '"':
                    space = not open_quote
                elif previous == '"' and open_quote:
                    space = False
                if word == "-" or previous == "-":
                    space = False
            if word == '"':
                open_quote = not open_quote
            if space:
                text_parts.append(" ")
                offset += 1
            start = offset
            text_parts.append(word)
            offset += len(word)
            for match in _BRACKET.finditer(coref):
                item = match.group(0)
                label = item.strip("()")
                type_, number = label.split("-")[:2]
                key = f"{type_}-{number}"
                if item.startswith("("):
                    stacks.setdefault(key, []).append((start, type_))
                if item.endswith(")") and stacks.get(key):
                    begin, t = stacks[key].pop()
                    mentions.append(GoldMention(begin, offset, key, t))
            previous = word
    return GoldDocument(path.stem, "".join(text_parts), mentions)


@dataclass(slots=True)
class GapRow:
    id: str
    text: str
    pronoun: str
    pronoun_offset: int
    a: str
    a_offset: int
    a_coref: bool
    b: str
    b_offset: int
    b_coref: bool


def read_gap(path: Path) -> list[GapRow]:
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            rows.append(
                GapRow(
                    r["ID"],
                    r["Text"],
                    r["Pronoun"],
                    int(r["Pronoun-offset"]),
                    r["A"],
                    int(r["A-offset"]),
                    r["A-coref"].upper() == "TRUE",
                    r["B"],
                    int(r["B-offset"]),
                    r["B-coref"].upper() == "TRUE",
                )
            )
    return rows
