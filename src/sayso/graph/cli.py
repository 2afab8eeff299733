"""The claim graph's commands: ``sayso link``, ``sayso trace``, ``sayso events``.

They are defined on ``graph_app`` and added to the main ``sayso`` app as top-level
commands; they share the ``--db`` option and the store opener of :mod:`sayso.options`.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console

from sayso.errors import SaysoError
from sayso.options import DbOption, open_store_or_exit, store_writes
from sayso.store import DEFAULT_URL, Store


class GraphFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


FormatOpt = Annotated[GraphFormat, typer.Option("--format", "-f", help="Output format.")]
LinkFirstOpt = Annotated[
    bool, typer.Option("--link/--no-link", help="Link pending articles first.")
]


def _store(db: str, update: bool) -> Store:
    """The store, with what is pending linked first unless ``--no-link``."""
    store = open_store_or_exit(db)
    if update:
        link_now(store, errors)
    return store


def _emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def link_now(
    store: Store, errors: Console, *, rebuild: bool = False, wait: float | None = None
) -> None:
    """Link what is pending and say what was done (nothing printed when nothing was)."""
    from sayso.graph.link import DEFAULT_WAIT, link_store

    def progress(report: Any, total: int) -> None:
        errors.print(f"linking: {report.articles}/{total} articles", markup=False)

    url = store.engine.url.render_as_string(hide_password=False)
    try:
        with store_writes(url):  # a full disk: a clear error, the batches before kept
            report = link_store(
                store,
                rebuild=rebuild,
                on_progress=progress if rebuild else None,
                wait=DEFAULT_WAIT if wait is None else wait,
            )
    except SaysoError as error:
        errors.print(f"error: {error}", markup=False)
        raise typer.Exit(code=1) from error
    if report.articles:
        errors.print(report.summary(), markup=False)


graph_app = typer.Typer()
console = Console(highlight=False, width=None if sys.stdout.isatty() else 120)
errors = Console(stderr=True, highlight=False, soft_wrap=True)


@graph_app.command()
def link(
    db: DbOption = DEFAULT_URL,
    rebuild: Annotated[
        bool,
        typer.Option(
            "--rebuild",
            help="Link every article again, into new tables swapped in at the end "
            "(readers keep the old graph meanwhile).",
        ),
    ] = False,
    wait: Annotated[
        float,
        typer.Option(min=0, help="Seconds to wait for another `sayso link` on the store."),
    ] = 3600.0,
) -> None:
    """Link claims and events across articles (sayso ingest does it after each run)."""
    link_now(open_store_or_exit(db), errors, rebuild=rebuild, wait=wait)


@graph_app.command()
def trace(
    query: Annotated[
        str, typer.Argument(help="A claim id (ARTICLE/aN; an article-id prefix will do) or words.")
    ],
    db: DbOption = DEFAULT_URL,
    output_format: FormatOpt = GraphFormat.TABLE,
    update: LinkFirstOpt = True,
) -> None:
    """One claim and all its tellings: who else says it, through whom, who denies it."""
    from sayso.graph.render import render_trace
    from sayso.graph.tracing import find_by_text, resolve_claim_id
    from sayso.graph.tracing import trace as trace_claim

    store = _store(db, update)
    found = resolve_claim_id(store, query)
    words = None
    if found is None:
        hit = find_by_text(store, query)
        if hit is None:
            errors.print(f"error: no claim in the store matches {query!r}", markup=False)
            raise typer.Exit(code=1)
        found, words = hit[:2], {"text": query, "cosine": round(hit[2], 3)}
    result = trace_claim(store, *found)
    result.query = words
    if result.status == "pending" and not store.claim(*found):
        errors.print(f"error: no claim {query!r} in the store", markup=False)
        raise typer.Exit(code=1)
    if output_format is GraphFormat.JSON:
        _emit_json(result.to_dict())
    else:
        render_trace(result, console)


@graph_app.command()
def events(
    db: DbOption = DEFAULT_URL,
    min_articles: Annotated[
        int, typer.Option(min=1, help="Only happenings told by this many articles or more.")
    ] = 2,
    kind: Annotated[
        str | None, typer.Option("--type", help="A PLOVER category (MOBILIZE, ASSAULT…).")
    ] = None,
    limit: Annotated[int, typer.Option(min=0, max=10_000)] = 50,
    output_format: FormatOpt = GraphFormat.TABLE,
    update: LinkFirstOpt = True,
) -> None:
    """Events linked across articles: the same happening told by several outlets."""
    from sayso.graph.eventviews import event_clusters
    from sayso.graph.render import render_events

    store = _store(db, update)
    with store.engine.connect() as conn:
        clusters = event_clusters(conn, min_articles=min_articles, kind=kind, limit=limit)
    if output_format is GraphFormat.JSON:
        _emit_json(clusters)
    else:
        render_events(clusters, console)
