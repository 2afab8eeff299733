from __future__ import annotations

from pathlib import Path

import pytest

STORIES = Path(__file__).parent / "fixtures" / "stories.jsonl"
CORPUS = Path(__file__).parent / "fixtures" / "corpus.jsonl"  # issue 16's story corpus


@pytest.fixture(scope="session")
def stories() -> Path:
    return STORIES
