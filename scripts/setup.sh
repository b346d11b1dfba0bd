#!/usr/bin/env bash
# Installs what the tests need beyond npm: Debian's Chromium (for the browser tests).
# Idempotent; run as root or with sudo available.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-core >/dev/null
fi
npm ci --no-audit --no-fund
