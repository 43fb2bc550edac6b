#!/usr/bin/env bash
# Builds buildermock and installs it as PREFIX/bin/buildermock with its default fixtures in
# PREFIX/share/buildermock/fixtures (where the binary looks for them when --fixtures is not given).
# The Dockerfile, the README and CI all install through this one script, so their steps stay identical.
#
#   scripts/install.sh [PREFIX]                       release build (static Swift runtime), PREFIX=/usr/local
#   BUILDERMOCK_CONFIGURATION=debug scripts/install.sh /tmp/bm   reuse the debug build of `swift test` (CI)
#   BUILDERMOCK_SCRATCH=.build-x                     another scratch path
set -euo pipefail

prefix="${1:-/usr/local}"
configuration="${BUILDERMOCK_CONFIGURATION:-release}"
scratch="${BUILDERMOCK_SCRATCH:-.build}"
cd "$(dirname "$0")/.."

flags=(-c "$configuration" --scratch-path "$scratch" --product buildermock)
# A release binary carries the Swift runtime, so the runtime image needs only libsqlite3 and zlib.
if [ "$configuration" = release ]; then flags+=(--static-swift-stdlib); fi

swift build "${flags[@]}"
bin="$(swift build "${flags[@]}" --show-bin-path)"

install -d "$prefix/bin" "$prefix/share/buildermock"
install -m 0755 "$bin/buildermock" "$prefix/bin/buildermock"
rm -rf "$prefix/share/buildermock/fixtures"
cp -R fixtures "$prefix/share/buildermock/fixtures"
"$prefix/bin/buildermock" version
