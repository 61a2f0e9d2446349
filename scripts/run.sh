#!/usr/bin/env bash
# Runs the app with its embedded PostgreSQL and demo data; prints the URL and demo sign-ins.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prereqs.sh run
export Procurement__Demo="${Procurement__Demo:-true}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# On this one machine the key ring sits unencrypted in the app's own embedded database; the warning ASP.NET
# prints about that matters for a shared or managed database (README: Procurement:DataProtection), not here.
echo "Building the app (the first build takes about a minute)..."
dotnet build src/Procurement.Web -c Release -nologo -v q -clp:ErrorsOnly
echo "Starting the app and its embedded PostgreSQL..."
exec dotnet run --project src/Procurement.Web -c Release --no-build --urls "${PROCUREMENT_URLS:-http://127.0.0.1:5080}" \
  --Logging:LogLevel:Microsoft.AspNetCore.DataProtection=Error
