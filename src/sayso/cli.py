"""The ``sayso`` command line. Every command has a Python API twin in :mod:`sayso`."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console

from sayso.analyze import analyze_many
from sayso.export import render_table, to_json, to_jsonl_line, to_markdown
from sayso.export.text import summary_line
from sayso.ingest.files import DEFAULT_MAX_BYTES, read_inputs
from sayso.model import Analysis
from sayso.nlp.meaning.timex import parse_anchor

app = typer.Typer(
    name="sayso",
    help="For every claim in the news: on whose say-so?",
    no_args_is_help=True,
    add_completion=False,
)
eval_app = typer.Typer(
    name="eval",
    help="Measure sayso against annotated data sets.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(eval_app, name="eval")
console = Console(highlight=False)
errors = Console(stderr=True, highlight=False)


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    MD = "md"


@app.command()
def analyze(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (.txt/.html inside) or - for stdin.")
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.TABLE,
    max_bytes: Annotated[
        int, typer.Option(help="Largest input accepted, in bytes.")
    ] = DEFAULT_MAX_BYTES,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs without one.")
    ] = None,
) -> None:
    """Read articles and print who claims what, through whom, in which words."""
    if published is not None and parse_anchor(published) is None:
        errors.print(f"error: --published {published!r} is not a date (YYYY-MM-DD)", markup=False)
        raise typer.Exit(code=2)
    failures = 0
    good = []
    for result in read_inputs(paths, max_bytes=max_bytes):
        if result.error is not None or result.article is None:
            failures += 1
            errors.print(f"error: {result.error}", markup=False)
            continue
        if published and not result.article.published:
            result.article.published = published
        good.append(result.article)
    analyses = []
    for analysis in analyze_many(good):
        analyses.append(analysis)
        if output_format is not OutputFormat.JSON:
            _emit(analysis, output_format)
    if output_format is OutputFormat.JSON:
        _emit_json(analyses)
    if output_format is OutputFormat.TABLE and len(analyses) > 1:
        console.print(summary_line(analyses), markup=False)
    if failures:
        errors.print(f"{failures} input(s) failed, {len(analyses)} analysed", markup=False)
        raise typer.Exit(code=1)


def _emit_json(analyses: list[Analysis]) -> None:
    """One article prints as one object; several as an array of them."""
    if len(analyses) == 1:
        sys.stdout.write(to_json(analyses[0]) + "\n")
    elif analyses:
        sys.stdout.write("[\n" + ",\n".join(to_json(a) for a in analyses) + "\n]\n")


def _emit(analysis: Analysis, output_format: OutputFormat) -> None:
    if output_format is OutputFormat.TABLE:
        render_table(analysis, console)
    elif output_format is OutputFormat.JSONL:
        sys.stdout.write(to_jsonl_line(analysis) + "\n")
    else:
        sys.stdout.write(to_markdown(analysis) + "\n")
    sys.stdout.flush()


@app.command()
def demo(
    db: Annotated[str, typer.Option(help="Database URL of the store.")] = "sqlite:///sayso.db",
) -> None:
    """Analyse the bundled sample corpus into the store and report on it."""
    from sayso.data import sample_articles
    from sayso.store import open_store

    store = open_store(db)
    analyses = list(analyze_many(sample_articles()))
    added = sum(1 for analysis in analyses if store.save(analysis))
    render_table(analyses[0], console)
    summary = store.summary()
    console.print(
        f"{summary_line(analyses)}; store {db}: {summary.articles} articles "
        f"({added} new), {summary.attributions} attributions",
        markup=False,
    )


class Split(StrEnum):
    ALL = "all"
    DEV = "dev"
    TEST = "test"


@eval_app.command("plover")
def eval_plover(
    path: Annotated[str, typer.Argument(help="gsr_plover2.jsonl (PLOVER gold records).")],
    split: Annotated[
        Split, typer.Option(help="dev: odd-numbered records (used to write rules); test: even.")
    ] = Split.ALL,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Event type, actor and recipient accuracy of the PLOVER event coder."""
    import json
    from pathlib import Path

    from sayso.eval.plover import evaluate, format_report

    source = Path(path)
    if not source.is_file():
        errors.print(f"error: {path}: no such file", markup=False)
        raise typer.Exit(code=2)
    report = evaluate(source, split=str(split))
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), indent=2) + "\n")
    else:
        console.print(format_report(report), markup=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
