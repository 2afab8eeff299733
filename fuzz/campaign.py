"""The long fuzzing campaign: the suite's properties (fuzz/targets.py) at high example
counts, for a given time, each target in turn.

    python -m fuzz.campaign --minutes 10 [--report fuzz-report.json] [--seed N]

Prints a table (target, examples, failures, seconds) and writes the failures found, each
with its shrunk input, to the report. Exits 1 when anything failed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from fuzz import targets
from fuzz.strategies import article_texts, hostile_bytes, hostile_texts

ROUND = 100  # examples per hypothesis run; runs repeat until the target's time is spent
CALLS: Counter[str] = Counter()  # inputs each target was actually called with


@dataclass(slots=True)
class Outcome:
    target: str
    examples: int = 0
    seconds: float = 0.0
    failures: list[dict[str, str]] = field(default_factory=list)


def _settings(shrink: bool) -> settings:
    # Shrinking a 200,000-character failure can take longer than the whole campaign: off
    # by default (the failing input is reported as drawn), on with --shrink.
    phases = [p for p in Phase if shrink or p is not Phase.shrink]
    return settings(
        max_examples=ROUND,
        phases=phases,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )


def _tests(nlp: Any, client: Any) -> dict[str, Callable[[], Callable[[], None]]]:
    """Each target as a maker of a fresh hypothesis test (one per round), with its strategy."""

    def cleaner(text: str) -> None:
        CALLS["cleaner"] += 1
        targets.cleaner(text)

    def extractor(text: str) -> None:
        CALLS["extractor"] += 1
        targets.extractor(nlp, text)

    def reader(data: bytes, suffix: str) -> None:
        CALLS["readers"] += 1
        targets.reader(data, suffix)

    def api(text: str) -> None:
        CALLS["api"] += 1
        targets.api(client, text)

    suffixes = st.sampled_from(targets.READER_SUFFIXES)
    return {
        "cleaner": lambda: given(hostile_texts(max_pieces=200))(cleaner),
        "extractor": lambda: given(article_texts(max_chars=200_000))(extractor),
        "readers": lambda: given(hostile_bytes(), suffixes)(reader),
        "api": lambda: given(article_texts(max_chars=20_000))(api),
    }


def run_target(
    name: str,
    make: Callable[[], Callable[[], None]],
    budget: float,
    start_seed: int,
    shrink: bool = False,
) -> Outcome:
    outcome = Outcome(name)
    started = time.monotonic()
    round_number = 0
    while time.monotonic() - started < budget:
        try:
            seed(start_seed + round_number)(_settings(shrink)(make()))()
        except Exception as error:
            outcome.failures.append(_failure(error))
        round_number += 1
    outcome.examples = CALLS[name]
    outcome.seconds = time.monotonic() - started
    return outcome


def _failure(error: BaseException) -> dict[str, str]:
    notes = "\n".join(getattr(error, "__notes__", []))
    return {
        "error": f"{type(error).__name__}: {str(error)[:500]}",
        "example": notes[:2000],
        "where": "".join(traceback.format_tb(error.__traceback__)[-2:])[:2000],
    }


@contextlib.contextmanager
def _client() -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from sayso.store import open_store
    from sayso.web import create_app

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'store.db'}"
        with open_store(url) as store, TestClient(create_app(allow_submit=True, store=store)) as c:
            yield c


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--report", default="fuzz-report.json")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--targets", default="cleaner,extractor,readers,api")
    parser.add_argument("--shrink", action="store_true", help="shrink failing inputs (slow)")
    args = parser.parse_args(argv)
    from sayso.nlp import shared_pipeline

    names = args.targets.split(",")
    budget = args.minutes * 60 / len(names)
    with _client() as client:
        tests = _tests(shared_pipeline(), client)
        outcomes = []
        for name in names:
            outcomes.append(run_target(name, tests[name], budget, args.seed, args.shrink))
            # Written after each target, so that a run stopped early keeps what it found.
            Path(args.report).write_text(json.dumps([asdict(o) for o in outcomes], indent=2))
    print(f"{'target':<10} {'examples':>9} {'failures':>9} {'seconds':>8}")
    for o in outcomes:
        print(f"{o.target:<10} {o.examples:>9} {len(o.failures):>9} {o.seconds:>8.0f}")
    return 1 if any(o.failures for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
