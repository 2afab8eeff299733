"""GUM: the CoNLL reader (nested brackets, Wikipedia names, rebuilt text and offsets), the
split list, the alignment of sayso's mentions with the gold, the same-string baseline, and
``sayso eval coref`` on a one-document corpus written for the purpose."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sayso.cli import app
from sayso.errors import InputError
from sayso.eval.entitycoref import SystemMention, align, normalised, system_mentions
from sayso.eval.gum import GumMention, detokenise, parse_conll, read_documents, read_splits
from sayso.model import Analysis, Article, Entity, EntityType

# Tokens and brackets as in GUM's own scheme (a made-up document).
CONLL = """# begin document GUM_news_mini
0\tThe\t(organization-1-Acme_Corp
1\tAcme\t_
2\tboard\torganization-1-Acme_Corp)
3\tsaid\t_
4\tits\t(organization-1-Acme_Corp)
5\tchief\t(person-2-Ann_Cole
6\tAnn\t_
7\tCole\tperson-2-Ann_Cole)
8\twould\t_
9\tleave\t_
10\t.\t_
11\tShe\t(person-2-Ann_Cole)
12\tdid\t_
13\tn't\t_
14\tsay\t_
15\twhy\t_
16\t(\t_
17\tsee\t_
18\t"\t_
19\tin\t(abstract-3(abstract-4)
20\t-\t_
21\tgroup\tabstract-3)
22\t"\t_
23\t)\t_
24\t.\t_
25\tCole\t(person-2-Ann_Cole)
26\t's\t_
27\tdeputy\t(person-5)
28\tagreed\t_
29\t.\t_

# end document
"""

SPLITS = """# Splits

## dev

  * GUM_news_other

## test

  * GUM_news_mini
  * GUM_fiction_story

## train

  * GUM_bio_someone
"""


def test_parse_conll_mentions_and_text():
    (document,) = parse_conll(CONLL)
    assert document.name == "GUM_news_mini" and document.genre == "news"
    assert document.text == (
        "The Acme board said its chief Ann Cole would leave. She didn't say why "
        '(see "in-group"). Cole\'s deputy agreed.'
    )
    by_text = {(m.text, m.cluster) for m in document.mentions}
    assert ("The Acme board", "1") in by_text and ("its", "1") in by_text
    assert ("chief Ann Cole", "2") in by_text and ("She", "2") in by_text
    assert ("in-group", "3") in by_text and ("in", "4") in by_text  # nested, opened together
    chief = next(m for m in document.mentions if m.text == "chief Ann Cole")
    assert chief == GumMention(
        start=document.text.index("chief"),
        end=document.text.index(" would"),
        token_start=5,
        token_end=8,
        cluster="2",
        type="person",
        text="chief Ann Cole",
        wiki="Ann_Cole",
    )
    for mention in document.mentions:
        assert document.text[mention.start : mention.end] == mention.text
    clusters = document.clusters(frozenset({"person"}))
    assert [m.text for m in clusters["2"]] == ["chief Ann Cole", "She", "Cole"]
    assert set(clusters) == {"2", "5"}


def test_parse_conll_errors():
    with pytest.raises(InputError, match="closes but never opened"):
        list(parse_conll("# begin document D\n0\tA\tperson-1)\n# end document\n"))
    with pytest.raises(InputError, match="never closed"):
        list(parse_conll("# begin document D\n0\tA\t(person-1\n# end document\n"))
    with pytest.raises(InputError, match="before '# begin document'"):
        list(parse_conll("0\tA\t_\n"))


def test_detokenise_sentences_and_offsets():
    text, offsets = detokenise([["Breaking", "news"], ["He", "said", "it", "."], ["Yes", "."]])
    assert text == "Breaking news\nHe said it. Yes."  # a headline ends with a line break
    assert [text[s:e] for s, e in offsets] == [
        "Breaking",
        "news",
        "He",
        "said",
        "it",
        ".",
        "Yes",
        ".",
    ]


def test_read_splits_and_documents(tmp_path):
    (tmp_path / "gum").mkdir()
    (tmp_path / "splits.upstream.md").write_text(SPLITS, encoding="utf-8")
    (tmp_path / "gum" / "GUM_news_mini.conll").write_text(CONLL, encoding="utf-8")
    splits = read_splits(tmp_path)
    assert splits["test"] == ["GUM_news_mini", "GUM_fiction_story"]
    documents = read_documents(tmp_path, "test")  # fiction is not in the shared genres
    assert [d.name for d in documents] == ["GUM_news_mini"] and documents[0].split == "test"
    with pytest.raises(InputError, match="is missing"):
        read_documents(tmp_path, "dev")
    with pytest.raises(InputError, match="unknown GUM split"):
        read_documents(tmp_path, "test2")


def test_alignment_by_head_one_to_one():
    gold = [
        GumMention(0, 30, 0, 5, "1", "person", "NASA Administrator Charles Bolden"),
        GumMention(0, 4, 0, 1, "2", "organization", "NASA"),
    ]
    heads = [(24, 30), (0, 4)]  # "Bolden", "NASA"
    system = [
        SystemMention("e1", 0, 30, "NASA Administrator Charles Bolden"),
        SystemMention("e2", 0, 4, "NASA"),
        SystemMention("e1", 16, 30, "Charles Bolden"),  # the person's head again: taken
    ]
    assert align(system, gold, heads) == {0: 0, 1: 1}
    # a mention that does not contain the gold head aligns with nothing
    assert align([SystemMention("e3", 5, 10, "Admin")], gold, heads) == {}


def test_same_string_key():
    assert normalised("The Post's") == normalised("the post") == "post"
    assert normalised("Zelenskyy") != normalised("he")
    assert normalised("the") == "the"


def test_system_mentions_are_person_like_entities_once_each():
    text = "Ann Cole met Acme in Paris. She left."
    entities = [
        Entity("e1", "Ann Cole", EntityType.PERSON, mentions=[(0, 8), (28, 31)]),
        Entity("e2", "Acme", EntityType.ORG, mentions=[(13, 17)]),
        Entity("e3", "Paris", EntityType.GPE, mentions=[(21, 26)]),
        Entity("e4", "Cole", EntityType.PERSON, mentions=[(28, 31)]),  # the same span again
    ]
    analysis = Analysis(article=Article(id="x", text=text), entities=entities)
    found = system_mentions(analysis)
    assert [(m.entity, m.text) for m in found] == [
        ("e1", "Ann Cole"),
        ("e2", "Acme"),
        ("e1", "She"),
    ]


def test_command_end_to_end(tmp_path):
    (tmp_path / "gum").mkdir()
    (tmp_path / "splits.upstream.md").write_text(SPLITS, encoding="utf-8")
    (tmp_path / "gum" / "GUM_news_mini.conll").write_text(CONLL, encoding="utf-8")
    baseline = tmp_path / "gum-test.json"
    args = ["eval", "coref", str(tmp_path), "--split", "test", "--baseline", str(baseline)]
    result = CliRunner().invoke(app, [*args, "--json", "--write-baseline"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["documents"] == 1
    # person/organisation clusters with two mentions or more: Acme (2) and Ann Cole (3)
    assert figures["gold_clusters"] == 2 and figures["gold_mentions"] == 5
    assert 0 <= figures["sayso"]["conll_f1"] <= 100
    assert set(figures) >= {"baseline", "beats_baseline", "system_mentions"}
    record = json.loads(baseline.read_text())
    assert record["size"] == {"documents": 1, "gold_mentions": 5}
    table = CliRunner().invoke(app, args)
    assert table.exit_code == 0 and "same string" in table.stdout
