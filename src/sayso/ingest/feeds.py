"""RSS and Atom feeds: each item's linked page is fetched and read as an article."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import feedparser
import lxml.etree
import lxml.html

from sayso.analyze import ArticleInput
from sayso.errors import InputError
from sayso.ingest.fetch import Fetcher, is_url
from sayso.ingest.html import MAX_TAG_CHARS, article_from_html, looks_like_html
from sayso.ingest.items import Item, unexpected

FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml", ".rdf"})


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    kind = content_type.lower()
    if any(t in kind for t in ("rss", "atom", "application/xml", "text/xml", "rdf")):
        return True
    head = data[:2048].lstrip().lower()
    return head.startswith(b"<?xml") and any(t in head for t in (b"<rss", b"<feed", b"<rdf"))


def read_feed(
    data: bytes,
    name: str,
    fetcher: Fetcher | None,
    *,
    follow: bool = True,
    max_tag_chars: int = MAX_TAG_CHARS,
) -> Iterator[Item]:
    """The feed's items: the linked page when ``follow`` (and a fetcher), else its content."""
    try:
        parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    except Exception as error:  # a parser failure is this feed's error, not the run's
        yield Item.failed(name, unexpected(name, error))
        return
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception") if parsed.get("bozo") else "no items"
        yield Item.failed(name, InputError(name, f"not a readable RSS/Atom feed: {reason}"))
        return
    feed_title = (parsed.get("feed") or {}).get("title")
    for number, entry in enumerate(entries, start=1):
        link = entry.get("link")
        key = link if link and is_url(link) else f"{name}#{entry.get('id') or number}"
        try:
            if follow and fetcher is not None and link and is_url(link):
                article = _linked_article(fetcher, link, max_tag_chars)
            else:
                article = _entry_article(entry, key)
        except Exception as error:  # RecursionError, MemoryError…: this item's error
            yield Item.failed(name, unexpected(key, error), key)
            continue
        article.title = article.title or entry.get("title")
        article.published = article.published or _entry_date(entry)
        article.publisher = article.publisher or feed_title
        yield Item(name, key, article)


def _linked_article(fetcher: Fetcher, link: str, max_tag_chars: int) -> ArticleInput:
    response = fetcher.get(link)
    if not looks_like_html(response.body, response.content_type):
        raise InputError(link, f"not an HTML page ({response.content_type or 'no type'})")
    return article_from_html(response.body, link, url=response.url, max_tag_chars=max_tag_chars)


def _entry_article(entry: Any, key: str) -> ArticleInput:
    """An item's own text (content, else summary), for feeds read without following."""
    contents = entry.get("content") or []
    html = contents[0].get("value") if contents else entry.get("summary")
    if not html or not html.strip():
        raise InputError(key, "the feed item has no text and no link to follow")
    text = _html_text(html) if "<" in html else html.strip()
    if not text:
        raise InputError(key, "the feed item has no text")
    title = entry.get("title")
    body = f"{title}\n\n{text}" if title and not text.startswith(title) else text
    return ArticleInput(text=body, url=entry.get("link"), title=title)


def _entry_date(entry: Any) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", stamp) if stamp else None


def _html_text(html: str) -> str:
    try:
        return lxml.html.fromstring(html).text_content().strip()
    except (lxml.etree.ParserError, ValueError):
        return ""
