import App
import ArgumentParser
import JSON
import BuildermockTesting
import Demo
import Synchronization
import Testing
@testable import BuildermockCLI

/// The demo tours against a real server on a loopback port and the manual clock.
@Suite struct DemoTourTests {
    /// Runs `tour` against a fresh in-memory server and returns its events.
    static func play(_ tour: DemoTour) async throws -> [DemoEvent] {
        let app = try TestApp { $0.publicURL = nil }
        let port = try app.application.start()
        do {
            let events = try await tour.run(client: DemoClient(host: "127.0.0.1", port: port), reporter: Discard())
            await app.application.shutdown()
            return events
        } catch {
            await app.application.shutdown()
            throw error
        }
    }

    static func endStates(_ events: [DemoEvent]) -> [String: String] {
        Dictionary(events.filter { $0.kind == .done }.map { ($0.act, $0.fields["state"]?.stringValue ?? "?") },
                   uniquingKeysWith: { $1 })
    }

    @Test func happyTour_reachesEveryAPIsEndState() async throws {
        let events = try await Self.play(.happy)
        #expect(Self.endStates(events) == ["builder-agents": "deployed", "builderio": "completed",
                                           "buildprint": "completed", "appbuilds": "live"])
        #expect(events.contains { $0.kind == .question })
        #expect(events.contains { $0.kind == .answer && $0.text.contains("approved") })
        #expect(events.contains { $0.kind == .webhook && $0.text.contains("agent.completed") && $0.text.contains("signed") })
        // Each act's states are reported in lifecycle order, at non-decreasing virtual times.
        let buildStates = events.filter { $0.act == "appbuilds" && $0.kind == .state }.compactMap { $0.fields["state"]?.stringValue }
        #expect(buildStates == ["queued", "building", "success", "queued", "submitted", "live"])
        for act in ["builder-agents", "builderio", "buildprint", "appbuilds"] {
            let times = events.filter { $0.act == act }.compactMap(\.at)
            #expect(times == times.sorted(), "\(act)")
        }
    }

    @Test func failuresTour_endsInEachAPIsFailure() async throws {
        let events = try await Self.play(.failures)
        #expect(Self.endStates(events) == ["builder-agents": "failed", "builderio": "failed",
                                           "buildprint": "error", "appbuilds": "failed"])
        #expect(events.contains { $0.kind == .webhook && $0.text.contains("agent.error") })
        #expect(events.contains { $0.act == "builderio" && $0.kind == .state && $0.text.contains("agent could not complete") })
    }

    @Test func sameSeed_sameTimelineByteForByte() async throws {
        let first = try await Self.play(.happy).map { $0.json.serialized() }
        let second = try await Self.play(.happy).map { $0.json.serialized() }
        #expect(first == second)
        #expect(first.count > 20)
    }

    @Test func terminalReporter_printsProgressAndClock() {
        let lines = Mutex<[String]>([])
        let reporter = TerminalReporter { line in lines.withLock { $0.append(line) } }
        reporter.report(DemoEvent(act: "appbuilds", kind: .act, text: "App builds"), act: 2, of: 4)
        reporter.report(DemoEvent(act: "appbuilds", kind: .state, at: "2026-01-01T00:03:10.000Z", text: "success"), act: 2, of: 4)
        let printed = lines.withLock { $0 }
        #expect(printed[0].contains("[3/4]") && printed[0].contains("██████████░░░░░░░░░░"))
        #expect(printed[1] == "  00:03:10  ● success")
    }

    @Test func demoCommand_rejectsUnknownTourAndBadURL() {
        #expect(throws: (any Error).self) { try Buildermock.parseAsRoot(["demo", "nope"]) }
        #expect(throws: (any Error).self) { try Buildermock.parseAsRoot(["demo", "--url", "localhost"]) }
        #expect(throws: Never.self) { try Buildermock.parseAsRoot(["demo", "failures", "--json"]) }
    }

    @Test func unreachableServer_isATransportError() async {
        // Port 1 on loopback refuses connections.
        await #expect(throws: DemoError.self) {
            try await DemoTour.happy.run(client: DemoClient(host: "127.0.0.1", port: 1), reporter: Discard())
        }
    }
}

/// A reporter that drops everything.
struct Discard: DemoReporter {
    func report(_ event: DemoEvent, act index: Int, of count: Int) {}
}
