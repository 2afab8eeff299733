"""``pip install sayso`` without extras: the analysis, ingest and the store work with no
torch, faiss, sentence-transformers or web stack installed (.ci/core.sh builds that venv),
and the commands that need an extra say which."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOUNDING = ROOT / "src" / "sayso" / "data" / "sample" / "rt-france-troops.txt"
ARGS = ["analyze", str(FOUNDING.relative_to(ROOT)), "--published", "2024-03-21"]


@pytest.fixture(scope="module")
def core(tmp_path_factory) -> tuple[Path, str]:
    venv = tmp_path_factory.mktemp("core") / "venv"
    result = subprocess.run(
        ["bash", str(ROOT / ".ci" / "core.sh"), str(venv)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return venv, result.stdout


@pytest.mark.slow
def test_the_core_analyses_the_founding_example_as_the_full_install_does(core):
    _, output = core
    sayso = Path(sys.executable).parent / "sayso"
    full = subprocess.run(
        [str(sayso), *ARGS, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        cwd=ROOT,
    )
    assert json.loads(output) == json.loads(full.stdout)
    assert any(a["source"] and a["source"]["entity"] == "Aleksey Goncharenko" for a in (
        json.loads(output)["attributions"]
    ))  # fmt: skip


@pytest.mark.slow
def test_the_core_ingests_and_says_what_linking_needs(core, tmp_path):
    venv, _ = core
    sayso = str(venv / "bin" / "sayso")
    db = f"sqlite:///{tmp_path / 'core.db'}"
    ingest = subprocess.run(
        [sayso, "ingest", str(FOUNDING), "--db", db],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ingest.returncode == 0, ingest.stderr
    assert "1 ingested" in ingest.stderr or "ingested 1" in ingest.stderr, ingest.stderr
    assert "claims not linked across articles" in ingest.stderr
    assert "sayso[graph]" in ingest.stderr
    claims = subprocess.run(
        [sayso, "claims", "--speaker", "goncharenko", "--db", db, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert claims.returncode == 0 and "Goncharenko" in claims.stdout, claims.stderr
    link = subprocess.run([sayso, "link", "--db", db], capture_output=True, text=True, timeout=300)
    assert link.returncode != 0 and "sayso[graph]" in link.stderr
    serve = subprocess.run(
        [sayso, "serve", "--db", db], capture_output=True, text=True, timeout=300
    )
    assert serve.returncode == 2 and "sayso[web]" in serve.stderr
