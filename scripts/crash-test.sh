#!/usr/bin/env bash
# Crash test: kill -9 under load loses no acknowledged job (BRIEF §12).
#
#   scripts/crash-test.sh [KILLS]        (default 5; about 3 s of load between kills)
#
# Starts the server (manual clock, a fresh temporary database), runs job-creating load on all four
# APIs plus clock moves, SIGKILLs the server at random moments KILLS times (and once more after the
# load), restarting it each time on the same database and port. Then it advances every namespace's
# clock, answers the builder-agent questions, and checks that every job whose creation got a 2xx
# exists and reached its terminal state. Prints kills survived and jobs checked; exit 1 on any loss.
# Uses $BUILDERMOCK_BIN, else the debug binary of `swift build` (.build/debug/buildermock), building
# it if missing. CRASH_SEED=N replays the same kill timings.
set -euo pipefail
cd "$(dirname "$0")/.."
KILLS=${1:-5}
BIN=${BUILDERMOCK_BIN:-.build/debug/buildermock}
if [[ ! -x "$BIN" ]]; then
  echo "building $BIN" >&2
  swift build --product buildermock >&2
fi
exec timeout 300 python3 scripts/lib/crash_test.py --binary "$BIN" --kills "$KILLS" ${CRASH_SEED:+--seed "$CRASH_SEED"}
