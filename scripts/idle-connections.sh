#!/usr/bin/env bash
# Idle connections (issue 2): N keep-alive connections held open at once (default 10,000), while
# /__admin/health on a new connection must answer in under 10 ms (median); prints RSS and threads.
#
#   scripts/idle-connections.sh [N]
#
# Each connection answers one request first, so all N are established keep-alive connections the
# server is holding, not a backlog. A sample (every 100th) must still answer a second request at the
# end. Bounded: opening has 90 s, everything is closed and the server stopped (SIGTERM) before exit.
# Uses $BUILDERMOCK_BIN, else the release binary, building it if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
[[ "$N" =~ ^[0-9]+$ ]] && (( N > 0 )) || { echo "N must be a positive integer" >&2; exit 2; }
BIN=${BUILDERMOCK_BIN:-.build/release/buildermock}
if [[ ! -x "$BIN" ]]; then
  echo "building $BIN" >&2
  swift build -c release --product buildermock >&2
fi
exec timeout 180 python3 scripts/lib/idle_connections.py --binary "$BIN" --connections "$N"
