#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes to stderr (file descriptor 2), for log lines and messages that must not sit in
/// a buffer when the process dies. FileHandle would do, but it lives in full Foundation, which the
/// server does not link (FoundationEssentials only: startup time and memory, issue 2).
enum StandardError {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { buffer in
                #if canImport(Darwin)
                Darwin.write(2, buffer.baseAddress, buffer.count)
                #elseif canImport(Musl)
                Musl.write(2, buffer.baseAddress, buffer.count)
                #else
                Glibc.write(2, buffer.baseAddress, buffer.count)
                #endif
            }
            if written < 0 && errno == EINTR { continue }
            // A closed or full stderr loses the line rather than blocks or kills the server.
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
