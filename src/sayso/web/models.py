"""The API's response and request bodies, as they appear in the OpenAPI document.

Articles, attributions and events are returned exactly as stored: the ``sayso/2`` JSON
documented in docs/schema.md (``Document`` below stands for those objects).

One meaning per field name, everywhere: ``url`` is the address of a thing in this API,
``html_url`` its page, ``article_url`` where an article was published on the web;
``title`` is an article's title as stored (null when it has none) and ``heading`` what to
call it (the title, else its standfirst or first line, else "Untitled article"). Every
list is a :class:`Page`.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, StrictBool

Document = dict[str, Any]

URL = Field(description="The address of this item in the API.")
HTML_URL = Field(description="The address of its page.")
ARTICLE_URL = Field(description="Where the article was published on the web, or null.")


class Paging(BaseModel):
    """The envelope of every list: ``items`` and where they sit in the whole."""

    total: int = Field(description="How many items there are in all.")
    limit: int
    offset: int
    next: str | None = Field(description="The URL of the next page (percent-encoded), or null.")
    previous: str | None = Field(description="The URL of the previous page, or null.")


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
    nested_in: str | None = Field(description="The claim this one is told inside.")
    title: str | None = Field(description="The article's title as stored, or null.")
    publisher: str | None
    published: str | None = Field(description="The article's publication date, as given.")
    article_url: str | None = ARTICLE_URL
    stance: str | None = None
    certainty: str | None = None
    url: str = URL
    html_url: str = HTML_URL
    relevance: float | None = Field(
        None,
        description="With q: how well the claim matches (higher is better; SQLite's bm25 "
        "or PostgreSQL's ts_rank, not comparable across backends).",
    )
    snippet_html: str | None = Field(
        None,
        description="With q: the content cut around the matched words, as HTML: the text "
        "escaped, each matched word in <mark>.",
    )


class ClaimPage(Paging):
    items: list[Claim]


class ArticleItem(BaseModel):
    id: str
    title: str | None = Field(description="The title as stored, or null.")
    heading: str = Field(description="What to call it: title, standfirst or first line.")
    publisher: str | None
    published: str | None
    article_url: str | None = ARTICLE_URL
    claims: int
    duplicate_of: str | None = Field(description="The article this one is a near-duplicate of.")
    url: str = URL
    html_url: str = HTML_URL


class ArticlePage(Paging):
    items: list[ArticleItem]


class Speaker(BaseModel):
    speaker: str
    claims: int
    articles: int
    first_published: str | None
    last_published: str | None
    url: str = Field(description="The speaker's entity in the API.")
    html_url: str = HTML_URL


class SpeakerPage(Paging):
    items: list[Speaker]


class EntityHit(BaseModel):
    name: str
    type: str
    articles: int
    url: str = URL
    html_url: str = HTML_URL


class EntityHitPage(Paging):
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
    said: ClaimPage = Field(
        description="What the entity said; its next page is /api/claims?speaker=…"
    )
    about: ClaimPage = Field(
        description="What others said about it; its next page is /api/claims?about=…"
    )
    network_url: str = Field(description="Who it cites and who cites it.")


class FacetValue(BaseModel):
    value: str
    count: int


class Facets(BaseModel):
    """Counts among the claims of the filters, each facet without its own filter."""

    speaker: list[FacetValue]
    publisher: list[FacetValue]
    certainty: list[FacetValue]
    stance: list[FacetValue]
    year: list[FacetValue]


class NetworkExample(BaseModel):
    article_id: str
    attribution_id: str
    content: str


class NetworkLink(BaseModel):
    key: str = Field(description="Who it is across articles (the claim graph's voice key).")
    name: str
    kind: str = Field(description="speaker or publisher")
    anonymous: bool
    claims: int = Field(description="Citations: one per claim passed on.")
    articles: int
    examples: list[NetworkExample]


class Network(BaseModel):
    name: str
    keys: list[str] = Field(description="The entity's voice keys in the claim graph.")
    claims: int = Field(description="The entity's own claims in the claim graph.")
    cites: list[NetworkLink] = Field(description="Speakers whose words the entity passes on.")
    cited_by: list[NetworkLink] = Field(
        description="Speakers and publishers that pass the entity's words on."
    )
    linked_articles: int
    pending_articles: int = Field(description="Articles `sayso link` has not read yet.")


class ArticleHeader(BaseModel):
    id: str
    title: str | None
    heading: str
    publisher: str | None
    published: str | None
    byline: str | None
    article_url: str | None = ARTICLE_URL
    file_name: str | None = Field(
        description="The file it was read from, name only: null unless the server was "
        "started with --show-file-names."
    )
    url: str = URL
    html_url: str = HTML_URL


class ClaimDetail(BaseModel):
    article: ArticleHeader
    claim: Claim
    attribution: Document = Field(description="The attribution as stored (sayso/2).")


class Coverage(BaseModel):
    """What the say-so score covers."""

    tellings: int
    articles: int
    original_sources: int
    independent_sources: int
    anonymous_sources: int
    denials: int
    wire_copies: int
    text: str = Field(description='In words: "4 tellings in 3 articles, 2 original sources…"')


class Trace(BaseModel):
    article: ArticleHeader
    claim: Claim
    provenance: list[Claim] = Field(description="The nesting chain, outermost first.")
    nested: list[Claim] = Field(description="Claims told inside this one's content.")
    same_words: list[Claim] = Field(
        description="Other claims with the same words, found by full-text search (not "
        "the claim graph's tellings: those are graph.tellings)."
    )
    graph: Any = Field(
        None,
        description="The claim across articles (sayso.graph): status, cluster, the claim "
        "and its tellings in every article with their relation, provenance (sources, "
        "tree, say-so score and reasons) and linked events. A telling's url is its address "
        "in this API, article_url where its article was published.",
    )
    coverage: Coverage | None = Field(
        None, description="What the say-so score covers; null until the claim is linked."
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
    claims: ClaimPage = Field(description="Most relevant first, with snippets.")
    entities: EntityHitPage
    articles: ArticlePage = Field(description="Articles whose title holds the words.")


class AnalyzeRequest(BaseModel):
    text: str = Field(min_length=1, description="The article text, as it is.")
    title: str | None = Field(None, max_length=1000)
    publisher: str | None = Field(None, max_length=200)
    published: str | None = Field(
        None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="Publication date, YYYY-MM-DD."
    )
    url: str | None = Field(None, max_length=2000)
    store: StrictBool = Field(
        False, description="Also keep the analysis in the store: true or false."
    )
