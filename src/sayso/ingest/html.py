"""Saved web pages: the article body and its metadata, through trafilatura.

A page goes through four steps: the tag-length guard (:mod:`sayso.ingest.tags`); its
metadata and kind, read from the whole page (:mod:`sayso.ingest.pagemeta`,
:mod:`sayso.ingest.pagekind`); captions, credits and page furniture pruned
(:mod:`sayso.ingest.prune`); then trafilatura extracts the body from what is left. The
text cleaner runs on that body afterwards, as on any text.
"""

from __future__ import annotations

import re

import trafilatura
from lxml.html import HtmlElement

from sayso.analyze import ArticleInput
from sayso.clean import decode_bytes
from sayso.errors import InputError
from sayso.ingest.pagekind import not_an_article
from sayso.ingest.pagemeta import clean_title, read_page_meta, site_name
from sayso.ingest.prune import Furniture, prune_page
from sayso.ingest.tags import MAX_TAG_CHARS, find_long_tag
from sayso.model import InputWarning, WarningKind

__all__ = ["MAX_TAG_CHARS", "article_from_html", "looks_like_html"]


def looks_like_html(data: bytes, content_type: str = "") -> bool:
    """An HTML page by its declared type, else by its first bytes."""
    kind = content_type.lower()
    if "html" in kind:
        return True
    if kind and not kind.startswith(("text/plain", "application/octet-stream")):
        return False
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta"))


def article_from_html(
    data: bytes, name: str, url: str | None = None, *, max_tag_chars: int = MAX_TAG_CHARS
) -> ArticleInput:
    """Extract the main text, clean title, byline, date and publisher of an HTML page.

    A page with a tag longer than ``max_tag_chars`` characters is refused before any
    parser sees it (see :mod:`sayso.ingest.tags`); a page that is not an article (a
    recipe, a product, a listing) is read with a ``not_article`` warning.
    """
    html = decode_bytes(data, name)
    long_tag = find_long_tag(html, max_tag_chars)
    if long_tag is not None:
        raise InputError(
            name,
            f"an HTML tag of {long_tag.length:,} characters (<{long_tag.name}> at character "
            f"{long_tag.start:,}) is over the {max_tag_chars:,}-character limit for one tag "
            "(hostile page? raise the limit with --max-tag-chars)",
        )
    tree = trafilatura.load_html(html)
    if tree is None:
        raise InputError(name, "no article text found in the HTML page")
    meta = read_page_meta(tree, url)
    kind = not_an_article(tree, meta)
    # trafilatura's metadata (the date above all: htmldate reads bylines and timestamps)
    # from the whole page, before its byline and date blocks are pruned.
    document = trafilatura.extract_metadata(tree, default_url=url)
    pruned = prune_page(tree)
    text = _extract(tree, url)
    if not text or not _reads_as_article(text):
        raise InputError(name, _nothing_found(pruned.chars(Furniture.CAPTION)))
    title = meta.title or _fallback_title(document, meta.site_names)
    # trafilatura puts one newline between blocks; sayso's texts separate paragraphs with a
    # blank line, as the cleaner and the sentence splitter expect.
    text = re.sub(r"\n+", "\n\n", text.strip())
    body = text if not title or _opens_with(text, title) else f"{title}\n\n{text}"
    warnings = []
    if kind is not None:
        message = f"not an article: {kind}"
        warnings.append(InputWarning(kind=WarningKind.NOT_ARTICLE, message=message))
    return ArticleInput(
        text=body,
        path=name if url is None else None,
        url=url or meta.url or getattr(document, "url", None),
        title=title,
        published=getattr(document, "date", None),
        publisher=meta.publisher or _fallback_site(document, title),
        byline=meta.byline,
        warnings=warnings,
    )


def _extract(tree: HtmlElement, url: str | None) -> str | None:
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=False,
        include_comments=False,
        include_tables=False,
        favor_precision=False,
    )
    return getattr(document, "text", None) if document is not None else None


def _fallback_title(document: object | None, site_names: list[str]) -> str | None:
    title = getattr(document, "title", None)
    return clean_title(title, site_names) if title else None


def _fallback_site(document: object | None, title: str | None) -> str | None:
    """trafilatura's site name when the page itself names none: it may be a title part
    or a URL, so it goes through the same checks."""
    value = getattr(document, "sitename", None)
    return site_name(value, titles=[title]) if value else None


def _opens_with(text: str, title: str) -> bool:
    """The extracted text has the headline in its first lines already (or a heading close
    to it: trafilatura keeps the page's ``<h1>``, which may word it a little differently;
    a kicker or "Supported by" may come first)."""
    return any(_same_heading(line.strip(), title) for line in text.split("\n\n")[:3])


def _same_heading(line: str, title: str) -> bool:
    if line.startswith(title) or (title.startswith(line) and len(line) > 20):
        return True
    words, heading = set(_words(title)), set(_words(line))
    shared = len(words & heading)
    return bool(words) and len(heading) <= 2 * len(words) and shared >= 0.8 * len(words)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _nothing_found(caption_chars: int) -> str:
    if caption_chars:
        return (
            "no article text found in the HTML page (only photo captions: the body may be "
            "loaded by JavaScript)"
        )
    return "no article text found in the HTML page"


_MIN_WORDS = 15


def _reads_as_article(text: str) -> bool:
    """Some prose: enough words and at least one sentence, not a menu or a login form."""
    words = text.split()
    return len(words) >= _MIN_WORDS and any(w.endswith((".", "!", "?", "”", '"')) for w in words)
