"""JSON and JSON Lines, following the versioned schema in docs/schema.md."""

from __future__ import annotations

import json

from sayso.model import Analysis
from sayso.serial import record


def to_json(analysis: Analysis) -> str:
    return json.dumps(record(analysis), ensure_ascii=False, indent=2)


def to_jsonl_line(analysis: Analysis) -> str:
    return json.dumps(record(analysis), ensure_ascii=False, separators=(",", ":"))
