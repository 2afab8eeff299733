"""Screenshots of the web app in headless Chromium, for the README and the browser tests.

    python -m sayso.web.screenshot --out docs/img/article-view.png

analyses the founding example into a throwaway store, serves it on a free loopback port
and photographs the article view. Needs Playwright (the ``dev`` extra) and a system
Chromium (``scripts/services/chromium.sh`` installs Debian's; ``SAYSO_CHROMIUM`` names
the binary): Playwright never downloads a browser here.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from sayso.errors import SaysoError

CHROMIUM_CANDIDATES = (
    "/usr/lib/chromium/chromium",
    "/usr/lib/chromium-browser/chromium-browser",
    "chromium",
    "chromium-browser",
)


def chromium_path() -> str | None:
    """The system Chromium: ``SAYSO_CHROMIUM``, else Debian's binary, else on PATH."""
    named = os.environ.get("SAYSO_CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    for candidate in CHROMIUM_CANDIDATES:
        found = candidate if Path(candidate).is_file() else shutil.which(candidate)
        if found:
            return found
    return None


def launch_chromium(playwright: Any) -> Any:
    """A headless system Chromium driven by Playwright."""
    path = chromium_path()
    if path is None:
        raise SaysoError(
            "no Chromium found: run scripts/services/chromium.sh or set SAYSO_CHROMIUM"
        )
    # Chromium's sandbox needs user namespaces, which containers running as root lack.
    args = ["--no-sandbox"] if os.geteuid() == 0 else []
    return playwright.chromium.launch(executable_path=path, headless=True, args=args)


def founding_store(url: str) -> str:
    """Analyse the founding example into the store at ``url``; its article id."""
    from sayso.analyze import analyze_many
    from sayso.data import sample_articles
    from sayso.store import open_store

    founding = next(sample_articles())
    analysis = next(analyze_many([founding]))
    with open_store(url) as store:
        store.add(analysis)
    return analysis.article.id


def article_view(out: Path, *, width: int = 1400, height: int = 1100) -> Path:
    """Photograph the founding example's article view into ``out`` (PNG)."""
    from playwright.sync_api import sync_playwright

    from sayso.web.app import create_app
    from sayso.web.server import running

    with tempfile.TemporaryDirectory(prefix="sayso-shot-") as folder:
        url = f"sqlite:///{Path(folder) / 'store.db'}"
        article_id = founding_store(url)
        app = create_app(url)
        with running(app) as base, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(f"{base}/article/{article_id}")
                page.locator("#c-a6").hover()
                out.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(out))
            finally:
                browser.close()
        app.state.sayso.store.close()
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("docs/img/article-view.png"))
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1100)
    options = parser.parse_args(argv)
    path = article_view(options.out, width=options.width, height=options.height)
    print(path)


if __name__ == "__main__":
    main()
