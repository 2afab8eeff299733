#!/usr/bin/env bash
# Set sayso up in .venv (pinned, idempotent) and run its main job on the bundled sample.
# The demo links the sample's claims across articles (the claim graph: sayso[graph]) and
# leaves a store that `sayso trace` and `sayso serve` (sayso[web]) read: both extras.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh graph,web
exec .venv/bin/sayso demo "$@"
