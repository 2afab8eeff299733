"""spaCy's thinc would import torch at every start (seconds); sayso keeps it from doing so,
and torch stays importable for the claim graph's embedder."""

from __future__ import annotations

import subprocess
import sys


def test_commands_start_without_torch_and_torch_still_imports():
    code = (
        "import sys, sayso.cli, thinc.compat\n"
        "print('torch' in sys.modules, thinc.compat.has_torch)\n"
        "import torch\n"
        "print(torch.ones(2).sum().item())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.split() == ["False", "False", "2.0"]
