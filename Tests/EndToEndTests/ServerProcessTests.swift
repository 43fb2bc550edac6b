import BuildermockTesting
import Foundation
import HTTP
import Testing

/// The real binary, over real loopback sockets.
@Suite struct ServerProcessTests {
    @Test func binary_answersHealth_andExitsCleanlyOnSIGTERM() throws {
        let server = try ServerProcess(arguments: ["--db", ":memory:", "--clock", "manual"])
        let client = try RawSocketClient(port: server.port)
        try client.send("GET /__admin/health HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status.code == 200)
        #expect(String(decoding: response.body, as: UTF8.self).contains(#""status":"ok""#))
        client.close()
        server.signal(SIGTERM)
        #expect(server.waitForExit() == 0)
        #expect(server.output.contains("stopped"))
    }

    @Test func invalidFixtures_refuseToStart() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bm-bad-\(UUID().uuidString)")
        let kind = directory.appendingPathComponent("scenarios/appbuilds/build")
        try FileManager.default.createDirectory(at: kind, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try #"{"name": "default", "service": "appbuilds", "kind": "build", "default": true, "initial": "nowhere", "steps": []}"#
            .write(to: kind.appendingPathComponent("default.json"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ServerProcess.binaryPath)
        process.arguments = ["serve", "--port", "0", "--db", ":memory:", "--fixtures", directory.path]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus != 0)
        #expect(output.contains("default.json"))
        #expect(output.contains("$.initial"))
    }
}
