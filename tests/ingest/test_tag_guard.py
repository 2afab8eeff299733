"""The tag-length guard counts real tags only — not scripts, styles, comments or CDATA —
reads a tag as the HTML parser does (a ">" in a quoted value does not end it), and its
limit is raised by ``max_tag_chars`` in the Python API and ``--max-tag-chars`` on
``sayso analyze``, ``sayso ingest`` and ``sayso batch``."""

from __future__ import annotations

import json

import lxml.html
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from sayso.cli import app
from sayso.errors import InputError
from sayso.ingest.files import read_one
from sayso.ingest.html import article_from_html
from sayso.ingest.sources import ReadOptions, read_sources
from sayso.ingest.tags import MAX_TAG_CHARS, find_long_tag
from sayso.store import open_store

BODY = (
    "<p>Minister John Smith said on Tuesday that the new bridge would open in May, after "
    "two years of works that closed the crossing.</p><p>“We are ready,” Smith told "
    "reporters in the capital. According to the ministry, the works cost less than "
    "planned.</p>"
)
LONG = "x" * (MAX_TAG_CHARS + 10)


def _page(head: str = "", body: str = BODY) -> str:
    return (
        f"<!doctype html><html><head><title>Bridge to open</title>{head}</head>"
        f"<body><article>{body}</article></body></html>"
    )


@pytest.mark.parametrize(
    "head",
    [
        f"<script>//<![CDATA[\nvar config = '{LONG}';\n//]]></script>",
        f"<style>/*<![CDATA[*/ .a{{color:red}} /* {LONG} */ /*]]>*/</style>",
        f"<style type='text/css'><!-- .a {{ {LONG} }} --></style>",
        f"<!-- {LONG} -->",
        f"<![CDATA[{LONG}]]>",
        f'<script type=\'application/json\'>{{"a": "{LONG}"}}</script>',
        f"<noscript><!-- {LONG} --></noscript>",
        f"<textarea>{LONG}</textarea>",
        f"<title>{LONG}</title>",
    ],
    ids=[
        "cdata-script",
        "cdata-style",
        "comment-style",
        "comment",
        "cdata",
        "json",
        "noscript",
        "textarea",
        "title",
    ],
)
def test_long_script_style_comment_and_cdata_are_not_tags(head):
    html = _page(head)
    assert find_long_tag(html) is None
    article = article_from_html(html.encode(), "page.html")
    assert "the new bridge would open in May" in article.text


@pytest.mark.parametrize(
    ("html", "name"),
    [
        (_page(body=f'<p title="{LONG}">x</p>' + BODY), "p"),
        (_page(body=f"<p {' '.join(f'a{i}=x' for i in range(15_000))}>x</p>" + BODY), "p"),
        # A ">" inside quoted values does not end the tag, for the parser as for the guard:
        # the old guard (a run without "<" or ">") let this one through.
        (_page(body="<p " + " ".join(f'a{i}=">"' for i in range(12_000)) + ">x</p>"), "p"),
        # "<!-->" is a whole comment and "<![CDATA[" ends at the first ">" in HTML, so the
        # tags after them are real: skipping to "-->" or "]]>" would hide them.
        (_page(body=f"<!--> <div title='{LONG}'> -->" + BODY), "div"),
        (_page(body=f"<![CDATA[ > <div title='{LONG}'> ]]>" + BODY), "div"),
        # libxml2 closes <script/> at once: what follows is markup, not script text.
        (_page(body=f"<script src=a.js /><div title='{LONG}'></div></script>" + BODY), "div"),
        (_page(body=f"</div {LONG}>" + BODY), "div"),
        (_page(body=f'<a href="x>{LONG}'), "a"),
    ],
    ids=[
        "huge-attribute",
        "many-attributes",
        "gt-inside-quotes",
        "empty-comment",
        "cdata-ends-at-gt",
        "self-closed-script",
        "end-tag",
        "unclosed-quote",
    ],
)
def test_a_real_long_tag_is_found_and_the_page_refused(html, name):
    found = find_long_tag(html)
    assert found is not None and found.name == name and found.length > MAX_TAG_CHARS
    with pytest.raises(InputError, match=r"^page\.html: an HTML tag of .* --max-tag-chars"):
        article_from_html(html.encode(), "page.html")


def test_the_parser_reads_those_tricks_as_the_guard_does():
    """The guard's reading of comments, CDATA and <script/> is lxml's (libxml2's)."""
    tree = lxml.html.document_fromstring(
        "<html><body><!--> <p id=a>x</p> --><![CDATA[ > <p id=b>y</p> ]]>"
        "<script src=s /><p id=c>z</p></body></html>"
    )
    assert {p.get("id") for p in tree.iter("p")} == {"a", "b", "c"}
    tree = lxml.html.document_fromstring(
        "<html><body><style><p id=a>x</p></style><script><p id=b></script><p id=c>z</p>"
        "</body></html>"
    )
    assert {p.get("id") for p in tree.iter("p")} == {"c"}


IMAGE = _page(body=f'<img src="data:image/png;base64,{"A" * 100_000}" alt="chart">' + BODY)


def test_the_limit_is_raised_in_the_python_api(tmp_path):
    with pytest.raises(InputError, match="over the 65,536-character limit"):
        article_from_html(IMAGE.encode(), "chart.html")
    article = article_from_html(IMAGE.encode(), "chart.html", max_tag_chars=200_000)
    assert "the new bridge would open in May" in article.text
    page = tmp_path / "chart.html"
    page.write_text(IMAGE)
    assert read_one(str(page), max_tag_chars=200_000).text
    [item] = read_sources([str(page)], ReadOptions(max_tag_chars=200_000))
    assert item.article is not None


def test_the_limit_is_raised_on_sayso_analyze(tmp_path):
    page = tmp_path / "chart.html"
    page.write_text(IMAGE)
    runner = CliRunner()
    refused = runner.invoke(app, ["analyze", str(page), "-f", "json"])
    assert refused.exit_code == 1 and "--max-tag-chars" in refused.output
    result = runner.invoke(app, ["analyze", str(page), "-f", "json", "--max-tag-chars", "200000"])
    assert result.exit_code == 0, result.output
    assert "the new bridge would open in May" in json.loads(result.stdout)["article"]["text"]


def test_the_limit_is_raised_on_sayso_ingest(tmp_path):
    page = tmp_path / "chart.html"
    page.write_text(IMAGE)
    db = f"sqlite:///{tmp_path / 's.db'}"
    runner = CliRunner()
    args = ["ingest", str(page), "--db", db, "--no-link", "--no-progress"]
    assert runner.invoke(app, args).exit_code == 1
    result = runner.invoke(app, [*args, "--max-tag-chars", "200000"])
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        assert len(store.article_ids()) == 1 and not store.failures()


def test_the_limit_is_raised_on_sayso_batch(tmp_path):
    page = tmp_path / "chart.html"
    page.write_text(IMAGE)
    runner = CliRunner()
    refused = runner.invoke(app, ["batch", str(page), "--out", str(tmp_path / "a")])
    assert refused.exit_code == 1 and "--max-tag-chars" in refused.output
    out = tmp_path / "b"
    result = runner.invoke(
        app, ["batch", str(page), "--out", str(out), "--max-tag-chars", "200000"]
    )
    assert result.exit_code == 0, result.output
    assert pq.read_table(out / "articles").num_rows == 1
