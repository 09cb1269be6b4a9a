#!/usr/bin/env bash
# One command to run the whole backend locally: Azurite (storage), the Amazon sandbox (a simulated SP-API with a
# 5,000-listing demo catalogue) and every function of the app in the local host (HTTP, timers, queue), then seeds
# a demo channel and a few hundred inventory items. Ctrl+C stops everything it started. Data is kept in .azurite/
# (git-ignored), so running it again continues with the same data; delete .azurite/ to start afresh.
set -euo pipefail
cd "$(dirname "$0")"

API_PORT="${API_PORT:-7071}"
SANDBOX_PORT="${SANDBOX_PORT:-5080}"
BLOB_PORT="${AZURITE_BLOB_PORT:-10000}"
QUEUE_PORT="${AZURITE_QUEUE_PORT:-10001}"
TABLE_PORT="${AZURITE_TABLE_PORT:-10002}"
LISTINGS="${DEMO_LISTINGS:-5000}"

pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "Stopping…"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

wait_for() { # url, what
  for _ in $(seq 1 120); do
    if curl -s -o /dev/null "$1"; then return 0; fi
    sleep 0.5
  done
  echo "$2 did not start; see .azurite/*.log" >&2; exit 1
}

[ -d node_modules/azurite ] || npm ci --no-audit --no-fund
echo "Building…"
dotnet build src/InventoryMapping.LocalHost -c Release -v quiet -nologo
dotnet build src/InventoryMapping.AmazonSandbox -c Release -v quiet -nologo

mkdir -p .azurite
node node_modules/azurite/dist/src/azurite.js --location .azurite/data --skipApiVersionCheck --loose --silent --disableTelemetry \
  --blobPort "$BLOB_PORT" --queuePort "$QUEUE_PORT" --tablePort "$TABLE_PORT" > .azurite/azurite.log 2>&1 &
pids+=($!)

STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$BLOB_PORT/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QUEUE_PORT/devstoreaccount1;TableEndpoint=http://127.0.0.1:$TABLE_PORT/devstoreaccount1;"
wait_for "http://127.0.0.1:$TABLE_PORT" "Azurite"

( cd src/InventoryMapping.AmazonSandbox/bin/Release/net10.0 && \
  Urls="http://127.0.0.1:$SANDBOX_PORT" Sandbox__Sellers__0__GeneratedListings="$LISTINGS" \
  exec dotnet InventoryMapping.AmazonSandbox.dll ) > .azurite/sandbox.log 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$SANDBOX_PORT/_sandbox/requests" "The Amazon sandbox"

AppStorage="$STORAGE" AzureWebJobsStorage="$STORAGE" JobsQueueName=jobs ExportRequestsContainerName=export-requests \
RequestListingReportsSchedule="0 * * * * *" CollectListingReportsSchedule="*/10 * * * * *" StockSyncSchedule="*/30 * * * * *" \
SpApi__Endpoints__NA="http://127.0.0.1:$SANDBOX_PORT" SpApi__Endpoints__EU="http://127.0.0.1:$SANDBOX_PORT" SpApi__Endpoints__FE="http://127.0.0.1:$SANDBOX_PORT" \
SpApi__TokenEndpoint="http://127.0.0.1:$SANDBOX_PORT/auth/o2/token" \
ChannelCredentials__Channels__demo__ClientId="amzn1.application-oa2-client.sandbox" ChannelCredentials__Channels__demo__ClientSecret="sandbox-client-secret" ChannelCredentials__Channels__demo__RefreshToken="Atzr|sandbox-refresh-token" \
LocalHost__Port="$API_PORT" \
  dotnet run --project src/InventoryMapping.LocalHost -c Release --no-build > .azurite/localhost.log 2>&1 &
pids+=($!)
wait_for "http://localhost:$API_PORT/api/settings" "The local host"

node scripts/seed-demo.mjs "http://localhost:$API_PORT/api" "http://127.0.0.1:$SANDBOX_PORT" 300

cat <<EOT

InventoryMapping is running.
  API            http://localhost:$API_PORT/api          (log: .azurite/localhost.log)
  Amazon sandbox http://127.0.0.1:$SANDBOX_PORT         (log: .azurite/sandbox.log)
  Azurite        blob $BLOB_PORT, queue $QUEUE_PORT, table $TABLE_PORT (data: .azurite/data)

The demo channel's listings arrive within a minute (the report timers run every 10 s). Try:
  curl -s http://localhost:$API_PORT/api/channels/demo/summary
  curl -s 'http://localhost:$API_PORT/api/channels/demo/listings?link=unlinked&pageSize=5'
  curl -s 'http://localhost:$API_PORT/api/inventory?q=000012'
  curl -s -X POST 'http://localhost:$API_PORT/api/channels/demo/link-all-by-sku?match=normalized'   # then GET the Location it returns
  curl -s -X PUT http://localhost:$API_PORT/api/channels/demo/listings/SKU-0000001~20BLUE~2FXL/link -H 'content-type: application/json' -d '{"itemSku":"SKU-0000001 BLUE/XL"}'
  curl -s -X POST http://localhost:$API_PORT/api/channels/demo/report-requests

Ctrl+C stops everything.
EOT
wait -n "${pids[@]}"
