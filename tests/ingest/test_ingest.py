"""Ingest runs end to end: analysis, the store, bad inputs, idempotence, workers, the CLI."""

from __future__ import annotations

import gzip
import json

import pytest
from typer.testing import CliRunner

from sayso.cli import app
from sayso.ingest.datasets import Fields
from sayso.ingest.fetch import FetchOptions
from sayso.ingest.run import ingest
from sayso.ingest.sources import ReadOptions
from sayso.store import open_store

from .conftest import FIXTURES


@pytest.fixture
def store(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'ingest.db'}")
    yield store
    store.close()


def test_captions_and_teasers_are_cleaned_after_extraction(store, nlp):
    report = ingest([str(FIXTURES / "page-with-captions.html")], store, nlp=nlp)
    assert (report.new, report.failed) == (1, 0)
    [article_id] = store.article_ids()
    stored = store.load(article_id)
    assert stored.article.publisher == "The Example Herald"
    assert stored.article.published == "2024-05-02"
    # trafilatura drops the <figure> caption and the related <aside>; the caption and
    # teaser paragraphs it keeps are removed by sayso's cleaner, as for plain text.
    assert {(p.kind, p.text[:10]) for p in stored.removed} == {
        ("photo_caption", "Photo: Wor"),
        ("related_teaser", "READ MORE:"),
    }
    for noise in ("FILE PHOTO", "Related"):
        assert noise not in stored.article.text
    contents = " ".join(a.content.text for a in stored.attributions)
    assert "the final cost would stay within the budget" in contents
    for noise in ("Example Agency", "READ MORE", "Ferry operators"):
        assert noise not in contents
    assert store.claims(speaker="Keller")


def test_bad_inputs_fail_alone_and_the_rest_is_stored(store, nlp, site, tmp_path):
    truncated = tmp_path / "dump.jsonl.gz"
    data = gzip.compress((FIXTURES / "articles.jsonl").read_bytes() * 20)
    truncated.write_bytes(data[: len(data) // 2])
    garbage = tmp_path / "garbage.warc"
    garbage.write_bytes(b"WARC/1.0\r\nthis is not a header\r\n\r\n" + b"\xff" * 500)
    sources = [
        str(FIXTURES / "page-with-captions.html"),
        str(truncated),
        str(garbage),
        str(FIXTURES / "no-article.html"),
        str(FIXTURES / "missing-column.csv"),
        f"{site.base}/feed-that-is-gone.rss",
        f"{site.base}/huge",
        str(FIXTURES / "second-page.html"),
        str(FIXTURES / "articles.jsonl"),
    ]
    local = FetchOptions(allow_networks=("127.0.0.1/32",), politeness=0)  # the test server
    report = ingest(sources, store, nlp=nlp, options=ReadOptions(fetch=local))
    failed = {f.input: f.error for f in store.failures()}
    for bad in sources[1:7]:
        assert bad in failed, bad
        assert failed[bad].startswith(bad) or bad in failed[bad]
    assert "truncated or corrupt gzip" in failed[str(truncated)]
    assert "unreadable WARC data" in failed[str(garbage)]
    assert "no article text" in failed[str(FIXTURES / "no-article.html")]
    assert "no column 'text'" in failed[str(FIXTURES / "missing-column.csv")]
    assert "HTTP 404" in failed[f"{site.base}/feed-that-is-gone.rss"]
    assert "over the" in failed[f"{site.base}/huge"]
    titles = {store.load(i).article.title for i in store.article_ids()}
    assert {
        "Harbour bridge to reopen in May, minister says",
        "Rail strike called off after late-night talks",
        "Council approves new cycle lanes",
    } <= titles
    assert report.failed >= 6 and report.ingested == len(titles)


def test_ingesting_twice_adds_nothing(store, nlp):
    sources = [str(FIXTURES / "articles.jsonl"), str(FIXTURES / "second-page.html")]
    first = ingest(sources, store, nlp=nlp)
    before = (store.article_ids(), store.count_claims(), len(store.failures()))
    second = ingest(sources, store, nlp=nlp)
    assert (first.new, first.failed) == (3, 2)
    assert (second.new, second.duplicates, second.failed) == (0, 3, 2)
    assert (store.article_ids(), store.count_claims(), len(store.failures())) == before


def test_same_article_in_two_inputs_is_stored_once(store, nlp, tmp_path):
    record = json.loads((FIXTURES / "articles.jsonl").read_text().splitlines()[0])
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n")
    record["url"] = "https://mirror.example/n1"
    (tmp_path / "b.jsonl").write_text(json.dumps(record) + "\n")
    report = ingest([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")], store, nlp=nlp)
    assert (report.new, report.duplicates) == (1, 1)


def test_csv_fields_from_options(store, nlp):
    fields = Fields.named(text="body", title="headline", date="when", url="link")
    report = ingest(
        [str(FIXTURES / "articles.csv")], store, nlp=nlp, options=ReadOptions(fields=fields)
    )
    assert report.new == 2
    assert [c.published for c in store.claims(speaker="Weiss")][:1] == ["2024-02-09"]


@pytest.mark.slow
def test_two_workers_store_the_same_as_one(tmp_path, nlp):
    from sayso.data import sample_articles

    sample = tmp_path / "sample.jsonl"
    with sample.open("w") as out:
        for article in list(sample_articles())[1:9]:
            out.write(json.dumps({"text": article.text, "title": article.title}) + "\n")
    stores = []
    for workers in (1, 2):
        with open_store(f"sqlite:///{tmp_path / f'w{workers}.db'}") as store:
            report = ingest(
                [str(sample)],
                store,
                workers=workers,
                batch_size=3,
                nlp=nlp if workers == 1 else None,
            )
            assert report.new == 8
            stores.append(
                [
                    (c.article_id, c.attribution_id, c.speaker, c.content)
                    for c in store.claims(limit=None)
                ]
            )
    assert stores[0] == stores[1]


def test_cli_ingest_and_queries(tmp_path, monkeypatch):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    result = runner.invoke(
        app,
        [
            "ingest",
            str(FIXTURES / "articles.csv"),
            "--db",
            db,
            "--text-field",
            "body",
            "--title-field",
            "headline",
            "--date-field",
            "when",
            "--url-field",
            "link",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "2 ingested (2 new" in result.output
    assert "articles/s" in result.output
    again = runner.invoke(
        app,
        [
            "ingest",
            str(FIXTURES / "articles.csv"),
            "--db",
            db,
            "--text-field",
            "body",
            "--no-progress",
        ],
    )
    assert "0 ingested" in again.output and "2 duplicates skipped" in again.output

    as_json = runner.invoke(app, ["claims", "--db", db, "--speaker", "weiss", "-f", "json"])
    claims = json.loads(as_json.stdout)
    assert claims and all(c["speaker"] == "Clara Weiss" for c in claims)
    as_csv = runner.invoke(app, ["claims", "--db", db, "-s", "statues", "-f", "csv"])
    assert as_csv.stdout.splitlines()[0].startswith("article_id,attribution_id,speaker")
    table = runner.invoke(app, ["sources", "--db", db])
    assert "Clara Weiss" in table.stdout
    article_id = claims[0]["article_id"]
    shown = runner.invoke(app, ["article", article_id[:8], "--db", db])
    assert "Museum returns looted statues" in shown.stdout
    tree = runner.invoke(
        app, ["article", article_id, "--db", db, "--claim", claims[0]["attribution_id"]]
    )
    assert "Clara Weiss" in tree.stdout
    bad = runner.invoke(app, ["claims", "--db", db, "--since", "last week"])
    assert bad.exit_code == 2 and "not a date" in bad.output
    missing = runner.invoke(app, ["article", "ffff", "--db", db])
    assert missing.exit_code == 1


def test_cli_ingest_reports_failures(tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    result = CliRunner().invoke(
        app, ["ingest", str(FIXTURES / "missing-column.csv"), "--db", db, "--no-progress"]
    )
    assert result.exit_code == 1
    assert "missing-column.csv: no column 'text'" in result.output
    assert "1 failed" in result.output


def test_demo_ingests_the_sample_and_reports(tmp_path):
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    result = CliRunner().invoke(app, ["demo", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Aleksey Goncharenko" in result.stdout
    assert "51 articles" in result.stdout
    assert "top speakers" in result.stdout
    again = CliRunner().invoke(app, ["demo", "--db", db])
    assert "0 new this run, 51 already there" in again.stdout


def test_an_article_whose_analysis_fails_is_recorded_and_its_batch_goes_on(
    store, nlp, tmp_path, monkeypatch
):
    import sayso.ingest.workers as workers

    real = workers.analyze_many

    def fragile(batch, **kwargs):
        if any("BOOM" in item.text for item in batch):
            raise RuntimeError("the parser fell over")
        return real(batch, **kwargs)

    monkeypatch.setattr(workers, "analyze_many", fragile)
    lines = [
        {"id": "a", "text": "Mayor Ana Duarte said the lanes would be finished in two years."},
        {"id": "b", "text": "BOOM. Director Samuel Okoro warned that reservoirs were low."},
        {"id": "c", "text": "Union leader Amir Haddad said the strike was off."},
    ]
    path = tmp_path / "three.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    report = ingest([str(path)], store, nlp=nlp, batch_size=3)
    assert (report.new, report.failed) == (2, 1)
    [failure] = store.failures()
    assert failure.item == f"{path}:2"
    assert "analysis failed: RuntimeError: the parser fell over" in failure.error
