import BuildermockTesting
import Foundation
import HTTP
import Testing

/// The real binary's admin guard: it refuses a network bind without a token, and with a token
/// answers 401 over the wire to a request without it.
@Suite struct AdminExposureProcessTests {
    @Test func nonLoopbackBind_withoutToken_refusesToStart() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ServerProcess.binaryPath)
        process.arguments = ["serve", "--host", "0.0.0.0", "--port", "0", "--db", ":memory:"]
        var environment = ProcessInfo.processInfo.environment
        environment["BUILDERMOCK_ADMIN_TOKEN"] = nil
        environment["BUILDERMOCK_INSECURE_ADMIN"] = nil
        process.environment = environment
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus != 0)
        #expect(output.contains("--admin-token"), "\(output)")
        #expect(output.contains("--insecure-admin"), "\(output)")
    }

    @Test func withToken_adminNeedsIt_healthDoesNot_andTheLogHidesIt() throws {
        let token = "e2e-admin-token-secret"
        let server = try ServerProcess(arguments: ["--db", ":memory:", "--clock", "manual", "--admin-token", token])
        let client = try RawSocketClient(port: server.port)
        try client.send("GET /__admin/jobs HTTP/1.1\r\nHost: x\r\n\r\n")
        let refused = try client.readResponse()
        #expect(refused.status.code == 401)
        #expect(refused.text.contains(#""code":"unauthorized""#))
        try client.send("GET /__admin/jobs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n\r\n")
        #expect(try client.readResponse().status.code == 200)
        try client.send("GET /__admin/health HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().status.code == 200)
        client.close()
        server.signal(SIGTERM)
        #expect(server.waitForExit() == 0)
        #expect(server.output.contains("e2e-…"))
        #expect(!server.output.contains(token))
    }
}
