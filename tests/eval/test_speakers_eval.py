"""``sayso eval speakers``: the gold reader, what counts as right, the figures (with a
calibration table from fake confidences), and the command on a two-article corpus written
for the purpose."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sayso.cli import app
from sayso.errors import InputError
from sayso.eval.mentionkind import MentionKind
from sayso.eval.speakers import (
    Answer,
    ScoredItem,
    SpeakerItem,
    SpeakersResult,
    best_source,
    is_right,
    judge,
    mistakes,
    read_items,
    read_texts,
)
from sayso.model import Analysis, Article, Attribution, AttributionKind, Content, Source

ARTICLES = {
    "one": "Mayor Ann Cole opened the bridge on Monday.\n\nCole said the river was rising. "
    "She added that the repairs had cost too much.\n",
    "two": "The council met on Monday.\n\nA source said nobody was hurt. "
    "Republicans said the plan was a waste.\n",
}


def _line(article: str, words: str, resolved: str, label: str, nth: int = 0) -> str:
    text = ARTICLES[article]
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    row = {
        "article": article,
        "attribution": f"E{start}",
        "source_start": start,
        "source_end": start + len(words),
        "source_text": words,
        "resolved": resolved,
        "label": label,
    }
    return json.dumps(row)


@pytest.fixture
def corpus(tmp_path):
    texts = tmp_path / "polnear" / "dev" / "text"
    texts.mkdir(parents=True)
    for name, text in ARTICLES.items():
        (texts / f"{name}.txt").write_text(text, encoding="utf-8")
    gold = tmp_path / "polnear-speakers" / "dev.jsonl"
    gold.parent.mkdir()
    lines = [
        _line("one", "Cole", "Ann Cole", "NAME", nth=1),
        _line("one", "She", "Ann Cole", "NAME"),
        _line("two", "A source", "ANONYMOUS", "ANONYMOUS"),
        _line("two", "Republicans", "GROUP", "GROUP"),
        _line("two", "The council", "Springfield council", "ORG"),  # no attribution there
    ]
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return gold


def test_reader(corpus):
    items = read_items(corpus)
    assert [i.label for i in items] == ["NAME", "NAME", "ANONYMOUS", "GROUP", "ORG"]
    assert items[0].text == "Cole" and items[0].resolved == "Ann Cole"
    texts = read_texts(items, corpus.parent.parent / "polnear" / "dev" / "text")
    assert set(texts) == {"one", "two"}
    joined = SpeakerItem("a", "E1", 0, 4, "they", "Ann Cole & Bo Li", "NAME")
    assert joined.join and not items[0].join


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "not JSON"),
        ("[1, 2]", "not a JSON object"),
        ('{"article": "a"}', "missing"),
        (
            '{"article": "a", "attribution": "E1", "source_start": 0, "source_end": 2, '
            '"source_text": "he", "resolved": "X", "label": "PERSON"}',
            "unknown label",
        ),
        (
            '{"article": "a", "attribution": "E1", "source_start": 4, "source_end": 2, '
            '"source_text": "he", "resolved": "X", "label": "NAME"}',
            "empty or negative span",
        ),
    ],
)
def test_reader_names_the_bad_line(tmp_path, line, message):
    path = tmp_path / "dev.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as raised:
        read_items(path)
    assert f"{path}:1" in str(raised.value)


def test_a_span_that_is_not_in_the_text_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("He said so.", encoding="utf-8")
    item = SpeakerItem("a", "E1", 0, 2, "We", "X", "NAME")
    with pytest.raises(InputError, match="is not at 0-2"):
        read_texts([item], tmp_path)
    with pytest.raises(InputError, match="no text"):
        read_texts([SpeakerItem("b", "E1", 0, 2, "He", "X", "NAME")], tmp_path)


def _item(label: str, resolved: str | None = None) -> SpeakerItem:
    return SpeakerItem("a", "E1", 0, 2, "he", resolved or label, label)


def test_what_counts_as_right():
    person = Answer(found=True, entity="Ann Cole", entity_type="PERSON")
    assert is_right(_item("NAME", "Ann Cole"), person)
    assert judge(_item("NAME", "Bo Li"), person) == "none"
    assert judge(_item("NAME", "Ann Cole"), Answer(found=False)) == "not found"
    assert judge(_item("NAME", "Ann Cole"), Answer(found=True)) == "no entity"
    anonymous = Answer(found=True, entity="source", anonymous=True)
    assert is_right(_item("ANONYMOUS"), anonymous)
    assert judge(_item("GROUP"), anonymous) == "flag missing"
    assert is_right(_item("GROUP"), Answer(found=True, entity="Republicans", group=True))
    assert is_right(_item("UNRESOLVABLE"), Answer(found=True))
    assert judge(_item("UNRESOLVABLE"), person) == "not unresolved"
    assert judge(_item("UNRESOLVABLE"), Answer(found=True, group=True)) == "not unresolved"
    duplicate = Answer(found=True, entity="Cole", entity_type="PERSON")
    assert judge(_item("NAME", "Ann Cole"), duplicate, entities=["Ann Cole", "Cole"]) == (
        "duplicate"
    )


def _analysis(text: str, sources: list[tuple[int, int]]) -> Analysis:
    attributions = [
        Attribution(
            id=f"a{n}",
            kind=AttributionKind.INDIRECT,
            source=Source(start=s, end=e, text=text[s:e]),
            cue=None,
            content=Content(spans=((0, 1),), text=text[0]),
        )
        for n, (s, e) in enumerate(sources)
    ]
    return Analysis(article=Article(id="x", text=text), attributions=attributions)


def test_best_source_is_the_most_overlapping_then_the_closest_in_length():
    text = "The mayor of the town, Ann Cole, said so."
    analysis = _analysis(text, [(0, 21), (23, 31), (0, 31)])
    assert best_source(analysis, 23, 31).text == "Ann Cole"  # type: ignore[union-attr]
    assert best_source(analysis, 0, 9).text == "The mayor of the town"  # type: ignore[union-attr]
    assert best_source(analysis, 36, 38) is None


def _scored(label: str, confidence: float | None, verdict: str, found: bool = True) -> ScoredItem:
    answer = Answer(found=found, confidence=confidence)
    item = _item(label, "Ann Cole" if label == "NAME" else None)
    return ScoredItem(
        item,
        MentionKind.PRONOUN,
        {"analysis": answer, "oracle": answer},
        {"analysis": verdict, "oracle": verdict},
        "",
    )


def test_figures_with_fake_confidences_give_a_calibration_table():
    result = SpeakersResult(path="x", articles=1)
    result.items = [
        _scored("NAME", 0.95, "right"),
        _scored("NAME", 0.92, "none"),
        _scored("GROUP", 0.35, "right"),
        _scored("ANONYMOUS", None, "not found", found=False),
    ]
    figures = result.figures("analysis")
    assert figures["overall"] == {
        "items": 4,
        "found": 3,
        "right": 2,
        "accuracy": 66.67,
        "coverage": 75.0,
        "recall": 50.0,
    }
    assert figures["by_label"]["NAME"]["accuracy"] == 50.0
    assert figures["by_kind"]["pronoun"]["items"] == 4
    calibration = figures["calibration"]
    assert calibration is not None
    top = calibration["bins"][9]
    assert (top["count"], top["right"], top["share_right"]) == (2, 1, 0.5)
    assert calibration["ece"] == pytest.approx((2 * abs(0.5 - 0.935) + abs(1 - 0.35)) / 3, abs=1e-3)
    report = mistakes(result, 5)
    assert report["wrong"]["total"] == 1 and report["missed"]["total"] == 1
    assert report["wrong"]["by_reason"] == [("none", 1)]


def test_without_confidences_the_calibration_is_none():
    result = SpeakersResult(path="x", articles=1, items=[_scored("NAME", None, "right")])
    assert result.figures("oracle")["calibration"] is None


def test_command_end_to_end(corpus, tmp_path):
    baseline = tmp_path / "speakers.json"
    args = ["eval", "speakers", str(corpus), "--baseline", str(baseline)]
    result = CliRunner().invoke(app, [*args, "--json", "--write-baseline"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["articles"] == 2 and figures["items"] == 5 and figures["mode"] == "analysis"
    by_label = figures["by_label"]
    assert by_label["NAME"]["found"] == 2 and by_label["NAME"]["right"] == 2
    assert by_label["ANONYMOUS"]["right"] == 1 and by_label["GROUP"]["right"] == 1
    assert by_label["ORG"]["found"] == 0  # "The council met": no attribution
    oracle = CliRunner().invoke(app, [*args, "--json", "--oracle", "--check-baseline"])
    assert oracle.exit_code == 0, oracle.output
    assert json.loads(oracle.stdout)["overall"]["found"] == 5
    table = CliRunner().invoke(app, [*args, "--errors", "2"])
    assert table.exit_code == 0 and "label NAME" in table.stdout and "Missed: 1" in table.stdout
    record = json.loads(baseline.read_text())
    record["figures"]["analysis.accuracy"] = 101.0
    baseline.write_text(json.dumps(record))
    failed = CliRunner().invoke(app, [*args, "--check-baseline"])
    assert failed.exit_code == 1 and "analysis.accuracy" in failed.output


def test_missing_gold_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["eval", "speakers", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2 and "no such file" in result.output
