"""Is a page an article at all? Recipes, product pages and listings are not.

Read in this order, the first that speaks deciding:

1. the page's JSON-LD: an article type (``NewsArticle``, ``LiveBlogPosting``, …) makes it
   an article, whatever else it holds; a recipe, product, listing, profile, event… type
   without one makes it that;
2. Open Graph's ``og:type`` (``product``, ``video.movie``, ``profile``, …);
3. its structure: ingredients with a method (a recipe); a price with an "add to basket"
   button (a product); many headline links and no article-length paragraph (a listing) —
   the last two only when ``og:type`` does not call the page an article.

Recipe sites often say ``og:type`` "article", hence JSON-LD first and the recipe's
structure before ``og:type``. A listing's types
(``ItemList``, ``CollectionPage``) also sit on article pages as carousels, so they count
only with the listing's structure.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from sayso.ingest.pagemeta import ARTICLE_TYPES, PageMeta
from sayso.ingest.prune import text_of

NON_ARTICLE_TYPES: dict[str, str] = {
    "Recipe": "a recipe",
    "Product": "a product page",
    "ProductGroup": "a product page",
    "ProductModel": "a product page",
    "IndividualProduct": "a product page",
    "Vehicle": "a product page",
    "Car": "a product page",
    "ProfilePage": "a profile page",
    "JobPosting": "a job advert",
    "Event": "an event listing",
    "Course": "a course listing",
    "Movie": "a film listing",
    "TVSeries": "a TV listing",
    "Book": "a book listing",
    "MusicAlbum": "a music listing",
    "MusicRecording": "a music listing",
    "SoftwareApplication": "an app listing",
    "MobileApplication": "an app listing",
    "VideoGame": "a game listing",
    "LocalBusiness": "a business listing",
    "Restaurant": "a business listing",
    "Hotel": "a business listing",
    "RealEstateListing": "a property listing",
}
LISTING_TYPES = frozenset({"ItemList", "CollectionPage", "SearchResultsPage"})
OG_NON_ARTICLE: dict[str, str] = {
    "product": "a product page",
    "product.item": "a product page",
    "product.group": "a product page",
    "og:product": "a product page",
    "recipe": "a recipe",
    "profile": "a profile page",
    "video.movie": "a film listing",
    "video.tv_show": "a TV listing",
    "music.song": "a music listing",
    "music.album": "a music listing",
    "books.book": "a book listing",
    "business.business": "a business listing",
    "restaurant.restaurant": "a business listing",
    "restaurant.menu": "a business listing",
    "place": "a place listing",
}
_HEADLINE_LINKS = 6  # a section front lists dozens; an article's related box a few
_ARTICLE_PARAGRAPH = 250  # characters: a listing's summaries are shorter
_BASKET = re.compile(r"\badd to (?:basket|cart|bag|trolley)\b", re.IGNORECASE)
_PRICE = re.compile(r"[£$€¥]\s?\d[\d,]*(?:\.\d\d)?")
_RECIPE_HEADINGS = (
    re.compile(r"^ingredients\b", re.IGNORECASE),
    re.compile(r"^(?:method|directions|instructions|preparation|steps)\b", re.IGNORECASE),
)


def not_an_article(tree: HtmlElement, meta: PageMeta) -> str | None:
    """Why the page is not an article ("a recipe (JSON-LD @type Recipe)"), or None."""
    if meta.types & ARTICLE_TYPES:
        return None
    for kind in sorted(meta.types):
        if kind in NON_ARTICLE_TYPES:
            return f"{NON_ARTICLE_TYPES[kind]} (JSON-LD @type {kind})"
    if meta.og_type in OG_NON_ARTICLE:
        return f"{OG_NON_ARTICLE[meta.og_type]} (og:type {meta.og_type})"
    if _recipe(tree):
        return "a recipe (ingredients and method)"
    if meta.og_type == "article":
        return None
    if _product(tree):
        return "a product page (a price and an add-to-basket button)"
    links = _headline_links(tree)
    if links >= _HEADLINE_LINKS and _article_paragraphs(tree) < 3:
        listed = sorted(meta.types & LISTING_TYPES)
        typed = f", JSON-LD @type {listed[0]}" if listed else ""
        return f"a listing ({links} headline links and no article paragraphs{typed})"
    return None


def _recipe(tree: HtmlElement) -> bool:
    if tree.xpath("//*[@itemprop='recipeIngredient' or @itemprop='recipeInstructions']"):
        return True
    headings = [text_of(h) for h in tree.iter("h2", "h3", "h4")]
    return all(any(p.match(h) for h in headings) for p in _RECIPE_HEADINGS)


def _product(tree: HtmlElement) -> bool:
    if tree.xpath("//*[@itemprop='price' or @itemprop='offers']"):
        return True
    buttons = [text_of(b) or (b.get("value") or "") for b in tree.iter("button", "input")]
    has_button = any(_BASKET.search(text) for text in buttons)
    prices = (t for e in tree.iter("div", "span", "p") if len(t := text_of(e)) <= 40)
    return has_button and any(_PRICE.search(text) for text in prices)


def _headline_links(tree: HtmlElement) -> int:
    count = 0
    for heading in tree.iter("h2", "h3", "h4"):
        link = heading.find(".//a[@href]")
        inside = heading.getparent() is not None and heading.getparent().tag == "a"
        if link is not None or inside:
            count += 1
    return count


def _article_paragraphs(tree: HtmlElement) -> int:
    return sum(1 for p in tree.iter("p") if len(text_of(p)) >= _ARTICLE_PARAGRAPH)
