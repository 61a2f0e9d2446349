#!/usr/bin/env bash
# Runs the app with its embedded PostgreSQL and demo data; prints the URL and demo sign-ins.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prereqs.sh run
export Procurement__Demo="${Procurement__Demo:-true}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --project src/Procurement.Web -c Release --urls "${PROCUREMENT_URLS:-http://127.0.0.1:5080}"
