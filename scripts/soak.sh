#!/usr/bin/env bash
# Soak: a 10-minute soak keeps RSS flat (BRIEF §12).
#
#   scripts/soak.sh [DURATION]           (seconds, default 600; CI runs 60)
#
# Starts the server on the real clock at --time-scale 0.01 (a 3-minute build takes 1.9 s) with a
# fresh temporary database, then runs steady mixed load on all four APIs: each API's worker keeps 4
# jobs going, polls them to their terminal state (answering builder-agent questions), lists now and
# then, and resets its namespace every 200 jobs as a test suite would (Builder.io runs are paced to one
# per 2 s: its world keeps every project in memory by design). RSS is sampled every second.
# Fails if RSS at the end is more than 10 % above RSS at the end of warm-up (half the run, at most
# 120 s), or on any 5xx or transport error. Prints RSS start/end/max and request counts.
# Uses $BUILDERMOCK_BIN, else the debug binary (.build/debug/buildermock), building it if missing.
# SOAK_ARGS passes more options to scripts/lib/soak.py (--interval, --in-flight, --time-scale …).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-600}
[[ "$DURATION" =~ ^[0-9]+$ ]] && (( DURATION > 0 )) || { echo "DURATION must be a positive integer" >&2; exit 2; }
BIN=${BUILDERMOCK_BIN:-.build/debug/buildermock}
if [[ ! -x "$BIN" ]]; then
  echo "building $BIN" >&2
  swift build --product buildermock >&2
fi
# shellcheck disable=SC2086
exec timeout $(( DURATION + 120 )) python3 scripts/lib/soak.py --binary "$BIN" --duration "$DURATION" ${SOAK_ARGS:-}
