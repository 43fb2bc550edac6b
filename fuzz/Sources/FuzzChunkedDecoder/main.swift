import CFuzzerDriver
import Glibc

// libFuzzer parses the command line (corpus directories, -max_total_time, …) and calls the harness.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzChunkedDecoder(data, size) })
