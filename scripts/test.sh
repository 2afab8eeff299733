#!/usr/bin/env bash
# Install sayso with its test tools in .venv (pinned, idempotent), then lint and test.
#   usage: scripts/test.sh [PYTEST ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh dev
.venv/bin/ruff check src tests benchmarks
.venv/bin/python -m pytest "$@"
