#!/usr/bin/env bash
# The dashboard in a real headless browser: starts the debug binary (manual clock, --db :memory:) and
# Debian's chromium, loads /__admin/ui, creates a build over the API, presses the page's Advance
# button and asserts the row goes queued → building → success; screenshot in test-output/.
# Needs: apt chromium, pip websocket-client, a built binary (`swift build`). Bounded: 120 s.
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${BUILDERMOCK_BIN:-.build/debug/buildermock}"
out="${TEST_OUTPUT:-test-output}"
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [[ ! -x "$binary" ]]; then
  echo "no binary at $binary: run 'swift build' first (or set BUILDERMOCK_BIN)" >&2
  exit 2
fi
if [[ -z "$chromium" ]]; then
  echo "chromium not found: apt-get install chromium (or set CHROMIUM)" >&2
  exit 2
fi
mkdir -p "$out"
timeout 120 python3 scripts/browser_test.py --binary "$binary" --chromium "$chromium" --out "$out"
