"""Find quotations in running text, across scripts and newsroom conventions.

Works on characters, not tokens, so that a quotation is found the same way whatever the
tokenizer does with quotation marks. Every English newsroom style is read:

- double marks, curly (“…”) or straight ("…"), and typewriter pairs (''…'', ``…'');
- single marks, curly (‘…’) or straight ('…'), as British papers quote, told apart from
  apostrophes ("don't", "Kiev's", "MPs' expenses", "'90s", "rock 'n' roll");
- a quotation of the other kind nested inside (“He said ‘no’” and ‘He said “no”’);
- the convention that a quotation running on into the next paragraph leaves its closing
  mark off and opens the next paragraph again, in whichever style the article quotes in.

:func:`normalised_view` then gives the text with every quotation's marks made canonical
(“ and ”, same length, same offsets): the one place where styles are told apart, so that
the patterns reading quotations never look at raw marks.
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
    "'": "'’",
}
DOUBLE_OPENERS = '“„«»‹「『"”'
SINGLE_OPENERS = "‘‚'"
ALL_MARKS = frozenset("“”„«»‹›「」『』\"‘’‚'")
OPEN, CLOSE = "“", "”"  # the canonical marks of the normalised view


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool  # False when the paragraph ended first (the quote runs on)
    single: bool = False  # quoted with single marks (‘…’ or '…')

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end

    def as_tuple(self) -> tuple[int, int, int, int, bool, bool]:
        return (self.start, self.end, self.inner_start, self.inner_end, self.closed, self.single)


# Typewriter-style quotes written with two marks (''…'' in the New York Times, ``…'' in
# corpora that went through LaTeX conventions) read as one double quotation mark.
_TWO_CHAR_MARKS = re.compile(r"''|``")
_FILLER = "\x01"
# Words that begin with an apostrophe, not a quotation: 'em, 'til, 'cause, 'n', '90s.
_ELISION = re.compile(r"'(?:em|til|tis|twas|cause|bout|round|n'|n\b|\d\d(?:s\b|\b))", re.I)


def find_quotes(text: str) -> list[Quote]:
    """Top-level quotations in ``text``, in order, never overlapping."""
    view = _TWO_CHAR_MARKS.sub('"' + _FILLER, text)  # same length, same offsets
    single_style = _quotes_singly(view)
    return [_widen(view, quote) for quote in _find_quotes(view, single_style)]


def normalised_view(text: str, quotes: list[Quote]) -> str:
    """``text`` with each quotation's opening mark made “ and its closing mark ”, and the
    second character of a two-character mark (''…'') a space: the same length and
    offsets, every newsroom style looking alike. Apostrophes and stray marks stay."""
    chars = list(text)
    for quote in quotes:
        for i in range(quote.start, quote.inner_start):
            chars[i] = " "
        chars[quote.inner_start - 1] = OPEN
        if quote.closed:
            for i in range(quote.inner_end, quote.end):
                chars[i] = " "
            chars[quote.inner_end] = CLOSE
    return "".join(chars)


def _widen(view: str, quote: Quote) -> Quote:
    """Count both characters of a two-character mark as part of the mark."""
    inner_start, end = quote.inner_start, quote.end
    if inner_start < len(view) and view[inner_start] == _FILLER:
        inner_start += 1
    if quote.closed and end < len(view) and view[end] == _FILLER:
        end += 1
    if (inner_start, end) == (quote.inner_start, quote.end):
        return quote
    inner_end = max(quote.inner_end, inner_start)
    return Quote(quote.start, end, inner_start, inner_end, quote.closed, quote.single)


def _quotes_singly(text: str) -> bool:
    """Whether the article quotes with single marks (British style): more quotations of
    several words in single marks than in double ones."""
    double = single = 0
    for para_start, para_end in _paragraphs(text):
        for quote in _quotes_in(text, para_start, para_end, False, False):
            if " " not in text[quote.inner_start : quote.inner_end].strip():
                continue
            if quote.single:
                single += 1
            else:
                double += 1
    return single > double


def _find_quotes(text: str, single_style: bool) -> list[Quote]:
    quotes: list[Quote] = []
    paragraphs = _paragraphs(text)
    openers = DOUBLE_OPENERS + (SINGLE_OPENERS if single_style else "")
    for index, (para_start, para_end) in enumerate(paragraphs):
        following = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
        opening = text[following : paragraphs[index + 1][1]].lstrip()[:1] if following else ""
        runs_on = bool(opening) and opening in openers
        quotes.extend(_quotes_in(text, para_start, para_end, runs_on, single_style))
    return quotes


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in re.finditer(r"\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _quotes_in(text: str, start: int, end: int, runs_on: bool, single_style: bool) -> list[Quote]:
    found: list[Quote] = []
    i = start
    while i < end:
        # Only a mark can open a quotation: jump to the next one (a character-by-character
        # walk of every paragraph, twice, was a third of the quote index's cost).
        mark = _OPENING_MARK.search(text, i, end)
        if mark is None:
            break
        i = mark.start()
        ch = text[i]
        if ch in PAIRS and _can_open(text, i, start, end):
            single = ch in SINGLE_OPENERS
            close = _find_close(text, i, end)
            if close is not None:
                found.append(Quote(i, close + 1, i + 1, close, True, single))
                i = close + 1
                continue
            may_run_on = not single or single_style
            if may_run_on and (runs_on or _only_space_before(text, start, i)):
                # A quotation left open at the end of its paragraph runs to the end of the
                # paragraph, and on into the next one when that opens with a quote mark.
                inner_end = _rstrip(text, i + 1, end)
                found.append(Quote(i, inner_end, i + 1, inner_end, False, single))
                return found
        i += 1
    return found


_OPENING_MARK = re.compile("[" + re.escape("".join(PAIRS)) + "]")


def _can_open(text: str, i: int, para_start: int, para_end: int) -> bool:
    ch = text[i]
    before = text[i - 1] if i > para_start else " "
    after = text[i + 1] if i + 1 < para_end else " "
    if after.isspace():
        return False
    if ch == "'" and _ELISION.match(text, i):
        return False
    if ch in '"”»' or ch in SINGLE_OPENERS:
        # Ambiguous marks open only at a word boundary: not "Kiev’s", not 5'11".
        return before.isspace() or before in "([{—–-/:;,\u2014" or before in ALL_MARKS
    return True


def _find_close(text: str, opener: int, para_end: int) -> int | None:
    mark = text[opener]
    closers = PAIRS[mark]
    single = mark in SINGLE_OPENERS
    depth_single = 0
    weak: int | None = None
    for j in range(opener + 1, para_end):
        ch = text[j]
        if not single and ch == "‘":
            depth_single += 1
            continue
        if single and weak is not None and ch in SINGLE_OPENERS and _can_open(text, j, 0, para_end):
            return weak  # 'fake news' and 'enough': the first one closed after all
        if ch == "“" and mark == "“" and _mistyped_close(text, j, para_end):
            return j  # “Apparently not,“ he said: an opening mark typed for the closing one
        if ch not in closers:
            continue
        if ch in "’'" and _is_apostrophe(text, j, para_end):
            continue
        if ch in "’'" and depth_single > 0:
            depth_single -= 1
            continue
        if not _can_close(text, j, para_end):
            continue
        if single and weak is None and _plural_possessive(text, j, para_end):
            weak = j  # "the MPs' expenses": close here only if nothing later does
            continue
        return j
    return weak


def _is_apostrophe(text: str, j: int, para_end: int) -> bool:
    before = text[j - 1]
    after = text[j + 1] if j + 1 < para_end else " "
    return before.isalnum() and after.isalnum()


def _plural_possessive(text: str, j: int, para_end: int) -> bool:
    """A mark after a plural and before a lower-case word: "voters' concerns"."""
    if text[j - 1] not in "sS" or j + 2 >= para_end or text[j + 1] != " ":
        return False
    return text[j + 2].islower()


def _mistyped_close(text: str, j: int, para_end: int) -> bool:
    """An opening mark right after the end of a sentence or clause and before a space
    cannot open anything: it closes the quotation."""
    after = text[j + 1] if j + 1 < para_end else " "
    return text[j - 1] in ",.!?" and after.isspace()


def _can_close(text: str, j: int, para_end: int) -> bool:
    after = text[j + 1] if j + 1 < para_end else " "
    before = text[j - 1]
    if before.isspace() and not (j >= 2 and text[j - 2] in "’'" and text[j - 1] == " "):
        # A space before a closing mark is allowed only after a nested quotation's own
        # closing mark: "… what they call 'a flight to quality,' " he said.
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
