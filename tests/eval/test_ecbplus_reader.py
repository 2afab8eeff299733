"""Reading ECB+ (a two-document corpus written here) and scoring both systems end to end."""

from __future__ import annotations

import json

import pytest

from sayso.errors import InputError
from sayso.eval.ecbplus import gold_clusters, read_documents, split_of


def _doc(doc_id, topic, sentences, validated, mentions):
    return {
        "doc_id": doc_id,
        "topic": topic,
        "subtopic": f"{topic}_ecb",
        "corpus_part": "ecb",
        "sentences": sentences,
        "sentence_ids": list(range(len(sentences))),
        "validated_sentences": validated,
        "mentions": [
            {
                "m_id": m_id,
                "tag": "ACTION_OCCURRENCE" if event else "HUMAN_PART_PER",
                "tokens": tokens,
                "sent": sent,
                "text": text,
                "cluster": cluster,
                "is_event": event,
                "in_validated_sentence": sent in validated,
            }
            for m_id, tokens, sent, text, cluster, event in mentions
        ],
    }


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "ecbplus.jsonl"
    docs = [
        _doc(
            "2_1ecb",
            2,
            [["Police", "arrested", "a", "man", "."], ["He", "was", "arrested", "Monday", "."]],
            [0, 1],
            [
                ("1", [1], 0, "arrested", "ACT1", True),
                ("2", [0], 0, "Police", "HUM1", False),
                ("3", [7], 1, "arrested", "ACT1", True),
            ],
        ),
        _doc(
            "2_2ecb",
            2,
            [["Officers", "detained", "the", "suspect", "."], ["Unchecked", "fire", "."]],
            [0],
            [
                ("1", [1], 0, "detained", "ACT1", True),
                ("2", [6], 1, "fire", "ACT9", True),  # not a validated sentence
            ],
        ),
        _doc(
            "1_1ecb",
            1,
            [["A", "star", "entered", "rehab"]],
            [0],
            [("1", [2], 0, "entered", "ACT5", True)],
        ),
    ]
    path.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    return path


def test_reads_validated_event_mentions_of_the_split(corpus):
    dev = read_documents(corpus, "dev")
    assert [d.doc_id for d in dev] == ["2_1ecb", "2_2ecb"]
    assert [m.key for d in dev for m in d.mentions] == ["2_1ecb/1", "2_1ecb/3", "2_2ecb/1"]
    assert sorted(map(sorted, gold_clusters(dev))) == [["2_1ecb/1", "2_1ecb/3", "2_2ecb/1"]]
    tokens, positions = dev[0].sentence_of(dev[0].mentions[1])
    assert [tokens[p] for p in positions] == ["arrested"]
    assert [d.doc_id for d in read_documents(corpus, "train")] == ["1_1ecb"]


def test_split_of_topics():
    assert [split_of(t) for t in (2, 3, 35, 36)] == ["dev", "train", "dev", "test"]


def test_bad_inputs_are_named(tmp_path, corpus):
    with pytest.raises(InputError, match="no such file"):
        read_documents(tmp_path / "missing.jsonl", "dev")
    with pytest.raises(InputError, match="split must be"):
        read_documents(corpus, "test")
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"doc_id": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"broken.jsonl:1: not an ECB\+ document"):
        read_documents(broken, "dev")


def test_both_systems_link_the_toy_topic(corpus, embedder):
    import spacy

    from sayso.eval.eventcoref import evaluate, lemma_baseline, prepare
    from sayso.graph.eventlink import default_model
    from sayso.nlp.pipeline import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    prepared = prepare(read_documents(corpus, "dev"), nlp, embedder)
    assert prepared.heads == {"2_1ecb/1": "arrest", "2_1ecb/3": "arrest", "2_2ecb/1": "detain"}
    baseline = sorted(map(sorted, lemma_baseline(prepared)))
    assert baseline == [["2_1ecb/1", "2_1ecb/3"], ["2_2ecb/1"]]
    result = evaluate(prepared, "dev", default_model())
    assert result.baseline.b_cubed.recall == pytest.approx((2 * 2 / 3 + 1 / 3) / 3)
    assert result.to_dict()["same_head_lemma"]["conll_f1"] == result.baseline.conll_f1
