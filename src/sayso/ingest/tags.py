"""The tag-length guard: find the longest real tag of a page the way an HTML parser reads it.

One tag of hundreds of thousands of characters (150,000 attributes, a 1.5 MB attribute) is
an attack on the parser, not a page: lxml and trafilatura took minutes on it. Real pages
hold long runs without ``<`` or ``>`` too, but not in tags: inline CSS and JavaScript
(often wrapped in ``<![CDATA[ … ]]>``), comments, JSON in ``<script>``. Counting those as
tags refused 16 of 1,193 real saved pages (NYT, The Verge, Seattle Times among them).

So the guard tokenises the page as the HTML5 tokenizer (and libxml2's HTML parser, which
follows it) does, and measures only start and end tags:

- the text of ``script``, ``style``, ``xmp``, ``iframe``, ``noembed``, ``noframes``,
  ``textarea`` and ``title`` runs to the matching end tag: markup inside is not markup;
- a comment runs to ``-->`` (``<!-->`` and ``<!--->`` are complete, empty comments);
- ``<!…>`` (``<![CDATA[``, ``<!DOCTYPE``), ``<?…>`` and ``</`` + non-letter are bogus
  comments that end at the first ``>``: a CDATA section in HTML ends there too, so nothing
  the parser reads as a tag is ever skipped;
- a tag ends at the first ``>`` outside a quoted attribute value (a value is quoted only
  right after ``=``), so a ``>`` inside ``title="a > b"`` does not end it, as it does not
  for the parser; the old guard (a run of characters without ``<`` or ``>``) could be
  walked around that way.

Whatever this scanner skips, the parser skips as well or reads as text; where the two
could differ (scripts with ``<!--`` inside, CDATA in inline SVG), the scanner stops skipping
earlier and checks more, never less.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The length of one tag past which a page is refused; ``--max-tag-chars`` raises it.
MAX_TAG_CHARS = 65_536

# One tag's attributes: names, "=", quoted or bare values, up to the first ">" outside a
# quoted value; an unterminated quote runs to the end of the page (the parser reads it so
# too). Atomic groups and possessive quantifiers: no backtracking, linear in the length.
_ATTRIBUTES = r"""(?>[^>"'=]++|=[\t\n\f\r ]*+"[^"]*+"?|=[\t\n\f\r ]*+'[^']*+'?|=|["'])*+"""
_END = r"(?=[\t\n\f\r />]|\Z)"
# A raw-text element's text, up to its end tag or the end of the page: runs without "<"
# taken whole, then any "<" that does not start the end tag.
_RAW_TEXT = r"[^<]*+(?:<(?!/(?P=raw)[\t\n\f\r />])[^<]*+)*+"
# The page as the tokenizer reads it, one token per match: comments, bogus comments
# (<!…>, <?…>, </ + non-letter), raw-text elements with their text (the start tag in
# "open"; libxml2 closes <script/> at once, so one ending in "/>" has no text), plaintext
# (the rest of the page is its text), and every other start or end tag ("tag"). Text
# between tokens is skipped by the regex engine, not by Python.
_TOKENS = re.compile(
    r"<(?:!--(?:>|->|.*?(?:--!?>|\Z))"
    r"|[!?][^>]*+>?"
    r"|/(?![a-z])[^>]*+>?"
    rf"|(?P<open>(?P<raw>script|style|xmp|iframe|noembed|noframes|textarea|title){_END}"
    rf"{_ATTRIBUTES})(?:(?<=/)>|>{_RAW_TEXT}|\Z)"
    rf"|(?P<plain>plaintext{_END}{_ATTRIBUTES})(?:(?<=/)>|>.*\Z|\Z)"
    rf"|(?P<tag>/?[a-z][^\t\n\f\r />]*+{_ATTRIBUTES}>?))",
    re.IGNORECASE | re.DOTALL,
)
_NAME = re.compile(r"</?([^\t\n\f\r />]*)")


@dataclass(frozen=True, slots=True)
class LongTag:
    """The first tag over the limit: where it starts, its length and its name."""

    start: int
    length: int
    name: str


def find_long_tag(html: str, limit: int = MAX_TAG_CHARS) -> LongTag | None:
    """The first start or end tag of ``html`` longer than ``limit`` characters, if any."""
    if len(html) <= limit:
        return None
    for token in _TOKENS.finditer(html):
        start = token.start()
        if token.end() - start <= limit:
            continue  # nearly every token: one comparison each
        for group in ("open", "plain", "tag"):
            if token.group(group) is not None:
                length = token.end(group) - start + (group != "tag")
                if length > limit:
                    name = _NAME.match(html, start)
                    label = name.group(1).lower()[:40] if name else ""
                    return LongTag(start, length, label)
    return None
