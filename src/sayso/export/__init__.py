"""Exporters: every output format reads the same :mod:`sayso.model`."""

from sayso.export.json import to_json, to_jsonl_line
from sayso.export.markdown import to_markdown
from sayso.export.table import render_table, speaker_label

FORMATS = ("table", "json", "jsonl", "md")

__all__ = ["FORMATS", "render_table", "speaker_label", "to_json", "to_jsonl_line", "to_markdown"]
