"""Captions, credits and page furniture taken out of an HTML tree before extraction.

trafilatura drops ``<figure>`` and most navigation, but on real pages it kept photo
captions written as paragraphs (``<p class="imageCaption">``), credits in spans, video
players ("This video can not be played", "Video player loading"), newsletter sign-ups and
related-link lists inside the article: 9 of 19 pages with reference texts kept some. These
are found here by what the page's own markup calls them — the words in an element's
``class``, ``id``, ``itemprop``, ``data-component`` or ``data-testid`` — and removed when
they are short, so that no body paragraph goes with them.

A removed element keeps its tail text (lxml's ``drop_tree``). An element that holds the
article (``article``, ``main``, the ``h1``, ``itemprop=articleBody``) or body-length
paragraphs is never removed, whatever its class says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import pairwise

from lxml.html import HtmlElement


class Furniture(StrEnum):
    CAPTION = "caption"  # photo captions and credits
    BYLINE = "byline"  # byline blocks and timestamps: the byline is read from metadata
    VIDEO = "video"  # video players and their titles
    NEWSLETTER = "newsletter"  # sign-up boxes
    RELATED = "related"  # related links, read-next, most viewed, topic lists
    AD = "ad"  # advertisement slots
    SHARE = "share"  # share and comment bars


# Words of an element's class/id (split at "-", "_", spaces and camelCase humps) that name
# it, each with the longest text (characters) such an element may hold to be removed.
_EXACT: dict[str, Furniture] = {
    "figcaption": Furniture.CAPTION,
    "credit": Furniture.CAPTION,
    "credits": Furniture.CAPTION,
    "copyright": Furniture.CAPTION,
    "byline": Furniture.BYLINE,
    "bylines": Furniture.BYLINE,
    "timestamp": Furniture.BYLINE,
    "date": Furniture.BYLINE,
    "video": Furniture.VIDEO,
    "player": Furniture.VIDEO,
    "vjs": Furniture.VIDEO,
    "jwplayer": Furniture.VIDEO,
    "mediaplayer": Furniture.VIDEO,
    "newsletter": Furniture.NEWSLETTER,
    "newsletters": Furniture.NEWSLETTER,
    "signup": Furniture.NEWSLETTER,
    "subscribe": Furniture.NEWSLETTER,
    "subscription": Furniture.NEWSLETTER,
    "mc4wp": Furniture.NEWSLETTER,
    "optin": Furniture.NEWSLETTER,
    "related": Furniture.RELATED,
    "recommended": Furniture.RELATED,
    "recirculation": Furniture.RELATED,
    "recirc": Furniture.RELATED,
    "outbrain": Furniture.RELATED,
    "taboola": Furniture.RELATED,
    "readmore": Furniture.RELATED,
    "onward": Furniture.RELATED,
    "onwards": Furniture.RELATED,
    "trending": Furniture.RELATED,
    "topics": Furniture.RELATED,
    "ad": Furniture.AD,
    "ads": Furniture.AD,
    "advert": Furniture.AD,
    "advertisement": Furniture.AD,
    "adslot": Furniture.AD,
    "dfp": Furniture.AD,
    "share": Furniture.SHARE,
    "sharing": Furniture.SHARE,
    "social": Furniture.SHARE,
}
# Stems found inside one word ("relatedposts", "wp-caption", "imageCaption").
_STEMS: tuple[tuple[str, Furniture], ...] = (
    ("caption", Furniture.CAPTION),
    ("related", Furniture.RELATED),
    ("newsletter", Furniture.NEWSLETTER),
)
# Two words in a row that name furniture: "sign-up", "read-more", "more-on", "most-viewed".
_PAIRS: dict[tuple[str, str], Furniture] = {
    ("sign", "up"): Furniture.NEWSLETTER,
    ("read", "more"): Furniture.RELATED,
    ("read", "next"): Furniture.RELATED,
    ("more", "on"): Furniture.RELATED,
    ("most", "viewed"): Furniture.RELATED,
    ("most", "popular"): Furniture.RELATED,
    ("most", "read"): Furniture.RELATED,
    ("rich", "link"): Furniture.RELATED,
    ("links", "block"): Furniture.RELATED,
    ("topic", "list"): Furniture.RELATED,
    ("media", "player"): Furniture.VIDEO,
}
# The most text (characters) an element of each kind may hold and still be removed: a
# caption is a sentence or two, a sign-up box a few lines, a related-links box a list.
_MAX_CHARS: dict[Furniture, int] = {
    Furniture.CAPTION: 500,
    Furniture.BYLINE: 200,
    Furniture.VIDEO: 400,
    Furniture.NEWSLETTER: 600,
    Furniture.RELATED: 1500,
    Furniture.AD: 200,
    Furniture.SHARE: 200,
}
_NAMING_ATTRIBUTES = ("class", "id", "itemprop", "data-component", "data-testid")
_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SPLIT = re.compile(r"[^a-z0-9]+")
_KEEP_TAGS = frozenset({"html", "body", "main", "article", "h1"})
_BODY_PARAGRAPH = 300  # characters: a paragraph this long is body text, never furniture
_BOX_EXTRA = 60  # characters a byline's or credit's box may hold besides it


@dataclass(slots=True)
class Pruned:
    """What was taken out: the text of each removed piece, by kind."""

    pieces: dict[Furniture, list[str]] = field(default_factory=dict)

    def add(self, kind: Furniture, text: str) -> None:
        self.pieces.setdefault(kind, []).append(text)

    def chars(self, kind: Furniture) -> int:
        return sum(len(text) for text in self.pieces.get(kind, []))


def words_of(element: HtmlElement) -> list[str]:
    """The lower-case words naming an element: ``class="imageCaption wp-caption"`` →
    image, caption, wp, caption."""
    words: list[str] = []
    for name in _NAMING_ATTRIBUTES:
        value = element.get(name)
        if value:
            words += [w for w in _SPLIT.split(_HUMP.sub(" ", value).lower()) if w]
    return words


def furniture_kind(element: HtmlElement) -> Furniture | None:
    """What kind of page furniture the element's own names say it is, if any."""
    if element.tag == "figcaption":
        return Furniture.CAPTION
    words = words_of(element)
    for word in words:
        if word in _EXACT:
            return _EXACT[word]
        for stem, kind in _STEMS:
            if stem in word:
                return kind
    for pair in pairwise(words):
        if pair in _PAIRS:
            return _PAIRS[pair]
    return None


def prune_page(tree: HtmlElement) -> Pruned:
    """Remove captions, credits and furniture from ``tree`` in place; say what went."""
    pruned = Pruned()
    for element, kind in list(_candidates(tree)):
        if element.getparent() is None or _inside_removed(element, tree):
            continue
        pruned.add(kind, text_of(element))
        element.drop_tree()
    for element in list(_link_lists(tree)):
        if element.getparent() is not None and not _inside_removed(element, tree):
            pruned.add(Furniture.RELATED, text_of(element))
            element.drop_tree()
    return pruned


def _candidates(tree: HtmlElement) -> Iterator[tuple[HtmlElement, Furniture]]:
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _KEEP_TAGS:
            continue
        if element.tag == "figure":
            if _removable_figure(element):
                yield element, Furniture.CAPTION
            continue
        kind = furniture_kind(element)
        if kind is None or len(text_of(element)) > _MAX_CHARS[kind]:
            continue
        if not _holds_article(element):
            yield _whole(element, kind), kind


def _whole(element: HtmlElement, kind: Furniture) -> HtmlElement:
    """A byline or credit is often one span of its box ("By <span>A</span> and <span
    class=last-byline>B</span>"): take the box it nearly fills (a few words more), never
    a box with more in it (a live blog's entry holding a photo)."""
    if kind not in (Furniture.BYLINE, Furniture.CAPTION):
        return element
    while (parent := element.getparent()) is not None and parent.tag not in _KEEP_TAGS:
        extra = len(text_of(parent)) - len(text_of(element))
        if extra > _BOX_EXTRA or len(text_of(parent)) > _MAX_CHARS[kind] or _holds_article(parent):
            break
        element = parent
    return element


def _removable_figure(figure: HtmlElement) -> bool:
    """A figure of an image, video or embed with its caption; one holding a table or
    body-length text (some sites wrap pull quotes or charts' notes in figures) stays."""
    if figure.find(".//table") is not None or _holds_article(figure):
        return False
    caption = sum(len(text_of(c)) for c in figure.iter("figcaption"))
    return len(text_of(figure)) - caption <= _MAX_CHARS[Furniture.CAPTION]


def _holds_article(element: HtmlElement) -> bool:
    for child in element.iter():
        if not isinstance(child.tag, str):
            continue
        if child.tag in _KEEP_TAGS or (child.get("itemprop") or "").lower() == "articlebody":
            return True
        if child.tag == "p" and len(text_of(child)) >= _BODY_PARAGRAPH:
            return True
    return False


def _inside_removed(element: HtmlElement, root: HtmlElement) -> bool:
    # drop_tree detaches the element; its descendants keep their parent, so walk up and
    # see whether the top is still the document.
    node = element
    while (parent := node.getparent()) is not None:
        node = parent
    return node is not root


def _link_lists(tree: HtmlElement) -> Iterator[HtmlElement]:
    """Lists whose items are nothing but links ("More on this story", "Related Topics"),
    with their heading when the list and the heading are all their box holds."""
    for listing in tree.iter("ul", "ol"):
        items = [li for li in listing if isinstance(li.tag, str) and li.tag == "li"]
        if len(items) < 2 or not all(_all_link(li) for li in items):
            continue
        if _inside_removed(listing, tree) or _holds_article(listing):
            continue
        box = listing.getparent()
        if (
            box is not None
            and box.tag not in _KEEP_TAGS
            and box.tag not in ("td", "body")
            and not _holds_article(box)
            and len(text_of(box)) - len(text_of(listing)) <= 80
        ):
            yield box
        else:
            yield listing


def _all_link(item: HtmlElement) -> bool:
    """A list item that is a link, and perhaps a short date beside it."""
    text = text_of(item)
    links = sum(len(text_of(a)) for a in item.iter("a"))
    return links > 0 and len(text) - links <= 30


def text_of(element: HtmlElement | None) -> str:
    """An element's text, whitespace collapsed ("" for None)."""
    if element is None:
        return ""
    return " ".join(" ".join(element.itertext()).split())
