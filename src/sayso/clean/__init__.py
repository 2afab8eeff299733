"""Separate an article body from the scraping noise around it.

The cleaner never rewrites the input: it reports what is noise (with offsets) and gives a
*masked* copy of the text in which noise is blanked out with spaces, so that every offset
the NLP stage produces is also an offset into the original input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sayso.clean.encoding import decode_bytes, replace_unsafe
from sayso.clean.noise import byline_from, find_noise, publisher_from
from sayso.model import RemovedPiece

__all__ = ["CleanText", "clean_text", "decode_bytes", "replace_unsafe"]

_TERMINAL = (".", "!", "?", "”", '"', "’", "'", "»", ":")
_MAX_TITLE_WORDS = 16


@dataclass(slots=True)
class CleanText:
    """The input text and what the cleaner found in it."""

    text: str
    removed: list[RemovedPiece] = field(default_factory=list)
    title: str | None = None
    standfirst: str | None = None
    publisher: str | None = None
    byline: str | None = None

    def masked(self) -> str:
        """The text with every removed piece blanked out, offsets unchanged."""
        chars = list(self.text)
        for piece in self.removed:
            for i in range(piece.start, piece.end):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)


def clean_text(text: str) -> CleanText:
    """Find the headline or standfirst and the noise in ``text``."""
    removed = find_noise(text)
    result = CleanText(
        text=text,
        removed=removed,
        publisher=publisher_from(removed, text),
        byline=byline_from(removed),
    )
    first = _first_line(result.masked())
    if first is not None:
        line = re.sub(r"\s+", " ", first).strip()
        if _is_title(line):
            result.title = line
        else:
            result.standfirst = line
    return result


def _first_line(masked: str) -> str | None:
    """The opening line, when it stands apart from the body as a headline does.

    A headline or standfirst sits alone on the first line, is followed by more text and
    does not end like a body sentence; a first line that reads as a lede is left alone.
    """
    stripped = masked.lstrip()
    if "\n" not in stripped:
        return None
    line, rest = stripped.split("\n", 1)
    line = line.strip()
    if not line or not rest.strip() or line.endswith(_TERMINAL[:4]):
        return None
    if len(line.split()) > 60:
        return None
    return line


def _is_title(line: str) -> bool:
    words = line.split()
    if len(words) <= _MAX_TITLE_WORDS:
        return True
    content = [w for w in words if len(w) > 3]
    capitalised = sum(1 for w in content if w[0].isupper())
    return bool(content) and capitalised / len(content) > 0.6
