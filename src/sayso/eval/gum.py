"""Read GUM's full-document coreference (Zeldes 2017) as texts with gold mentions.

The shared folder (``$SAYSO_DATA_DIR/gum``, see its README) holds the CoNLL files of GUM's
own scheme in ``gum/`` (one token a line, ``index<TAB>token<TAB>coref``; the last column
opens ``(type-ID``, closes ``type-ID)`` or both, with a Wikipedia name after the ID for
named entities: ``(person-10-Charles_Bolden``) and the standard split in
``splits.upstream.md``. Only six genres are there (news, interview, bio,
academic, court, voyage); a split's documents of other genres are skipped.

Each document's text is rebuilt from its tokens (:func:`detokenise`): a space between
tokens, none before closing punctuation and clitics ("'s", "n't") or after opening
brackets, straight double quotes taken as opening and closing in turn, a hyphen between
two words joined to both ("in-group"). The files carry no sentence or paragraph breaks
(one blank line ends each document), so the text is one paragraph and headings run into
the first sentence; where a file does have blank lines, sentences are joined by a space,
or by a line break after one that does not end like a sentence (a headline). Every gold
mention keeps the character offsets of its tokens in that text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sayso.config import data_dir
from sayso.errors import InputError

GENRES = ("news", "interview", "bio", "academic", "court", "voyage")
SPLITS = ("train", "dev", "test")
_BRACKET = re.compile(r"(\()?([a-z]+)-(\d+)(?:-([^()]*))?(\))?")
_NO_SPACE_BEFORE = frozenset(",.;:!?)]}%…") | {"''", "'", "’", "”", "..."}
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "“", "‘", "``", "#"})
_CLITIC = re.compile(r"^(?:n['’`]t|['’`](?:s|re|ve|ll|d|m|t))$", re.IGNORECASE)
_SENTENCE_END = frozenset(".!?:;\"'”’)…")


def default_root() -> Path:
    return data_dir() / "gum"


@dataclass(frozen=True, slots=True)
class GumMention:
    """One gold mention: its token range (end exclusive), character offsets in the rebuilt
    text, GUM entity type ("person", "organization", "place", ...), cluster id (unique in
    its document) and, for a named entity, its Wikipedia name."""

    start: int
    end: int
    token_start: int
    token_end: int
    cluster: str
    type: str
    text: str
    wiki: str | None = None


@dataclass(slots=True)
class GumDocument:
    name: str
    genre: str
    split: str
    text: str
    tokens: list[tuple[int, int]]  # character offsets of every token
    sentences: list[tuple[int, int]]  # token ranges
    mentions: list[GumMention] = field(default_factory=list)

    def clusters(self, types: frozenset[str] | None = None) -> dict[str, list[GumMention]]:
        """Cluster id -> its mentions, in text order; only mentions of ``types`` if given."""
        found: dict[str, list[GumMention]] = {}
        for mention in self.mentions:
            if types is None or mention.type in types:
                found.setdefault(mention.cluster, []).append(mention)
        return found


def read_splits(root: Path | str) -> dict[str, list[str]]:
    """Document names by split, from ``splits.upstream.md`` (``## split`` then ``* NAME``)."""
    path = Path(root) / "splits.upstream.md"
    if not path.is_file():
        raise InputError(str(path), "no GUM split list (splits.upstream.md)")
    splits: dict[str, list[str]] = {}
    current: str | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^##\s+(\S+)", line)
        if heading:
            current = heading.group(1).lower()
            splits[current] = []
            continue
        item = re.match(r"^\s*[*-]\s+(\S+)", line)
        if item and current is not None:
            splits[current].append(item.group(1))
    return splits


def genre_of(name: str) -> str:
    parts = name.split("_")
    return parts[1] if len(parts) > 2 else ""


def read_documents(root: Path | str | None = None, split: str = "test") -> list[GumDocument]:
    """The documents of ``split`` whose genre is in the shared folder, in split-list order."""
    root = Path(root) if root is not None else default_root()
    if split not in SPLITS:
        raise InputError(split, f"unknown GUM split (expected one of {', '.join(SPLITS)})")
    names = read_splits(root).get(split, [])
    folder = root / "gum"
    if not folder.is_dir():
        raise InputError(str(folder), "no GUM CoNLL folder (gum/)")
    documents = []
    for name in names:
        if genre_of(name) not in GENRES:
            continue
        path = folder / f"{name}.conll"
        if not path.is_file():
            raise InputError(str(path), f"GUM document {name} of the {split} split is missing")
        for document in parse_conll(path.read_text(encoding="utf-8"), str(path)):
            document.split = split
            documents.append(document)
    return documents


def parse_conll(text: str, where: str = "the CoNLL text") -> Iterator[GumDocument]:
    """Every document of a GUM-scheme CoNLL text."""
    name = ""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    started = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("# begin document"):
            name = line[len("# begin document") :].strip()
            sentences, current, started = [], [], True
            continue
        if line.startswith("# end document"):
            if current:
                sentences.append(current)
            yield _document(name, sentences, f"{where} ({name})")
            sentences, current, started = [], [], False
            continue
        if line.startswith("#"):
            continue
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        fields = line.split("\t")
        if len(fields) < 3:
            raise InputError(f"{where}:{number}", "expected index, token and coreference columns")
        if not started:
            raise InputError(f"{where}:{number}", "token before '# begin document'")
        current.append((fields[1], fields[-1]))
    if started:
        if current:
            sentences.append(current)
        yield _document(name, sentences, f"{where} ({name})")


def _document(name: str, sentences: list[list[tuple[str, str]]], where: str) -> GumDocument:
    words = [[token for token, _ in sentence] for sentence in sentences]
    text, offsets = detokenise(words)
    ranges: list[tuple[int, int]] = []
    index = 0
    for sentence in sentences:
        ranges.append((index, index + len(sentence)))
        index += len(sentence)
    columns = [column for sentence in sentences for _, column in sentence]
    mentions = []
    open_: dict[str, list[tuple[int, str, str | None]]] = {}
    for i, column in enumerate(columns):
        if column in {"_", "-", ""}:
            continue
        for match in _BRACKET.finditer(column):
            opens, type_, number, wiki, closes = match.groups()
            if not opens and not closes:
                raise InputError(where, f"token {i}: cannot read {column!r}")
            if opens:
                open_.setdefault(number, []).append((i, type_, wiki or None))
            if closes:
                stack = open_.get(number)
                if not stack:
                    raise InputError(where, f"token {i}: {type_}-{number} closes but never opened")
                first, opened_type, opened_wiki = stack.pop()
                start, end = offsets[first][0], offsets[i][1]
                mentions.append(
                    GumMention(
                        start=start,
                        end=end,
                        token_start=first,
                        token_end=i + 1,
                        cluster=number,
                        type=opened_type,
                        text=text[start:end],
                        wiki=opened_wiki,
                    )
                )
    unclosed = [number for number, stack in open_.items() if stack]
    if unclosed:
        raise InputError(where, f"mentions never closed: {', '.join(sorted(unclosed))}")
    mentions.sort(key=lambda m: (m.start, -m.end))
    return GumDocument(
        name=name,
        genre=genre_of(name),
        split="",
        text=text,
        tokens=offsets,
        sentences=ranges,
        mentions=mentions,
    )


def detokenise(sentences: list[list[str]]) -> tuple[str, list[tuple[int, int]]]:
    """A readable text from tokenised sentences, with every token's character offsets."""
    pieces: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    double_open = False
    for s, sentence in enumerate(sentences):
        if s:
            previous = sentences[s - 1]
            separator = " " if previous and previous[-1][-1:] in _SENTENCE_END else "\n"
            pieces.append(separator)
            length += 1
        glue = False  # no space before the next token
        for t, token in enumerate(sentence):
            quote = token in {'"', "``", "''"}
            if quote:
                double_open = not double_open
            closing = token in _NO_SPACE_BEFORE or _CLITIC.match(token) is not None
            if quote:
                closing = not double_open
            if token == "-" and 0 < t < len(sentence) - 1:
                # "in - group", "STS - 1": GUM splits hyphenated words; join them again
                closing = sentence[t - 1][-1:].isalnum() and sentence[t + 1][:1].isalnum()
            if t and not glue and not closing:
                pieces.append(" ")
                length += 1
            pieces.append(token)
            offsets.append((length, length + len(token)))
            length += len(token)
            glue = token in _NO_SPACE_AFTER or (quote and double_open) or (token == "-" and closing)
    return "".join(pieces), offsets
