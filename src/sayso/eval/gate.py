"""The accuracy quality gate: a recorded baseline of the dev-split figures, and a check
that fails when a change lowers any of them by more than half a point."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

TOLERANCE = 0.5  # percentage points


def default_baseline_path() -> Path:
    return Path(str(resources.files("sayso.eval") / "baselines" / "polnear-dev.json"))


def headline_figures(figures: dict[str, Any]) -> dict[str, float]:
    """Every figure of the table, flattened: "content.overlap.f1", "full.p", ..."""
    flat: dict[str, float] = {}
    for level, prf in figures["content"].items():
        for measure, value in prf.items():
            flat[f"content.{level}.{measure}"] = value
    for measure, value in figures["full"].items():
        flat[f"full.{measure}"] = value
    for name in ("source_accuracy", "cue_accuracy", "speech_cue_recall"):
        flat[name] = figures[name]
    return {name: round(value, 2) for name, value in flat.items()}


def baseline_record(figures: dict[str, Any]) -> dict[str, Any]:
    return {
        "corpus": figures["corpus"],
        "split": figures["split"],
        "system": figures["system"],
        "articles": figures["articles"],
        "figures": headline_figures(figures),
        "counts": figures["counts"],
    }


def write_baseline(figures: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(baseline_record(figures), indent=2) + "\n", encoding="utf-8")


def read_baseline(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def regressions(
    figures: dict[str, Any], baseline: dict[str, Any], tolerance: float = TOLERANCE
) -> list[str]:
    """One line per figure that fell by more than ``tolerance`` points below the baseline."""
    if figures["split"] != baseline["split"] or figures["articles"] != baseline["articles"]:
        return [
            f"baseline is for {baseline['articles']} {baseline['split']} articles, "
            f"this run scored {figures['articles']} {figures['split']} articles"
        ]
    now = headline_figures(figures)
    lines = []
    for name, before in baseline["figures"].items():
        after = now.get(name)
        if after is None or after < before - tolerance:
            lines.append(f"{name}: {before:.2f} -> {after if after is None else f'{after:.2f}'}")
    return lines


# -- the gates of the other evaluations ------------------------------------------------------
# speakers-dev, gap-validation, gum-test: a record of the figures the gate holds ("figures",
# flat names -> percentages), what they were measured on ("size": the counts a rerun must
# match), and further figures kept for reference only ("reference").


def named_baseline_path(name: str) -> Path:
    """``src/sayso/eval/baselines/<name>.json``."""
    return Path(str(resources.files("sayso.eval") / "baselines" / f"{name}.json"))


def gate_record(
    corpus: str,
    split: str,
    size: dict[str, int],
    figures: dict[str, float],
    reference: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "corpus": corpus,
        "split": split,
        "system": "sayso",
        "size": dict(size),
        "figures": {name: round(value, 2) for name, value in figures.items()},
        "reference": reference or {},
    }


def write_record(record: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def record_regressions(
    record: dict[str, Any], baseline: dict[str, Any], tolerance: float = TOLERANCE
) -> list[str]:
    """One line per held figure of ``record`` that fell more than ``tolerance`` points below
    ``baseline`` (or is missing); one line if the two were not measured on the same data."""
    if record["size"] != baseline["size"] or record["split"] != baseline["split"]:
        return [
            f"baseline is for {baseline['split']} {baseline['size']}, "
            f"this run scored {record['split']} {record['size']}"
        ]
    lines = []
    for name, before in baseline["figures"].items():
        after = record["figures"].get(name)
        if after is None or after < before - tolerance:
            lines.append(f"{name}: {before:.2f} -> {after if after is None else f'{after:.2f}'}")
    return lines
