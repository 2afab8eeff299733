"""Marks from offsets: nested and crossing spans give well-formed HTML, every piece escaped,
and the text itself unchanged."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from sayso.model import (
    Analysis,
    Article,
    Attribution,
    AttributionKind,
    Content,
    Cue,
    RemovedKind,
    RemovedPiece,
    Source,
)
from sayso.web.highlight import highlight


class Balanced(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ok = True

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        self.ok = self.ok and bool(self.stack) and self.stack.pop() == tag


def _plain(html: str) -> str:
    html = re.sub(r'<a class="marker"[^>]*>[^<]*</a>', "", html)
    return unescape(re.sub(r"<[^>]+>", "", html))


def _attribution(id_, source, cue, content, nested_in=None):
    return Attribution(
        id=id_,
        kind=AttributionKind.INDIRECT,
        source=Source(*source) if source else None,
        cue=Cue(*cue, "say") if cue else None,
        content=Content(tuple(content), "x"),
        nested_in=nested_in,
    )


def test_nested_crossing_and_escaped():
    text = '<b>Ann</b> said that Bob & co said "it\'s <i>fine</i>" today. Caption <img>'
    outer = _attribution("a1", (0, 10, "<b>Ann</b>"), (11, 15, "said"), [(21, 53)])
    inner = _attribution("a2", (21, 29, "Bob & co"), (30, 34, "said"), [(35, 61)], "a1")
    crossing = _attribution("a3", None, None, [(45, 56)])  # crosses a2's end? no: inside
    cross = _attribution("a4", None, None, [(50, 66)])  # starts in a2, ends after it
    analysis = Analysis(
        article=Article(id="x", text=text),
        removed=[RemovedPiece(RemovedKind.PHOTO_CAPTION, 62, len(text), "Caption <img>")],
        attributions=[outer, inner, crossing, cross],
    )
    result = highlight(analysis)
    html = str(result.html)
    parser = Balanced()
    parser.feed(html)
    assert parser.ok and parser.stack == []
    assert _plain(html) == text
    assert "<b>" not in html and "<i>" not in html and "<img>" not in html
    assert html.count('id="c-a4"') == 1  # one id, however many fragments
    assert html.count('data-claim="a4"') >= 3  # a4 was cut where a2 closes, and reopened
    assert html.index('id="c-a1"') < html.index('id="c-a2"')
    assert 'data-parent="a1"' in html


def test_unusable_offsets_are_left_out():
    text = "Short text."
    bad = _attribution("a1", (5, 500, "x"), (8, 3, "y"), [(0, 5)])
    result = highlight(Analysis(article=Article(id="x", text=text), attributions=[bad]))
    assert len(result.skipped) == 2
    assert _plain(str(result.html)) == text


def test_hostile_ids_are_escaped():
    text = "Ann said yes."
    hostile = _attribution('a1"><script>', (0, 3, "Ann"), (4, 8, "said"), [(9, 12)])
    html = str(highlight(Analysis(article=Article(id="x", text=text), attributions=[hostile])).html)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="#claim-a1%22%3E%3Cscript%3E"' in html
