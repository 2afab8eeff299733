"""Pages that are not articles (recipes, product pages, listings) are skipped by ``sayso
ingest`` and ``sayso batch`` and recorded with the reason, unless ``--keep-non-articles``;
``sayso analyze`` analyses them with a warning."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from sayso.cli import app
from sayso.ingest.items import is_skip
from sayso.ingest.run import ingest
from sayso.ingest.sources import ReadOptions, read_sources
from sayso.store import open_store

PAGES = Path(__file__).parent / "fixtures" / "pages"
NON_ARTICLES = {
    "recipe.html": "a recipe (JSON-LD @type Recipe)",
    "product.html": "a product page (JSON-LD @type Product)",
    "listing.html": "a listing (8 headline links and no article paragraphs)",
}
ARTICLES = ("wire.html", "uk-tabloid.html")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in [*NON_ARTICLES, *ARTICLES]:
        shutil.copy(PAGES / name, pages / name)
    return pages


def test_the_reader_skips_non_articles_with_the_reason(folder):
    items = {Path(i.key).name: i for i in read_sources([str(folder)])}
    for name, reason in NON_ARTICLES.items():
        assert items[name].article is None and items[name].error is None
        assert items[name].skipped == (
            f"skipped, not an article: {reason} (--keep-non-articles to keep it)"
        )
        assert is_skip(f"{items[name].key}: {items[name].skipped}")
    assert all(items[name].article is not None for name in ARTICLES)
    kept = list(read_sources([str(folder)], ReadOptions(keep_non_articles=True)))
    assert all(i.article is not None and i.skipped is None for i in kept)


def test_ingest_skips_and_records_them_then_keeps_them_when_asked(folder, tmp_path, nlp):
    with open_store(f"sqlite:///{tmp_path / 's.db'}") as store:
        report = ingest([str(folder)], store, nlp=nlp)
        assert (report.new, report.skipped, report.failed) == (2, 3, 0)
        assert "3 skipped (not articles" in report.summary()
        recorded = {Path(f.item).name: f.error for f in store.failures()}
        assert set(recorded) == set(NON_ARTICLES)
        assert all(
            reason in recorded[n] and is_skip(recorded[n]) for n, reason in NON_ARTICLES.items()
        )
        again = ingest([str(folder)], store, nlp=nlp)  # resumable: skipped again, not analysed
        assert (again.new, again.duplicates, again.skipped) == (0, 2, 3)
        kept = ingest([str(folder)], store, nlp=nlp, options=ReadOptions(keep_non_articles=True))
        assert (kept.new, kept.skipped) == (3, 0)
        assert store.failures() == []
        recipe = next(
            store.load(i) for i in store.article_ids() if "stew" in store.load(i).article.text
        )
        assert [w.kind for w in recipe.warnings] == ["not_article"]


def test_sayso_ingest_exits_0_when_pages_are_only_skipped(folder, tmp_path):
    db = f"sqlite:///{tmp_path / 'c.db'}"
    runner = CliRunner()
    args = ["ingest", str(folder), "--db", db, "--no-link", "--no-progress"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "2 ingested" in result.output and "3 skipped" in result.output
    result = runner.invoke(app, [*args, "--keep-non-articles"])
    assert result.exit_code == 0 and "3 ingested" in result.output


def test_sayso_batch_skips_them_into_the_failures_table_and_load_keeps_the_reason(folder, tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 analysed, 0 failed, 3 skipped" in result.output
    failures = pq.read_table(out / "failures").to_pylist()
    assert sorted(Path(f["key"]).name for f in failures) == sorted(NON_ARTICLES)
    assert all(is_skip(f["error"]) for f in failures)
    db = f"sqlite:///{tmp_path / 'l.db'}"
    loaded = runner.invoke(app, ["load", str(out), "--db", db, "--no-link"])
    assert loaded.exit_code == 0 and "3 skipped" in loaded.output
    kept = tmp_path / "kept"
    result = runner.invoke(app, ["batch", str(folder), "--out", str(kept), "--keep-non-articles"])
    assert result.exit_code == 0 and pq.read_table(kept / "articles").num_rows == 5


def test_sayso_analyze_reads_them_with_a_warning():
    result = CliRunner().invoke(app, ["analyze", str(PAGES / "product.html"), "-f", "md"])
    assert result.exit_code == 0
    assert "> **Warning:** not an article: a product page (JSON-LD @type Product)" in result.stdout
