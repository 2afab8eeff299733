"""Real-page styles (tests/ingest/fixtures/pages, written for these tests in the styles of
UK broadsheets and tabloids, wires, US papers, a broadcaster, a live blog, a Q&A, a
celebrity site, a recipe, a product page and a section front): each page is read, not
refused; its body is complete; captions, credits and page furniture are gone from what is
analysed; byline, title and publisher are what the page's metadata says; the warnings are
the expected ones."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sayso.analyze import ArticleInput, analyze_many
from sayso.clean import clean_text
from sayso.errors import InputError
from sayso.export import render_table, to_json, to_markdown
from sayso.ingest.files import read_one
from sayso.ingest.html import article_from_html

PAGES = Path(__file__).parent / "fixtures" / "pages"


@dataclass(frozen=True)
class Page:
    title: str
    publisher: str
    byline: str | None
    body: tuple[str, ...]  # a piece of every body paragraph: all must be there
    captions: tuple[str, ...] = ()  # captions and credits: none may be left in the body
    furniture: tuple[str, ...] = ()  # players, sign-ups, related links, ads: all gone
    warnings: frozenset[str] = field(default_factory=frozenset)
    long_run: bool = False  # holds a run of over 65,536 characters without "<" or ">"


PAGE: dict[str, Page] = {
    "uk-broadsheet.html": Page(
        title="Ministers to cap rail fares after strike talks collapse",
        publisher="The Ledger",
        byline="Helen Pryce",
        body=(
            "Regulated rail fares in England will be frozen for a year",
            "'Passengers have borne the brunt of this dispute and they should not pay twice,'",
            "said the announcement was 'a distraction from the real issue of pay'",
            "accused ministers of 'years of neglect'",
            "Train operators have cancelled more than 40,000 services",
            "remained 'ready to talk at any time'",
        ),
        captions=(
            "Commuters wait for delayed services at Waterloo",
            "Photograph: Jordan Pettitt/PA",
            "Owen Hale addresses a rally",
            "Photograph: Guy Bell/Shutterstock",
        ),
        furniture=(
            "Sign up to First Edition",
            "Privacy Notice",
            "Why are rail workers striking",
            "Heatwave warning",
            "Support the Ledger",
        ),
        long_run=True,
    ),
    "uk-tabloid.html": Page(
        title="Mother's fury as council bins her son's memorial bench without warning",
        publisher="Daily Courier Online",
        byline="Kate Bell",
        body=(
            "A grieving mother has told of her fury",
            "Kate Winters, 34, paid £1,200 for the bench in Vernon Park",
            "'It was the one place I could sit and talk to him,' she said.",
            "Nobody had the decency to pick up the phone.'",
            "had been taken away 'in error' by contractors",
            "A spokesman added: 'We are deeply sorry",
            "'when I am sitting on that bench again'",
        ),
        captions=(
            "was heartbroken when she visited the park on Sunday",
            "Courier/SWNS",
            "The family raised money for the bench through a sponsored walk",
        ),
        furniture=(
            "Video player loading",
            "Mother breaks down at the empty spot",
            "Play Video",
            "Advertisement",
            "RELATED ARTICLES",
            "Widow's anger",
            "Share or comment on this article",
            "Share this article",
        ),
        long_run=True,
    ),
    "wire.html": Page(
        title="EU agrees to extend Black Sea grain corridor for six months, diplomats say",
        publisher="Meridian",
        byline="Anna Kowal and Tom Ashby",
        body=(
            "European Union governments agreed on Thursday to extend for six months",
            "The decision, which still needs formal approval by ministers next week",
            '"We have a deal that protects our farmers',
            'it had secured "real safeguards"',
            'saying on X that it was "a signal of solidarity"',
        ),
        captions=("A cargo ship carrying grain leaves the port of Odesa", "Nina Lyashonok"),
        furniture=(
            "Sign up here",
            "The Morning Bid newsletter",
            "Farmers block border crossing",
            "Our Standards",
            "Ukraine grain exports rise 12% in April",
            "Reporting by Anna Kowal",
        ),
    ),
    "us-paper.html": Page(
        title="Senate Passes Border Bill After Late-Night Deal",
        publisher="The Capital Times",
        byline="Dana Whitfield and Marcus Lee",
        body=(
            "The Senate passed a bipartisan border security bill early Thursday",
            "“This is not the bill any of us would have written alone,” Ms. Gaines said",
            "“But it is a bill that will work.”",
            "the House would “write its own bill,”",
            "White House officials, speaking on the condition of anonymity",
            "would “turn away people with real claims,”",
            "The bill provides $14 billion for border enforcement",
        ),
        captions=("Senators leaving the chamber after the vote", "Doug Mills/The Capital Times"),
        furniture=(
            "Advertisement",
            "SKIP ADVERTISEMENT",
            "Supported by",
            "A version of this article appears in print",
            "More about Dana Whitfield",
            "Asylum Officers Face a Backlog",
            "By Dana Whitfield and",
            "Reporting from Washington",
        ),
        long_run=True,
    ),
    "liveblog.html": Page(
        title="Storm Kathleen live: Red warning for Cork as thousands left without power",
        publisher="Harbour Evening Post",
        byline="Aoife Byrne",
        body=(
            "Gardaí have closed the South Mall and Lapp's Quay",
            'crews were "dealing with a very dangerous situation"',
            "The ESB says 38,000 customers are now without power",
            "Bus Éireann has suspended all school transport services",
            '"The safety of children and staff has to come first," she said.',
            '"This is a storm we have not seen the like of in May," he said.',
            "Good morning and welcome to our live coverage of Storm Kathleen",
        ),
        captions=(
            "Waves crash against the promenade at Youghal",
            "Picture: Larry Cummins",
            "Flooding on the South Mall this afternoon",
            "Parents collect children from a school in Douglas",
        ),
        furniture=("Advertisement", "Share this update", "Storm Watch newsletter"),
    ),
    "qa.html": Page(
        title="Q&A: Mayor Elena Ortiz on Rent, Transit and the Stadium Fight",
        publisher="Coast Weekly",
        byline="Sam Ruiz",
        body=(
            "A year into her first term, Mayor Elena Ortiz has a rent freeze stalled",
            "Coast Weekly: Your rent freeze has been stuck in committee",
            "Ortiz: It is not dead.",
            "Ortiz: They said that about the last two measures too",
            "Q: The stadium deal has split your coalition. Why back it?",
            "A: Because it comes with two thousand union jobs",
            "A: The first four open in September.",
        ),
        captions=("Mayor Elena Ortiz at City Hall on Monday", "Photo by Sam Ruiz"),
        furniture=(
            "Ortiz answers questions on the stadium deal",
            "Subscribe to the Coast Weekly newsletter",
            "Council delays rent vote again",
        ),
    ),
    "broadcaster.html": Page(
        title="Teachers in Wales accept 5.5% pay offer after ballot",
        publisher="ABN News",
        byline="Sarah Ainsworth",
        body=(
            "Teachers in Wales have voted to accept a 5.5% pay rise",
            "backed the offer by 71% on a turnout of 58%",
            'teachers had "shown enormous patience"',
            'the deal was "fair to teachers and affordable for the taxpayer"',
            "The Welsh Conservatives said the government should have settled",
        ),
        captions=(
            "Teachers took part in three days of strikes in February",
            "Getty Images",
            "Image caption",
        ),
        furniture=(
            "This video can not be played",
            "Teachers on the picket line in Cardiff",
            "Schools close as teachers strike over pay",
            "Related Topics",
            "Education correspondent, ABN Wales",
        ),
    ),
    "celebrity.html": Page(
        title="Rapper Kayo Vance Cancels Tour, Says He Needs 'Time to Heal'",
        publisher="KVT",
        byline="KVT Staff",
        body=(
            "is pulling the plug on the rest of his summer tour",
            "\"I've been running on empty for a long time",
            "Kayo collapsed backstage in Atlanta last month",
            "Sources close to the rapper tell us the decision was his alone",
            "Take care of yourself, Kayo.",
        ),
        captions=("Getty Composite", "Kayo on stage in Houston in February", "Jordan Reyes/KVT"),
        furniture=(
            "Kayo Vance Says Tour Life Wore Him Down",
            "Originally Published",
            "5/2/2024 6:20 PM PT",
            "Brings Out Surprise Guest",
        ),
    ),
    "regional-daily.html": Page(
        title="Coalition partners threaten walkout over draft budget",
        publisher="The Times of Arcadia",
        byline="Noa Levin",
        body=(
            "Two junior partners in the governing coalition threatened on Thursday",
            '"We did not join this government to shut down bus lines in the north,"',
            '"If these cuts stay, we will not be there for the vote."',
            '"a betrayal of an entire generation of students."',
            '"There is no money tree.',
            "the coalition would fall to 58 of the parliament's 120 seats",
        ),
        captions=(
            "Finance Minister Daniel Shore speaks at a press conference",
            "Eli Mandel/Flash90",
            "Northern List leader Yael Amir at the Knesset",
            "Noam Revkin Fenton/Flash90",
        ),
        furniture=(
            "Daily Edition by email",
            "Newsletter email address",
            "By signing up",
            "Finance ministry unveils draft budget with deep cuts",
        ),
        long_run=True,
    ),
    "cable-news.html": Page(
        title="Georgia governor vetoes voting bill, citing 'rushed' process",
        publisher="GNN",
        byline="Jane Doe",
        body=(
            "Georgia Gov. Mark Ellison vetoed a bill on Thursday",
            'the bill\'s deadlines would "put county election offices in an impossible position"',
            '"The governor listened to the people who actually run elections,"',
            'called the veto "a gift to people who want messy voter rolls"',
            "The legislature cannot override the veto until it returns in January.",
        ),
        captions=("Gov. Mark Ellison speaks to reporters", "John Bazemore/AP"),
        furniture=(
            "Why election officials are worried about voter challenges",
            "02:34 - Source: GNN",
            "Georgia lawmakers pass bill on voter challenges",
            "What Matters newsletter",
            "Sign up for free",
            "contributed to this report",
        ),
        long_run=True,
    ),
    "caption-only.html": Page(
        title="Floods sweep through valley towns",
        publisher="The Ledger",
        byline="Lena Brandt",
        body=("Heavy rain caused rivers to burst their banks.",),
        captions=("Residents wade through a flooded street", "Photo: AP"),
        warnings=frozenset({"short_body", "mostly_caption"}),
    ),
    "recipe.html": Page(
        title="Smoky aubergine and chickpea stew",
        publisher="The Ledger",
        byline="Nadia Osei",
        body=("This is the stew I make when the fridge is nearly empty",),
        captions=("smoky aubergine and chickpea stew. Photograph", "Romas Foord"),
        warnings=frozenset({"not_article"}),
    ),
    "product.html": Page(
        title="Brevia 1.7L Rapid Boil Kettle - Stainless Steel",
        publisher="Hartwell's",
        byline=None,
        body=("boils a single cup of water in under 45 seconds",),
        warnings=frozenset({"not_article"}),
    ),
    "listing.html": Page(
        title="Politics",
        publisher="The Capital Times",
        byline=None,
        body=("The measure, which passed 61 to 38",),
        warnings=frozenset({"not_article"}),
    ),
}
NAMES = sorted(PAGE)


def _flat(text: str) -> str:
    return " ".join(text.split())


class Pages(dict):
    """Every fixture page read as ``sayso analyze`` reads it; a refused page fails the
    test that asks for it, with the reason."""

    def __missing__(self, name: str) -> ArticleInput:
        pytest.fail(f"refused: {self.errors[name]}")


@pytest.fixture(scope="module")
def pages() -> Pages:
    read = Pages()
    read.errors = {}
    for name in NAMES:
        try:
            read[name] = read_one(str(PAGES / name))
        except InputError as error:
            read.errors[name] = error
    return read


@pytest.fixture(scope="module")
def analyses(pages, nlp) -> Pages:
    done = Pages(zip(list(pages), analyze_many(list(pages.values()), nlp=nlp), strict=True))
    done.errors = pages.errors
    return done


def test_the_fixtures_are_all_here_and_in_every_style():
    assert sorted(p.name for p in PAGES.glob("*.html")) == NAMES
    assert len(NAMES) >= 12
    assert sum(p.long_run for p in PAGE.values()) >= 4


@pytest.mark.parametrize("name", [n for n in NAMES if PAGE[n].long_run])
def test_pages_with_long_inline_css_js_or_comments_are_not_refused(name, pages):
    html = (PAGES / name).read_text(encoding="utf-8")
    # What the old guard took for a hostile tag: 65,536 characters without "<" or ">"
    # after a "<" (a CDATA section or a comment in a style or a script).
    assert re.search(r"<[^<>]{65536}", html)
    assert pages[name].text


@pytest.mark.parametrize("name", NAMES)
def test_body_is_complete(name, pages):
    text = _flat(pages[name].text)
    missing = [piece for piece in PAGE[name].body if _flat(piece) not in text]
    assert not missing


@pytest.mark.parametrize("name", NAMES)
def test_captions_and_credits_are_not_in_the_analysed_body(name, pages):
    body = _flat(clean_text(pages[name].text).masked())
    assert not [caption for caption in PAGE[name].captions if caption in body]


@pytest.mark.parametrize("name", NAMES)
def test_video_players_sign_ups_and_related_links_are_not_in_the_analysed_body(name, pages):
    body = _flat(clean_text(pages[name].text).masked())
    assert not [piece for piece in PAGE[name].furniture if piece in body]


@pytest.mark.parametrize("name", NAMES)
def test_title_byline_and_publisher_come_from_the_metadata(name, pages, analyses):
    expected = PAGE[name]
    article = analyses[name].article
    assert (article.title, article.byline, article.publisher) == (
        expected.title,
        expected.byline,
        expected.publisher,
    )
    assert pages[name].byline == expected.byline


@pytest.mark.parametrize("name", NAMES)
def test_warnings_are_the_expected_ones(name, analyses):
    assert {w.kind for w in analyses[name].warnings} == PAGE[name].warnings


def test_warnings_are_in_the_json_the_terminal_and_the_markdown(analyses):
    import io
    import json

    from rich.console import Console

    analysis = analyses["recipe.html"]
    data = json.loads(to_json(analysis))
    assert data["schema"] == "sayso/3"
    assert data["warnings"] == [
        {"kind": "not_article", "message": "not an article: a recipe (JSON-LD @type Recipe)"}
    ]
    assert "> **Warning:** not an article: a recipe" in to_markdown(analysis)
    out = io.StringIO()
    render_table(analysis, Console(file=out, width=120))
    assert "warning: not an article: a recipe (JSON-LD @type Recipe)" in out.getvalue()
    short = to_markdown(analyses["caption-only.html"])
    assert "only 8 words of body text" in short and "captions and credits outweigh" in short


def test_attributions_no_longer_come_from_captions_or_furniture(analyses):
    """The tabloid's caption paragraphs and the Q&A's video caption were analysed as body."""
    for name in ("uk-tabloid.html", "qa.html", "broadcaster.html"):
        analysis = analyses[name]
        for attribution in analysis.attributions:
            content = attribution.content.text
            assert not any(c in content for c in PAGE[name].captions + PAGE[name].furniture)


def test_caption_paragraphs_credit_spans_and_players_are_pruned_before_extraction():
    """The tabloid's captions are paragraphs and spans named as such (``imageCaption``,
    ``imageCredit``) and its video player a ``div``: trafilatura kept them all. Read here
    without its long inline script, so that only the pruning is tested."""
    html = re.sub(r"<script.*?</script>", "", (PAGES / "uk-tabloid.html").read_text(), flags=re.S)
    article = article_from_html(html.encode(), "tabloid.html")
    body = _flat(clean_text(article.text).masked())
    expected = PAGE["uk-tabloid.html"]
    assert not [piece for piece in expected.captions + expected.furniture if piece in body]
    assert all(_flat(piece) in _flat(article.text) for piece in expected.body)
