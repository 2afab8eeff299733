"""Query parameters shared by the pages and the API, checked before any query runs.

Bad values answer 400 with a message naming the parameter; an empty value (a form's
"any") means no filter.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import HTTPException, Query

from sayso.errors import SaysoError
from sayso.model import AttributionKind, CertaintyValue, Stance
from sayso.store import ClaimQuery
from sayso.web.service import DEFAULT_PAGE, MAX_PAGE

MAX_TEXT = 200  # characters of a filter value
MAX_OFFSET = 1_000_000

KINDS = tuple(str(k) for k in AttributionKind)
CERTAINTIES = tuple(str(c) for c in CertaintyValue)
STANCES = tuple(str(s) for s in Stance)


def text_param(description: str) -> Any:
    return Query(max_length=MAX_TEXT, description=description)


Limit = Annotated[int, Query(ge=0, le=MAX_PAGE, description=f"Page size, at most {MAX_PAGE}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Results to skip.")]


@dataclass(slots=True)
class ClaimFilters:
    """The claims filters of ``/claims`` and ``/api/claims``."""

    speaker: str | None = None
    entity: str | None = None
    publisher: str | None = None
    q: str | None = None
    since: str | None = None
    until: str | None = None
    certainty: str | None = None
    stance: str | None = None
    kind: str | None = None
    article: str | None = None
    with_duplicates: bool = False
    limit: int = DEFAULT_PAGE
    offset: int = 0

    def query(self) -> ClaimQuery:
        if self.kind and self.kind not in KINDS:
            raise bad_request(f"kind must be one of {', '.join(KINDS)}, not {self.kind!r}")
        try:
            return ClaimQuery(
                speaker=self.speaker,
                entity=self.entity,
                publisher=self.publisher,
                text=self.q,
                since=self.since,  # type: ignore[arg-type]  # checked by ClaimQuery
                until=self.until,  # type: ignore[arg-type]
                certainty=self.certainty,
                stance=self.stance,
                kind=self.kind,
                article_id=self.article,
                include_duplicates=self.with_duplicates,
                limit=self.limit,
                offset=self.offset,
            )
        except SaysoError as error:
            raise bad_request(str(error)) from error

    def active(self) -> dict[str, Any]:
        """The filters set, without paging: for links to other pages of the same list."""
        values = asdict(self)
        values.pop("limit")
        values.pop("offset")
        return {k: v for k, v in values.items() if v not in (None, "", False)}

    def link(self, path: str, offset: int) -> str:
        values = {**self.active(), "limit": self.limit, "offset": offset}
        values = {k: ("true" if v is True else v) for k, v in values.items()}
        return f"{path}?{urlencode(values)}"


def _blank(value: str | None) -> str | None:
    value = value.strip() if value is not None else None
    return value or None


def claim_filters(
    speaker: Annotated[str | None, text_param("Speaker name, part of it, any case.")] = None,
    entity: Annotated[str | None, text_param("An entity mentioned in the claim.")] = None,
    publisher: Annotated[str | None, text_param("Publisher, part of the name.")] = None,
    q: Annotated[str | None, text_param("Full text: every word, stemmed.")] = None,
    since: Annotated[str | None, text_param("Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, text_param("Published on or before (YYYY-MM-DD).")] = None,
    certainty: Annotated[str | None, text_param(" | ".join(CERTAINTIES))] = None,
    stance: Annotated[str | None, text_param(" | ".join(STANCES))] = None,
    kind: Annotated[str | None, text_param(" | ".join(KINDS))] = None,
    article: Annotated[str | None, text_param("Only this article's claims (its id).")] = None,
    with_duplicates: Annotated[bool, Query(description="Include near-duplicate articles.")] = False,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> ClaimFilters:
    return ClaimFilters(
        speaker=_blank(speaker),
        entity=_blank(entity),
        publisher=_blank(publisher),
        q=_blank(q),
        since=_blank(since),
        until=_blank(until),
        certainty=_blank(certainty),
        stance=_blank(stance),
        kind=_blank(kind),
        article=_blank(article),
        with_duplicates=with_duplicates,
        limit=limit,
        offset=offset,
    )


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

    def to_dict(self, link: Any = None) -> dict[str, Any]:
        return {
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
            "next": link(self.next) if link and self.next is not None else None,
            "previous": link(self.previous) if link and self.previous is not None else None,
        }
