"""Character-level helpers shared by the frames: content trimming and a quote index."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from spacy.tokens import Doc, Span

from sayso.nlp.quotes import Quote, find_quotes

_EDGE_PUNCT = " \t\n\r\f\v,;:—–-"
_OPENERS = '“„«"'
_CLOSERS = '”»"'


def char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character range of tokens ``start:end``."""
    span = doc[start:end]
    return span.start_char, span.end_char


def finish_content(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim a content range of edge punctuation and whitespace, keeping quotes balanced."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    if end > start and text[end - 1] == "." and not text[start:end].endswith("..."):
        end -= 1
    if end <= start:
        return None
    body = text[start:end]
    opened = sum(body.count(ch) for ch in "“„«")
    closed = sum(body.count(ch) for ch in "”»")
    if opened > closed:
        probe = end
        while probe < len(text) and probe - end < 3 and text[probe] in ".,!?":
            probe += 1
        if probe < len(text) and text[probe] in _CLOSERS:
            end = probe + 1
    return start, end


class QuoteIndex:
    """The quotations of one document, with the look-ups the frames need."""

    def __init__(self, text: str, quotes: list[Quote] | None = None) -> None:
        self.text = text
        self.quotes = quotes if quotes is not None else find_quotes(text)
        self._starts = [q.start for q in self.quotes]

    def starting_at(self, char: int) -> Quote | None:
        i = bisect_left(self._starts, char)
        if i < len(self.quotes) and self.quotes[i].start == char:
            return self.quotes[i]
        return None

    def containing(self, char: int) -> Quote | None:
        i = bisect_left(self._starts, char + 1) - 1
        if i >= 0 and self.quotes[i].start <= char < self.quotes[i].end:
            return self.quotes[i]
        return None

    def ending_before(self, char: int) -> Quote | None:
        """A quotation that closes right before ``char`` (only spaces and commas between)."""
        i = bisect_left(self._starts, char) - 1
        if i < 0:
            return None
        quote = self.quotes[i]
        if quote.end > char or not quote.closed:
            return None
        gap = self.text[quote.end : char]
        return quote if not gap.strip(" \t,") else None

    def next_after(self, char: int) -> Quote | None:
        i = bisect_left(self._starts, char)
        return self.quotes[i] if i < len(self.quotes) else None

    def any_in(self, start: int, end: int) -> bool:
        return any(q.start < end and start < q.end for q in self.quotes)

    def open_at(self, char: int) -> Quote | None:
        return self.starting_at(char)

    def reaching_past(self, start: int, end: int) -> int:
        """The furthest end of a quotation that opens in ``[start, end)``."""
        furthest = end
        for quote in self.quotes:
            if start <= quote.start < end:
                furthest = max(furthest, quote.end)
        return furthest

    def inner(self, quote: Quote) -> tuple[int, int]:
        start, end = quote.inner_start, quote.inner_end
        while end > start and self.text[end - 1] in " \t\n,;:":
            end -= 1
        while start < end and self.text[start].isspace():
            start += 1
        return start, end

    def continuations(self, quote: Quote) -> list[tuple[int, int]]:
        """Quotations in following paragraphs that carry on an unclosed ``quote``."""
        pieces = []
        current = quote
        while not current.closed:
            following = self.next_after(current.end)
            if following is None or not self._next_paragraph_opens_with(current, following):
                break
            pieces.append(self.inner(following))
            current = following
        return pieces

    def continued_from(self, quote: Quote) -> list[tuple[int, int]]:
        """Unclosed quotations in earlier paragraphs that ``quote`` carries on."""
        pieces: list[tuple[int, int]] = []
        current = quote
        while True:
            i = self.quotes.index(current)
            if i == 0:
                break
            previous = self.quotes[i - 1]
            if previous.closed or not self._next_paragraph_opens_with(previous, current):
                break
            pieces.insert(0, self.inner(previous))
            current = previous
        return pieces

    def _next_paragraph_opens_with(self, previous: Quote, following: Quote) -> bool:
        gap = self.text[previous.end : following.start]
        return "\n" in gap and not gap.strip()

    def in_sentence(self, sent: Span) -> list[Quote]:
        return [q for q in self.quotes if q.start < sent.end_char and sent.start_char < q.end]


def text_of(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins every token's text on each access, which made
    the extractor's cost grow with the square of the article's length."""
    user_data: dict[Any, Any] = doc.user_data  # keyed by tuples too, as spaCy's own are
    cached = user_data.get(_TEXT_KEY)
    if not isinstance(cached, str) or len(cached) != _length(doc):
        # Docs merged with Doc.from_docs carry over user data: check the length.
        cached = doc.text
        user_data[_TEXT_KEY] = cached
    return cached


def remember_text(doc: Doc, text: str) -> None:
    """Keep the string a Doc was made from as its text (spaCy's tokenizer is
    non-destructive, so ``doc.text == text``): :func:`text_of` then never builds it from the
    tokens, which cost 3 % of sayso's analysis (a Token object per token, twice a doc)."""
    user_data: dict[Any, Any] = doc.user_data
    user_data[_TEXT_KEY] = text


def _length(doc: Doc) -> int:
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


_TEXT_KEY = ("sayso", "text")
