"""Terminal rendering of evaluation figures and mistakes."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table


def render_figures(figures: dict[str, Any], console: Console) -> None:
    table = Table(
        title=f"{figures['system']} on PolNeAR {figures['split']} "
        f"({figures['articles']} articles, {figures['seconds']} s)",
        title_justify="left",
    )
    for column in ("measure", "P", "R", "F1"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    for level, prf in figures["content"].items():
        table.add_row(f"content, {level}", *_prf(prf))
    table.add_row("full (overlap + source + cue)", *_prf(figures["full"]))
    console.print(table)
    counts = figures["counts"]
    console.print(
        f"source accuracy {figures['source_accuracy']:.1f}  cue accuracy "
        f"{figures['cue_accuracy']:.1f}  (on {counts['overlap']} overlap pairs)   "
        f"speech-cue recall {figures['speech_cue_recall']:.1f} "
        f"({counts['speech_found']}/{counts['speech_gold']})   "
        f"gold {counts['gold']}, predicted {counts['predicted']}",
        markup=False,
    )


def _prf(prf: dict[str, float]) -> tuple[str, str, str]:
    return f"{prf['p']:.1f}", f"{prf['r']:.1f}", f"{prf['f1']:.1f}"


_TITLES = {
    "miss": "Misses (gold not found at overlap level)",
    "false_alarm": "False alarms (predictions not in the gold)",
    "wrong_source": "Wrong source (content found)",
    "wrong_cue": "Wrong cue (content found)",
}


def render_mistakes(report: dict[str, Any], console: Console) -> None:
    for kind, title in _TITLES.items():
        section = report[kind]
        tally = ", ".join(f"{escape(cue)} {count}" for cue, count in section["by_cue"])
        console.print(f"\n[bold]{title}: {section['total']}[/bold]  by cue: {tally}")
        for example in section["examples"]:
            console.print(
                f"- [dim]{escape(example['article'])}[/dim] cue {escape(example['cue'])!s} · "
                f"source {escape(example['source'])}"
            )
            console.print(f"    {escape(example['context'])}", markup=True)
            console.print(f"    content: {escape(example['content'])}")
            if example["other"]:
                console.print(f"    other:   {escape(example['other'])}")


def render_coref(result: Any, console: Console) -> None:
    """ECB+ figures: sayso and the same-head-lemma baseline, MUC, B³, CEAF-e and CoNLL F1."""
    table = Table(
        title=f"ECB+ {result.split} topics: {result.documents} documents, {result.mentions} "
        f"event mentions, {result.gold_clusters} gold clusters",
        title_justify="left",
    )
    table.add_column("system")
    for metric in ("MUC", "B³", "CEAF-e"):
        table.add_column(f"{metric} R / P / F1", justify="right")
    table.add_column("CoNLL F1", justify="right")
    for name, scores in (
        (f"sayso (threshold {result.threshold})", result.sayso),
        ("same head lemma", result.baseline),
    ):
        cells = [
            f"{100 * s.recall:.1f} / {100 * s.precision:.1f} / {100 * s.f1:.1f}"
            for s in (scores.muc, scores.b_cubed, scores.ceaf_e)
        ]
        table.add_row(name, *cells, f"{100 * scores.conll_f1:.2f}")
    console.print(table)
