"""Query results as a table, JSON or CSV, for ``sayso claims``, ``sources`` and ``article``."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from sayso.store.queries import ArticleRecord, ClaimRow, article_heading

# A spreadsheet runs a cell that starts with one of these as a formula ("=cmd|' /C calc'!A0"),
# the full-width forms included (some locales read them as the ASCII ones).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
# Spreadsheets skip leading spaces (and the invisible characters pasted with them) before
# they look for a formula start.
_SKIPPED = " \u00a0\u200b\u200c\u200d\u2060\ufeff\u3000"


# A spreadsheet in another locale splits the file on another separator (";" in much of
# Europe, tab, "|"), or a naive reader on line breaks inside a cell: each piece after one
# of these is a cell of its own there, and one starting with a formula character would run.
_SEPARATORS = ",;\t|\r\n"
_PIECE = re.compile(
    "([" + re.escape(_SEPARATORS) + "])([" + re.escape(_SKIPPED) + '"]*)(?=[=+\\-@＝＋－＠])'
)


def neutralise_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet shows as text whatever separator it splits on: a cell
    starting with a formula character (``= + - @``, tab, CR, LF, or their full-width forms,
    past spaces and invisible characters) gets a leading apostrophe, and so does each piece
    after a separator (``, ; tab |``, a line break) that starts with one. The one function
    every CSV writer of sayso uses."""
    text = "" if value is None else str(value)
    text = _PIECE.sub(lambda m: f"{m.group(1)}{m.group(2)}'", text)
    return "'" + text if text.lstrip(_SKIPPED).startswith(_FORMULA_STARTS) else text


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, delimiter: str = ",") -> str:
    """Rows as CSV, every cell through :func:`neutralise_cell`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", delimiter=delimiter)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralise_cell(row.get(c)) for c in columns])
    return buffer.getvalue()


def to_json(rows: Sequence[dict[str, Any]]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=2)


_HEADERS = {"article_id": "article", "attribution_id": "claim", "published": "date"}
_NARROW = frozenset(
    {"article_id", "attribution_id", "published", "kind", "claims", "articles", "cue"}
)


def print_table(
    console: Console,
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    *,
    title: str | None = None,
    widths: dict[str, int] | None = None,
) -> None:
    """A terminal table; every cell is plain text, never read as markup."""
    wide = any(c in ("content", "title") for c in columns)
    table = Table(title=title, expand=wide, header_style="bold", title_justify="left")
    for column in columns:
        if column in _NARROW:
            table.add_column(_HEADERS.get(column, column), no_wrap=True)
        else:
            ratio = (widths or {}).get(column, 1)
            table.add_column(_HEADERS.get(column, column), ratio=ratio, overflow="fold")
    for row in rows:
        table.add_row(*(Text(_cell(row.get(c))) for c in columns))
    console.print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    text = " ".join(str(value).split())
    return text if len(text) <= 300 else text[:299] + "…"


def provenance_tree(record: ArticleRecord, chain: Sequence[ClaimRow]) -> Tree:
    """The say-so behind one claim: the article, then each telling, outermost first."""
    article = record.data.get("article", {})
    heading = article_heading(article.get("title"), article.get("standfirst"), article.get("text"))
    where = ", ".join(str(v) for v in (article.get("publisher"), article.get("published")) if v)
    root = Tree(
        Text.assemble(("article ", "dim"), (str(heading), "bold"), f" ({where})" if where else "")
    )
    node = root
    for row in chain:
        speaker = row.speaker or row.source_text or "(no source)"
        flags = [f for f, on in (("anonymous", row.anonymous), ("group", row.group)) if on]
        label = Text.assemble(
            (f"{row.attribution_id} ", "dim"),
            (speaker, "bold"),
            f" [{row.source_text}]" if row.source_text and row.source_text != speaker else "",
            f" ({', '.join(flags)})" if flags else "",
            (f" {row.cue}" if row.cue else " —", "italic"),
            ": ",
            _cell(row.content),
        )
        node = node.add(label)
    return root


def record_lines(record: ArticleRecord) -> list[str]:
    """Where a stored article came from and how it relates to the others."""
    lines = [f"article id: {record.data.get('article', {}).get('id')}"]
    if record.input:
        lines.append(f"read from: {record.input}")
    if record.duplicate_of:
        similarity = f" (estimated similarity {record.similarity:.2f})" if record.similarity else ""
        lines.append(f"near-duplicate of: {record.duplicate_of}{similarity}")
    if record.near_duplicates:
        lines.append(f"near-duplicates of it: {', '.join(record.near_duplicates)}")
    return lines
