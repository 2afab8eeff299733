"""What sayso's extractor costs on top of the bare English model, on the same texts.

    .venv/bin/python benchmarks/extractor_cost.py            # the bundled sample
    .venv/bin/python benchmarks/extractor_cost.py --polnear  # PolNeAR dev texts

Prints seconds and articles/s for: the bare model (``nlp.pipe``), the model with sayso's
components, and sayso's whole analysis (cleaning, NLP, attributions, speakers), best of
three runs each, plus the time spent inside each sayso component.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import spacy

from sayso.analyze import ArticleInput, analyze_many
from sayso.data import sample_articles
from sayso.eval.polnear import default_corpus_dir, read_split
from sayso.nlp.pipeline import DEFAULT_MODEL, load_pipeline


def _best(run: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def _component_seconds(nlp: spacy.Language, texts: list[str]) -> dict[str, float]:
    docs = list(nlp.pipe(texts, disable=["sayso_attributions", "sayso_speakers"]))
    spent = {}
    for name in ("sayso_attributions", "sayso_speakers"):
        component = nlp.get_pipe(name)
        spent[name] = _best(lambda c=component: [c(d) for d in docs])
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", action="store_true", help="Use the PolNeAR dev texts.")
    args = parser.parse_args()
    if args.polnear:
        texts = [a.text for a in read_split(default_corpus_dir(), "dev")]
    else:
        texts = [item.text for item in sample_articles()]
    bare = spacy.load(DEFAULT_MODEL)
    sayso = load_pipeline()
    rows = {
        "bare model": _best(lambda: list(bare.pipe(texts))),
        "model + sayso components": _best(lambda: list(sayso.pipe(texts))),
        "sayso analysis": _best(
            lambda: list(analyze_many((ArticleInput(text=t) for t in texts), nlp=sayso))
        ),
    }
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words} words")
    for name, seconds in rows.items():
        ratio = rows["bare model"] / seconds
        print(f"{name:26} {seconds:7.2f} s  {len(texts) / seconds:6.1f} articles/s  x{ratio:.2f}")
    for name, seconds in _component_seconds(sayso, texts).items():
        print(f"  inside {name:20} {seconds:6.2f} s")


if __name__ == "__main__":
    main()
