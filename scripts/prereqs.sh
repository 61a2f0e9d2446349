#!/usr/bin/env bash
# Installs the Debian packages the app or the tests need, only when they are missing.
# usage: scripts/prereqs.sh run|test
set -euo pipefail
mode="${1:-run}"

need=()
have_pg() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
have_pg || need+=(postgresql)
command -v dot >/dev/null 2>&1 || need+=(graphviz)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
if [ "$mode" = "test" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
  command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fi

[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing packages: ${need[*]}. Install them as root: apt-get install -y --no-install-recommends ${need[*]}" >&2
  # PostgreSQL is the only hard requirement (unless a connection string is configured).
  have_pg || [ -n "${ConnectionStrings__Procurement:-}" ] || exit 1
  exit 0
fi

echo "Installing: ${need[*]} (first run only)..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# The Debian package may start its own cluster; this app runs its own, so leave the default one stopped.
if command -v pg_lsclusters >/dev/null 2>&1; then
  pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | while read -r v c; do pg_ctlcluster "$v" "$c" stop >/dev/null 2>&1 || true; done
fi
echo "Installed." >&2
