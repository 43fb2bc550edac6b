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

/// BRIEF §12: kill -9 loses no job that got a 2xx.
@Suite struct CrashRecoveryTests {
    @Test func killNine_losesNoAcknowledgedJob_andJobsContinueAfterRestart() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bm-crash-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let arguments = ["--db", path, "--clock", "manual"]
        var acknowledged: [String] = []
        do {
            let server = try ServerProcess(arguments: arguments)
            let client = try RawSocketClient(port: server.port)
            for n in 0..<10 {
                let body = #"{"url":"https://example.com","appName":"Demo","bundleId":"com.example.crash\#(n)","version":"1.0.0"}"#
                try client.send("POST /api/v1/builds HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer crash\r\n"
                    + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
                let response = try client.readResponse(for: .post)
                #expect(response.status.code == 201)
                let text = response.text
                if let range = text.range(of: #""id":""#) {
                    acknowledged.append(String(text[range.upperBound...].prefix { $0 != "\"" }))
                }
            }
            server.signal(SIGKILL)
            #expect(server.waitForExit() != nil)
        }
        #expect(acknowledged.count == 10)
        let restarted = try ServerProcess(arguments: arguments)
        let client = try RawSocketClient(port: restarted.port)
        try client.send("POST /__admin/clock/advance HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer crash\r\n"
            + "Content-Length: 12\r\n\r\n{\"by\":\"3h\"}\n")
        #expect(try client.readResponse(for: .post).status.code == 200)
        for id in acknowledged {
            try client.send("GET /api/v1/builds/\(id) HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer crash\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status.code == 200, "lost \(id)")
            #expect(response.text.contains(#""status":"success""#), "\(id) did not continue: \(response.text)")
        }
        restarted.signal(SIGTERM)
        #expect(restarted.waitForExit() == 0)
    }
}
