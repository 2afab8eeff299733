"""Read ECB+ (Cybulska & Vossen 2014) for cross-document event coreference.

The corpus comes as ``ecbplus.jsonl`` (one document per line, gold mentions with their
token indices and cluster ids; ``$SAYSO_DATA_DIR/ecbplus/README.md``). The evaluation uses the
event mentions of the validated sentences only, with the mentions given (gold), as the
ECB+ literature does. The split follows Cybulska & Vossen (2015) and Barhom et al. (2019):
dev is topics 2, 5, 12, 18, 21, 23, 34, 35; test 36-45 (not distributed here); train the rest.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sayso.config import data_dir
from sayso.errors import InputError

DEV_TOPICS = frozenset({2, 5, 12, 18, 21, 23, 34, 35})
TEST_TOPICS = frozenset(range(36, 46))
SPLITS = ("train", "dev")


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One gold event mention: where it is, its words, and its gold cluster."""

    key: str  # "<doc_id>/<m_id>"
    doc_id: str
    topic: int
    sentence: int  # the original sentence number
    tokens: tuple[int, ...]  # document-level token indices
    text: str
    tag: str
    cluster: str


@dataclass(slots=True)
class EcbDocument:
    doc_id: str
    topic: int
    subtopic: str
    sentences: dict[int, list[str]]  # original sentence number -> tokens (validated only)
    offsets: dict[int, int]  # original sentence number -> index of its first token
    mentions: list[GoldMention] = field(default_factory=list)

    def sentence_of(self, mention: GoldMention) -> tuple[list[str], list[int]]:
        """The mention's sentence tokens and the mention's token positions within it."""
        start = self.offsets[mention.sentence]
        return self.sentences[mention.sentence], [t - start for t in mention.tokens]


def default_path() -> Path:
    """``$SAYSO_DATA_DIR/ecbplus/ecbplus.jsonl``."""
    return data_dir() / "ecbplus" / "ecbplus.jsonl"


def split_of(topic: int) -> str:
    if topic in DEV_TOPICS:
        return "dev"
    return "test" if topic in TEST_TOPICS else "train"


def read_documents(path: Path, split: str) -> list[EcbDocument]:
    """The documents of ``split`` (train or dev) with their validated event mentions."""
    if split not in SPLITS:
        raise InputError(str(path), f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    if not path.is_file():
        raise InputError(str(path), "no such file (the ECB+ conversion, ecbplus.jsonl)")
    documents = [doc for doc in _read(path) if split_of(doc.topic) == split]
    if not documents:
        raise InputError(str(path), f"no documents of the {split} topics")
    return documents


def _read(path: Path) -> Iterator[EcbDocument]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                document = _document(json.loads(line))
            except (KeyError, TypeError, ValueError) as error:
                raise InputError(f"{path}:{number}", f"not an ECB+ document ({error!r})") from error
            yield document


def _document(data: dict) -> EcbDocument:
    validated = set(data["validated_sentences"])
    sentences, offsets, position = {}, {}, 0
    for number, tokens in zip(data["sentence_ids"], data["sentences"], strict=True):
        if number in validated:
            sentences[number] = list(tokens)
            offsets[number] = position
        position += len(tokens)
    document = EcbDocument(
        doc_id=data["doc_id"],
        topic=int(data["topic"]),
        subtopic=str(data["subtopic"]),
        sentences=sentences,
        offsets=offsets,
    )
    for m in data["mentions"]:
        if m["is_event"] and m["in_validated_sentence"] and m["sent"] in sentences:
            document.mentions.append(
                GoldMention(
                    key=f"{data['doc_id']}/{m['m_id']}",
                    doc_id=data["doc_id"],
                    topic=document.topic,
                    sentence=int(m["sent"]),
                    tokens=tuple(int(t) for t in m["tokens"]),
                    text=m["text"],
                    tag=m["tag"],
                    cluster=m["cluster"],
                )
            )
    return document


def gold_clusters(documents: list[EcbDocument]) -> list[set[str]]:
    """The gold partition of the documents' mentions (a singleton is a cluster of one)."""
    clusters: dict[str, set[str]] = {}
    for document in documents:
        for mention in document.mentions:
            clusters.setdefault(mention.cluster, set()).add(mention.key)
    return list(clusters.values())
