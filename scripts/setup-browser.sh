#!/usr/bin/env bash
# Installs Debian's Chromium for the browser test (tests/e2e). Idempotent: does nothing when
# /usr/bin/chromium already exists. Needs root (or sudo) and apt; downloads only from the apt mirrors.
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  echo "Chromium already installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup-browser: run as root or install sudo (apt-get install chromium needs root)." >&2
    exit 1
  fi
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-browser: apt-get not found. Install Chromium yourself and set CHROMIUM_PATH." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium
echo "Installed: $("$CHROMIUM" --version)"
