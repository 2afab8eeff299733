from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    from sayso.nlp import shared_pipeline

    return shared_pipeline()


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES
