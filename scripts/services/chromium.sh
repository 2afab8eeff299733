#!/usr/bin/env bash
# Headless Chromium for the browser tests, from Debian's packages (no browser download).
#   usage: scripts/services/chromium.sh
# Installs the `chromium` package when no Chromium binary is found (apt-get update first,
# with sudo when not root), then prints the binary's path on stdout. Idempotent: when
# Chromium is there, it installs nothing.
set -euo pipefail
source "$(dirname "$0")/apt.sh"

log() { echo "chromium.sh: $*" >&2; }

# The binary itself rather than Debian's /usr/bin/chromium launcher script, which reads
# /etc/chromium.d and adds flags of its own.
find_chromium() {
  local candidate
  for candidate in /usr/lib/chromium/chromium /usr/lib/chromium-browser/chromium-browser; do
    if [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  for candidate in chromium chromium-browser; do
    if command -v "$candidate" >/dev/null 2>&1; then command -v "$candidate"; return 0; fi
  done
  return 1
}

if ! binary=$(find_chromium); then
  log "installing Chromium from Debian's packages"
  apt_install chromium fonts-dejavu-core
  binary=$(find_chromium) || { log "no Chromium binary after installing"; exit 1; }
fi
"$binary" --version >&2 || { log "$binary does not run"; exit 1; }
echo "$binary"
