"""Every Python block of the README runs as written (so the documentation cannot drift
from the code), each on its own, in a folder holding the ``article.txt`` the README reads:
the founding example."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOUNDING = ROOT / "src" / "sayso" / "data" / "sample" / "rt-france-troops.txt"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def python_blocks(markdown: str) -> list[str]:
    return BLOCK.findall(markdown)


BLOCKS = python_blocks((ROOT / "README.md").read_text(encoding="utf-8"))


def test_the_blocks_are_found():
    assert len(BLOCKS) >= 3
    assert python_blocks("text\n```python\nx = 1\n```\n```bash\nls\n```\n") == ["x = 1\n"]


@pytest.mark.slow
@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i + 1}" for i in range(len(BLOCKS))])
def test_readme_block_runs(code, tmp_path, monkeypatch):
    (tmp_path / "article.txt").write_text(FOUNDING.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md", "exec"), {"__name__": "__readme__"})
    if "print(" in code:
        assert printed.getvalue().strip(), "the block prints nothing"
    if "to_disk(" in code:
        assert (tmp_path / "my-pipeline" / "config.cfg").exists()
