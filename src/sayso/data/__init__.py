"""Bundled data: the sample corpus used by ``sayso demo``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources

from sayso.analyze import ArticleInput

FOUNDING_EXAMPLE = "rt-france-troops.txt"


def sample_articles() -> Iterator[ArticleInput]:
    """The founding example, then the Wikinews sample (CC BY 2.5, see CREDITS.md)."""
    folder = resources.files("sayso.data") / "sample"
    founding = folder / FOUNDING_EXAMPLE
    yield ArticleInput(
        text=founding.read_text(encoding="utf-8"),
        path=f"sample/{FOUNDING_EXAMPLE}",
        published="2024-03-21",
    )
    with (folder / "wikinews.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            yield ArticleInput(
                text=record["text"],
                path=f"sample/wikinews/{record['id']}",
                url=record["url"],
                title=record["title"],
                published=record["published"],
                publisher="Wikinews",
            )
