#!/usr/bin/env bash
# Installs what the browser test (tests/e2e, `npm run test:e2e`) needs: Debian's Chromium and an emoji
# font (cards use ⏳ ✅ 🚫; without it screenshots show empty boxes). Idempotent: installs nothing when
# /usr/bin/chromium (or CHROMIUM_PATH) and the Noto Color Emoji font are already present; runs
# `apt-get update` at most once. Needs root (or sudo) and apt; downloads only from the apt mirrors.
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
packages=()
[ -x "$CHROMIUM" ] || packages+=(chromium)
[ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || packages+=(fonts-noto-color-emoji)

if [ "${#packages[@]}" -eq 0 ]; then
  echo "Browser already set up: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup-browser: run as root or install sudo (apt-get install needs root)." >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-browser: apt-get not found. Install Chromium yourself and set CHROMIUM_PATH." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "Installing: ${packages[*]}"
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends "${packages[@]}"
echo "Installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
