#!/usr/bin/env bash
# Shared by the service scripts: install Debian packages (apt-get update first, with sudo
# when not root), quietly, reporting on stderr.
#   usage: source scripts/services/apt.sh; apt_install PACKAGE...

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "$@" >&2
}
