#!/usr/bin/env bash
# Installs what the test suite runs against: Debian's rapper (raptor2-utils) and chromium,
# and the npm package holding Neo4j's Cypher linter. Idempotent; quiet when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v rapper >/dev/null 2>&1 || need_apt+=(raptor2-utils)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
# Chinese labels in the browser tests and docs/img screenshots need a CJK font.
(fc-list :lang=zh 2>/dev/null | grep -q .) || need_apt+=(fonts-noto-cjk)
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "install-test-deps: apt-get install ${need_apt[*]}" >&2
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ -f tests/lint/package.json ] && [ ! -d tests/lint/node_modules/@neo4j-cypher/language-support ]; then
  command -v npm >/dev/null 2>&1 || { echo "install-test-deps: npm is needed for the Cypher linter" >&2; exit 1; }
  echo "install-test-deps: npm install in tests/lint" >&2
  (cd tests/lint && npm install --silent --no-audit --no-fund >/dev/null)
fi
