#!/usr/bin/env bash
# Startup (issue 2): time from exec to the first 200 on /__admin/health, and idle RSS, median of N
# starts on fresh databases.
#
#   scripts/startup.sh [N]        (default 10)
#
# Uses $BUILDERMOCK_BIN, else the release binary, building it if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10}
[[ "$N" =~ ^[0-9]+$ ]] && (( N > 0 )) || { echo "N must be a positive integer" >&2; exit 2; }
BIN=${BUILDERMOCK_BIN:-.build/release/buildermock}
if [[ ! -x "$BIN" ]]; then
  echo "building $BIN" >&2
  swift build -c release --product buildermock >&2
fi
exec timeout 300 python3 scripts/lib/startup.py --binary "$BIN" --starts "$N"
