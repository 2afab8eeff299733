"""Read the PolNeAR corpus (Newell, Margolin & Ruths, LREC 2018) in its upstream layout.

A corpus folder holds ``metadata.tsv`` and, per split, ``<split>/text/<name>.txt`` and
``<split>/attributions/<name>_<annotator>.ann`` (BRAT standoff). Pitfalls handled here:

- BRAT cuts a span at every line break (``s1 e1;s2 e2``), and the span text of such a
  line spills onto the following lines of the .ann file: offsets are read from the
  label line, continuation lines are skipped, text always comes from the .txt file.
- A split quotation has a second content argument, ``Content2``.
- Articles used to measure agreement have one .ann per annotator: the first annotator
  listed in ``metadata.tsv`` is the primary one.
- An ``Attribution-no-source`` event has no ``Source`` argument (the source is null).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sayso.config import data_dir
from sayso.errors import InputError

Pieces = tuple[tuple[int, int], ...]

SPLITS = ("train", "dev")
_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_EVENT = re.compile(r"^(E\d+)\t(.*)$")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution; every span is a tuple of (start, end) pieces."""

    id: str
    content: Pieces
    source: Pieces | None
    cue: Pieces | None


@dataclass(slots=True)
class GoldArticle:
    """An article's text with its primary annotator's attributions."""

    name: str
    split: str
    text: str
    annotator: str
    publisher: str = ""
    title: str = ""
    attributions: list[GoldAttribution] = field(default_factory=list)


def default_corpus_dir() -> Path:
    return data_dir() / "polnear"


def parse_ann(ann: str) -> list[GoldAttribution]:
    """The attributions of one BRAT .ann file, in the order of their events.

    Events without a content argument (a handful of annotation slips) cannot be scored
    and are skipped.
    """
    spans: dict[str, Pieces] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in ann.splitlines():
        bound = _TEXT_BOUND.match(line)
        if bound:
            spans[bound.group(1)] = _pieces(bound.group(3))
            continue
        event = _EVENT.match(line)
        if event:
            args = [tuple(arg.split(":", 1)) for arg in event.group(2).split() if ":" in arg]
            events.append((event.group(1), args))
    found = []
    for event_id, args in events:
        attribution = _attribution(event_id, args, spans)
        if attribution is not None:
            found.append(attribution)
    return found


def _pieces(offsets: str) -> Pieces:
    pairs = (fragment.split() for fragment in offsets.split(";"))
    return tuple(sorted((int(s), int(e)) for s, e in pairs))


def _attribution(
    event_id: str, args: list[tuple[str, str]], spans: dict[str, Pieces]
) -> GoldAttribution | None:
    content: list[tuple[int, int]] = []
    source = cue = None
    for role, ref in args:
        pieces = spans.get(ref)
        if pieces is None:
            continue
        if role.startswith("Content"):
            content.extend(pieces)
        elif role.startswith("Source") and source is None:
            source = pieces
        elif role.startswith("Cue") and cue is None:
            cue = pieces
    if not content:
        return None
    return GoldAttribution(id=event_id, content=tuple(sorted(content)), source=source, cue=cue)


def read_metadata(root: Path) -> dict[tuple[str, str], dict[str, str]]:
    """``metadata.tsv`` keyed by (split, file name)."""
    path = root / "metadata.tsv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {(row["compartment"], row["filename"]): row for row in rows}


def read_split(root: Path | str, split: str = "dev") -> Iterator[GoldArticle]:
    """Every article of ``split`` with its primary annotation, in file-name order."""
    root = Path(root)
    text_dir = root / split / "text"
    ann_dir = root / split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(str(root), f"no PolNeAR split {split!r} (expected {text_dir})")
    metadata = read_metadata(root)
    for text_path in sorted(text_dir.glob("*.txt")):
        name = text_path.stem
        row = metadata.get((split, name), {})
        ann_path, annotator = _primary_annotation(ann_dir, name, row.get("annotators", ""))
        if ann_path is None:
            continue
        yield GoldArticle(
            name=name,
            split=split,
            text=text_path.read_text(encoding="utf-8"),
            annotator=annotator,
            publisher=row.get("publisher", ""),
            title=row.get("title", ""),
            attributions=parse_ann(ann_path.read_text(encoding="utf-8")),
        )


def _primary_annotation(ann_dir: Path, name: str, annotators: str) -> tuple[Path | None, str]:
    for annotator in (a for a in annotators.split("|") if a):
        path = ann_dir / f"{name}_{annotator}.ann"
        if path.is_file():
            return path, annotator
    # No metadata row: the only file, or the first by name.
    candidates = sorted(ann_dir.glob(f"{name}_*.ann"))
    if not candidates:
        return None, ""
    return candidates[0], candidates[0].stem.rsplit("_", 1)[-1]
