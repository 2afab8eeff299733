#!/usr/bin/env bash
# Java for `sayso batch --engine spark` (PySpark 4 needs Java 17 or newer), from Debian's
# packages.
#   usage: scripts/services/java.sh
# Installs `default-jre-headless` when no `java` is found on PATH or in $JAVA_HOME, then
# prints the java binary's path on stdout. Idempotent: when Java is there, installs nothing.
set -euo pipefail
source "$(dirname "$0")/apt.sh"

log() { echo "java.sh: $*" >&2; }

find_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    echo "$JAVA_HOME/bin/java"; return 0
  fi
  command -v java
}

if ! binary=$(find_java); then
  log "installing Java from Debian's packages"
  apt_install default-jre-headless
  binary=$(find_java) || { log "no java binary after installing"; exit 1; }
fi
"$binary" -version >&2 || { log "$binary does not run"; exit 1; }
echo "$binary"
