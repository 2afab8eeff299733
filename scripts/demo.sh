#!/usr/bin/env bash
# Set sayso up in .venv (pinned, idempotent) and run its main job on the bundled sample.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/sayso demo "$@"
