"""How sayso's time grows with the size of one article: generated inputs of growing size,
the CPU time of sayso's analysis and of bare spaCy side by side, and the fitted exponent.

    .venv/bin/python benchmarks/scaling.py                    # quotes, lines, prose
    .venv/bin/python benchmarks/scaling.py --kinds quotes --sizes 1250,2500,5000,10000

Three shapes that were quadratic before issue 21: an article of short quotations (``n``
quotation marks, a reporting clause every fifth quote), an article of ``n`` one-word lines,
and plain prose of ``n`` sentences. For each size the article is analysed once by sayso
(``sayso.analyze``: cleaning, spaCy, attributions, speakers, the meaning layer) and once by
the bare spaCy pipeline (``nlp(text)``), in this process, CPU time by ``time.process_time``
(other loads on a shared machine do not inflate it), and the peak resident memory growth.
The exponent is the slope of log(time) over log(size), least squares: 1 is linear, 2
quadratic. The largest inputs are those of issue 21: 10,000 quotation marks (about 69,000
characters) and 46,000 one-word lines (about 190,000; the article cap is 200,000).
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import sys
import time

WORDS = ["tax", "war", "Bob", "May", "say", "oil", "Ann", "Kyiv"]


def quotes(n: int) -> str:
    return " ".join(f"“Word {i},” he said." if i % 5 == 0 else f"“Talk {i}”" for i in range(n // 2))


def lines(n: int) -> str:
    return "\n".join(WORDS[i % len(WORDS)] for i in range(n))


def prose(n: int) -> str:
    return " ".join(
        f"The minister said the {WORDS[i % 8]} talks would resume on day {i}, officials added."
        for i in range(n)
    )


KINDS = {
    "quotes": (quotes, [1250, 2500, 5000, 10000]),
    "lines": (lines, [5750, 11500, 23000, 46000]),
    "prose": (prose, [250, 500, 1000, 2000]),
}


def exponent(sizes: list[int], seconds: list[float]) -> float:
    if len(set(sizes)) < 2:
        return float("nan")
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-3)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(kind: str, sizes: list[int]) -> dict:
    import spacy

    from sayso.analyze import analyze
    from sayso.nlp.pipeline import DEFAULT_MODEL, shared_pipeline

    nlp = shared_pipeline(DEFAULT_MODEL)
    bare = spacy.load(DEFAULT_MODEL)
    analyze("The minister said the talks would resume.", nlp=nlp)  # resources loaded
    bare("Warm up.")
    make = KINDS[kind][0]
    rows = []
    for size in sizes:
        text = make(size)
        before = _peak_mb()
        started = time.process_time()
        analysis = analyze(text, nlp=nlp)
        sayso_s = time.process_time() - started
        grown = _peak_mb() - before
        started = time.process_time()
        bare(text)
        bare_s = time.process_time() - started
        rows.append(
            {
                "size": size,
                "chars": len(text),
                "sayso_s": round(sayso_s, 2),
                "bare_s": round(bare_s, 2),
                "claims": len(analysis.attributions),
                "peak_growth_mb": round(grown),
            }
        )
        print(json.dumps({"kind": kind, **rows[-1]}), flush=True)
    return {
        "kind": kind,
        "rows": rows,
        "exponent_sayso": round(exponent(sizes, [r["sayso_s"] for r in rows]), 2),
        "exponent_bare": round(exponent(sizes, [r["bare_s"] for r in rows]), 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kinds", default="quotes,lines,prose")
    parser.add_argument("--sizes", help="comma-separated sizes (default: per kind)")
    parser.add_argument("--max-exponent", type=float, default=1.3, help="fail above this")
    args = parser.parse_args(argv)
    worst = 0.0
    for kind in args.kinds.split(","):
        sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else KINDS[kind][1]
        result = measure(kind, sizes)
        if not math.isnan(result["exponent_sayso"]):
            worst = max(worst, result["exponent_sayso"])
        print(
            f"{kind}: exponent {result['exponent_sayso']} (bare spaCy {result['exponent_bare']}); "
            f"largest: {result['rows'][-1]['chars']:,} characters, sayso "
            f"{result['rows'][-1]['sayso_s']} s, bare spaCy {result['rows'][-1]['bare_s']} s CPU",
            flush=True,
        )
    return 0 if not worst > args.max_exponent else 1


if __name__ == "__main__":
    sys.exit(main())
