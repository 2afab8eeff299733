#!/usr/bin/env bash
# Install sayso with its test tools in .venv (pinned, idempotent), then lint and test.
#   usage: scripts/test.sh [PYTEST ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh dev,graph,web,spark
lint_paths=(src tests)
for extra in benchmarks fuzz; do [ -d "$extra" ] && lint_paths+=("$extra"); done
.venv/bin/ruff check "${lint_paths[@]}"
.venv/bin/ruff format --check "${lint_paths[@]}"
# The package is typed (src/sayso/py.typed) and checked: [tool.mypy] in pyproject.toml.
.venv/bin/mypy
# The store tests run against a real PostgreSQL server too (installed and started here).
if [ -z "${SAYSO_TEST_PG_URL:-}" ]; then
  SAYSO_TEST_PG_URL=$(bash scripts/services/postgres.sh start)
  export SAYSO_TEST_PG_URL
fi
export SAYSO_REQUIRE_POSTGRES=1
# The browser tests drive Debian's Chromium through Playwright (installed here when missing;
# Playwright never downloads a browser). SAYSO_REQUIRE_BROWSER makes a missing one a failure.
if [ -z "${SAYSO_CHROMIUM:-}" ]; then
  SAYSO_CHROMIUM=$(bash scripts/services/chromium.sh)
  export SAYSO_CHROMIUM
fi
export SAYSO_REQUIRE_BROWSER=1
# The Spark engine's tests run PySpark on local[2]; it needs Java (installed here when
# missing). SAYSO_REQUIRE_SPARK makes a missing PySpark or Java a failure, not a skip.
bash scripts/services/java.sh >/dev/null
export SAYSO_REQUIRE_SPARK=1
# The evaluation gates and the data-driven tests read the shared corpora; CI checks out
# ../shared beside the repository. Without the folder they are skipped.
if [ -z "${SAYSO_DATA_DIR:-}" ] && [ -d ../shared/data ]; then
  SAYSO_DATA_DIR=$(cd ../shared/data && pwd)
  export SAYSO_DATA_DIR
fi
# One test process per core (SAYSO_TEST_WORKERS to choose; 0 runs them in this process), a
# file's tests together so that its module fixtures are made once: on 2 cores the run took
# 11-12 min in one process, near CI's 15 min budget.
.venv/bin/python -m pytest -n "${SAYSO_TEST_WORKERS:-auto}" --dist loadfile "$@"
