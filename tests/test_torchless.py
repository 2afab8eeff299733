"""What ``import sayso`` loads: no spaCy for the data model, the readers or the package
itself; and when spaCy is loaded, its thinc does not import torch (seconds), which stays
importable for the claim graph's embedder."""

from __future__ import annotations

import subprocess
import sys

READERS = (
    "sayso.ingest.files",
    "sayso.ingest.html",
    "sayso.ingest.warc",
    "sayso.ingest.datasets",
    "sayso.ingest.feeds",
    "sayso.ingest.items",
    "sayso.ingest.sources",
    "sayso.ingest.fetch",
    "sayso.data",
)


def run(code: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return result.stdout.split()


def test_the_model_the_readers_and_the_package_import_no_spacy():
    code = (
        f"import sys, sayso, sayso.model, {', '.join(READERS)}\n"
        "print(sorted(m for m in ('spacy', 'thinc', 'torch') if m in sys.modules) or 'none')\n"
        "text = open(sayso.data.__file__.replace('__init__.py', 'sample/rt-france-troops.txt'))\n"
        "sayso.ArticleInput(text.read())\n"
        "print('spacy' in sys.modules)\n"
    )
    assert run(code) == ["none", "False"]


def test_spacy_loads_without_torch_and_torch_still_imports():
    code = (
        "import sys, sayso, spacy, thinc.compat\n"
        "print('torch' in sys.modules, thinc.compat.has_torch)\n"
        "import torch\n"
        "print(torch.ones(2).sum().item())\n"
    )
    assert run(code) == ["False", "False", "2.0"]


def test_commands_start_without_torch():
    code = "import sys, sayso.cli, spacy\nprint('torch' in sys.modules)\n"
    assert run(code) == ["False"]


def test_torch_imported_first_is_left_to_thinc():
    code = "import torch, sayso, thinc.compat\nprint(thinc.compat.has_torch)\n"
    assert run(code) == ["True"]
