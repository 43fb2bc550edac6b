#!/usr/bin/env bash
# Route ratios in one run (release binary, wrk on 127.0.0.1, keep-alive, interleaved rounds):
#   - GET /api/v1/builder-agents/{uuid} against /__admin/health on the same server (issue 4's bar: ≥ 0.8×);
#   - GET /api/v1/builds/{id} with the request journal on (default) against a second server started
#     with --journal-limit 0 (issue 8's bar: the journal costs < 10 %).
#
#   scripts/bench-routes.sh [--rounds N] [--duration 10s] [--conns 64]
#
# Besides req/s it reports the server's CPU time per request (utime+stime from /proc, divided by the
# requests wrk completed): on a shared, noisy machine that is steadier than throughput, and it says
# what a route costs the server rather than what the whole machine managed.
#
# Both servers run at --log-level warning on fresh databases in a temporary folder; every wrk run is
# bounded by --duration and everything started is stopped on exit. Scenario order rotates per round.
# Uses $BUILDERMOCK_BIN, else the release binary, building it if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=3 DURATION=10s CONNS=64
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --conns) CONNS=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install -y wrk)" >&2; exit 2; }
BIN=${BUILDERMOCK_BIN:-.build/release/buildermock}
if [[ ! -x "$BIN" ]]; then
  echo "building $BIN" >&2
  swift build -c release --product buildermock >&2
fi
JOURNAL_PORT=${JOURNAL_PORT:-18290} PLAIN_PORT=${PLAIN_PORT:-18291}
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
"$BIN" serve --host 127.0.0.1 --port "$JOURNAL_PORT" --db "$WORK/journal.sqlite" --log-level warning \
  >"$WORK/journal.log" 2>&1 & PIDS+=($!)
"$BIN" serve --host 127.0.0.1 --port "$PLAIN_PORT" --db "$WORK/plain.sqlite" --log-level warning --journal-limit 0 \
  >"$WORK/plain.log" 2>&1 & PIDS+=($!)
H='Authorization: Bearer bench-token'
for port in $JOURNAL_PORT $PLAIN_PORT; do
  for _ in $(seq 1 200); do curl -fs "http://127.0.0.1:$port/__admin/health" >/dev/null 2>&1 && break; sleep 0.05; done
done
id_of() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("id") or d["data"]["uuid"])'; }
BUILD_BODY='{"url":"https://example.com","appName":"Demo","bundleId":"com.example.bench","version":"1.0.0","platform":"android"}'
BUILD_J=$(curl -fs -H "$H" -H 'Content-Type: application/json' "http://127.0.0.1:$JOURNAL_PORT/api/v1/builds" -d "$BUILD_BODY" | id_of)
BUILD_P=$(curl -fs -H "$H" -H 'Content-Type: application/json' "http://127.0.0.1:$PLAIN_PORT/api/v1/builds" -d "$BUILD_BODY" | id_of)
AGENT=$(curl -fs -H "$H" -H 'Content-Type: application/json' "http://127.0.0.1:$JOURNAL_PORT/api/v1/builder-agents" \
  -d '{"prompt":"Watch my Zoho CRM leads every 5 minutes"}' | id_of)
declare -A URL=(
  [health]="http://127.0.0.1:$JOURNAL_PORT/__admin/health"
  [agent]="http://127.0.0.1:$JOURNAL_PORT/api/v1/builder-agents/$AGENT"
  [build-journal]="http://127.0.0.1:$JOURNAL_PORT/api/v1/builds/$BUILD_J"
  [build-no-journal]="http://127.0.0.1:$PLAIN_PORT/api/v1/builds/$BUILD_P"
)
NAMES=(health agent build-journal build-no-journal)
for name in "${NAMES[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "$H" "${URL[$name]}")
  [[ $code == 200 ]] || { echo "$name: ${URL[$name]} answered $code" >&2; exit 1; }
  timeout 30 wrk -t1 -c8 -d2s -H "$H" "${URL[$name]}" >/dev/null 2>&1 || true
done
for r in $(seq 1 "$ROUNDS"); do
  for i in "${!NAMES[@]}"; do
    name=${NAMES[$(( (i + r - 1) % ${#NAMES[@]} ))]}
    pid=${PIDS[0]}; [[ $name == build-no-journal ]] && pid=${PIDS[1]}
    before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    timeout 120 wrk -t2 -c"$CONNS" -d"$DURATION" --latency --timeout 2s -H "$H" "${URL[$name]}" \
      > "$WORK/wrk-$name-$r.txt" 2>&1 || true
    echo $(( $(awk '{print $14 + $15}' "/proc/$pid/stat") - before )) > "$WORK/ticks-$name-$r.txt"
    echo "round $r $name done" >&2
  done
done
journaled=$(curl -fs -H "$H" "http://127.0.0.1:$JOURNAL_PORT/__admin/requests?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "journal of the bench namespace after the run: $journaled entries (bounded by --journal-limit)" >&2

python3 - "$WORK" "$ROUNDS" "$(getconf CLK_TCK)" <<'PY'
import sys, statistics, pathlib, re
sys.path.insert(0, "scripts/lib")
from wrk_results import parse
work, rounds = pathlib.Path(sys.argv[1]), int(sys.argv[2])
names = ["health", "agent", "build-journal", "build-no-journal"]
res = {n: [parse(work / f"wrk-{n}-{r}.txt") for r in range(1, rounds + 1)] for n in names}
tick_us = 1e6 / int(sys.argv[3])
def completed(path):
    m = re.search(r"(\d+) requests in", path.read_text())
    return int(m.group(1)) if m else 0
cpu = {n: [int((work / f"ticks-{n}-{r}.txt").read_text()) * tick_us / max(1, completed(work / f"wrk-{n}-{r}.txt"))
           for r in range(1, rounds + 1)] for n in names}
print("| route | req/s median (min–max) | p50 ms | p99 ms | errors | server CPU µs/req median (min–max) |")
print("|---|---|---|---|---|---|")
for n in names:
    rps = [x[0] for x in res[n]]
    print(f"| {n} | {statistics.median(rps):,.0f} ({min(rps):,.0f}–{max(rps):,.0f}) | "
          f"{statistics.median(x[1] for x in res[n]):.2f} | {statistics.median(x[2] for x in res[n]):.2f} | "
          f"{sum(x[3] for x in res[n])} | {statistics.median(cpu[n]):.1f} ({min(cpu[n]):.1f}–{max(cpu[n]):.1f}) |")
def ratio(a, b):
    rs = [x[0] / y[0] for x, y in zip(res[a], res[b]) if y[0]]
    return statistics.median(rs), min(rs), max(rs)
m, lo, hi = ratio("agent", "health")
print(f"\nGET builder-agent ÷ health, per round: median {m:.2f} ({lo:.2f}–{hi:.2f})  (issue 4 bar: ≥ 0.8)")
m, lo, hi = ratio("build-journal", "build-no-journal")
print(f"GET build with journal ÷ without, per round: median {m:.2f} ({lo:.2f}–{hi:.2f}); "
      f"journal cost {100 * (1 - m):.1f} %  (issue 8 bar: < 10 %)")
j, p = statistics.median(cpu["build-journal"]), statistics.median(cpu["build-no-journal"])
print(f"Server CPU per GET build: {j:.1f} µs with the journal, {p:.1f} µs without: the journal costs "
      f"{j - p:.1f} µs, {100 * (j - p) / j:.0f} % of a journaled request's CPU")
PY
