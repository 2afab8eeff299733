"""``sayso eval …``: measured accuracy on annotated corpora."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from spacy.language import Language

from sayso.eval.gate import (
    default_baseline_path,
    named_baseline_path,
    read_baseline,
    record_regressions,
    regressions,
    write_baseline,
    write_record,
)
from sayso.eval.polnear import default_corpus_dir

eval_app = typer.Typer(help="Measure sayso's accuracy on annotated corpora.", no_args_is_help=True)
_console = Console(highlight=False, width=None if sys.stdout.isatty() else 120)


@eval_app.command("polnear")
def polnear(
    path: Annotated[
        Path | None,
        typer.Argument(help="PolNeAR folder (default: $SAYSO_DATA_DIR/polnear)."),
    ] = None,
    split: Annotated[str, typer.Option(help="Split to score: train or dev.")] = "dev",
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    errors: Annotated[
        int, typer.Option("--errors", help="Also show the N worst misses and false alarms.")
    ] = 0,
    limit: Annotated[int | None, typer.Option(help="Score only the first N articles.")] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check-baseline",
            help="Fail (exit 1) when a figure falls more than 0.5 points below the baseline.",
        ),
    ] = False,
    baseline: Annotated[
        Path | None, typer.Option(help="Baseline JSON (default: the recorded dev baseline).")
    ] = None,
    write: Annotated[
        bool, typer.Option("--write-baseline", help="Record this run's figures as the baseline.")
    ] = False,
) -> None:
    """Score sayso's attributions against PolNeAR's gold annotation."""
    from sayso.errors import InputError
    from sayso.eval.evaluate import evaluate
    from sayso.eval.mistakes import worst
    from sayso.eval.render import render_figures, render_mistakes

    root = path or default_corpus_dir()
    try:
        result = evaluate(root, split, limit=limit)
    except InputError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=2) from error
    figures = result.figures()
    report = worst(result, errors) if errors else None
    if as_json:
        payload = {**figures, "mistakes": report} if report else figures
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    else:
        render_figures(figures, _console)
        if report:
            render_mistakes(report, _console)
    _baseline(figures, baseline or default_baseline_path(), check=check, write=write)


def _baseline(figures: dict[str, object], path: Path, *, check: bool, write: bool) -> None:
    if write:
        write_baseline(figures, path)
        typer.echo(f"baseline written to {path}", err=True)
    if not check:
        return
    fallen = regressions(figures, read_baseline(path))
    if fallen:
        typer.echo(f"accuracy fell below the baseline ({path}):", err=True)
        for line in fallen:
            typer.echo(f"  {line}", err=True)
        raise typer.Exit(code=1)
    typer.echo(f"accuracy gate passed ({path})", err=True)


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
    from sayso.eval.plover import evaluate, format_report

    source = Path(path)
    if not source.is_file():
        typer.echo(f"error: {path}: no such file", err=True)
        raise typer.Exit(code=2)
    report = evaluate(source, split=str(split))
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), indent=2) + "\n")
    else:
        _console.print(format_report(report), markup=False)


@eval_app.command("ecbplus")
def eval_ecbplus(
    path: Annotated[
        Path | None,
        typer.Argument(help="ecbplus.jsonl (default: $SAYSO_DATA_DIR/ecbplus/ecbplus.jsonl)."),
    ] = None,
    split: Annotated[str, typer.Option(help="Topics to score: train or dev.")] = "dev",
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    fit_model: Annotated[
        bool,
        typer.Option(
            "--fit",
            help="Fit the pair model and threshold on these topics (train only) and write "
            "them to sayso/graph/event_model.json.",
        ),
    ] = False,
) -> None:
    """Cross-document event linking on ECB+: sayso next to the same-head-lemma baseline."""
    from sayso.errors import InputError
    from sayso.eval.ecbplus import default_path, read_documents
    from sayso.eval.eventcoref import evaluate as evaluate_events
    from sayso.eval.eventcoref import fit, prepare
    from sayso.eval.render import render_coref
    from sayso.graph.embed import default_embedder
    from sayso.graph.eventlink import MODEL_PATH, default_model, save_model

    if fit_model and split != "train":
        typer.echo("error: --fit is for the train split only (never tune on dev)", err=True)
        raise typer.Exit(code=2)
    try:
        documents = read_documents(path or default_path(), split)
    except InputError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=2) from error
    prepared = prepare(documents, _parser(), default_embedder())
    model = default_model()
    if fit_model:
        model, sweep = fit(prepared)
        save_model(model)
        typer.echo(f"model written to {MODEL_PATH} (threshold {model.threshold})", err=True)
        for threshold, f1 in sweep.items():
            typer.echo(f"  threshold {threshold:.2f}: CoNLL F1 {100 * f1:.2f}", err=True)
    result = evaluate_events(prepared, split, model)
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), indent=2) + "\n")
    else:
        render_coref(result, _console)


def _parser() -> Language:
    """The English model's tagger, parser and lemmatizer (no sayso components)."""
    import spacy

    from sayso.nlp.pipeline import DEFAULT_MODEL

    return spacy.load(DEFAULT_MODEL, exclude=["ner"])


# -- speaker resolution: polnear-speakers, GAP, GUM ------------------------------------------

_CHECK_HELP = "Fail (exit 1) when a gated figure falls more than 0.5 points below the baseline."
JsonFlag = Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")]
CheckFlag = Annotated[bool, typer.Option("--check-baseline", help=_CHECK_HELP)]
WriteFlag = Annotated[
    bool, typer.Option("--write-baseline", help="Record this run's figures as the baseline.")
]


def _gate(record: dict[str, object], path: Path, *, check: bool, write: bool) -> None:
    """--write-baseline / --check-baseline for the evaluations with a gate record."""
    if write:
        write_record(record, path)
        typer.echo(f"baseline written to {path}", err=True)
    if not check:
        return
    if not path.is_file():
        typer.echo(f"error: no baseline at {path} (record one with --write-baseline)", err=True)
        raise typer.Exit(code=2)
    fallen = record_regressions(record, read_baseline(path))
    if fallen:
        typer.echo(f"accuracy fell below the baseline ({path}):", err=True)
        for line in fallen:
            typer.echo(f"  {line}", err=True)
        raise typer.Exit(code=1)
    typer.echo(f"accuracy gate passed ({path})", err=True)


def _emit(payload: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


@eval_app.command("speakers")
def eval_speakers(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="polnear-speakers JSONL (default: $SAYSO_DATA_DIR/polnear-speakers/dev.jsonl)."
        ),
    ] = None,
    texts: Annotated[
        Path | None,
        typer.Option(help="Folder of the PolNeAR dev texts (default: polnear/dev/text)."),
    ] = None,
    oracle: Annotated[
        bool,
        typer.Option(
            "--oracle",
            help="Report the resolver asked about every gold span directly, whether or not "
            "an attribution was found there.",
        ),
    ] = False,
    as_json: JsonFlag = False,
    errors: Annotated[
        int, typer.Option("--errors", help="Also show the first N wrong and N missed items.")
    ] = 0,
    limit: Annotated[int | None, typer.Option(help="Score only the first N articles.")] = None,
    check: CheckFlag = False,
    baseline: Annotated[
        Path | None, typer.Option(help="Baseline JSON (default: baselines/speakers-dev.json).")
    ] = None,
    write: WriteFlag = False,
) -> None:
    """Speaker resolution on the hand-resolved sources of PolNeAR dev: accuracy on the
    mentions found and coverage, by label and by kind of mention."""
    from sayso.errors import InputError
    from sayso.eval.render import render_speaker_mistakes, render_speakers
    from sayso.eval.speakers import evaluate, mistakes

    mode = "oracle" if oracle else "analysis"
    try:
        result = evaluate(path, texts_dir=texts, limit=limit)
    except InputError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=2) from error
    figures = result.figures(mode)
    report = mistakes(result, errors, mode) if errors else None
    if as_json:
        _emit({**figures, "mistakes": report} if report else figures)
    else:
        render_speakers(figures, _console)
        if report:
            render_speaker_mistakes(report, _console)
    record = result.gate_record()
    _gate(record, baseline or named_baseline_path("speakers-dev"), check=check, write=write)


@eval_app.command("gap")
def eval_gap(
    path: Annotated[
        Path | None,
        typer.Argument(help="GAP .tsv (default: $SAYSO_DATA_DIR/gap/gap-validation.tsv)."),
    ] = None,
    oracle: Annotated[
        bool,
        typer.Option(
            "--oracle",
            help="Take the pronoun's entity from the resolver asked about the pronoun's span.",
        ),
    ] = False,
    as_json: JsonFlag = False,
    predictions: Annotated[
        Path | None,
        typer.Option(
            help="Also write the predictions as a system .tsv for the official gap_scorer.py."
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Score only the first N rows.")] = None,
    check: CheckFlag = False,
    baseline: Annotated[
        Path | None,
        typer.Option(help="Baseline JSON (default: baselines/gap-validation.json)."),
    ] = None,
    write: WriteFlag = False,
) -> None:
    """Pronoun resolution on GAP with the official metric (F1 on pronoun-name pairs,
    masculine, feminine, bias F/M), read from sayso's own output."""
    from sayso.errors import InputError
    from sayso.eval.gap import evaluate, write_predictions
    from sayso.eval.render import render_gap

    mode = "oracle" if oracle else "analysis"
    try:
        result = evaluate(path, limit=limit)
    except InputError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=2) from error
    if predictions is not None:
        write_predictions(result.rows, result.predictions[mode], predictions)
        typer.echo(f"predictions written to {predictions}", err=True)
    figures = result.figures(mode)
    if as_json:
        _emit(figures)
    else:
        render_gap(figures, _console)
    record = result.gate_record()
    _gate(record, baseline or named_baseline_path("gap-validation"), check=check, write=write)


class GumSplit(StrEnum):
    TRAIN = "train"
    DEV = "dev"
    TEST = "test"


@eval_app.command("coref")
def eval_coref(
    path: Annotated[
        Path | None, typer.Argument(help="GUM folder (default: $SAYSO_DATA_DIR/gum).")
    ] = None,
    split: Annotated[GumSplit, typer.Option(help="Standard GUM split to score.")] = GumSplit.TEST,
    as_json: JsonFlag = False,
    check: Annotated[
        bool,
        typer.Option(
            "--check-baseline",
            help=_CHECK_HELP.rstrip(".") + ", or when sayso does not beat the same-string "
            "baseline.",
        ),
    ] = False,
    baseline: Annotated[
        Path | None, typer.Option(help="Baseline JSON (default: baselines/gum-SPLIT.json).")
    ] = None,
    write: WriteFlag = False,
) -> None:
    """sayso's within-document entities as coreference on GUM (person and organisation
    mentions): MUC, B³, CEAF-e, CoNLL F1, next to a same-string baseline."""
    from sayso.errors import InputError
    from sayso.eval.entitycoref import evaluate
    from sayso.eval.gum import read_documents
    from sayso.eval.render import render_gum

    try:
        documents = read_documents(path, str(split))
    except InputError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=2) from error
    result = evaluate(documents, str(split))
    figures = result.figures()
    if as_json:
        _emit(figures)
    else:
        render_gum(figures, _console)
    if check and not figures["beats_baseline"]:
        typer.echo("sayso does not beat the same-string baseline", err=True)
        raise typer.Exit(code=1)
    record = result.gate_record()
    default = named_baseline_path(f"gum-{split}")
    _gate(record, baseline or default, check=check, write=write)


@eval_app.command("emergent")
def eval_emergent(
    path: Annotated[
        Path | None,
        typer.Argument(help="Emergent CSV (default: $SAYSO_DATA_DIR/emergent/train.csv)."),
    ] = None,
    folds: Annotated[int, typer.Option(min=2, max=20, help="Folds of claims.")] = 5,
    as_json: JsonFlag = False,
) -> None:
    """Stance of headlines toward claims (for, against, observing), held out by claim:
    accuracy and macro-F1 next to the majority class and the graph's rule alone."""
    from sayso.eval.emergent import (
        cross_validate,
        default_path,
        featurise,
        format_report,
        read_rows,
    )

    source = path or default_path()
    if not source.is_file():
        typer.echo(f"error: {source}: no such file", err=True)
        raise typer.Exit(code=2)
    report = cross_validate(featurise(read_rows(source)), folds=folds)
    if as_json:
        _emit(report.to_dict())
    else:
        _console.print(format_report(report), markup=False)
