#!/usr/bin/env bash
# Installs what the tests need beyond npm: Debian's Chromium (for the browser tests), and
# Java 17 + Maven with the local Neo4j server's artifacts from Maven Central.
# Idempotent; run as root or with sudo available.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-core >/dev/null
fi
if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openjdk-17-jdk-headless maven >/dev/null
fi
npm ci --no-audit --no-fund
# `npm ci` compiles the command line through `prepare`; again here in case scripts were skipped.
npm run build:cli
# The local Neo4j 5.26 (scripts/neo4j/): Maven downloads it from Central on a clean machine.
npm run neo4j:build
