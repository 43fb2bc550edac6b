import Foundation
import Synchronization

/// The built `buildermock` binary run as a child process on an ephemeral loopback port, for tests
/// of what only a real process shows: startup, signals, kill -9 and restart.
public final class ServerProcess: Sendable {
    public let port: Int
    private let process: Process
    private let log: LogBuffer

    /// Where `swift build` put the binary: beside the test bundle.
    public static var binaryPath: String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent()
        var directory = bundle
        // Linux runs `…/debug/buildermockPackageTests.xctest`; step out of bundle folders if any.
        while directory.pathExtension == "xctest" || directory.lastPathComponent == "Contents" || directory.lastPathComponent == "MacOS" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("buildermock").path
    }

    /// Starts `buildermock serve --port 0 …arguments` and waits (at most `timeout` seconds) for the
    /// log line naming the bound port.
    public init(arguments: [String], timeout: Double = 20) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binaryPath)
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0"] + arguments
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        let log = LogBuffer()
        let found = LogBuffer.Port()
        let ready = DispatchSemaphore(value: 0)
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                ready.signal()
                return
            }
            let text = String(decoding: data, as: UTF8.self)
            let all = log.text.withLock { $0 += text; return $0 }
            if found.value.withLock({ $0 }) == nil, let range = all.range(of: "http.port=") {
                let digits = all[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits) {
                    found.value.withLock { $0 = port }
                    ready.signal()
                }
            }
        }
        try process.run()
        _ = ready.wait(timeout: .now() + timeout)
        guard let port = found.value.withLock({ $0 }) else {
            process.terminate()
            throw ServerProcessError.didNotStart(log: log.text.withLock { $0 })
        }
        self.port = port
        self.process = process
        self.log = log
    }

    public var output: String { log.text.withLock { $0 } }

    public func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for the process to exit; returns its status, or nil if it is still running after `timeout`.
    public func waitForExit(timeout: Double = 15) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// Why a server process could not be used.
public enum ServerProcessError: Error, CustomStringConvertible {
    case didNotStart(log: String)
    public var description: String {
        switch self {
        case .didNotStart(let log): "buildermock did not report its port; output:\n\(log)"
        }
    }
}

/// Output collected from the child's pipe on Foundation's reader thread.
final class LogBuffer: Sendable {
    let text = Mutex("")
    /// The port once the log has named it.
    final class Port: Sendable { let value = Mutex<Int?>(nil) }
}
