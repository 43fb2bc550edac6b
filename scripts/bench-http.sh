#!/usr/bin/env bash
# Quick, project-owned HTTP benchmark: buildermock vs nginx on 127.0.0.1, interleaved rounds.
#
#   scripts/bench-http.sh [--rounds N] [--duration 10s] [--conns 64] [--path /__admin/health]
#
# Builds the release binary, starts it and an nginx returning the same JSON body on other loopback
# ports, then runs wrk against each (keep-alive, and `Connection: close`), alternating servers every
# round. Prints a table of medians (req/s, p50, p99) and the ratio buildermock/nginx. Every wrk run
# is bounded by --duration; everything started is stopped on exit. For the full side-by-side with
# Hummingbird, Vapor, FlyingFox and moto use ../shared/bench/run.sh (see README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=3 DURATION=10s CONNS=64 BPATH=/__admin/health
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --conns) CONNS=$2; shift 2 ;;
    --path) BPATH=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in wrk nginx curl python3; do
  command -v "$tool" >/dev/null || { echo "installing wrk and nginx (Debian packages)" >&2; apt-get install -y -qq wrk nginx curl >/dev/null; break; }
done

BM_PORT=${BM_PORT:-18280}; NG_PORT=${NG_PORT:-18281}
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

swift build -c release --product buildermock >&2
BIN=$(swift build -c release --show-bin-path)/buildermock

# nginx answers with the same body our health route sends, so both write comparable bytes.
mkdir -p "$WORK/nginx"
cat > "$WORK/nginx/nginx.conf" <<CONF
daemon off; master_process on; worker_processes $(nproc);
pid $WORK/nginx/nginx.pid; error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off; server_tokens off; keepalive_requests 1000000; keepalive_timeout 65s;
  client_body_temp_path $WORK/nginx/cb; proxy_temp_path $WORK/nginx/p; fastcgi_temp_path $WORK/nginx/f;
  uwsgi_temp_path $WORK/nginx/u; scgi_temp_path $WORK/nginx/s; default_type application/json;
  server { listen 127.0.0.1:$NG_PORT; location / { return 200 '{"status":"ok","version":"0.1.0","uptime_s":1.000}'; } }
}
CONF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" & PIDS+=($!)
# BM_ARGS adds serve options, e.g. BM_ARGS="--journal-limit 0" to bench without the journal.
# shellcheck disable=SC2086
"$BIN" serve --host 127.0.0.1 --port "$BM_PORT" --db "$WORK/bench.sqlite" --log-level warning ${BM_ARGS:-} >"$WORK/server.log" 2>&1 & PIDS+=($!)
for port in $BM_PORT $NG_PORT; do
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port$BPATH" >/dev/null 2>&1 && break; sleep 0.05; done
done

run() { # name port mode round
  local hdr=(-H 'Authorization: Bearer bench-token')
  [[ $3 == close ]] && hdr+=(-H 'Connection: close')
  timeout 120 wrk -t2 -c"$CONNS" -d"$DURATION" --latency --timeout 2s "${hdr[@]}" "http://127.0.0.1:$2$BPATH" \
    > "$WORK/wrk-$1-$3-$4.txt" 2>&1 || true
}
for r in $(seq 1 "$ROUNDS"); do
  if (( r % 2 )); then order=("buildermock $BM_PORT" "nginx $NG_PORT"); else order=("nginx $NG_PORT" "buildermock $BM_PORT"); fi
  for mode in keepalive close; do
    for entry in "${order[@]}"; do
      set -- $entry
      timeout 30 wrk -t1 -c8 -d1s "http://127.0.0.1:$2$BPATH" >/dev/null 2>&1 || true
      run "$1" "$2" "$mode" "$r"
      echo "round $r $mode $1 done" >&2
    done
  done
done

python3 - "$WORK" "$ROUNDS" <<'PY'
import sys, statistics, pathlib
sys.path.insert(0, "scripts/lib")
from wrk_results import parse
work, rounds = pathlib.Path(sys.argv[1]), int(sys.argv[2])
print("| mode | server | req/s (median) | p50 ms | p99 ms | errors | buildermock/nginx |")
print("|---|---|---|---|---|---|---|")
for mode in ("keepalive", "close"):
    res = {s: [parse(work / f"wrk-{s}-{mode}-{r}.txt") for r in range(1, rounds + 1)] for s in ("buildermock", "nginx")}
    ratios = [b[0] / n[0] for b, n in zip(res["buildermock"], res["nginx"]) if n[0]]
    for s in ("buildermock", "nginx"):
        rows = res[s]
        med = lambda i: statistics.median(x[i] for x in rows)
        ratio = f"{statistics.median(ratios):.2f}" if s == "buildermock" and ratios else ""
        print(f"| {mode} | {s} | {med(0):,.0f} | {med(1):.2f} | {med(2):.2f} | {sum(x[3] for x in rows)} | {ratio} |")
PY
