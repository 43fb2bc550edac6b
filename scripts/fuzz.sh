#!/usr/bin/env bash
# libFuzzer runs of the HTTP parsing code (the harnesses live in the separate package fuzz/).
#
#   scripts/fuzz.sh [SECONDS] [TARGET]
#
# SECONDS (default 60) is the whole budget: shared equally by the three targets, or all of it for one
# TARGET (request-parser | chunked-decoder | gzip | all). Builds fuzz/ in release mode with
# `-Xswiftc -sanitize=fuzzer,address` (so the HTTP target is coverage-instrumented and under
# AddressSanitizer), seeds each run with the committed corpus fuzz/corpus/TARGET/, and fails on any
# crash, sanitizer report, leak, or input slower than 10 s (a hang). Crashing inputs are kept in
# $FUZZ_WORK/artifacts/ (default fuzz/.build/work/artifacts/); replay one with
#   fuzz/.build/release/fuzz-TARGET path/to/crash-file
# Environment: FUZZ_RUNS=N also stops each target after N executions (e.g. FUZZ_RUNS=10000000 for a
# long run); FUZZ_MAX_LEN=N caps the input length (libFuzzer's default: 4096); FUZZ_SCRATCH is the
# build directory (default fuzz/.build); FUZZ_WORK where new corpus entries and artifacts go (the
# committed seeds are never modified).
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET=${1:-60}
TARGET=${2:-all}
ALL=(request-parser chunked-decoder gzip)
case "$TARGET" in
  all) TARGETS=("${ALL[@]}") ;;
  request-parser|chunked-decoder|gzip) TARGETS=("$TARGET") ;;
  *) echo "unknown target '$TARGET' (request-parser, chunked-decoder, gzip, all)" >&2; exit 2 ;;
esac
[[ "$BUDGET" =~ ^[0-9]+$ ]] && (( BUDGET > 0 )) || { echo "SECONDS must be a positive integer" >&2; exit 2; }
SCRATCH=${FUZZ_SCRATCH:-fuzz/.build}
WORK=${FUZZ_WORK:-$SCRATCH/work}

echo "== building fuzz harnesses (release, -sanitize=fuzzer,address)"
mkdir -p "$SCRATCH"
swift build --package-path fuzz --scratch-path "$SCRATCH" -c release \
  -Xswiftc -sanitize=fuzzer,address >"$SCRATCH/fuzz-build.log" 2>&1 || { cat "$SCRATCH/fuzz-build.log" >&2; exit 1; }
BIN=$(swift build --package-path fuzz --scratch-path "$SCRATCH" -c release --show-bin-path)

PER=$(( BUDGET / ${#TARGETS[@]} ))
(( PER > 0 )) || PER=1
EXTRA=()
[[ -n "${FUZZ_RUNS:-}" ]] && EXTRA+=("-runs=$FUZZ_RUNS")
[[ -n "${FUZZ_MAX_LEN:-}" ]] && EXTRA+=("-max_len=$FUZZ_MAX_LEN")
mkdir -p "$WORK/artifacts"
FAILED=0
SUMMARY=()
for t in "${TARGETS[@]}"; do
  mkdir -p "$WORK/corpus/$t"
  LOG="$WORK/$t.log"
  echo "== fuzzing $t for ${PER}s${FUZZ_RUNS:+ (or $FUZZ_RUNS runs)}; log: $LOG"
  set +e
  # New interesting inputs go to the first directory (the work copy); the seeds are only read.
  # -timeout: an input taking over 10 s counts as a hang; -rss_limit_mb: a leak or blow-up fails.
  "$BIN/fuzz-$t" -max_total_time="$PER" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$WORK/artifacts/$t-" "${EXTRA[@]}" "$WORK/corpus/$t" "fuzz/corpus/$t" >"$LOG" 2>&1
  STATUS=$?
  set -e
  RUNS=$(sed -n 's/^stat::number_of_executed_units: *//p' "$LOG" | tail -1)
  RATE=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$LOG" | tail -1)
  RSS=$(sed -n 's/^stat::peak_rss_mb: *//p' "$LOG" | tail -1)
  COV=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$LOG" | tail -1 || true)
  TIME=$(grep -oE "Done [0-9]+ runs in [0-9]+ second" "$LOG" | tail -1 | grep -oE "[0-9]+ second" | grep -oE "[0-9]+" || true)
  LINE="$t: exit=$STATUS runs=${RUNS:-?} time=${TIME:-?}s exec/s=${RATE:-?} ${COV:-cov: ?} peak_rss_mb=${RSS:-?}"
  SUMMARY+=("$LINE")
  if (( STATUS != 0 )); then
    FAILED=1
    echo "!! $t failed (exit $STATUS):" >&2
    grep -E 'ERROR|fuzz invariant|Fatal error|SUMMARY|Test unit written|deadly signal|timeout' "$LOG" | head -20 >&2 || tail -30 "$LOG" >&2
  fi
done
echo "== fuzz summary"
printf '%s\n' "${SUMMARY[@]}"
exit $FAILED
