"""The figures of docs/reliability.md's "Hostile inputs" table, produced anew:

    python -m fuzz.hostile_table

Builds the hostile corpus (tests/hostile/corpus.py) in a temporary folder, reads each input
in a child process under a 600 MB memory cap (tests/hostile/read_child.py), then ingests the
whole corpus with two good articles into a SQLite store, and prints a Markdown table.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from sayso.ingest.run import ingest
from sayso.store import open_store
from tests.hostile.corpus import EXPECT, GOOD, build

CHILD = Path(__file__).parent.parent / "tests" / "hostile" / "read_child.py"


def _read_rows(corpus: Path) -> list[dict[str, object]]:
    done = subprocess.run(
        [sys.executable, str(CHILD), str(corpus), "600"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    if done.returncode != 0:  # a crash in the child is the input after the last row
        rows.append({"name": "(crash)", "errors": [done.stderr[-300:]], "articles": 0})
    return rows


def _lost(corpus: Path, folder: Path) -> tuple[int, int, str]:
    good = folder / "good"
    good.mkdir()
    texts = [GOOD, GOOD.replace("bridge", "tunnel")]
    for n, text in enumerate(texts):
        (good / f"good{n}.txt").write_text(text)
    with open_store(f"sqlite:///{folder / 'store.db'}") as store:
        report = ingest([str(corpus), str(good)], store)
        lost = sum(1 for text in texts if not store.is_known(text))
    return lost, report.failed, report.summary()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = build(folder / "corpus")
        rows = _read_rows(corpus)
        lost, failed, summary = _lost(corpus, folder)
    print("| input | expected | articles | errors (each naming the input) | seconds | result |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        name = str(row["name"])
        errors = list(row["errors"])  # type: ignore[call-overload]
        first = errors[0].split(": ", 1)[-1][:90] if errors else ""
        seconds = float(row.get("seconds", 0.0))  # type: ignore[arg-type]
        print(
            f"| {name} | {EXPECT.get(name, '?')} | {row['articles']} | {len(errors)} | "
            f"{seconds:.2f} | {first or 'read'} |"
        )
    crashes = sum(1 for row in rows if row["name"] == "(crash)")
    print(f"\n{len(rows) - crashes} inputs tried, {crashes} crashes; batch with 2 good articles:")
    print(f"{lost} good articles lost, {failed} items failed alone. {summary}")


if __name__ == "__main__":
    main()
