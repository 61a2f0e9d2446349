#!/usr/bin/env bash
# Fault drill: the app on its embedded PostgreSQL behind a loopback port (127.0.0.1 only), committee writers and Q&A
# writers posting through the real forms, the postmaster killed with SIGKILL mid-run, the app left to heal itself.
# Prints writes acknowledged, found in the event store, lost (must be 0), duplicated (must be 0), seconds to healthy.
#   scripts/fault.sh [writers per kind, default 4, at most 16] [seconds before the kill and after recovery, default 10, at most 120]
# Bounded: at most 2,000 writes per writer, 90 s to become healthy, 10 minutes in all. Run as root (like the tests:
# the server runs as 'postgres'). The short variant is FaultDrillTests in the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
writers="${1:-4}"
seconds="${2:-10}"
if ! [[ "$writers" =~ ^[0-9]+$ && "$seconds" =~ ^[0-9]+$ ]] || [ "$writers" -lt 1 ] || [ "$seconds" -lt 1 ]; then
  echo "usage: scripts/fault.sh [writers per kind] [seconds]" >&2
  exit 2
fi
report=$(mktemp)
log=$(mktemp)
trap 'rm -f "$report" "$log"' EXIT
dotnet build tests/Procurement.Tests -c Release -nologo -clp:ErrorsOnly >/dev/null
status=0
PROCUREMENT_FAULT_WRITERS="$writers" PROCUREMENT_FAULT_SECONDS="$seconds" PROCUREMENT_FAULT_REPORT="$report" \
  timeout 600 dotnet test tests/Procurement.Tests -c Release --no-build --filter "FullyQualifiedName~FaultDrillTests" >"$log" 2>&1 || status=$?
if [ -s "$report" ]; then cat "$report"; fi
if [ "$status" -eq 0 ]; then
  echo "PASS: nothing lost, nothing doubled, healthy again without help"
else
  grep -E "Error Message|Assert|Exception" -A3 "$log" | head -30 >&2 || tail -30 "$log" >&2
  echo "FAIL (exit $status)" >&2
fi
exit "$status"
