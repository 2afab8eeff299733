#!/usr/bin/env bash
# The light core: `pip install .` (no extras) into a clean virtual environment, pinned by
# constraints.txt, then `sayso analyze` on the founding example with no torch, faiss,
# sentence-transformers, web stack or Spark installed. Prints the analysis (JSON) on stdout.
# pip's cache is reused: after the first run nothing is downloaded (about a minute).
#   usage: .ci/core.sh VENV_DIR   (tests/test_core_install.py runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
venv="$1"
python=$(command -v python3.11 || command -v python3)
"$python" -m venv "$venv"
log="$venv/pip.log"
pip_install() {
  if ! "$venv/bin/python" -m pip install --disable-pip-version-check -q "$@" >"$log" 2>&1; then
    grep -v "^WARNING: Location" "$log" >&2 || true
    echo "pip install $* failed" >&2
    exit 1
  fi
}
pip_install "pip==26.3"
pip_install -c constraints.txt .
"$venv/bin/python" - <<'PY'
from importlib.util import find_spec
extra = [m for m in ("torch", "sentence_transformers", "faiss", "fastapi", "uvicorn", "pyspark")
         if find_spec(m) is not None]
if extra:
    raise SystemExit(f"the core installed {', '.join(extra)}")
from importlib.resources import files
if not files("sayso").joinpath("py.typed").is_file():
    raise SystemExit("the installed sayso has no py.typed: type checkers would not read it")
PY
"$venv/bin/sayso" analyze src/sayso/data/sample/rt-france-troops.txt --published 2024-03-21 \
  --format json
