#ifndef BUILDERMOCK_CFUZZERDRIVER_H
#define BUILDERMOCK_CFUZZERDRIVER_H
#include <stddef.h>
#include <stdint.h>

// libFuzzer's own entry (compiler-rt FuzzerInterface.h, LLVM >= 12): runs the fuzzer as its `main`
// would, with `callback` as the target. SwiftPM links each executable with its own `main`, so the
// harnesses call this rather than rely on the `main` inside libclang_rt.fuzzer.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
