import ArgumentParser
import BuildermockTesting
import Foundation
import Testing
@testable import BuildermockCLI

@Suite struct ReplayCommandTests {
    static func copyOfSession(_ name: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bm-\(UUID().uuidString).json")
        try FileManager.default.copyItem(atPath: FixturePaths.root + "/sessions/" + name, toPath: file.path)
        return file
    }

    @Test func parses_fileUpdateAndFixtures() throws {
        let command = try Buildermock.parseAsRoot(["replay", "s.json", "--update", "--fixtures", "/tmp/f"])
        let replay = try #require(command as? Replay)
        #expect(replay.file == "s.json")
        #expect(replay.update)
        #expect(replay.fixtures == "/tmp/f")
        #expect(throws: (any Error).self) { try Buildermock.parseAsRoot(["replay"]) }
    }

    @Test func identicalSession_exitsZero_changedSession_exitsOne_updateRepairsIt() async throws {
        let file = try Self.copyOfSession("buildprint-happy.json")
        defer { try? FileManager.default.removeItem(at: file) }
        let fixtures = FixturePaths.root
        var command = try #require(try Buildermock.parseAsRoot(["replay", file.path, "--fixtures", fixtures]) as? Replay)
        try await command.run()

        let original = try String(contentsOf: file, encoding: .utf8)
        try original.replacingOccurrences(of: #""status": 202"#, with: #""status": 200"#)
            .write(to: file, atomically: true, encoding: .utf8)
        command = try #require(try Buildermock.parseAsRoot(["replay", file.path, "--fixtures", fixtures]) as? Replay)
        await #expect(throws: ExitCode.failure) { try await command.run() }

        command = try #require(try Buildermock.parseAsRoot(["replay", file.path, "--update", "--fixtures", fixtures]) as? Replay)
        try await command.run()
        #expect(try String(contentsOf: file, encoding: .utf8) == original)
    }

    @Test func unreadableOrInvalidFile_isAValidationError() async throws {
        var command = try #require(try Buildermock.parseAsRoot(["replay", "/nonexistent/session.json"]) as? Replay)
        await #expect(throws: ValidationError.self) { try await command.run() }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bm-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try #"{"format":"nope"}"#.write(to: file, atomically: true, encoding: .utf8)
        command = try #require(try Buildermock.parseAsRoot(["replay", file.path]) as? Replay)
        await #expect(throws: ValidationError.self) { try await command.run() }
    }
}
