import JSON
import Logging
import Scenarios
import Store
import Testing
@testable import Engine

/// A due batch holds back the row updates of plain timer moves (no hooks, payload unchanged) and
/// writes them per move at its end: nothing may show that they were held.
@Suite struct HeldJobMovesTests {
    let start = Timestamp.defaultManualStart

    static let plain = """
        { "name": "default", "service": "test", "kind": "plain", "default": true, "initial": "first",
          "steps": [
            { "id": "first", "state": "queued", "duration": "10s", "next": "second" },
            { "id": "second", "state": "building", "duration": "10s", "next": "parked" },
            { "id": "parked", "state": "parked", "wait": "go", "next": "released" },
            { "id": "released", "state": "released", "terminal": true } ] }
        """
    /// Parks at once: the move into `parked` makes the job take `go`.
    static let short = """
        { "name": "short", "service": "test", "kind": "plain", "initial": "first",
          "steps": [
            { "id": "first", "state": "queued", "duration": "10s", "next": "parked" },
            { "id": "parked", "state": "parked", "wait": "go", "next": "released" },
            { "id": "released", "state": "released", "terminal": true } ] }
        """
    /// Its hook sends `go` to the job named in the request when it enters `calling`.
    static let caller = """
        { "name": "default", "service": "test", "kind": "caller", "default": true, "initial": "idle",
          "steps": [
            { "id": "idle", "state": "idle", "duration": "10s", "next": "calling" },
            { "id": "calling", "state": "called", "terminal": true } ] }
        """

    struct Caller: LifecycleHooks {
        func entered(_ entry: StepEntry, job: inout Job, context: inout HookContext) {
            guard entry.step == "calling", let target = job.request[path: "target"]?.stringValue else { return }
            context.send(event: "go", toJob: target)
        }
    }

    func engine() throws -> Engine {
        let scenarios = try [Self.plain, Self.short, Self.caller].map { text -> Scenario in
            let parsed = ScenarioCatalog.parse(text, file: "test.json", vocabulary: nil)
            guard let scenario = parsed.scenario else { throw TestFailure(description: "\(parsed.errors)") }
            return scenario
        }
        let engine = Engine(store: try Store(path: ":memory:"), catalog: try ScenarioCatalog(scenarios: scenarios),
                            configuration: EngineConfiguration(clock: ClockSettings(mode: .manual)),
                            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        engine.register(Caller(), service: "test", kind: "caller")
        return engine
    }

    @Test func plainMovesOverSeveralBatches_areStoredOnce_eachWithItsEvent() async throws {
        let engine = try engine()
        let count = Engine.dueBatchSize * 2 + 37
        var ids: [String] = []
        for index in 0..<count {
            ids.append(try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "plain",
                                                         request: ["n": .int(Int64(index))])).id)
        }
        ids.sort()
        let first = try await engine.advance(namespace: "a", by: 10_000)
        #expect(first.map(\.jobID) == ids)
        #expect(first.allSatisfy { $0.fromState == "queued" && $0.toState == "building" && $0.step == "second" })
        let moved = try #require(try await engine.job(id: ids[count / 2], namespace: "a"))
        #expect(moved.state == "building" && moved.step == "second" && moved.version == 2)
        #expect(moved.dueAt == start.adding(milliseconds: 20_000) && moved.updatedAt == start.adding(milliseconds: 10_000))
        #expect(moved.request[path: "n"] != nil && moved.data.isEmpty)
        #expect(try await engine.jobs(namespace: "a", state: "building", limit: 1).total == count)

        // The second move goes to a wait step: no timer left.
        let second = try await engine.advance(namespace: "a", by: 10_000)
        #expect(second.map(\.jobID) == ids)
        #expect(try await engine.jobs(namespace: "a", state: "parked", limit: 1).total == count)
        #expect(try await engine.schedule(namespace: "a").isEmpty)
        let last = try #require(ids.last)
        #expect(try await engine.events(jobID: last, namespace: "a").map(\.toState) == ["queued", "building", "parked"])
        #expect(try await engine.job(id: last, namespace: "a")?.version == 3)
        // The event still moves a job whose earlier moves were held.
        #expect(try await engine.send(event: "go", payload: .object([:]), toJob: last, namespace: "a").state == "released")
        #expect(try await engine.advance(namespace: "a", by: 60_000).isEmpty)
    }

    @Test func aHookedMoveLaterInTheBatch_seesTheHeldMovesBeforeIt() async throws {
        let engine = try engine()
        // Both due at 10 s; "a-plain" sorts first, so its move is held when "b-caller"'s hook runs.
        _ = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "plain", scenarioName: "short",
                                              id: "a-plain"))
        _ = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "caller",
                                              request: ["target": "a-plain"], id: "b-caller"))
        let transitions = try await engine.advance(namespace: "a", by: 10_000)
        // `go` is taken only in `parked`: the hook's event found the row the held move wrote, not
        // the `first` row the batch read.
        #expect(transitions.map { "\($0.jobID):\($0.toState):\($0.trigger)" } == [
            "a-plain:parked:timer", "b-caller:called:timer", "a-plain:released:event:go",
        ])
        let plain = try #require(try await engine.job(id: "a-plain", namespace: "a"))
        #expect(plain.state == "released" && plain.version == 3 && plain.finishedAt == start.adding(milliseconds: 10_000))
        #expect(try await engine.events(jobID: "a-plain", namespace: "a").map(\.toState) == ["queued", "parked", "released"])
    }
}
