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
if [ "$configuration" = release ]; then
  flags+=(--static-swift-stdlib)
  # Startup time and idle memory (issue 2). A position-dependent executable has no relative
  # relocations to apply at exec (50,000 of them: 1.1 MiB of .rela.dyn read, 0.5 MiB of pages
  # copied); not exporting our symbols keeps a 0.7 MiB dynamic symbol table out of every symbol
  # lookup libc and libstdc++ make. Functions in sections of their own let the linker put the ones a
  # start runs (scripts/startup-order.txt, from scripts/startup-order.sh) side by side, so they fill
  # a few hundred pages instead of touching most of the 13 MiB of text.
  if [ "$(uname -s)" = Linux ]; then
    flags+=(-Xlinker -no-pie -Xlinker --no-export-dynamic -Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections)
    # libstdc++ (used by the Swift runtime and BoringSSL) statically as well: its shared copy cost
    # 1.9 MiB of idle RSS and its own relocations and symbol lookups at every start. The explicit
    # -lstdc++ flags of the toolchain and SwiftPM are resolved through a linker script named
    # libstdc++.so that stands for the archive, in a directory searched before GCC's.
    stdcxx_archive="$(clang -print-file-name=libstdc++.a 2>/dev/null || true)"
    if [ -f "$stdcxx_archive" ]; then
      case "$scratch" in /*) shim="$scratch/static-libstdc++" ;; *) shim="$PWD/$scratch/static-libstdc++" ;; esac
      mkdir -p "$shim"
      echo "INPUT($stdcxx_archive)" > "$shim/libstdc++.so"
      flags+=(-Xswiftc -L -Xswiftc "$shim")
    fi
    # lld (shipped with the toolchain) rather than gold: gold orders sections by name only, and the
    # continuations of async functions share each object's plain .text section, which lld moves by
    # any symbol in it. The list is symbol names; names that no longer exist are skipped.
    if [ -f scripts/startup-order.txt ]; then
      flags+=(-Xswiftc -use-ld=lld -Xlinker "--symbol-ordering-file=$PWD/scripts/startup-order.txt"
              -Xlinker --no-warn-symbol-ordering)
    fi
  fi
fi

swift build "${flags[@]}"
bin="$(swift build "${flags[@]}" --show-bin-path)"

install -d "$prefix/bin" "$prefix/share/buildermock"
install -m 0755 "$bin/buildermock" "$prefix/bin/buildermock"
rm -rf "$prefix/share/buildermock/fixtures"
cp -R fixtures "$prefix/share/buildermock/fixtures"
"$prefix/bin/buildermock" version
