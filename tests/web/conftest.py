"""The web app over a store holding the founding example and two hostile articles.

Browser tests (``@pytest.mark.browser``) drive the system Chromium through Playwright.
``scripts/test.sh`` installs Chromium (``scripts/services/chromium.sh``), exports
``SAYSO_CHROMIUM`` and ``SAYSO_REQUIRE_BROWSER=1``: without a browser they then fail
instead of skipping.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sayso.analyze import analyze_many
from sayso.data import sample_articles
from sayso.store import open_store
from sayso.web import create_app

from .hostile import IMG, NLP_TEXT, SCRIPT, hostile_analysis

# Another outlet re-telling the founding example's first claim, for "other tellings".
RETOLD = (
    "A Ukrainian lawmaker, Aleksey Goncharenko, wrote that France is preparing to send "
    "troops to Ukraine.\n\nThe French government did not comment."
)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


@dataclass(frozen=True)
class WebStore:
    url: str
    founding: str  # article ids
    hostile: str
    hostile_nlp: str
    retold: str
    hostile_speaker: str


@pytest.fixture(scope="session")
def web_store(tmp_path_factory, nlp, embedder) -> WebStore:
    from sayso.analyze import ArticleInput
    from sayso.analyze import article_id as text_id
    from sayso.graph.link import link_store

    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'store.db'}"
    founding_input = next(sample_articles())
    nlp_input = ArticleInput(
        text=NLP_TEXT,
        title=f"Headline {SCRIPT} {IMG}",
        publisher=f"Daily {IMG}",
        url="javascript:alert('xss-url')",
        published="2024-04-02",
    )
    retold_input = ArticleInput(
        text=RETOLD,
        title="Kiev MP says Paris readies troops",
        publisher="Wire",
        published="2024-03-22",
    )
    founding, from_nlp, retold = analyze_many([founding_input, nlp_input, retold_input], nlp=nlp)
    built = hostile_analysis()
    # The hostile claims told again by a hostile outlet: payloads in another telling too.
    again = hostile_analysis()
    again.article.text += "\n\nRepublished."
    again.article.id = text_id(again.article.text)
    again.article.publisher = f"Copy {SCRIPT}"
    with open_store(url) as store:
        for analysis in (founding, from_nlp, built, retold, again):
            store.add(analysis)
        link_store(store, embedder=embedder)  # the claim graph: "Across articles"
    return WebStore(
        url=url,
        founding=founding.article.id,
        hostile=built.article.id,
        hostile_nlp=from_nlp.article.id,
        retold=retold.article.id,
        hostile_speaker=built.attributions[0].source.entity,
    )


@pytest.fixture(scope="session")
def app(web_store):
    app = create_app(web_store.url)
    yield app
    app.state.sayso.store.close()


@pytest.fixture(scope="session")
def client(app) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


@pytest.fixture
def submit_client(tmp_path) -> Iterator[TestClient]:
    app = create_app(f"sqlite:///{tmp_path / 'submit.db'}", allow_submit=True, max_body=64_000)
    with TestClient(app) as client:
        yield client
    app.state.sayso.store.close()


# -- the browser ---------------------------------------------------------------------------


def _no_browser(message: str) -> None:
    if os.environ.get("SAYSO_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{message} (SAYSO_REQUIRE_BROWSER=1: the browser tests must run)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def live_url(app) -> Iterator[str]:
    from sayso.web.server import running

    with running(app) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    from sayso.web.screenshot import chromium_path, launch_chromium

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _no_browser("Playwright is not installed (the dev extra has it)")
    if chromium_path() is None:
        _no_browser("no Chromium: run scripts/services/chromium.sh, or set SAYSO_CHROMIUM")
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


class Watched:
    """A page whose dialogs, page errors and CSP violations are recorded."""

    def __init__(self, page):
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.csp: list[str] = []
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", self._console)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.csp.append(message.text)

    def screenshot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def page(browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    watched = Watched(context.new_page())
    yield watched
    context.close()


@pytest.fixture
def submit_live(tmp_path, nlp) -> Iterator[tuple[str, object]]:
    """A server that accepts submissions, on a free loopback port: (base URL, store)."""
    from sayso.web.server import running

    app = create_app(f"sqlite:///{tmp_path / 'browser-submit.db'}", allow_submit=True)
    with running(app) as base:
        yield base, app.state.sayso.store
    app.state.sayso.store.close()


@pytest.fixture
def dark_page(browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, color_scheme="dark")
    watched = Watched(context.new_page())
    yield watched
    context.close()


@pytest.fixture
def phone_page(browser) -> Iterator[Watched]:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True
    )
    watched = Watched(context.new_page())
    yield watched
    context.close()
