"""The ``sayso`` command line. Every command has a Python API twin in :mod:`sayso`."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console

from sayso.analyze import analyze_many
from sayso.batch.cli import batch_app
from sayso.config import ConfigError
from sayso.errors import SaysoError
from sayso.eval.cli import eval_app
from sayso.export import render_table, to_json, to_jsonl_line, to_markdown
from sayso.export.text import summary_line
from sayso.extras import MissingExtra, require
from sayso.graph.cli import graph_app, link_now
from sayso.ingest.files import DEFAULT_MAX_BYTES, read_inputs
from sayso.ingest.html import MAX_TAG_CHARS
from sayso.model import Analysis
from sayso.nlp.meaning.timex import parse_anchor
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
    open_store_or_exit,
    store_writes,
)
from sayso.stance.cli import stance_app
from sayso.store import DEFAULT_URL, ClaimQuery, output
from sayso.store.engine import redacted as redacted_url
from sayso.store.output import provenance_tree, record_lines
from sayso.store.queries import SORTS
from sayso.train.cli import train_app

app = typer.Typer(
    name="sayso",
    help="For every claim in the news: on whose say-so?",
    no_args_is_help=True,
    add_completion=False,
)
# Piped output is read by programs and people with wide windows: don't wrap it at 80.
console = Console(highlight=False, width=None if sys.stdout.isatty() else 120)
errors = Console(stderr=True, highlight=False, soft_wrap=True)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")


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
    max_tag_chars: MaxTagChars = MAX_TAG_CHARS,
) -> None:
    """Read articles and print who claims what, through whom, in which words."""
    if published is not None and parse_anchor(published) is None:
        errors.print(f"error: --published {published!r} is not a date (YYYY-MM-DD)", markup=False)
        raise typer.Exit(code=2)
    failures = 0
    good = []
    for result in read_inputs(paths, max_bytes=max_bytes, max_tag_chars=max_tag_chars):
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


class QueryFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


_open_store = open_store_or_exit


@app.command()
def ingest(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders, .jsonl/.csv datasets, .warc(.gz) archives, RSS/Atom feeds "
            "(file or URL), http(s) pages."
        ),
    ],
    db: DbOption = DEFAULT_URL,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Analysis processes.")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch.")] = 16,
    text_field: TextField = None,
    title_field: TitleField = None,
    date_field: DateField = None,
    url_field: UrlField = None,
    id_field: IdField = None,
    publisher_field: PublisherField = None,
    follow: Annotated[
        bool, typer.Option(help="Feeds: fetch each item's page (else read the item's text).")
    ] = True,
    max_bytes: Annotated[int, typer.Option(help="Largest article, page or record, in bytes.")] = (
        DEFAULT_MAX_BYTES
    ),
    max_tag_chars: MaxTagChars = MAX_TAG_CHARS,
    keep_non_articles: KeepNonArticles = False,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a web server.")] = 15.0,
    allow_network: Annotated[
        list[str] | None,
        typer.Option(
            help="Also fetch from this internal network (CIDR, e.g. 10.0.0.0/8; repeatable): "
            "loopback, private and link-local addresses are refused otherwise."
        ),
    ] = None,
    politeness: Annotated[
        float,
        typer.Option(min=0, help="Seconds between two requests to one host (or its Crawl-delay)."),
    ] = 1.0,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
    link: Annotated[
        bool,
        typer.Option(help="Then link claims and events across articles (sayso link)."),
    ] = True,
    max_seconds: Annotated[
        float, typer.Option(min=0, help="Longest analysis of one article, in seconds (0: none).")
    ] = 60.0,
    max_memory: Annotated[
        int,
        typer.Option(min=0, help="Most memory one article's analysis may add, in MB (0: none)."),
    ] = 2048,
) -> None:
    """Read news into the store: each new article analysed once, duplicates skipped."""
    from sayso.ingest.datasets import Fields
    from sayso.ingest.fetch import FetchOptions
    from sayso.ingest.progress import ingest_progress
    from sayso.ingest.run import ingest as run_ingest
    from sayso.ingest.sources import ReadOptions, estimate_total
    from sayso.ingest.workers import Limits

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
        follow_links=follow,
        fetch=FetchOptions(
            timeout=timeout,
            max_bytes=max(max_bytes, 5 * 1024 * 1024),
            allow_networks=tuple(allow_network or ()),
            politeness=politeness,
        ),
        max_tag_chars=max_tag_chars,
        keep_non_articles=keep_non_articles,
    )
    store = _open_store(db)
    total = estimate_total(sources, options)
    with store_writes(db), ingest_progress(errors, total, enabled=progress) as hook:
        report = run_ingest(
            sources,
            store,
            options=options,
            workers=workers,
            batch_size=batch_size,
            limits=Limits(max_seconds or None, max_memory or None),
            isolate=True,  # analysis in a worker process: its limits never reach the run
            on_progress=hook,
        )
    for message in report.errors[:20]:
        errors.print(f"error: {message}", markup=False)
    if len(report.errors) > 20:
        errors.print(f"… and {report.failed - 20} more (see the store's failures)", markup=False)
    errors.print(f"{report.summary()}; store {redacted_url(db)}", markup=False)
    if report.interrupted:
        errors.print("interrupted: run the same command again to continue", markup=False)
        raise typer.Exit(code=130)
    if link:
        link_now(store, errors, optional=True)
    if report.failed:
        raise typer.Exit(code=1)


_CLAIM_COLUMNS = (
    "article_id",
    "attribution_id",
    "speaker",
    "source_text",
    "cue",
    "content",
    "kind",
    "nested_in",
    "publisher",
    "published",
    "title",
    "article_url",
    "anonymous",
    "group",
)
_CLAIM_TABLE = (
    "article_id",
    "attribution_id",
    "speaker",
    "cue",
    "content",
    "publisher",
    "published",
)
_SOURCE_COLUMNS = ("speaker", "claims", "articles", "first_published", "last_published")


def _query(**filters: object) -> ClaimQuery:
    try:
        return ClaimQuery(**filters)  # type: ignore[arg-type]
    except SaysoError as error:
        errors.print(f"error: {error}", markup=False)
        raise typer.Exit(code=2) from error


def _emit_rows(
    rows: list[dict[str, object]],
    columns: tuple[str, ...],
    table_columns: tuple[str, ...],
    output_format: QueryFormat,
    title: str,
) -> None:
    if output_format is QueryFormat.JSON:
        sys.stdout.write(output.to_json(rows) + "\n")
    elif output_format is QueryFormat.CSV:
        sys.stdout.write(output.to_csv(rows, columns))
    else:
        output.print_table(
            console, rows, table_columns, title=title, widths={"content": 5, "speaker": 2}
        )


SpeakerOpt = Annotated[
    str | None,
    typer.Option(
        help="Who makes the claim, matched by entity: a name (any case, any spelling sharing "
        "its key) or a bare surname (every person of that surname); never part of a name."
    ),
]
EntityOpt = Annotated[
    str | None, typer.Option(help="An entity mentioned in the claim (matched as --speaker).")
]
AboutOpt = Annotated[
    str | None,
    typer.Option(help="An entity mentioned in the claim, in claims someone else makes."),
]
SortOpt = Annotated[
    str | None,
    typer.Option(
        help="Order: " + ", ".join(SORTS) + " ('-' descending) [default: relevance with "
        "--search, else -date]."
    ),
]
SearchOpt = Annotated[str | None, typer.Option("--search", "-s", help="Words in the claim.")]
SinceOpt = Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option(help="Published on or before (YYYY-MM-DD).")]
PublisherOpt = Annotated[str | None, typer.Option(help="Publisher (part of the name).")]
DuplicatesOpt = Annotated[
    bool, typer.Option("--with-duplicates", help="Include near-duplicate articles.")
]
FormatOpt = Annotated[QueryFormat, typer.Option("--format", "-f", help="Output format.")]


@app.command()
def claims(
    db: DbOption = DEFAULT_URL,
    speaker: SpeakerOpt = None,
    entity: EntityOpt = None,
    about: AboutOpt = None,
    search: SearchOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    publisher: PublisherOpt = None,
    kind: Annotated[str | None, typer.Option(help="direct, indirect, mixed, implicit…")] = None,
    article: Annotated[str | None, typer.Option(help="Only this article's claims.")] = None,
    with_duplicates: DuplicatesOpt = False,
    sort: SortOpt = None,
    limit: Annotated[int, typer.Option(min=0, max=10_000)] = 50,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    output_format: FormatOpt = QueryFormat.TABLE,
) -> None:
    """List claims: who said what, filtered by speaker, entity, words, date, publisher."""
    query = _query(
        speaker=speaker,
        entity=entity,
        about=about,
        text=search,
        since=since,
        until=until,
        publisher=publisher,
        kind=kind,
        article_id=article,
        include_duplicates=with_duplicates,
        sort=sort,
        limit=limit,
        offset=offset,
    )
    rows = [row.to_dict() for row in _open_store(db).claims(query)]
    _emit_rows(rows, _CLAIM_COLUMNS, _CLAIM_TABLE, output_format, f"{len(rows)} claims")


@app.command()
def sources(
    db: DbOption = DEFAULT_URL,
    speaker: SpeakerOpt = None,
    entity: EntityOpt = None,
    search: SearchOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    publisher: PublisherOpt = None,
    with_duplicates: DuplicatesOpt = False,
    limit: Annotated[int, typer.Option(min=0, max=10_000)] = 20,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    output_format: FormatOpt = QueryFormat.TABLE,
) -> None:
    """Who said the most: speakers ranked by their number of claims."""
    query = _query(
        speaker=speaker,
        entity=entity,
        text=search,
        since=since,
        until=until,
        publisher=publisher,
        include_duplicates=with_duplicates,
        limit=limit,
        offset=offset,
    )
    rows = [row.to_dict() for row in _open_store(db).sources(query)]
    _emit_rows(rows, _SOURCE_COLUMNS, _SOURCE_COLUMNS, output_format, "top speakers")


@app.command()
def article(
    article_id: Annotated[str, typer.Argument(help="Article id (or its first characters).")],
    db: DbOption = DEFAULT_URL,
    claim: Annotated[
        str | None, typer.Option(help="Show the provenance of this claim (a1, a2…).")
    ] = None,
    output_format: FormatOpt = QueryFormat.TABLE,
) -> None:
    """One stored article with its claims, or the provenance of one of its claims."""
    store = _open_store(db)
    found = store.resolve_article_id(article_id)
    if found is None:
        errors.print(f"error: no article {article_id!r} in the store", markup=False)
        raise typer.Exit(code=1)
    record = store.article(found)
    assert record is not None
    chain = store.provenance(found, claim) if claim else []
    if claim and not chain:
        errors.print(f"error: article {found} has no claim {claim!r}", markup=False)
        raise typer.Exit(code=1)
    if output_format is QueryFormat.JSON:
        payload = record.to_dict()
        if claim:
            payload["provenance"] = [row.to_dict() for row in chain]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    rows = [
        row.to_dict()
        for row in (chain or store.claims(article_id=found, include_duplicates=True, limit=None))
    ]
    if output_format is QueryFormat.CSV:
        sys.stdout.write(output.to_csv(rows, _CLAIM_COLUMNS))
        return
    if claim:
        console.print(provenance_tree(record, chain))
        return
    render_table(record.analysis, console)
    for line in record_lines(record):
        console.print(line, markup=False)


@app.command()
def schema() -> None:
    """Print the JSON Schema of an analysis (what --format json writes; docs/schema.md)."""
    from sayso.serial import schema_text

    sys.stdout.write(schema_text() + "\n")


@app.command()
def demo(db: DbOption = DEFAULT_URL) -> None:
    """Ingest the bundled sample into the store and report on it."""
    from sayso.analyze import article_id as text_id
    from sayso.data import sample_articles
    from sayso.ingest.progress import ingest_progress
    from sayso.ingest.run import ingest_inputs

    store = _open_store(db)
    articles = list(sample_articles())
    with store_writes(db), ingest_progress(errors, len(articles)) as hook:
        report = ingest_inputs(articles, store, on_progress=hook)
    link_now(store, errors, optional=True)
    founding = store.load(text_id(articles[0].text))
    if founding is not None:
        render_table(founding, console)
    summary = store.summary(top=10)
    console.print(
        f"store {redacted_url(db)}: {summary.articles} articles "
        f"({report.ingested} new this run, {report.duplicates} already there), "
        f"{summary.attributions} attributions, {summary.speakers} distinct speakers",
        markup=False,
        soft_wrap=True,
    )
    rows = [{"speaker": name, "claims": n} for name, n in summary.top_speakers]
    output.print_table(console, rows, ("speaker", "claims"), title="top speakers")
    if report.failed:
        raise typer.Exit(code=1)


@app.command()
def serve(
    db: DbOption = DEFAULT_URL,
    host: Annotated[
        str, typer.Option(help="Address to listen on (loopback by default: local use only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_submit: Annotated[
        bool,
        typer.Option(
            "--allow-submit", help="Accept pasted or uploaded articles (read-only otherwise)."
        ),
    ] = False,
    cache_seconds: Annotated[
        float, typer.Option(min=0, help="Keep each page's answer this long (0: never).")
    ] = 1.0,
    show_file_names: Annotated[
        bool,
        typer.Option(
            "--show-file-names",
            help="Name the file each article was read from (its name, never its folder).",
        ),
    ] = False,
) -> None:
    """Serve the web app and the REST API (/api/) over the store."""
    require("web", "sayso serve")
    from sayso.web.server import serve as run_server

    store_url = db
    _open_store(db).close()  # a clear error for a bad --db before the server starts
    errors.print(
        f"sayso web app on http://{host}:{port}/ over {redacted_url(db)}"
        f"{' (submitting allowed)' if allow_submit else ' (read-only)'}",
        markup=False,
    )
    run_server(
        store_url,
        host=host,
        port=port,
        allow_submit=allow_submit,
        cache_seconds=cache_seconds,
        show_file_names=show_file_names,
    )


app.registered_commands.extend(graph_app.registered_commands)
app.registered_commands.extend(batch_app.registered_commands)
app.registered_commands.extend(stance_app.registered_commands)


def main() -> None:
    """``sayso``: a store that fails under any command (damaged, read-only, its server
    gone) ends it with one line naming the store and what to do, exit status 2, never a
    traceback with SQL in it; so does a missing extra or a configuration error."""
    from sqlalchemy.exc import SQLAlchemyError

    from sayso.options import opened, store_problem

    try:
        app(standalone_mode=True)
    except (MissingExtra, ConfigError) as error:
        errors.print(f"error: {error}", markup=False)
        sys.exit(2)
    except SQLAlchemyError as error:
        where = opened[-1] if opened else "(the store)"
        errors.print(store_problem("the store", where, error), markup=False)
        sys.exit(2)


if __name__ == "__main__":
    main()
