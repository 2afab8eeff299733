"""``sayso eval gap``: the reader, the official GAP metric on hand-computed cases, reading
predictions out of an analysis, and the command on a three-row file written for the purpose."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sayso.cli import app
from sayso.errors import InputError
from sayso.eval.gap import (
    GapRow,
    Gender,
    Scores,
    bias,
    calculate_scores,
    entity_covering,
    entity_overlapping,
    predict,
    read_rows,
    scorecard,
    write_predictions,
)
from sayso.model import Analysis, Article, Entity, EntityType

HEADER = "ID\tText\tPronoun\tPronoun-offset\tA\tA-offset\tA-coref\tB\tB-offset\tB-coref\tURL"
TEXTS = [
    "Anna Berg met Carla Dunn in Oslo. She thanked Carla for the invitation.",
    "Tom Hale hired Ben Ross in 1990. Later he left the firm to teach.",
    "Maria Vidal wrote to Jon Park. His reply came a week later.",
]


def _tsv_row(n: int, text: str, pronoun: str, a: str, a_coref: str, b: str, b_coref: str) -> str:
    return "\t".join(
        [
            f"t-{n}",
            text,
            pronoun,
            str(text.index(pronoun)),
            a,
            str(text.index(a)),
            a_coref,
            b,
            str(text.index(b)),
            b_coref,
            f"http://example.org/{n}",
        ]
    )


@pytest.fixture
def gap_file(tmp_path):
    rows = [
        _tsv_row(1, TEXTS[0], "She", "Anna Berg", "TRUE", "Carla Dunn", "FALSE"),
        _tsv_row(2, TEXTS[1], "he", "Tom Hale", "TRUE", "Ben Ross", "FALSE"),
        _tsv_row(3, TEXTS[2], "His", "Maria Vidal", "FALSE", "Jon Park", "TRUE"),
    ]
    path = tmp_path / "gap-mini.tsv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_reader(gap_file):
    rows = read_rows(gap_file)
    assert [r.id for r in rows] == ["t-1", "t-2", "t-3"]
    first = rows[0]
    assert first.text[slice(*first.pronoun_span)] == "She" and first.gender == Gender.FEMININE
    assert first.a_coref is True and first.b_coref is False
    assert rows[2].gender == Gender.MASCULINE  # "His", any case


def test_reader_checks_offsets_and_names_the_line(tmp_path):
    bad = _tsv_row(1, TEXTS[0], "She", "Anna Berg", "TRUE", "Carla Dunn", "FALSE")
    fields = bad.split("\t")
    fields[3] = "5"  # the pronoun is not there
    path = tmp_path / "bad.tsv"
    path.write_text(HEADER + "\n" + "\t".join(fields) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.tsv:2: Pronoun 'She' is not at offset 5"):
        read_rows(path)
    path.write_text("ID\tText\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a GAP file"):
        read_rows(path)


def _row(id_: str, pronoun: str, a: bool | None, b: bool | None) -> GapRow:
    return GapRow(id_, "x", pronoun, 0, "A", 0, a, "B", 0, b)


def test_the_official_metric_on_a_hand_computed_case():
    gold = [
        _row("1", "she", True, False),  # system TRUE/FALSE: tp, tn
        _row("2", "her", False, True),  # system TRUE/TRUE: fp, tp
        _row("3", "he", True, False),  # system FALSE/FALSE: fn, tn
        _row("4", "his", False, False),  # no system answer: fn, fn
        _row("5", "him", False, True),  # system FALSE/TRUE: tn, tp
    ]
    system = {"1": (True, False), "2": (True, True), "3": (False, False), "5": (False, True)}
    scores = calculate_scores(gold, system)
    overall = scores[None]
    assert (overall.true_positives, overall.false_positives) == (3, 1)
    assert (overall.false_negatives, overall.true_negatives) == (3, 3)
    assert overall.recall() == pytest.approx(50.0)
    assert overall.precision() == pytest.approx(75.0)
    assert overall.f1() == pytest.approx(60.0)
    feminine, masculine = scores[Gender.FEMININE], scores[Gender.MASCULINE]
    assert (feminine.true_positives, feminine.false_positives, feminine.false_negatives) == (
        2,
        1,
        0,
    )
    assert feminine.f1() == pytest.approx(80.0)  # P 66.7, R 100
    assert (masculine.true_positives, masculine.false_negatives) == (1, 3)
    assert masculine.f1() == pytest.approx(40.0)  # P 100, R 25
    assert bias(scores) == pytest.approx(2.0)
    assert scorecard(scores) == (
        "Overall recall: 50.0 precision: 75.0 f1: 60.0\n"
        "\t\ttp 3\tfp 1\n"
        "\t\tfn 3\ttn 3\n"
        "Masculine recall: 25.0 precision: 100.0 f1: 40.0\n"
        "\t\ttp 1\tfp 0\n"
        "\t\tfn 3\ttn 2\n"
        "Feminine recall: 100.0 precision: 66.7 f1: 80.0\n"
        "\t\ttp 2\tfp 1\n"
        "\t\tfn 0\ttn 1\n"
        "Bias (F/M): 2.00\n"
    )


def test_official_edge_cases():
    # no positive prediction: P and R are 0, F1 0, and the bias is "-"
    scores = calculate_scores([_row("1", "he", True, False)], {"1": (False, False)})
    assert scores[None].f1() == 0.0 and bias(scores) is None
    assert scorecard(scores).endswith("Bias (F/M): -\n")
    # of two rows with one ID only the first counts; an unknown gold label is not a positive
    gold = [
        _row("1", "she", True, False),
        _row("1", "she", False, True),
        _row("2", "he", None, None),
    ]
    scores = calculate_scores(gold, {"1": (True, False), "2": (True, False)})
    assert scores[None].true_positives == 1 and scores[None].false_positives == 1
    assert Scores().f1() == 0.0


def _entity(id_: str, name: str, mentions: list[tuple[int, int]]) -> Entity:
    return Entity(id=id_, name=name, type=EntityType.PERSON, mentions=mentions)


def test_predictions_read_from_the_entities():
    text = TEXTS[0]
    row = GapRow("t", text, "She", 34, "Anna Berg", 0, True, "Carla Dunn", 14, False)
    anna = _entity("e1", "Anna Berg", [(0, 9), (34, 37)])
    carla = _entity("e2", "Carla Dunn", [(14, 24), (46, 51)])
    analysis = Analysis(article=Article(id="x", text=text), entities=[anna, carla])
    assert entity_covering(analysis.entities, 35) is anna
    assert entity_overlapping(analysis.entities, 14, 24) is carla
    assert predict(row, analysis) == (True, False)
    assert predict(row, analysis, pronoun_entity=carla) == (False, True)  # the oracle's
    nobody = Analysis(article=Article(id="x", text=text), entities=[carla])
    assert predict(row, nobody) == (False, False)


def test_the_shortest_covering_mention_wins():
    """ "his spokesman" (an anonymous entity) covers "his"; the pronoun's own mention wins."""
    anonymous = Entity(id="e3", name="spokesman", type=EntityType.ANONYMOUS, mentions=[(10, 23)])
    person = _entity("e1", "Tom Hale", [(0, 8), (10, 13)])
    assert entity_covering([anonymous, person], 10) is person


def test_write_predictions(tmp_path):
    rows = [_row("1", "he", True, False), _row("2", "she", False, False)]
    path = tmp_path / "system.tsv"
    write_predictions(rows, {"1": (True, False)}, path)
    assert path.read_text() == "1\tTRUE\tFALSE\n"


def test_command_end_to_end(gap_file, tmp_path):
    baseline = tmp_path / "gap.json"
    system = tmp_path / "system.tsv"
    args = ["eval", "gap", str(gap_file), "--baseline", str(baseline)]
    result = CliRunner().invoke(
        app, [*args, "--json", "--write-baseline", "--predictions", str(system)]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["rows"] == 3 and figures["pairs"] == 6
    overall = figures["overall"]
    assert overall["tp"] + overall["fp"] + overall["fn"] + overall["tn"] == 6
    assert len(system.read_text().splitlines()) == 3
    oracle = CliRunner().invoke(app, [*args, "--oracle", "--check-baseline"])
    assert oracle.exit_code == 0, oracle.output
    assert "overall" in oracle.stdout and "bias (F/M)" in oracle.stdout
    record = json.loads(baseline.read_text())
    assert set(record["figures"]) >= {"analysis.overall.f1", "oracle.feminine.f1"}
