"""Saved web pages: the article body and its metadata, through trafilatura."""

from __future__ import annotations

import re

import trafilatura

from sayso.analyze import ArticleInput
from sayso.clean import decode_bytes
from sayso.errors import InputError


def looks_like_html(data: bytes, content_type: str = "") -> bool:
    """An HTML page by its declared type, else by its first bytes."""
    kind = content_type.lower()
    if "html" in kind:
        return True
    if kind and not kind.startswith(("text/plain", "application/octet-stream")):
        return False
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta"))


# One tag longer than this (a huge attribute, thousands of attributes) is an attack on the
# parser, not a page: lxml and trafilatura take minutes on 150,000 attributes in one tag.
MAX_TAG_CHARS = 65_536
_LONG_TAG = re.compile(rf"<[^<>]{{{MAX_TAG_CHARS}}}")


def article_from_html(data: bytes, name: str, url: str | None = None) -> ArticleInput:
    """Extract the main text, title, date and site name of an HTML page."""
    html = decode_bytes(data, name)
    if _LONG_TAG.search(html):
        raise InputError(name, f"an HTML tag over {MAX_TAG_CHARS:,} characters (hostile page?)")
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=False,
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not _reads_as_article(text):
        raise InputError(name, "no article text found in the HTML page")
    title = getattr(document, "title", None)
    # trafilatura puts one newline between blocks; sayso's texts separate paragraphs with a
    # blank line, as the cleaner and the sentence splitter expect.
    text = re.sub(r"\n+", "\n\n", text.strip())
    body = f"{title}\n\n{text}" if title and not text.startswith(title) else text
    return ArticleInput(
        text=body,
        path=name if url is None else None,
        url=url or getattr(document, "url", None),
        title=title,
        published=getattr(document, "date", None),
        publisher=getattr(document, "sitename", None),
    )


_MIN_WORDS = 15


def _reads_as_article(text: str) -> bool:
    """Some prose: enough words and at least one sentence, not a menu or a login form."""
    words = text.split()
    return len(words) >= _MIN_WORDS and any(w.endswith((".", "!", "?", "”", '"')) for w in words)
