from __future__ import annotations

from pathlib import Path

import pytest

STORIES = Path(__file__).parent / "fixtures" / "stories.jsonl"


@pytest.fixture(scope="session")
def stories() -> Path:
    return STORIES
