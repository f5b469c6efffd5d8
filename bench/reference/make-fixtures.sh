#!/usr/bin/env bash
# Regenerates every fixture in bench/reference/fixtures/ with Debian's Python.
set -euo pipefail
cd "$(dirname "$0")"
for script in *.py; do
  [ "$script" = common.py ] && continue
  echo "== $script"
  /usr/bin/python3 "$script"
done
