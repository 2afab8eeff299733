"""Query parameters shared by the pages and the API, checked before any query runs.

Bad values answer 400 with a message naming the parameter; an empty value (a form's
"any") means no filter. Booleans are strict: ``true`` or ``false``, nothing else.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import HTTPException, Query
from pydantic import BeforeValidator

from sayso.errors import SaysoError
from sayso.model import AttributionKind, CertaintyValue, Stance
from sayso.store import ClaimQuery
from sayso.store.queries import SORTS
from sayso.web.service import DEFAULT_PAGE, MAX_PAGE

MAX_TEXT = 200  # characters of a filter value
MAX_OFFSET = 1_000_000
PAGE_SIZES = (10, 20, 50, 100)  # the choices the pages offer (the API takes any up to 100)

KINDS = tuple(str(k) for k in AttributionKind)
CERTAINTIES = tuple(str(c) for c in CertaintyValue)
STANCES = tuple(str(s) for s in Stance)


def text_param(description: str) -> Any:
    return Query(max_length=MAX_TEXT, description=description)


def strict_bool(value: Any) -> bool:
    """``true`` or ``false`` (a bool as it is); "yes", "1", "on" are refused."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value in ("true", "false"):
        return value == "true"
    raise ValueError("must be true or false")


Limit = Annotated[int, Query(ge=0, le=MAX_PAGE, description=f"Page size, at most {MAX_PAGE}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Results to skip.")]
Flag = Annotated[
    bool,
    BeforeValidator(strict_bool),
    Query(description="Include near-duplicate articles: true or false."),
]


def query_string(values: dict[str, Any]) -> str:
    """A URL query from the values that are set: spaces and every reserved character
    percent-encoded (``%20``, never a raw space), ``true`` for a set flag."""
    kept = {
        k: ("true" if v is True else v)
        for k, v in values.items()
        if v is not None and v != "" and v is not False
    }
    return urlencode(kept, quote_via=quote)


@dataclass(slots=True)
class ClaimFilters:
    """The claims filters of ``/claims`` and ``/api/claims`` (and the export)."""

    speaker: str | None = None
    entity: str | None = None
    about: str | None = None
    publisher: str | None = None
    q: str | None = None
    since: str | None = None
    until: str | None = None
    certainty: str | None = None
    stance: str | None = None
    kind: str | None = None
    article: str | None = None
    with_duplicates: bool = False
    sort: str | None = None
    limit: int = DEFAULT_PAGE
    offset: int = 0

    def query(self, *, paged: bool = True) -> ClaimQuery:
        if self.kind and self.kind not in KINDS:
            raise bad_request(f"kind must be one of {', '.join(KINDS)}, not {self.kind!r}")
        try:
            return ClaimQuery(
                speaker=self.speaker,
                entity=self.entity,
                about=self.about,
                publisher=self.publisher,
                text=self.q,
                since=self.since,  # type: ignore[arg-type]  # checked by ClaimQuery
                until=self.until,  # type: ignore[arg-type]
                certainty=self.certainty,
                stance=self.stance,
                kind=self.kind,
                article_id=self.article,
                include_duplicates=self.with_duplicates,
                sort=self.sort,
                limit=self.limit if paged else None,
                offset=self.offset if paged else 0,
            )
        except SaysoError as error:
            raise bad_request(str(error)) from error

    def active(self) -> dict[str, Any]:
        """The filters set (sort included), without paging: for links to the same list."""
        values = asdict(self)
        values.pop("limit")
        values.pop("offset")
        return {k: v for k, v in values.items() if v not in (None, "", False)}

    def filters_only(self) -> dict[str, Any]:
        """The filters set, without sort or paging: what a facet or an export keeps."""
        return {k: v for k, v in self.active().items() if k != "sort"}

    def link(
        self, path: str, offset: int | None = None, *, compact: bool = True, **changes: Any
    ) -> str:
        """The URL of the same list at ``offset``, with ``changes`` (None drops a value);
        ``compact`` leaves out a default page size and a zero offset (the pages' links)."""
        values: dict[str, Any] = {**self.active(), "limit": self.limit}
        values["offset"] = self.offset if offset is None else offset
        values.update(changes)
        if compact and values.get("offset") == 0:
            values.pop("offset")
        if compact and values.get("limit") == DEFAULT_PAGE:
            values.pop("limit")
        return f"{path}?{query_string(values)}"

    def linker(self, path: str) -> Callable[[int], str]:
        """The API's links: page size and offset always given."""
        return lambda offset: self.link(path, offset, compact=False)

    def with_(self, **changes: Any) -> ClaimFilters:
        return replace(self, **changes)


def _blank(value: str | None) -> str | None:
    value = value.strip() if value is not None else None
    return value or None


def claim_filters(
    speaker: Annotated[
        str | None,
        text_param(
            "Who makes the claim, matched by entity: a name (any case), any spelling sharing "
            "its canonical key, or a bare surname (every person of that surname); never a "
            "part of a name."
        ),
    ] = None,
    entity: Annotated[
        str | None,
        text_param("An entity the claim's content mentions (matched as speaker is)."),
    ] = None,
    about: Annotated[
        str | None,
        text_param("An entity the content mentions, in claims made by someone else."),
    ] = None,
    publisher: Annotated[str | None, text_param("Publisher, part of the name.")] = None,
    q: Annotated[str | None, text_param("Full text: every word, stemmed.")] = None,
    since: Annotated[str | None, text_param("Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, text_param("Published on or before (YYYY-MM-DD).")] = None,
    certainty: Annotated[str | None, text_param(" | ".join(CERTAINTIES))] = None,
    stance: Annotated[str | None, text_param(" | ".join(STANCES))] = None,
    kind: Annotated[str | None, text_param(" | ".join(KINDS))] = None,
    article: Annotated[str | None, text_param("Only this article's claims (its id).")] = None,
    with_duplicates: Flag = False,
    sort: Annotated[
        str | None,
        text_param(
            "Order: " + " | ".join(SORTS) + " ('-' descending). Default: relevance "
            "when q is given, else -date (newest first)."
        ),
    ] = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> ClaimFilters:
    return ClaimFilters(
        speaker=_blank(speaker),
        entity=_blank(entity),
        about=_blank(about),
        publisher=_blank(publisher),
        q=_blank(q),
        since=_blank(since),
        until=_blank(until),
        certainty=_blank(certainty),
        stance=_blank(stance),
        kind=_blank(kind),
        article=_blank(article),
        with_duplicates=with_duplicates,
        sort=_blank(sort),
        limit=limit,
        offset=offset,
    )


def _without_paging(dependency: Callable[..., ClaimFilters]) -> Callable[..., ClaimFilters]:
    """The same filters as ``dependency`` without ``limit`` and ``offset``: for the
    export and the facets, which cover the whole list."""
    signature = inspect.signature(dependency)
    kept = [p for p in signature.parameters.values() if p.name not in ("limit", "offset")]

    def filters(**values: Any) -> ClaimFilters:
        return dependency(**values, limit=DEFAULT_PAGE, offset=0)

    filters.__signature__ = signature.replace(parameters=kept)  # type: ignore[attr-defined]
    return filters


export_filters = _without_paging(claim_filters)


def bad_request(message: str) -> HTTPException:
    return HTTPException(status_code=400, detail=message)


@dataclass(frozen=True, slots=True)
class Pager:
    """Where a page sits in a list: for "previous" and "next" links."""

    total: int
    limit: int
    offset: int

    @property
    def shown(self) -> tuple[int, int]:
        return (min(self.offset + 1, self.total), min(self.offset + self.limit, self.total))

    @property
    def previous(self) -> int | None:
        return max(self.offset - self.limit, 0) if self.offset > 0 and self.limit else None

    @property
    def next(self) -> int | None:
        after = self.offset + self.limit
        return after if self.limit and after < self.total else None

    def envelope(self, items: list[Any], link: Callable[[int], str]) -> dict[str, Any]:
        """The one paging envelope of every list the API gives."""
        return {
            "items": items,
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
            "next": link(self.next) if self.next is not None else None,
            "previous": link(self.previous) if self.previous is not None else None,
        }
