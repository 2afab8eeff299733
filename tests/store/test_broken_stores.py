"""Broken stores (issue 21): a damaged or read-only store gives every command one line
naming the store and what to do (never a traceback with SQL, never "free space" for a
store that cannot be written), and a read-only store can still be queried and served."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sayso.store import open_store
from store.helpers import LONG_STORY, make_analysis

CLAIMS = [
    ("Emmanuel Macron", "said", "France would send troops to Ukraine next spring"),
    ("Olaf Weber", "said", "the harbour in Hamburg will close for repairs in June"),
]


def _store(path: Path, n: int = 30) -> str:
    url = f"sqlite:///{path}"
    with open_store(url) as store:
        for i in range(n):
            store.add(make_analysis(CLAIMS, filler=f"{LONG_STORY} Part {i}.", title=f"T{i}"))
    return url


def _sayso(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sayso.cli", *args], capture_output=True, text=True, timeout=300
    )


def _one_clear_line(result: subprocess.CompletedProcess, *words: str) -> str:
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and "SELECT" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_a_damaged_store_gives_every_command_one_clear_line(tmp_path):
    path = tmp_path / "store.db"
    url = _store(path)
    with path.open("r+b") as handle:  # keep the header page, wreck the rest
        size = path.stat().st_size
        handle.seek(8192)
        handle.write(os.urandom(size - 8192))
    for command in (["claims"], ["sources"], ["article", "abc"], ["ingest", str(path)]):
        line = _one_clear_line(_sayso(*command, "--db", url), str(path), "damaged")
        assert "free space" not in line


def _read_only_copy(tmp_path: Path, url_path: Path) -> Path:
    """The store's folder mounted read-only (a CD, a read-only share); skips without the
    right to mount."""
    mount = tmp_path / f"ro-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    bind = subprocess.run(
        ["mount", "--bind", str(url_path.parent), str(mount)], capture_output=True
    )
    if bind.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {bind.stderr.decode().strip()}")
    subprocess.run(["mount", "-o", "remount,ro,bind", str(mount)], check=True)
    return mount


@pytest.fixture
def read_only_store(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    _store(folder / "store.db", n=3)
    mount = _read_only_copy(tmp_path, folder / "store.db")
    yield mount / "store.db"
    subprocess.run(["umount", str(mount)], check=False)


def test_a_read_only_store_is_queried_and_writes_say_it_is_read_only(read_only_store, tmp_path):
    url = f"sqlite:///{read_only_store}"
    claims = _sayso("claims", "--db", url, "--format", "json")
    assert claims.returncode == 0, claims.stderr
    assert "Macron" in claims.stdout
    page = tmp_path / "page.txt"
    page.write_text("The mayor said the bridge would reopen in May.", encoding="utf-8")
    line = _one_clear_line(_sayso("ingest", str(page), "--db", url, "--no-progress"), "written")
    assert "free space" not in line


def test_sayso_serve_serves_a_read_only_store(read_only_store):
    from sayso.web import create_app

    app = create_app(f"sqlite:///{read_only_store}")
    with TestClient(app) as client:
        assert client.get("/").status_code == 200
        assert client.get("/api/claims", params={"speaker": "Macron"}).json()["total"] >= 1
    app.state.sayso.store.close()
