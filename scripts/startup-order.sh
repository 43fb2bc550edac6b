#!/usr/bin/env bash
# Regenerates scripts/startup-order.txt, the function order scripts/install.sh links the release
# binary with (issue 2: idle RSS), from one start of that binary under valgrind (Debian package
# `valgrind`). Run it after scripts/install.sh, then run scripts/install.sh again to relink.
#
#   scripts/startup-order.sh [BINARY]       default: /usr/local/bin/buildermock
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-/usr/local/bin/buildermock}
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install -y valgrind)" >&2; exit 2; }
[[ -x "$BIN" ]] || { echo "no binary at $BIN; run scripts/install.sh first" >&2; exit 2; }
exec timeout 300 python3 scripts/lib/startup_order.py --binary "$BIN" --output scripts/startup-order.txt
