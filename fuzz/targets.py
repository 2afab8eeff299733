"""One function per fuzzed surface: each takes a drawn input and raises AssertionError (or
lets a crash escape) when a property fails. The suite's properties and the campaign call
the same functions."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from spacy.language import Language

from fuzz.checks import as_json, check_analysis
from sayso.analyze import MAX_ARTICLE_CHARS, analyze
from sayso.clean import clean_text
from sayso.errors import InputError
from sayso.ingest.sources import read_sources
from sayso.serial import load_analysis

READER_SUFFIXES = (".txt", ".html", ".jsonl", ".csv", ".warc", ".rss", ".jsonl.gz", ".warc.gz")


def cleaner(text: str) -> None:
    """Removed pieces slice the text; masking keeps its length; the same text, the same."""
    cleaned = clean_text(text)
    assert len(cleaned.masked()) == len(text)
    for piece in cleaned.removed:
        assert 0 <= piece.start <= piece.end <= len(text), piece
        assert text[piece.start : piece.end] == piece.text, piece
    assert clean_text(text) == cleaned


def extractor(nlp: Language, text: str) -> None:
    """Every span slices the text to its text; the JSON is UTF-8 and deterministic. A text
    over the article cap must be refused with an InputError, nothing else."""
    if len(text) > MAX_ARTICLE_CHARS:
        try:
            analyze(text, nlp=nlp)
        except InputError:
            return
        raise AssertionError("a text over the cap was analysed")
    first = analyze(text, nlp=nlp)
    check_analysis(first, text)
    assert as_json(analyze(text, nlp=nlp)) == as_json(first), "not deterministic"


def reader(data: bytes, suffix: str) -> None:
    """Each item of a file is an article or an InputError naming the file, nothing else."""
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / f"input{suffix}")
        Path(path).write_bytes(data)
        for item in read_sources([path]):
            assert item.input == path
            assert (item.article is None) != (item.error is None), item
            if item.error is not None:
                assert isinstance(item.error, InputError), item.error
                assert str(item.error).startswith(path), item.error
            else:
                item.article.text.encode("utf-8")


def api(client: Any, text: str) -> None:
    """POST /api/analyze answers a client error or a valid analysis, never a 500."""
    # Escaped JSON, as a hostile client sends it: "\ud800" arrives as a lone surrogate.
    body = json.dumps({"text": text}, ensure_ascii=True)
    headers = {"Content-Type": "application/json"}
    response = client.post("/api/analyze", content=body, headers=headers)
    assert response.status_code in (200, 400, 413, 422), response.text[:500]
    if response.status_code == 200:
        check_analysis(load_analysis(response.json()), text)
