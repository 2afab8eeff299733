"""The API's response and request bodies, as they appear in the OpenAPI document.

Articles, attributions and events are returned exactly as stored: the ``sayso/2`` JSON
documented in docs/schema.md (``Document`` below stands for those objects).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

Document = dict[str, Any]


class Claim(BaseModel):
    """One attribution with the article it was read from (a row of ``sayso claims``)."""

    article_id: str
    attribution_id: str
    kind: str
    speaker: str | None = Field(description="The resolved entity, or null.")
    source_text: str | None = Field(description="The mention on the page.")
    anonymous: bool
    group: bool
    cue: str | None
    content: str
    nested_in: str | None
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    stance: str | None = None
    certainty: str | None = None


class Paging(BaseModel):
    total: int
    limit: int
    offset: int
    next: str | None = Field(description="The URL of the next page, or null.")
    previous: str | None = None


class ClaimPage(Paging):
    items: list[Claim]


class ArticleItem(BaseModel):
    id: str
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    path: str | None
    claims: int
    duplicate_of: str | None


class ArticlePage(Paging):
    items: list[ArticleItem]


class Speaker(BaseModel):
    speaker: str
    claims: int
    articles: int
    first_published: str | None
    last_published: str | None


class SpeakerList(BaseModel):
    items: list[Speaker]
    limit: int
    offset: int


class EntityHit(BaseModel):
    name: str
    type: str
    articles: int


class EntityHits(BaseModel):
    items: list[EntityHit]


class EntityProfile(BaseModel):
    name: str
    names: list[str] = Field(description="Every spelling sharing its canonical key.")
    types: list[str]
    canonical: list[str]
    roles: list[str]
    articles: int


class EntityPage(BaseModel):
    entity: EntityProfile
    said: ClaimPage = Field(description="What the entity said.")
    about: ClaimPage = Field(description="What others said about it.")


class ArticleHeader(BaseModel):
    id: str
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    path: str | None
    byline: str | None


class ClaimDetail(BaseModel):
    article: ArticleHeader
    claim: Claim
    attribution: Document = Field(description="The attribution as stored (sayso/2).")


class Trace(BaseModel):
    article: ArticleHeader
    claim: Claim
    provenance: list[Claim] = Field(description="The nesting chain, outermost first.")
    nested: list[Claim] = Field(description="Claims told inside this one's content.")
    tellings: list[Claim] = Field(description="Other claims telling the same words.")
    graph: Any = Field(
        None,
        description="The claim across articles (sayso.graph): status, cluster, the claim "
        "and its other tellings with their relation, provenance (sources, tree, say-so "
        "score and reasons) and linked events.",
    )


class EventDetail(BaseModel):
    article: ArticleHeader
    event: Document = Field(description="The PLOVER event as stored (sayso/2).")
    attributions: list[Document] = Field(description="The attributions asserting it.")
    linked: Any = Field(
        None,
        description="The same happening in other articles (sayso link): the event cluster "
        "and its members elsewhere; null until the article is linked.",
    )


class SearchResult(BaseModel):
    q: str
    claims: ClaimPage
    entities: list[EntityHit]
    articles: list[ArticleItem]


class AnalyzeRequest(BaseModel):
    text: str = Field(min_length=1, description="The article text, as it is.")
    title: str | None = Field(None, max_length=1000)
    publisher: str | None = Field(None, max_length=200)
    published: str | None = Field(
        None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="Publication date, YYYY-MM-DD."
    )
    url: str | None = Field(None, max_length=2000)
    store: bool = Field(False, description="Also keep the analysis in the store.")
