#!/usr/bin/env bash
# The test command: builds the solution and runs every test project against a real Azurite that the tests start.
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules/azurite ] || npm ci --no-audit --no-fund
dotnet build InventoryMapping.sln -c Release
dotnet test InventoryMapping.sln -c Release --no-build --logger "console;verbosity=normal" "$@"
