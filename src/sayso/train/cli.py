"""``sayso train …``: reproduce the weights sayso ships from the data, on the CPU."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

train_app = typer.Typer(help="Train the weights sayso ships, from the data.", no_args_is_help=True)


@train_app.command("resolver")
def resolver(
    data: Annotated[
        Path | None,
        typer.Option(help="The shared data folder (default: $SAYSO_DATA_DIR): gum/ and gap/."),
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="Where to write the weights (default: the shipped file).")
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Write nothing; exit 1 unless training reproduces the shipped file."
        ),
    ] = False,
) -> None:
    """The speaker resolver's mention ranker, from GUM (train, dev) and GAP (development,
    validation). About two minutes on two cores."""
    from sayso.config import data_dir
    from sayso.nlp.coref.ranker import RankerWeights, default_weights_path
    from sayso.nlp.pipeline import load_pipeline
    from sayso.train.resolver import TrainingData, train

    root = data or data_dir()
    training = TrainingData.under(root)
    missing = [
        str(p) for p in (training.gum, training.gap_train, training.gap_tune) if not p.exists()
    ]
    if missing:
        typer.echo(f"error: training data not found: {', '.join(missing)}", err=True)
        raise typer.Exit(code=2)
    weights = train(load_pipeline(), training)
    target = _check_or_write(weights, RankerWeights, default_weights_path(), out, check)
    if target is not None:
        counts = ", ".join(f"{g} {n}" for g, n in weights.meta["examples"].items())
        typer.echo(f"wrote {target} ({counts} examples; thresholds {weights.thresholds})")


def _check_or_write(
    weights: Any, kind: Any, shipped: Path, out: Path | None, check: bool
) -> Path | None:
    """``--check``: exit 1 unless ``weights`` equal the shipped file (returns None); else
    write them to ``out`` or the shipped file and return where."""
    if check:
        expected = kind.from_dict(json.loads(shipped.read_text(encoding="utf-8")))
        if expected.to_dict() != weights.to_dict():
            typer.echo(f"the trained weights differ from {shipped}", err=True)
            raise typer.Exit(code=1)
        typer.echo(f"reproduced {shipped} exactly")
        return None
    target = out or shipped
    weights.write(target)
    return target


@train_app.command("stance")
def stance(
    data: Annotated[
        Path | None,
        typer.Option(help="Emergent's train.csv (default: $SAYSO_DATA_DIR/emergent/train.csv)."),
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="Where to write the weights (default: the shipped file).")
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Write nothing; exit 1 unless training reproduces the shipped file."
        ),
    ] = False,
) -> None:
    """The stance classifier of sayso stance, from every row of Emergent's train.csv.
    About three minutes on two cores."""
    from sayso.eval.emergent import default_path, featurise, read_rows, train_all
    from sayso.stance.model import StanceWeights, default_weights_path

    source = data or default_path()
    if not source.is_file():
        typer.echo(f"error: training data not found: {source}", err=True)
        raise typer.Exit(code=2)
    weights = train_all(featurise(read_rows(source)))
    shipped = default_weights_path()
    if check:
        expected = StanceWeights.from_dict(json.loads(shipped.read_text(encoding="utf-8")))
        if expected.to_dict() != weights.to_dict():
            typer.echo(f"the trained weights differ from {shipped}", err=True)
            raise typer.Exit(code=1)
        typer.echo(f"reproduced {shipped} exactly")
        return
    target = out or shipped
    weights.write(target)
    typer.echo(
        f"wrote {target} ({weights.meta['rows']} headlines, {weights.meta['claims']} claims)"
    )
