"""``sayso batch`` and ``sayso load``: defined on ``batch_app``, added to the main ``sayso``
app as top-level commands (as the claim graph's are)."""

from __future__ import annotations

import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from sayso.errors import SaysoError
from sayso.ingest.html import MAX_TAG_CHARS
from sayso.ingest.items import DEFAULT_MAX_BYTES
from sayso.options import (
    DateField,
    DbOption,
    IdField,
    KeepNonArticles,
    MaxTagChars,
    PublisherField,
    TextField,
    TitleField,
    UrlField,
    errors,
    open_store_or_exit,
)
from sayso.store import DEFAULT_URL
from sayso.store.engine import redacted as redacted_url

batch_app = typer.Typer()


class Engine(StrEnum):
    LOCAL = "local"
    SPARK = "spark"


@batch_app.command()
def batch(
    sources: Annotated[
        list[str], typer.Argument(help="Files, folders, .jsonl/.csv datasets, .warc(.gz) archives.")
    ],
    out: Annotated[str, typer.Option("--out", "-o", help="Output folder (Spark: or a URL).")],
    engine: Annotated[Engine, typer.Option(help="local: processes; spark: PySpark.")] = (
        Engine.LOCAL
    ),
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="local: processes.")] = 1,
    master: Annotated[
        str | None,
        typer.Option(help="spark: the master URL [default: spark-submit's, else local[*]]."),
    ] = None,
    partitions: Annotated[
        int | None, typer.Option(min=1, help="spark: partitions (default: 2 per core).")
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch.")] = 16,
    max_bytes: Annotated[int, typer.Option(help="Largest article or record, in bytes.")] = (
        DEFAULT_MAX_BYTES
    ),
    text_field: TextField = None,
    title_field: TitleField = None,
    date_field: DateField = None,
    url_field: UrlField = None,
    id_field: IdField = None,
    publisher_field: PublisherField = None,
    max_tag_chars: MaxTagChars = MAX_TAG_CHARS,
    keep_non_articles: KeepNonArticles = False,
) -> None:
    """Analyse inputs into Parquet tables: articles, attributions, entities, events, failures."""
    from sayso.ingest.datasets import Fields
    from sayso.ingest.sources import ReadOptions

    fields = Fields.named(
        text=text_field,
        title=title_field,
        date=date_field,
        url=url_field,
        id=id_field,
        publisher=publisher_field,
    )
    options = ReadOptions(
        fields=fields,
        max_bytes=max_bytes,
        max_tag_chars=max_tag_chars,
        keep_non_articles=keep_non_articles,
    )
    started = time.monotonic()
    try:
        if engine is Engine.SPARK:
            from sayso.batch.spark import run_spark

            report = run_spark(
                sources, out, options=options, master=master, partitions=partitions,
                batch_size=batch_size,
            )  # fmt: skip
        else:
            from sayso.batch.local import run_local

            report = run_local(
                sources, Path(out), options=options, workers=workers, batch_size=batch_size
            )
    except (SaysoError, OSError) as error:
        errors.print(f"error: {error}", markup=False)
        raise typer.Exit(code=2) from error
    report.seconds = time.monotonic() - started
    for message in report.errors[:20]:
        errors.print(f"error: {message}", markup=False)
    errors.print(f"{report.summary()}; tables in {out}", markup=False)
    if report.failed:
        raise typer.Exit(code=1)


@batch_app.command()
def load(
    out: Annotated[Path, typer.Argument(help="A folder that sayso batch wrote.")],
    db: DbOption = DEFAULT_URL,
    link: Annotated[bool, typer.Option(help="Then link claims and events across articles.")] = True,
) -> None:
    """Bring what sayso batch analysed into the store (no analysis is run again)."""
    from sayso.batch.load import load_output
    from sayso.graph.cli import link_now

    store = open_store_or_exit(db)
    started = time.monotonic()
    try:
        report = load_output(out, store)
    except SaysoError as error:
        errors.print(f"error: {error}", markup=False)
        raise typer.Exit(code=2) from error
    report.seconds = time.monotonic() - started
    errors.print(f"{report.summary()}; store {redacted_url(db)}", markup=False)
    if link:
        link_now(store, errors, optional=True)
