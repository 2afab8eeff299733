"""``sayso stance``: the stance of a text toward a claim, with its evidence."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

stance_app = typer.Typer()
_console = Console(highlight=False, width=None if sys.stdout.isatty() else 120)
PAIRS_BATCH = 256


@stance_app.command("stance")
def stance_command(
    claim: Annotated[str | None, typer.Argument(help="The claim.")] = None,
    text: Annotated[
        str | None, typer.Argument(help="The text: a headline or an article ('-': stdin).")
    ] = None,
    pairs: Annotated[
        Path | None,
        typer.Option(
            "--pairs",
            help='JSON lines of {"claim", "text"}; writes one {"stance", "evidence"} a line.',
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """For, against or observing: how a text stands toward a claim, and why."""
    from sayso.stance import stance_many

    if pairs is not None:
        _pairs(pairs)
        return
    if claim is None or text is None:
        typer.echo("error: give CLAIM and TEXT, or --pairs FILE.jsonl", err=True)
        raise typer.Exit(code=2)
    if text == "-":
        text = sys.stdin.read()
    if not claim.strip() or not text.strip():
        typer.echo("error: the claim and the text must not be empty", err=True)
        raise typer.Exit(code=2)
    result = stance_many([(claim, text)])[0]
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    _render(result.to_dict())


def _render(data: dict) -> None:
    line = Text()
    line.append(f"{data['stance']}", style="bold")
    probabilities = ", ".join(f"{k} {v:.2f}" for k, v in data["probabilities"].items())
    line.append(f"  ({probabilities}; the graph's rule alone: {data['rule']})")
    _console.print(line)
    evidence = data["evidence"]
    if evidence.get("content"):
        how = (
            "in the publisher's own voice"
            if evidence.get("kind") == "own_voice"
            else (f"cue “{evidence.get('cue')}”, reporter {evidence.get('reporter_stance')}")
        )
        _console.print(Text(f"  telling: “{evidence['content']}” ({how})"))
        denied = f", negated by “{evidence['negated_by']}”" if evidence.get("negated_by") else ""
        _console.print(
            Text(
                f"  polarity: {evidence.get('polarity')}{denied}; cosine with the claim "
                f"{evidence.get('cosine')}"
            )
        )
        _console.print(Text(f"  why: {evidence.get('why')}"))
    else:
        _console.print(Text("  no telling found in the text; decided by its words"))


def _pairs(path: Path) -> None:
    """Each input line answered in order; a bad line gets an error line, never stops it."""

    if not path.is_file():
        typer.echo(f"error: {path}: no such file", err=True)
        raise typer.Exit(code=2)
    batch: list[tuple[int, str, str]] = []
    answers: dict[int, dict] = {}
    order: list[int] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            order.append(number)
            try:
                record = json.loads(line)
                claim, text = record["claim"], record["text"]
                if not (isinstance(claim, str) and isinstance(text, str)):
                    raise TypeError("claim and text must be strings")
                if not claim.strip() or not text.strip():
                    raise ValueError("claim and text must not be empty")
            except (ValueError, KeyError, TypeError) as error:
                answers[number] = {"error": f"{path}:{number}: {error}"}
                continue
            batch.append((number, claim, text))
            if len(batch) >= PAIRS_BATCH:
                _answer(batch, answers)
                batch = []
    if batch:
        _answer(batch, answers)
    for number in order:
        sys.stdout.write(json.dumps(answers[number], ensure_ascii=False) + "\n")


def _answer(batch: list[tuple[int, str, str]], answers: dict[int, dict]) -> None:
    from sayso.stance import stance_many

    results = stance_many([(claim, text) for _, claim, text in batch])
    for (number, _, _), result in zip(batch, results, strict=True):
        data = result.to_dict()
        answers[number] = {"stance": data["stance"], "evidence": data["evidence"]}
