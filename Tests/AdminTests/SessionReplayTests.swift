import App
import BuildermockTesting
import Foundation
import HTTP
import JSON
import Testing

@Suite struct SessionReplayTests {
    static let sessionsDirectory = FixturePaths.root + "/sessions"

    static var shippedSessions: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: sessionsDirectory)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    static func load(_ name: String) throws -> [UInt8] {
        let data = try #require(FileManager.default.contents(atPath: sessionsDirectory + "/" + name))
        return Array(data)
    }

    @Test func everyAPI_shipsAHappyAndAFailureSession() {
        for api in ["appbuilds", "builderagents", "builderio", "buildprint"] {
            #expect(Self.shippedSessions.contains("\(api)-happy.json"), "missing \(api)-happy.json")
            #expect(Self.shippedSessions.contains("\(api)-failure.json"), "missing \(api)-failure.json")
        }
    }

    @Test(arguments: shippedSessions)
    func shippedSession_replaysIdentically(name: String) async throws {
        let replay = try SessionReplay(text: try Self.load(name), fixturesPath: FixturePaths.root)
        let outcome = try await replay.run()
        #expect(outcome.stepCount > 3)
        #expect(outcome.isIdentical, "\(name):\n\(outcome.report)")
    }

    @Test(arguments: shippedSessions)
    func twoReplays_produceByteIdenticalResponses(name: String) async throws {
        let replay = try SessionReplay(text: try Self.load(name), fixturesPath: FixturePaths.root)
        let first = try await replay.run()
        let second = try await replay.run()
        #expect(first.responseBytes == second.responseBytes)
        #expect(first.updatedText == second.updatedText)
    }

    @Test func aChangedResponse_failsWithADiffNamingTheStepAndField() async throws {
        var text = String(decoding: try Self.load("appbuilds-happy.json"), as: UTF8.self)
        // Pretend the server used to answer differently: the recorded expectation no longer holds.
        let original = #""status": "queued""#
        #expect(text.contains(original))
        text = text.replacingOccurrences(of: original, with: #""status": "pending""#)
        let outcome = try await SessionReplay(text: Array(text.utf8), fixturesPath: FixturePaths.root).run()
        #expect(!outcome.isIdentical)
        let report = outcome.report
        #expect(report.contains("step 1: POST /api/v1/builds"))
        #expect(report.contains(#"body $.status: recorded "pending", got "queued""#))
    }

    @Test func aChangedStatusAndHeader_areReported() async throws {
        let app = try TestApp()
        let headers: HTTPHeaders = ["X-Buildermock-Namespace": "diff"]
        _ = await app.request(.get, "/api/v1/builds/bld_nope", token: "replay-token-abcdef", headers: headers)
        let exported = await app.request(.get, "/__admin/session?namespace=diff", token: nil)
        var text = exported.text
        #expect(text.contains(#""status": 404"#))
        text = text.replacingOccurrences(of: #""status": 404"#, with: #""status": 410"#)
            .replacingOccurrences(of: "Thu, 01 Jan 2026 00:00:00 GMT", with: "Fri, 02 Jan 2026 00:00:00 GMT")
        let outcome = try await SessionReplay(text: Array(text.utf8), fixturesPath: FixturePaths.root).run()
        #expect(outcome.report.contains("status: recorded 410, got 404"))
        #expect(outcome.report.contains(#"header Date: recorded "Fri, 02 Jan 2026 00:00:00 GMT", got "Thu, 01 Jan 2026 00:00:00 GMT""#))
    }

    @Test func update_rewritesExpectationsSoTheNextReplayPasses() async throws {
        var text = String(decoding: try Self.load("appbuilds-happy.json"), as: UTF8.self)
        text = text.replacingOccurrences(of: #""status": "queued""#, with: #""status": "pending""#)
        let stale = try await SessionReplay(text: Array(text.utf8), fixturesPath: FixturePaths.root).run()
        #expect(!stale.isIdentical)
        let fresh = try await SessionReplay(text: Array(stale.updatedText.utf8), fixturesPath: FixturePaths.root).run()
        #expect(fresh.isIdentical, "\(fresh.report)")
        #expect(stale.updatedText == String(decoding: try Self.load("appbuilds-happy.json"), as: UTF8.self))
    }

    @Test func exportedSession_replaysIdentically_evenWithItsCredentialsUnfilled() async throws {
        // App builds derive nothing from the token but the namespace, which the header pins here.
        let app = try TestApp()
        let headers: HTTPHeaders = ["X-Buildermock-Namespace": "rt"]
        _ = await app.request(.post, "/api/v1/builds", token: "replay-token-abcdef", json: [
            "url": "https://example.com", "appName": "Shop", "bundleId": "com.example.shop", "version": "1.0.0",
        ], headers: headers)
        _ = await app.request(.post, "/__admin/clock/advance", token: nil, json: ["by": "5m"], headers: headers)
        _ = await app.request(.get, "/api/v1/builds?limit=5", token: "replay-token-abcdef", headers: headers)
        let exported = await app.request(.get, "/__admin/session?namespace=rt", token: nil)
        let outcome = try await SessionReplay(text: exported.body, fixturesPath: FixturePaths.root).run()
        #expect(outcome.stepCount == 3)
        #expect(outcome.isIdentical, "\(outcome.report)")
        #expect(outcome.updatedText == exported.text)
    }

    @Test(arguments: [
        (#"[]"#, "$ must be an object"),
        (#"{"format":"other"}"#, "$.format must be"),
        (#"{"format":"buildermock-session/1","namespace":"n","seed":"x"}"#, "$.seed must be"),
        (#"{"format":"buildermock-session/1","namespace":"n","seed":"1","clock":{"start":"2026-01-01T00:00:00Z"},"steps":[{"at":"2026-01-01T00:00:00Z","request":{"method":"GET","path":"x"}}]}"#,
         "$.steps[0].request.path must be"),
    ])
    func malformedSessionFiles_nameTheJSONPath(text: String, message: String) {
        #expect(throws: (any Error).self) { try SessionReplay(text: Array(text.utf8)) }
        do {
            _ = try SessionReplay(text: Array(text.utf8))
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }
}
