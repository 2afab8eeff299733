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

_RAW_TEXT = frozenset(
    {"script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title"}
)
# A start or end tag: the name, then attribute names, ``=``, quoted or bare values, up to
# the first ``>`` outside a quoted value; an unterminated quote runs to the end of the page
# (the parser reads it so too). Atomic groups and possessive quantifiers: no backtracking,
# linear in the tag's length.
_TAG = re.compile(
    r"</?(?P<name>[A-Za-z][^\t\n\f\r />]*+)"
    r"(?>[^>\"'=]++|=[\t\n\f\r ]*+\"[^\"]*+\"?|=[\t\n\f\r ]*+'[^']*+'?|=|[\"'])*+>?"
)
_MARKUP = re.compile(r"<(?=[A-Za-z!?/])")
_LETTER = re.compile(r"[A-Za-z]")


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
    pos = 0
    end = len(html)
    while (found := _MARKUP.search(html, pos)) is not None:
        start = found.start()
        nxt = html[start + 1]
        if nxt == "!":
            pos = _after_declaration(html, start)
            continue
        if nxt == "?" or (nxt == "/" and not _LETTER.match(html, start + 2)):
            pos = _after_gt(html, start + 2)
            continue
        tag = _TAG.match(html, start)
        if tag is None:  # unreachable: "<" + letter or "</" + letter always matches
            pos = start + 1
            continue
        if tag.end() - start > limit:
            return LongTag(start, tag.end() - start, tag.group("name").lower()[:40])
        pos = tag.end()
        name = tag.group("name").lower()
        # libxml2 closes ``<script/>`` at once (HTML5 would not): only an open raw-text
        # element is skipped, so that the scanner never skips what the parser reads.
        if nxt == "/" or tag.group().endswith("/>"):
            continue
        if name in _RAW_TEXT:
            pos = _after_raw_text(html, pos, name)
        elif name == "plaintext":
            pos = end
    return None


def _after_gt(html: str, pos: int) -> int:
    found = html.find(">", pos)
    return len(html) if found < 0 else found + 1


def _after_declaration(html: str, start: int) -> int:
    """Past a comment (``<!-- … -->``) or a bogus comment (``<!DOCTYPE …>``, CDATA)."""
    if not html.startswith("<!--", start):
        return _after_gt(html, start + 2)
    body = start + 4
    if html.startswith(">", body):
        return body + 1
    if html.startswith("->", body):
        return body + 2
    ends = [i for i in (html.find("-->", body), html.find("--!>", body)) if i >= 0]
    if not ends:
        return len(html)
    close = min(ends)
    return close + (3 if html.startswith("-->", close) else 4)


def _after_raw_text(html: str, pos: int, name: str) -> int:
    """Past the text of a raw-text element: to its end tag, or the end of the page."""
    closing = re.compile(rf"</{name}(?=[\t\n\f\r />])", re.IGNORECASE)
    found = closing.search(html, pos)
    return len(html) if found is None else found.start()
