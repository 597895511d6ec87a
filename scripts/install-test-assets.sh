#!/usr/bin/env bash
# Fetch what the browser tests load into pages, into .cache/ (git-ignored):
#
#   bash scripts/install-test-assets.sh
#
# axe-core (the accessibility checker the browser tests inject into every page
# they check), version 4, from the npm registry with Debian's npm. Nothing is
# added to the project's package files (--no-save) and nothing is installed
# globally. Idempotent: an installed axe-core 4 is kept.
set -euo pipefail

cd "$(dirname "$0")/.."
prefix=.cache/axe
axe="$prefix/node_modules/axe-core/axe.min.js"

if [ -f "$axe" ] && grep -q '"version": "4\.' "$prefix/node_modules/axe-core/package.json"; then
  echo "install-test-assets: axe-core already in $axe"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "install-test-assets: npm is missing: run `sudo bash scripts/install-system-deps.sh` (it installs Debian's npm)" >&2
  exit 1
fi

mkdir -p "$prefix"
npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$prefix" axe-core@4
test -f "$axe"
echo "install-test-assets: axe-core $(node -p "require('./$prefix/node_modules/axe-core/package.json').version" 2>/dev/null || echo 4) in $axe"
