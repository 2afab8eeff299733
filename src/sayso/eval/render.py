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
    rows = [
        (
            name,
            [
                (100 * s.recall, 100 * s.precision, 100 * s.f1)
                for s in (scores.muc, scores.b_cubed, scores.ceaf_e)
            ],
            100 * scores.conll_f1,
        )
        for name, scores in (
            (f"sayso (threshold {result.threshold})", result.sayso),
            ("same head lemma", result.baseline),
        )
    ]
    title = (
        f"ECB+ {result.split} topics: {result.documents} documents, {result.mentions} "
        f"event mentions, {result.gold_clusters} gold clusters"
    )
    console.print(_coref_table(title, rows))


CorefRow = tuple[str, list[tuple[float, float, float]], float]  # name, (R, P, F1) x 3, CoNLL


def _coref_table(title: str, rows: list[CorefRow]) -> Table:
    """MUC, B³ and CEAF-e recall / precision / F1 and the CoNLL F1, in percent, per system."""
    table = Table(title=title, title_justify="left")
    table.add_column("system")
    for metric in ("MUC", "B³", "CEAF-e"):
        table.add_column(f"{metric} R / P / F1", justify="right")
    table.add_column("CoNLL F1", justify="right")
    for name, metrics, conll in rows:
        cells = [f"{r:.1f} / {p:.1f} / {f:.1f}" for r, p, f in metrics]
        table.add_row(name, *cells, f"{conll:.2f}")
    return table


def render_speakers(figures: dict[str, Any], console: Console) -> None:
    """``sayso eval speakers``: accuracy and coverage, overall, by label, kind and joins."""
    mode = figures["mode"]
    how = "every gold span asked directly" if mode == "oracle" else "sources of the analysis"
    table = Table(
        title=f"{figures['system']} speaker resolution on PolNeAR-speakers {figures['split']} "
        f"({mode}: {how}; {figures['articles']} articles, {figures['items']} items, "
        f"{figures['seconds']} s)",
        title_justify="left",
    )
    for column in ("group", "items", "found", "coverage", "right", "accuracy"):
        table.add_column(column, justify="left" if column == "group" else "right")
    rows = [("overall", figures["overall"])]
    rows += [(f"label {name}", tally) for name, tally in figures["by_label"].items()]
    rows += [(f"kind {name}", tally) for name, tally in figures["by_kind"].items()]
    rows += [(name, tally) for name, tally in figures["joins"].items()]
    for name, tally in rows:
        table.add_row(
            name,
            str(tally["items"]),
            str(tally["found"]),
            f"{tally['coverage']:.1f}",
            str(tally["right"]),
            f"{tally['accuracy']:.1f}",
        )
    console.print(table)
    render_calibration(figures.get("calibration"), console)


def render_calibration(calibration: dict[str, Any] | None, console: Console) -> None:
    if calibration is None:
        console.print("calibration: the resolver gives no confidences", markup=False)
        return
    table = Table(
        title=f"calibration (expected calibration error {calibration['ece']:.3f})",
        title_justify="left",
    )
    for column in ("confidence", "count", "mean confidence", "share right"):
        table.add_column(column, justify="right")
    for b in calibration["bins"]:
        if b["count"]:
            table.add_row(
                f"{b['low']:.1f}–{b['high']:.1f}",
                str(b["count"]),
                f"{b['mean_confidence']:.2f}",
                f"{b['share_right']:.2f}",
            )
    console.print(table)


def render_speaker_mistakes(report: dict[str, Any], console: Console) -> None:
    for section, title in (("wrong", "Wrong (found, resolved wrong)"), ("missed", "Missed")):
        part = report[section]
        if section == "missed" and report["mode"] == "oracle":
            continue
        groups = ", ".join(f"{escape(name)} {count}" for name, count in part["by_group"])
        reasons = ", ".join(f"{escape(name)} {count}" for name, count in part["by_reason"])
        console.print(f"\n[bold]{title}: {part['total']}[/bold]  by label / kind: {groups}")
        console.print(f"  why: {reasons}")
        for example in part["examples"]:
            console.print(
                f"- [dim]{escape(example['article'])} {escape(example['attribution'])}[/dim] "
                f"{escape(example['mention'])!s} ({example['label']}, {example['kind']}) · "
                f"gold {escape(example['gold'])} · sayso {escape(example['sayso'])}"
                + (f" [dim]({escape(example['why'])})[/dim]" if section == "wrong" else "")
            )
            if example["source"] and example["source"] != example["mention"]:
                console.print(f"    source: {escape(example['source'])}")
            console.print(f"    {escape(example['context'])}")


def render_gap(figures: dict[str, Any], console: Console) -> None:
    """``sayso eval gap``: the official GAP figures."""
    table = Table(
        title=f"{figures['system']} on GAP {figures['file']} ({figures['mode']}; "
        f"{figures['rows']} rows, {figures['pairs']} pronoun–name pairs, {figures['seconds']} s)",
        title_justify="left",
    )
    for column in ("", "R", "P", "F1", "tp", "fp", "fn", "tn"):
        table.add_column(column, justify="left" if not column else "right")
    for part in ("overall", "masculine", "feminine"):
        s = figures[part]
        table.add_row(
            part,
            f"{s['recall']:.1f}",
            f"{s['precision']:.1f}",
            f"{s['f1']:.1f}",
            *(str(s[key]) for key in ("tp", "fp", "fn", "tn")),
        )
    console.print(table)
    bias = figures["bias"]
    console.print(f"bias (F/M): {'-' if bias is None else f'{bias:.2f}'}", markup=False)


def render_gum(figures: dict[str, Any], console: Console) -> None:
    """``sayso eval coref``: sayso's entities and the same-string baseline on GUM."""
    rows = [
        (
            name,
            [
                (scores[m]["recall"], scores[m]["precision"], scores[m]["f1"])
                for m in ("muc", "b_cubed", "ceaf_e")
            ],
            scores["conll_f1"],
        )
        for name, scores in (("sayso", figures["sayso"]), ("same string", figures["baseline"]))
    ]
    title = (
        f"GUM {figures['split']}: {figures['documents']} documents, "
        f"{figures['gold_mentions']} person/organisation mentions in "
        f"{figures['gold_clusters']} gold clusters (no singletons); "
        f"{figures['system_mentions']} system mentions, {figures['aligned_mentions']} aligned; "
        f"{figures['seconds']} s"
    )
    console.print(_coref_table(title, rows))
    verdict = "beats" if figures["beats_baseline"] else "does NOT beat"
    console.print(f"sayso {verdict} the same-string baseline", markup=False)
