#!/usr/bin/env bash
# Installs the Debian 13 (trixie) packages the workshops, the tests and CI need: Jupyter and JupyterLab (Debian's
# python3), chromium for PNG export, PostgreSQL and node with s3rver for the real-server tests, playwright-core for
# the real-browser JupyterLab check (.ci/jupyterlab-browser), shellcheck, strace (the loopback-only check of every
# process the tests start).
#
# One list for two places: .ci/debian13 runs it as root inside the chroot it builds, and the dev container
# runs it (through .devcontainer/post-create.sh) on the official .NET 10 SDK image, which is Debian 13 too.
# Changing this file changes .ci/debian13's recipe, so CI's cached root is rebuilt.
#
# Usage: .ci/setup-debian.sh [PACKAGE...]   install (as root, or through sudo), plus any extra Debian packages
#        .ci/setup-debian.sh --list        print the Debian packages and the npm packages, one a line
set -euo pipefail

PACKAGES=(
  git procps libgomp1
  python3 jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel jupyterlab
  chromium fonts-dejavu-core fonts-liberation
  postgresql
  nodejs npm
  shellcheck strace
)
S3RVER="s3rver@3.7.1"
S3RVER_DIR=/opt/s3rver   # S3RVER_BIN=/opt/s3rver/node_modules/.bin/s3rver
PLAYWRIGHT="playwright-core@1.65.1"
PLAYWRIGHT_DIR=/opt/playwright   # drives Debian's /usr/bin/chromium; downloads no browser of its own

if [ "${1:-}" = "--list" ]; then
  printf '%s\n' "${PACKAGES[@]}" "$S3RVER" "$PLAYWRIGHT"
  exit 0
fi
for extra in "$@"; do
  case "$extra" in -*) echo "usage: $0 [--list | PACKAGE...]" >&2; exit 2 ;; esac
  PACKAGES+=("$extra")
done

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup-debian: run as root or install sudo" >&2; exit 1; }
  as_root=(sudo)
fi
log() { echo "[setup-debian] $*" >&2; }

log "apt-get install ${PACKAGES[*]}"
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null

log "npm install $S3RVER into $S3RVER_DIR"
"${as_root[@]}" mkdir -p "$S3RVER_DIR"
(cd "$S3RVER_DIR" && "${as_root[@]}" npm install --silent --no-audit --no-fund "$S3RVER" >/dev/null)
log "npm install $PLAYWRIGHT into $PLAYWRIGHT_DIR"
"${as_root[@]}" mkdir -p "$PLAYWRIGHT_DIR"
(cd "$PLAYWRIGHT_DIR" && "${as_root[@]}" npm install --silent --no-audit --no-fund "$PLAYWRIGHT" >/dev/null)

"${as_root[@]}" apt-get clean
log "done"
