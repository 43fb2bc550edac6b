import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs `buildermock serve` (from BUILDERMOCK_BIN or PATH) on a free loopback port with the manual
/// clock and an in-memory database, for as long as the value lives. Copy this file into a test target.
final class Buildermock: @unchecked Sendable {
    // @unchecked: `process` and `log` are set once in init and only read afterwards.
    let url: URL
    private let process: Process
    private let log: URL

    init() throws {
        let binary = ProcessInfo.processInfo.environment["BUILDERMOCK_BIN"] ?? "buildermock"
        log = FileManager.default.temporaryDirectory.appendingPathComponent("buildermock-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [binary, "serve", "--port", "0", "--clock", "manual", "--db", ":memory:"]
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        // The "listening" log line names the port the kernel chose.
        let deadline = Date().addingTimeInterval(15)
        while true {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"http\.port=(\d+)"#, options: .regularExpression) {
                let port = text[range].split(separator: "=")[1]
                url = URL(string: "http://127.0.0.1:\(port)")!
                return
            }
            guard process.isRunning, Date() < deadline else {
                process.terminate()
                throw StartError(log: text)
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: log)
    }

    struct StartError: Error { let log: String }

    /// One JSON call; returns the status and the parsed body (nil when empty or not JSON).
    func call(_ method: String, _ path: String, json: [String: Any]? = nil,
              headers: [String: String] = [:]) async throws -> (status: Int, body: [String: Any]?) {
        var request = URLRequest(url: URL(string: url.absoluteString + path)!)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let json { request.httpBody = try JSONSerialization.data(withJSONObject: json) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let body = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, body)
    }

    /// Moves a namespace's clock on; the server runs every transition due on the way before answering.
    func advance(_ span: String, namespace: String) async throws {
        _ = try await call("POST", "/__admin/clock/advance?namespace=\(namespace)", json: ["by": span])
    }

    /// Forgets every namespace's jobs and clock: call it at the start of each test.
    func reset() async throws {
        _ = try await call("POST", "/__admin/reset?all=true")
    }
}
