"""Page metadata one piece at a time: clean titles, publisher names, bylines, what kind of
page it is, and what pruning may and may not take out of a page."""

from __future__ import annotations

import lxml.html
import pytest

from sayso.ingest.html import article_from_html
from sayso.ingest.pagekind import not_an_article
from sayso.ingest.pagemeta import (
    byline_from,
    clean_title,
    name_from_host,
    read_page_meta,
    site_name,
)
from sayso.ingest.prune import Furniture, prune_page

PARAGRAPH = (
    "The council voted on Tuesday to close the library for a year of repairs, the mayor "
    "said, after an inspection found the roof was no longer safe for staff and readers. "
)


def _tree(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


# -- titles -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "sites", "host", "clean"),
    [
        ("Governor vetoes bill | CNN Politics", ["CNN"], None, "Governor vetoes bill"),
        ("Teachers accept pay offer - BBC News", ["BBC News"], None, "Teachers accept pay offer"),
        ("Fares capped | Rail strikes | The Guardian", ["The Guardian"], None, "Fares capped"),
        ("Budget row | The Times of Israel", [], "www.timesofisrael.com", "Budget row"),
        ("Senate Passes Bill - The New York Times", [], "www.nytimes.com", "Senate Passes Bill"),
        ("Markets slide | The Wall Street Journal", [], "www.wsj.com", "Markets slide"),
        ("Politics | Latest news and analysis", [], None, "Politics"),
        ("BBC News - Teachers accept pay offer", ["BBC News"], None, "Teachers accept pay offer"),
        # A dash in a headline stays when nothing says it sets off the site's name.
        (
            "Brexit - what happens next",
            ["The Ledger"],
            "theledger.co.uk",
            "Brexit - what happens next",
        ),
        (
            "Storm live: red warning – Harbour Post",
            ["Harbour Post"],
            None,
            "Storm live: red warning",
        ),
    ],
)
def test_clean_title_drops_the_site_name(title, sites, host, clean):
    assert clean_title(title, sites, host) == clean


# -- publishers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "host", "name"),
    [
        ("http://www.tmz.com", None, "TMZ"),
        ("www.tmz.com", None, "TMZ"),
        ("tmz.com", None, "TMZ"),
        ("https://www.bbc.co.uk/", None, "BBC"),
        ("the Guardian", "www.theguardian.com", "The Guardian"),
        ("@GNN", None, "GNN"),
        ("Reuters", "www.reuters.com", "Reuters"),
    ],
)
def test_site_name_is_normalised(value, host, name):
    assert site_name(value, host) == name


def test_a_run_together_domain_is_split_with_the_pages_own_words():
    words = {"the": "The", "times": "Times", "of": "of", "israel": "Israel", "news": "news"}
    assert site_name("Timesofisrael", "www.timesofisrael.com", words) == "Times of Israel"
    assert name_from_host("www.timesofisrael.com", [], words) == "Times of Israel"
    assert name_from_host("www.timesofisrael.com", ["The Times of Israel"], {}) == (
        "The Times of Israel"
    )
    assert name_from_host("www.axios.com", [], {}) == "Axios"
    assert name_from_host("edition.cnn.com", [], {}) == "CNN"


def test_a_headline_is_never_the_publisher():
    headline = "Storm batters coast as thousands lose power"
    assert site_name(headline, titles=[headline]) is None
    assert site_name("Ministers to cap rail fares after strike talks collapse today") is None
    page = _tree(
        f"<html><head><title>{headline}</title>"
        f'<meta property="og:site_name" content="{headline}">'
        '<meta property="og:url" content="https://www.coastpost.com/storm"></head>'
        f"<body><p>{PARAGRAPH}</p></body></html>"
    )
    assert read_page_meta(page).publisher == "Coastpost"


def test_the_publisher_falls_back_to_the_title_suffix_that_spells_the_domain():
    page = _tree(
        "<html><head><title>Budget row deepens | The Times of Arcadia</title></head>"
        f"<body><p>{PARAGRAPH}</p></body></html>"
    )
    meta = read_page_meta(page, url="https://www.timesofarcadia.com/budget-row/")
    assert (meta.publisher, meta.title) == ("The Times of Arcadia", "Budget row deepens")


# -- bylines ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sources", "sites", "byline"),
    [
        ([["Jane Doe, CNN"]], ["CNN"], "Jane Doe"),
        ([["By KATE BELL FOR THE DAILY COURIER"], ["KATE BELL"]], [], "Kate Bell"),
        ([["https://www.facebook.com/tmz"], ["Harvey Levin"]], [], "Harvey Levin"),
        ([["By Dana Whitfield and Marcus Lee"]], [], "Dana Whitfield and Marcus Lee"),
        ([["Ann Lee", "Bo Chan", "Cy Diaz"]], [], "Ann Lee, Bo Chan and Cy Diaz"),
        ([["SEAN O'NEILL"]], [], "Sean O'Neill"),
        ([["Transport correspondent"], []], [], None),
        ([["Ludwig van Beethoven"]], [], "Ludwig van Beethoven"),
    ],
)
def test_byline_keeps_person_names_only(sources, sites, byline):
    assert byline_from(sources, sites) == byline


def test_byline_sources_in_order_json_ld_meta_rel_author():
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
        '[{"@type": "Person", "name": "Ann Lee"}]}</script><meta name="author" content="Bo Chan">'
    )
    body = f'<a rel="author" href="/cy">Cy Diaz</a><p>{PARAGRAPH}</p>'
    page = f"<html><head><title>T</title>{head}</head><body>{body}</body></html>"
    assert read_page_meta(_tree(page)).byline == "Ann Lee"
    page = page.replace('"author": [{"@type": "Person", "name": "Ann Lee"}]', '"x": 1')
    assert read_page_meta(_tree(page)).byline == "Bo Chan"
    page = page.replace('<meta name="author" content="Bo Chan">', "")
    assert read_page_meta(_tree(page)).byline == "Cy Diaz"


def test_broken_json_ld_is_passed_over():
    page = (
        '<html><head><title>T</title><script type="application/ld+json">{"@type": '
        '"Recipe", broken</script><meta name="author" content="Bo Chan"></head>'
        f"<body><p>{PARAGRAPH}</p></body></html>"
    )
    meta = read_page_meta(_tree(page))
    assert meta.byline == "Bo Chan" and not meta.types


# -- what kind of page ------------------------------------------------------------------


def _kind(html: str) -> str | None:
    tree = _tree(html)
    return not_an_article(tree, read_page_meta(tree))


def test_an_article_type_wins_over_everything_else():
    ld = '{"@graph": [{"@type": "NewsArticle"}, {"@type": "Recipe"}, {"@type": "ItemList"}]}'
    html = (
        f'<html><head><script type="application/ld+json">{ld}</script>'
        '<meta property="og:type" content="product"></head>'
        f"<body><h2>Ingredients</h2><h2>Method</h2><p>{PARAGRAPH}</p></body></html>"
    )
    assert _kind(html) is None


def test_recipe_product_and_listing_by_structure_alone():
    recipe = (
        '<html><head><meta property="og:type" content="article"></head><body>'
        "<h2>Ingredients</h2><ul><li>2 eggs</li></ul><h2>Method</h2><ol><li>Whisk.</li></ol>"
        "</body></html>"
    )
    assert _kind(recipe) == "a recipe (ingredients and method)"
    product = (
        "<html><body><h1>Kettle</h1><span class=price>£49.99</span>"
        f"<button>Add to basket</button><p>{PARAGRAPH}</p></body></html>"
    )
    assert _kind(product) == "a product page (a price and an add-to-basket button)"
    teasers = "".join(
        f"<h3><a href='/s{i}'>Story {i}</a></h3><p>Summary {i}.</p>" for i in range(7)
    )
    listing = f"<html><body><h1>World</h1>{teasers}</body></html>"
    assert _kind(listing) == "a listing (7 headline links and no article paragraphs)"
    # The same teasers under an article's body paragraphs are its related links.
    body = f"<p>{PARAGRAPH * 2}</p>" * 4
    article = f"<html><body><h1>Story</h1>{body}{teasers}</body></html>"
    assert _kind(article) is None


@pytest.mark.parametrize(
    ("og_type", "kind"),
    [
        ("product", "a product page (og:type product)"),
        ("video.movie", "a film listing (og:type video.movie)"),
        ("article", None),
        ("website", None),
    ],
)
def test_og_type(og_type, kind):
    html = (
        f'<html><head><meta property="og:type" content="{og_type}"></head>'
        f"<body><p>{PARAGRAPH}</p></body></html>"
    )
    assert _kind(html) == kind


# -- pruning ----------------------------------------------------------------------------


def test_pruning_takes_furniture_and_leaves_body_paragraphs():
    html = (
        "<html><body><article><h1>Library to close</h1>"
        '<div class="related-links article-body"><p>' + PARAGRAPH * 3 + "</p></div>"
        f'<p class="imageCaption">The library in 1910.</p><p>{PARAGRAPH}</p>'
        '<div class="newsletter-signup"><p>Sign up to our daily email</p></div>'
        '<div data-component="video-block"><p>This video can not be played</p></div>'
        "<ul><li><a href=/a>Other story</a></li><li><a href=/b>Another story</a></li></ul>"
        "<ul><li>Opening hours will change</li><li>Books can be returned by post</li></ul>"
        "</article></body></html>"
    )
    tree = _tree(html)
    pruned = prune_page(tree)
    text = tree.text_content()
    assert text.count("The council voted on Tuesday") == 4  # the long "related" box stays
    assert "Opening hours will change" in text
    for gone in ("The library in 1910", "Sign up", "can not be played", "Other story"):
        assert gone not in text
    assert set(pruned.pieces) == {
        Furniture.CAPTION,
        Furniture.NEWSLETTER,
        Furniture.VIDEO,
        Furniture.RELATED,
    }


def test_a_page_with_nothing_but_a_caption_says_so():
    html = (
        "<html><head><title>Floods</title></head><body><figure><img src=x.jpg>"
        "<figcaption>Residents wade through a flooded street in the town on Thursday after "
        "the river burst its banks overnight. Photo: AP</figcaption></figure></body></html>"
    )
    with pytest.raises(Exception, match="only photo captions"):
        article_from_html(html.encode(), "floods.html")


def test_hostile_json_ld_is_read_without_recursion():
    deep = "[" * 900 + '{"@type": "Recipe", "author": ' + "[" * 900 + '"Ann Lee"' + "]" * 900
    deep += "}" + "]" * 900
    odd = '{"@type": {"x": 1}, "headline": [[["x"]]], "author": 5, "@graph": {"@graph": 3}}'
    for payload in (deep, odd, "[" * 5000 + "]" * 5000, "null"):
        page = (
            f'<html><head><script type="application/ld+json">{payload}</script></head>'
            f"<body><p>{PARAGRAPH}</p></body></html>"
        )
        meta = read_page_meta(_tree(page))
        assert meta.byline is None and not meta.types
