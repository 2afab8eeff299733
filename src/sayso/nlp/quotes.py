"""Find quotations in running text, across scripts and conventions.

Works on characters, not tokens, so that a quotation is found the same way whatever the
tokenizer does with curly quotes. Follows the news convention that a quotation running on
into the next paragraph leaves its closing mark off and opens the next paragraph again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Opening mark -> the closing marks that may end it.
PAIRS: dict[str, str] = {
    "“": '”"„',
    "„": '“”"',
    "«": "»",
    "»": "«",  # Danish/Swedish style »…«
    "‹": "›",
    "「": "」",
    "『": "』",
    '"': '"”',
    "”": "”",  # Finnish/Swedish style ”…”
    "‘": "’'",
    "‚": "‘’",
}
DOUBLE_OPENERS = '“„«»‹「『"”'
SINGLE_OPENERS = "‘‚"
ALL_MARKS = frozenset('“”„«»‹›「」『』"‘’‚')


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool  # False when the paragraph ended first (the quote runs on)

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


# Typewriter-style quotes written with two marks (''…'' in the New York Times, ``…'' in
# corpora that went through LaTeX conventions) read as one double quotation mark.
_TWO_CHAR_MARKS = re.compile(r"''|``")
_FILLER = "\x01"


def find_quotes(text: str) -> list[Quote]:
    """Top-level quotations in ``text``, in order, never overlapping."""
    view = _TWO_CHAR_MARKS.sub('"' + _FILLER, text)  # same length, same offsets
    return [_widen(view, quote) for quote in _find_quotes(view)]


def _widen(view: str, quote: Quote) -> Quote:
    """Count both characters of a two-character mark as part of the mark."""
    inner_start, end = quote.inner_start, quote.end
    if inner_start < len(view) and view[inner_start] == _FILLER:
        inner_start += 1
    if quote.closed and end < len(view) and view[end] == _FILLER:
        end += 1
    if (inner_start, end) == (quote.inner_start, quote.end):
        return quote
    return Quote(quote.start, end, inner_start, max(quote.inner_end, inner_start), quote.closed)


def _find_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    paragraphs = _paragraphs(text)
    for index, (para_start, para_end) in enumerate(paragraphs):
        following = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
        opening = text[following : paragraphs[index + 1][1]].lstrip()[:1] if following else ""
        runs_on = bool(opening) and opening in DOUBLE_OPENERS
        quotes.extend(_quotes_in(text, para_start, para_end, runs_on))
    return quotes


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in re.finditer(r"\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _quotes_in(text: str, start: int, end: int, runs_on: bool) -> list[Quote]:
    found: list[Quote] = []
    i = start
    while i < end:
        ch = text[i]
        if ch in PAIRS and _can_open(text, i, start, end):
            close = _find_close(text, i, end)
            if close is not None:
                found.append(Quote(i, close + 1, i + 1, close, True))
                i = close + 1
                continue
            if ch in DOUBLE_OPENERS and (runs_on or _only_space_before(text, start, i)):
                # A quotation left open at the end of its paragraph runs to the end of the
                # paragraph, and on into the next one when that opens with a quote mark.
                inner_end = _rstrip(text, i + 1, end)
                found.append(Quote(i, inner_end, i + 1, inner_end, False))
                return found
        i += 1
    return found


def _can_open(text: str, i: int, para_start: int, para_end: int) -> bool:
    ch = text[i]
    before = text[i - 1] if i > para_start else " "
    after = text[i + 1] if i + 1 < para_end else " "
    if after.isspace():
        return False
    if ch in '"”»' or ch in SINGLE_OPENERS:
        # Ambiguous marks open only at a word boundary: not "Kiev’s", not 5'11".
        return before.isspace() or before in "([{—–-/:;,\u2014" or before in ALL_MARKS
    return True


def _find_close(text: str, opener: int, para_end: int) -> int | None:
    closers = PAIRS[text[opener]]
    depth_single = 0
    for j in range(opener + 1, para_end):
        ch = text[j]
        if ch == "‘" and text[opener] != "‘":
            depth_single += 1
            continue
        if ch not in closers:
            continue
        if ch in "’'" and _is_apostrophe(text, j, para_end):
            continue
        if ch in "’'" and depth_single > 0:
            depth_single -= 1
            continue
        if _can_close(text, j, para_end):
            return j
    return None


def _is_apostrophe(text: str, j: int, para_end: int) -> bool:
    before = text[j - 1]
    after = text[j + 1] if j + 1 < para_end else " "
    return before.isalnum() and after.isalnum()


def _can_close(text: str, j: int, para_end: int) -> bool:
    after = text[j + 1] if j + 1 < para_end else " "
    before = text[j - 1]
    if before.isspace():
        return False
    return not after.isalnum() or text[j] in "”»›」』“"


def _only_space_before(text: str, para_start: int, i: int) -> bool:
    return not text[para_start:i].strip()


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def quote_marks_in(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a double quotation mark (mixed content)."""
    return any(ch in '“”„«»"' for ch in text[start:end])
