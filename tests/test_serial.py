"""One data model, one serialiser (issue 18): every record is written and read by
``sayso.serial``; the JSON Schema generated from the model is the one docs/schema.md
publishes, and real outputs (the founding example and the bundled sample) are valid
against it."""

from __future__ import annotations

import copy
import dataclasses
import json
import re
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from sayso import model, serial
from sayso.analyze import analyze_many
from sayso.cli import app
from sayso.data import sample_articles
from sayso.export import to_json, to_jsonl_line
from sayso.graph.tellings import claim_facts
from sayso.model import Analysis, EntityType, RemovedKind

DOCS = Path(__file__).resolve().parents[1] / "docs" / "schema.md"
FOUNDING = "rt-france-troops.txt"


@pytest.fixture(scope="module")
def outputs(nlp) -> list[Analysis]:
    """The analyses of the bundled sample: the founding example first, then Wikinews."""
    analyses = list(analyze_many(list(sample_articles()), nlp=nlp))
    assert analyses[0].article.path and analyses[0].article.path.endswith(FOUNDING)
    return analyses


@pytest.fixture(scope="module")
def published() -> dict:
    """The JSON Schema as docs/schema.md publishes it."""
    text = DOCS.read_text(encoding="utf-8")
    block = text[text.index(serial.SCHEMA_BEGIN) : text.index(serial.SCHEMA_END)]
    found = re.search(r"```json\n(.*)\n```", block, re.S)
    assert found, "docs/schema.md has no generated JSON Schema block"
    return json.loads(found.group(1))


def test_docs_publish_the_schema_generated_from_the_model():
    text = DOCS.read_text(encoding="utf-8")
    assert serial.publish_schema(text) == text, (
        "docs/schema.md is behind the model: run `python -m sayso.serial docs/schema.md`"
    )


def test_sayso_schema_prints_the_generated_schema():
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == serial.json_schema()


def test_real_outputs_are_valid_against_the_published_schema(outputs, published):
    validator = jsonschema.Draft202012Validator(published)
    jsonschema.Draft202012Validator.check_schema(published)
    for analysis in outputs:
        for text in (to_json(analysis), to_jsonl_line(analysis)):
            errors = [e.message for e in validator.iter_errors(json.loads(text))]
            assert not errors, (analysis.article.path, errors[:3])
    # The sample exercises every part of the schema, not only empty lists.
    for part in ("attributions", "entities", "events", "times", "statements", "removed"):
        assert any(getattr(a, part) for a in outputs), part


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("entities", 0, "type"), "SPACESHIP"),
        (("attributions", 0, "kind"), "shouted"),
        (("attributions", 0, "content", "spans"), None),
        (("article", "text"), None),
        (("schema",), None),
    ],
)
def test_the_schema_refuses_what_sayso_never_writes(outputs, published, path, value):
    data = json.loads(to_json(outputs[0]))
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is None:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    assert not jsonschema.Draft202012Validator(published).is_valid(data)


def test_enums_name_entity_types_and_removed_kinds(published):
    defs = published["$defs"]
    assert defs["EntityType"]["enum"] == [t.value for t in EntityType]
    assert defs["RemovedKind"]["enum"] == [k.value for k in RemovedKind]
    assert defs["Entity"]["properties"]["type"] == {"$ref": "#/$defs/EntityType"}
    assert defs["RemovedPiece"]["properties"]["kind"] == {"$ref": "#/$defs/RemovedKind"}


def test_records_read_back_as_the_same_objects(outputs):
    for analysis in outputs:
        data = json.loads(to_json(analysis))
        again = serial.load_analysis(data)
        assert again == analysis, analysis.article.path
        assert serial.record(again) == data


def test_record_keys_keep_the_published_order(outputs):
    data = serial.record(outputs[0])
    assert list(data) == [
        "schema",
        "warnings",
        "article",
        "removed",
        "attributions",
        "entities",
        "events",
        "times",
        "statements",
    ]
    assert data["schema"] == model.SCHEMA
    keys = list(data["article"])
    assert keys[0] == "id" and keys[-1] == "text"
    content = data["attributions"][0]["content"]
    assert list(content) == ["start", "end", "text", "spans"]
    first = outputs[0].attributions[0].content
    assert (content["start"], content["end"]) == (first.start, first.end)


def test_reading_validates_and_names_the_field_at_fault(outputs):
    data = json.loads(to_json(outputs[0]))
    bad = copy.deepcopy(data)
    bad["attributions"][1]["source"]["confidence"] = "very"
    with pytest.raises(serial.ValidationError, match=r"attributions\.1\.source\.confidence"):
        serial.load_analysis(bad)
    # A record from a newer sayso (more keys) still reads, as this version's model.
    newer = copy.deepcopy(data)
    newer["schema"] = "sayso/9"
    newer["attributions"][0]["source"]["gender"] = "m"
    newer["future"] = []
    assert serial.record(serial.load_analysis(newer)) == data


def test_the_model_has_no_serialiser_of_its_own():
    classes = [
        c for c in vars(model).values() if isinstance(c, type) and dataclasses.is_dataclass(c)
    ]
    assert len(classes) >= 15
    for cls in classes:
        for name in ("to_dict", "from_dict"):
            assert not hasattr(cls, name), f"{cls.__name__}.{name}: use sayso.serial"
    assert not hasattr(model, "analysis_from_dict")


def test_the_graph_reads_a_stored_record_as_the_analysis_itself(outputs):
    for analysis in outputs[:10]:
        stored = json.loads(to_jsonl_line(analysis))
        assert claim_facts(stored) == claim_facts(analysis), analysis.article.path
