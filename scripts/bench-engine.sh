#!/usr/bin/env bash
# Engine benchmark (no HTTP): creates N jobs concurrently (group commit), then one manual-clock
# advance moves every one of them a step; prints jobs/s, the advance time (wall and the process's
# CPU time, steadier on a busy machine) and read-by-id cost.
#   scripts/bench-engine.sh [N]      (default 100000; bar: the advance under 2 s)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product BuildermockBench >&2
"$(swift build -c release --show-bin-path)/BuildermockBench" "${1:-100000}"
