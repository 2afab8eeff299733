"""CSV, JSON and table output of query results."""

from __future__ import annotations

import csv
import io

import pytest
from rich.console import Console

from sayso.store.output import neutralise_cell, print_table, to_csv


def test_csv_cells_that_start_like_formulas_are_neutralised():
    rows = [
        {"speaker": "=cmd|' /C calc'!A0", "content": "+1", "cue": "-2", "kind": "@SUM(A1)"},
        {"speaker": "Macron", "content": 'a, "quoted"\nline', "cue": None, "kind": "direct"},
    ]
    out = list(csv.reader(io.StringIO(to_csv(rows, ["speaker", "content", "cue", "kind"]))))
    assert out[0] == ["speaker", "content", "cue", "kind"]
    assert out[1] == ["'=cmd|' /C calc'!A0", "'+1", "'-2", "'@SUM(A1)"]
    assert out[2] == ["Macron", 'a, "quoted"\nline', "", "direct"]
    # the piece after the tab too: a tab-separated reading makes it a cell of its own
    assert neutralise_cell("\t=1") == "'\t'=1"


def test_formula_starts_behind_spaces_or_in_full_width_are_neutralised():
    for cell in (" =1+1", "\u00a0+1", "\u200b@SUM(A1)", "＝1+1", "＠x", "\ufeff-1"):
        assert neutralise_cell(cell) == "'" + cell
    assert neutralise_cell("\n=1") == "'\n'=1"
    for cell in ("Macron", "a = b", "1-2", "", None):
        assert not neutralise_cell(cell).startswith("'")


def test_table_cells_are_not_markup():
    console = Console(record=True, width=120)
    print_table(console, [{"speaker": "[bold red]x[/]", "content": "y"}], ["speaker", "content"])
    assert "[bold red]x[/]" in console.export_text()


FORMULA_STARTS = ("=", "+", "-", "@", "＝", "＋", "－", "＠")
SKIP = " \u00a0\u200b\u200c\u200d\u2060\ufeff\u3000\"'"


def _dangerous(cell: str) -> bool:
    stripped = cell.lstrip(SKIP.replace("'", ""))
    return stripped.startswith(FORMULA_STARTS)


@pytest.mark.parametrize("written_with", [",", ";", "\t"])
@pytest.mark.parametrize("read_with", [",", ";", "\t", "|"])
def test_no_cell_starts_a_formula_whatever_separator_the_spreadsheet_splits_on(
    written_with, read_with
):
    """A semicolon spreadsheet (much of Europe) reading a comma file splits cells at ";":
    the piece after it must not start a formula either (issue 21)."""
    payloads = [
        'Paris;=HYPERLINK("http://evil.example","click")',
        "a,=cmd|' /C calc'!A0",
        "costs fell;-2+3+cmd|' /C calc'!A0",
        "x|@SUM(A1:A9)",
        "tab\t=1+1",
        "line\n=1+1",
        'quoted; "=1+1"',
        "full width;＝1+1",
        "=start",
    ]
    rows = [{"content": p, "speaker": p} for p in payloads]
    text = to_csv(rows, ["speaker", "content"], delimiter=written_with)
    for row in csv.reader(io.StringIO(text), delimiter=read_with):
        for cell in row:
            for piece in cell.replace("\r", "\n").split("\n"):
                assert not _dangerous(piece), (read_with, cell)
    # and the text itself is kept: only apostrophes were added
    back = [r[1] for r in csv.reader(io.StringIO(text), delimiter=written_with)][1:]
    assert [b.replace("'", "") for b in back] == [p.replace("'", "") for p in payloads]


def test_ordinary_text_is_left_alone():
    for cell in ("well-known", "pro- and anti-war", "2024-03-21", "a, b; c", "e-mail: x@y.z"):
        assert neutralise_cell(cell) == cell
