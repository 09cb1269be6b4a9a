#!/usr/bin/env bash
# The test command: builds the solution and runs every test project against a real Azurite that the tests start.
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules/azurite ] || npm ci --no-audit --no-fund
dotnet build InventoryMapping.sln -c Release
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test InventoryMapping.sln -c Release --no-build --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
count() { grep -E "^\s+$1: [0-9]+$" "$log" | awk '{ s += $2 } END { print s + 0 }'; }
echo "$(count Passed) passed, $(count Failed) failed, $(count Skipped) skipped"
exit "$status"
