"""Character-level helpers shared by the frames: content trimming and a quote index.

The frames read quotation marks only through this layer: :class:`QuoteIndex` knows every
quotation of the article, whatever the newsroom's style (double or single marks, straight
or curly, typewriter pairs), and :func:`view_of` gives the article's text with those marks
made canonical (“…”), offsets unchanged. Patterns test the view, never raw marks.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from spacy.tokens import Doc, Span, Token

from sayso.nlp.quotes import CLOSE, OPEN, Quote, find_quotes, normalised_view

_EDGE_PUNCT = " \t\n\r\f\v,;:—–-"


def char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character range of tokens ``start:end``."""
    span = doc[start:end]
    return span.start_char, span.end_char


def finish_content(view: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim a content range of edge punctuation and whitespace, keeping quotes balanced.

    ``view`` is the normalised text (:func:`view_of`), where every quotation opens with
    “ and closes with ”."""
    while start < end and view[start] in _EDGE_PUNCT:
        start += 1
    while end > start and view[end - 1] in _EDGE_PUNCT:
        end -= 1
    if end > start and view[end - 1] == "." and not view[start:end].endswith("..."):
        end -= 1
    if end <= start:
        return None
    body = view[start:end]
    if body.count(OPEN) > body.count(CLOSE):
        probe = end
        while probe < len(view) and probe - end < 3 and view[probe] in ".,!?":
            probe += 1
        if probe < len(view) and view[probe] == CLOSE:
            end = probe + 1
    return start, end


class QuoteIndex:
    """The quotations of one document, with the look-ups the frames need."""

    def __init__(
        self, text: str, quotes: list[Quote] | None = None, view: str | None = None
    ) -> None:
        self.text = text
        self.quotes = quotes if quotes is not None else find_quotes(text)
        self._starts = [q.start for q in self.quotes]
        self.view = view if view is not None else normalised_view(text, self.quotes)

    def opens_before(self, char: int) -> bool:
        """Whether a quotation opens right before ``char``."""
        return char > 0 and self.view[char - 1] == OPEN

    def is_quoted(self, start: int, end: int) -> bool:
        """Whether ``start:end`` is the words of one quotation: an opening mark right
        before it and a closing mark right after it (or the paragraph ends first)."""
        if not self.opens_before(start):
            return False
        after = self.view[end : end + 2]
        return CLOSE in after or _runs_to_paragraph_end(self.view, end)

    def marks_in(self, start: int, end: int) -> list[int]:
        """Offsets of the quotation marks inside ``start:end``."""
        return [i for i in range(start, end) if self.view[i] in (OPEN, CLOSE)]

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


def _runs_to_paragraph_end(text: str, end: int) -> bool:
    newline = text.find("\n", end)
    rest = text[end : newline if newline >= 0 else len(text)]
    return not rest.strip(" ,.")


def quote_index(doc: Doc) -> QuoteIndex:
    """The quotations of ``doc``, found once and kept with it (as plain tuples and the
    normalised text, which serialise with the Doc); the last index built is reused while
    the Doc still holds its very view."""
    global _last
    user_data: dict[Any, Any] = doc.user_data  # keyed by tuples, as spaCy's own are
    view = user_data.get(_VIEW_KEY)
    if _last is not None and view is _last.view:
        return _last
    text = text_of(doc)
    cached = user_data.get(_QUOTES_KEY)
    if isinstance(cached, list) and isinstance(view, str) and len(view) == len(text):
        index = QuoteIndex(text, [Quote(*q) for q in cached], view)
    else:
        index = QuoteIndex(text)
        user_data[_QUOTES_KEY] = [q.as_tuple() for q in index.quotes]
        user_data[_VIEW_KEY] = index.view
    _last = index
    return index


_last: QuoteIndex | None = None


def opens_quote(token: Token, view: str | None = None) -> bool:
    """Whether a quotation opens at ``token`` (one of its marks, in any style)."""
    view = view if view is not None else view_of(token.doc)
    return OPEN in view[token.idx : token.idx + len(token.text)]


def view_of(doc: Doc) -> str:
    """The text of ``doc`` with its quotation marks normalised (see :class:`QuoteIndex`)."""
    user_data: dict[Any, Any] = doc.user_data
    view = user_data.get(_VIEW_KEY)
    if isinstance(view, str) and len(view) == len(text_of(doc)):
        return view
    return quote_index(doc).view


def text_of(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins every token's text on each access, which made
    the extractor's cost grow with the square of the article's length."""
    user_data: dict[Any, Any] = doc.user_data  # keyed by tuples too, as spaCy's own are
    cached = user_data.get(_TEXT_KEY)
    if isinstance(cached, str) and user_data.get(_TOKENS_KEY) == len(doc):
        return cached
    # Docs merged with Doc.from_docs carry over user data: check the number of tokens.
    cached = doc.text
    user_data[_TEXT_KEY] = cached
    user_data[_TOKENS_KEY] = len(doc)
    return cached


def remember_text(doc: Doc, text: str) -> None:
    """Keep the string a Doc was made from as its text (spaCy's tokenizer is
    non-destructive, so ``doc.text == text``): :func:`text_of` then never builds it from the
    tokens, which cost 3 % of sayso's analysis (a Token object per token, twice a doc)."""
    user_data: dict[Any, Any] = doc.user_data
    user_data[_TEXT_KEY] = text
    user_data[_TOKENS_KEY] = len(doc)


_TEXT_KEY = ("sayso", "text")
_TOKENS_KEY = ("sayso", "text_tokens")
_QUOTES_KEY = ("sayso", "quotes")
_VIEW_KEY = ("sayso", "quote_view")
