"""CSV, JSON and table output of query results."""

from __future__ import annotations

import csv
import io

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
    assert neutralise_cell("\t=1") == "'\t=1"


def test_formula_starts_behind_spaces_or_in_full_width_are_neutralised():
    for cell in (" =1+1", "\u00a0+1", "\u200b@SUM(A1)", "\n=1", "＝1+1", "＠x", "\ufeff-1"):
        assert neutralise_cell(cell) == "'" + cell
    for cell in ("Macron", "a = b", "1-2", "", None):
        assert not neutralise_cell(cell).startswith("'")


def test_table_cells_are_not_markup():
    console = Console(record=True, width=120)
    print_table(console, [{"speaker": "[bold red]x[/]", "content": "y"}], ["speaker", "content"])
    assert "[bold red]x[/]" in console.export_text()
