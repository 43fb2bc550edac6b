import Foundation
import JSON
import Logging
import Scenarios
import Store
import Testing
@testable import Engine

/// A two-kind test world: a timed pipeline with a cascade, and a job that waits for an event.
enum TestWorld {
    static let pipeline = """
        { "name": "default", "service": "test", "kind": "pipeline", "default": true, "initial": "queued",
          "steps": [
            { "id": "queued", "state": "queued", "duration": "10s", "next": "running" },
            { "id": "running", "state": "running", "duration": "20s", "next": "done", "message": "working" },
            { "id": "done", "state": "done", "terminal": true, "set": { "result": "ok" } } ] }
        """
    static let slowPipeline = """
        { "name": "slow", "service": "test", "kind": "pipeline", "initial": "queued",
          "match": [ { "field": "speed", "equals": "slow" } ],
          "steps": [
            { "id": "queued", "state": "queued", "duration": "1m", "next": "done" },
            { "id": "done", "state": "done", "terminal": true } ] }
        """
    static let gate = """
        { "name": "default", "service": "test", "kind": "gate", "default": true, "initial": "thinking",
          "steps": [
            { "id": "thinking", "state": "processing", "duration": "5s", "next": "asking" },
            { "id": "asking", "state": "gathering", "wait": "answer", "next": "finishing",
              "questions": ["Which region?"] },
            { "id": "finishing", "state": "processing", "duration": "5s", "next": "finished" },
            { "id": "finished", "state": "finished", "terminal": true } ] }
        """

    static func catalog() throws -> ScenarioCatalog {
        let scenarios = try [pipeline, slowPipeline, gate].map { text -> Scenario in
            let parsed = ScenarioCatalog.parse(text, file: "test.json", vocabulary: nil)
            guard let scenario = parsed.scenario else { throw TestFailure(description: "\(parsed.errors)") }
            return scenario
        }
        return try ScenarioCatalog(scenarios: scenarios)
    }

    static func engine(path: String = ":memory:", seed: UInt64 = 42) throws -> Engine {
        Engine(store: try Store(path: path), catalog: try catalog(),
               configuration: EngineConfiguration(clock: ClockSettings(mode: .manual), seed: seed),
               logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }
}

struct TestFailure: Error, CustomStringConvertible { var description: String }

@Suite struct EngineJobTests {
    let start = Timestamp.defaultManualStart

    @Test func createdJob_entersInitialStep_dueAfterItsDuration() async throws {
        let engine = try TestWorld.engine()
        let job = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline"))
        #expect(job.state == "queued")
        #expect(job.createdAt == start)
        #expect(job.dueAt == start.adding(milliseconds: 10_000))
        #expect(job.finishedAt == nil)
    }

    @Test func advance_runsCascadesInOrder_eachAtItsDueTime() async throws {
        let engine = try TestWorld.engine()
        let job = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline"))
        let transitions = try await engine.advance(namespace: "a", by: 60_000)
        #expect(transitions.map(\.toState) == ["running", "done"])
        #expect(transitions.map(\.at) == [start.adding(milliseconds: 10_000), start.adding(milliseconds: 30_000)])
        let done = try #require(try await engine.job(id: job.id, namespace: "a"))
        #expect(done.state == "done")
        #expect(done.finishedAt == start.adding(milliseconds: 30_000))
        #expect(done.data["result"] == .string("ok"))
        #expect(done.data["message"] == .string("working"))
        #expect(engine.now(namespace: "a") == start.adding(milliseconds: 60_000))
    }

    @Test func readAtTimeT_seesExactlyTheStateAtT() async throws {
        let engine = try TestWorld.engine()
        let job = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline"))
        _ = try await engine.advance(namespace: "a", by: 9_999)
        #expect(try await engine.job(id: job.id, namespace: "a")?.state == "queued")
        _ = try await engine.advance(namespace: "a", by: 1)
        #expect(try await engine.job(id: job.id, namespace: "a")?.state == "running")
    }

    @Test func dueJobs_runInDueTimeOrder_acrossJobs() async throws {
        let engine = try TestWorld.engine()
        let slow = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline",
                                                     request: ["speed": "slow"]))
        _ = try await engine.advance(namespace: "a", by: 5_000)
        let fast = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline"))
        #expect(slow.scenario == "slow")
        let transitions = try await engine.advance(namespace: "a", by: 120_000)
        #expect(transitions.map { "\($0.jobID == fast.id ? "fast" : "slow"):\($0.toState)" }
            == ["fast:running", "fast:done", "slow:done"])
        #expect(transitions.map(\.at) == transitions.map(\.at).sorted())
    }

    @Test func waitStep_isReleasedOnlyByItsEvent() async throws {
        let engine = try TestWorld.engine()
        let job = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "gate"))
        _ = try await engine.advance(namespace: "a", by: 3_600_000)
        let waiting = try #require(try await engine.job(id: job.id, namespace: "a"))
        #expect(waiting.state == "gathering")
        #expect(waiting.dueAt == nil)
        #expect(waiting.data["questions"] == .array(["Which region?"]))
        await #expect(throws: EngineError.self) {
            _ = try await engine.send(event: "approve", payload: [:], toJob: job.id, namespace: "a")
        }
        let answered = try await engine.send(event: "answer", payload: ["message": "EU"], toJob: job.id, namespace: "a")
        #expect(answered.state == "processing")
        _ = try await engine.advance(namespace: "a", by: 5_000)
        #expect(try await engine.job(id: job.id, namespace: "a")?.state == "finished")
        await #expect(throws: EngineError.self) {
            _ = try await engine.send(event: "answer", payload: [:], toJob: job.id, namespace: "a")
        }
    }

    @Test func namespaces_haveIndependentClocksAndJobs() async throws {
        let engine = try TestWorld.engine()
        let a = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline"))
        let b = try await engine.createJob(NewJob(namespace: "b", service: "test", kind: "pipeline"))
        _ = try await engine.advance(namespace: "a", by: 60_000)
        #expect(try await engine.job(id: a.id, namespace: "a")?.state == "done")
        #expect(try await engine.job(id: b.id, namespace: "b")?.state == "queued")
        #expect(engine.now(namespace: "b") == start)
        #expect(try await engine.job(id: a.id, namespace: "b") == nil)
        #expect(try await engine.jobs(namespace: "b").total == 1)
    }

    @Test func sameSeed_givesSameIds_otherSeedOthers() async throws {
        func ids(seed: UInt64) async throws -> [String] {
            let engine = try TestWorld.engine(seed: seed)
            var ids: [String] = []
            for _ in 0..<3 {
                ids.append(try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline")).id)
            }
            ids.append(try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline",
                                                         idStyle: .prefixed("bld_"))).id)
            return ids
        }
        let first = try await ids(seed: 7)
        #expect(try await ids(seed: 7) == first)
        #expect(try await ids(seed: 8) != first)
        #expect(Set(first).count == 4)
        #expect(first[3].hasPrefix("bld_"))
    }

    @Test func restart_continuesFromTheStoredState() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("engine-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let id: String
        do {
            let engine = try TestWorld.engine(path: path)
            id = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline")).id
            _ = try await engine.advance(namespace: "a", by: 15_000)
            #expect(try await engine.job(id: id, namespace: "a")?.state == "running")
            try engine.store.close()
        }
        let reopened = try TestWorld.engine(path: path)
        #expect(reopened.now(namespace: "a") == start.adding(milliseconds: 15_000))
        #expect(try await reopened.job(id: id, namespace: "a")?.state == "running")
        let transitions = try await reopened.advance(namespace: "a", by: 15_000)
        #expect(transitions.map(\.toState) == ["done"])
        let events = try await reopened.events(jobID: id, namespace: "a")
        #expect(events.map(\.toState) == ["queued", "running", "done"])
    }

    /// A server that never had a fault rule skips the per-request lookup; a rule added, or one left in
    /// the file by an earlier run, turns the lookup back on.
    @Test func mayHoldFaultRules_falseUntilARuleExists() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("engine-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        do {
            let engine = try TestWorld.engine(path: path)
            #expect(!engine.mayHoldFaultRules())
            _ = try await engine.addFault(FaultRule(kind: .reset), namespace: "a")
            #expect(engine.mayHoldFaultRules())
            #expect(try await engine.clearFaults(namespace: "a") == 1)
            try engine.store.close()
        }
        do {
            let reopened = try TestWorld.engine(path: path)
            #expect(!reopened.mayHoldFaultRules())
            _ = try await reopened.addFault(FaultRule(kind: .reset), namespace: "b")
            try reopened.store.close()
        }
        #expect(try TestWorld.engine(path: path).mayHoldFaultRules())
    }

    @Test func runUntil_stopsAtTheState_andReportsWhatRan() async throws {
        let engine = try TestWorld.engine()
        let job = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline"))
        let result = try await engine.runUntil(namespace: "a", job: job.id, state: "running", limit: 3_600_000)
        #expect(result.reached)
        #expect(result.transitions.map(\.toState) == ["running"])
        #expect(engine.now(namespace: "a") == start.adding(milliseconds: 10_000))
        let idle = try await engine.runUntil(namespace: "a", job: nil, state: nil, limit: 3_600_000)
        #expect(idle.reached)
        #expect(try await engine.job(id: job.id, namespace: "a")?.state == "done")
    }

    @Test func runUntil_givesUpAtItsLimit() async throws {
        let engine = try TestWorld.engine()
        let job = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "gate"))
        let result = try await engine.runUntil(namespace: "a", job: job.id, state: "finished", limit: 60_000)
        #expect(!result.reached)
        #expect(try await engine.job(id: job.id, namespace: "a")?.state == "gathering")
    }

    @Test func pin_selectsTheScenarioForTheNextJobsOnly() async throws {
        let engine = try TestWorld.engine()
        try await engine.pin(namespace: "a", service: "test", kind: "pipeline", scenario: "slow", count: 2)
        var names: [String] = []
        for _ in 0..<3 {
            names.append(try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline")).scenario)
        }
        #expect(names == ["slow", "slow", "default"])
        await #expect(throws: EngineError.self) {
            try await engine.pin(namespace: "a", service: "test", kind: "pipeline", scenario: "nope", count: 1)
        }
    }

    /// A namespace that created jobs without a pin is remembered as unpinned; a pin set later must
    /// still be found, and once used up the namespace is unpinned again.
    @Test func pin_setAfterUnpinnedCreates_isStillFound() async throws {
        let engine = try TestWorld.engine()
        for _ in 0..<2 {
            #expect(try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline")).scenario == "default")
        }
        #expect(engine.unpinned.contains("a"))
        try await engine.pin(namespace: "a", service: "test", kind: "pipeline", scenario: "slow", count: 1)
        #expect(!engine.unpinned.contains("a"))
        var names: [String] = []
        for _ in 0..<3 {
            names.append(try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline")).scenario)
        }
        #expect(names == ["slow", "default", "default"])
        #expect(engine.unpinned.contains("a"))
        // Another namespace's pin is its own.
        try await engine.pin(namespace: "b", service: "test", kind: "pipeline", scenario: "slow", count: 1)
        #expect(try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline")).scenario == "default")
        #expect(try await engine.createJob(NewJob(namespace: "b", service: "test", kind: "pipeline")).scenario == "slow")
    }

    @Test func explicitScenario_unknownName_listsTheValidOnes() async throws {
        let engine = try TestWorld.engine()
        do {
            _ = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline", scenarioName: "nope"))
            Issue.record("expected an error")
        } catch let EngineError.unknownScenario(name, _, available) {
            #expect(name == "nope")
            #expect(available.sorted() == ["default", "slow"])
        }
    }

    @Test func clockNeverMovesBackwards() async throws {
        let engine = try TestWorld.engine()
        _ = try await engine.advance(namespace: "a", by: 1_000)
        await #expect(throws: EngineError.self) {
            _ = try await engine.advance(namespace: "a", to: start)
        }
    }

    @Test func reset_clearsJobsCountersAndClock() async throws {
        let engine = try TestWorld.engine()
        let first = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline"))
        _ = try await engine.advance(namespace: "a", by: 1_000)
        try await engine.reset(namespace: "a")
        #expect(engine.now(namespace: "a") == start)
        #expect(try await engine.jobs(namespace: "a").total == 0)
        let again = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline"))
        #expect(again.id == first.id)
    }

    @Test func schedule_listsUpcomingTimers() async throws {
        let engine = try TestWorld.engine()
        let job = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline"))
        let upcoming = try await engine.schedule(namespace: "a")
        #expect(upcoming.map(\.jobID) == [job.id])
        #expect(upcoming.first?.nextStep == "running")
        #expect(upcoming.first?.dueAt == start.adding(milliseconds: 10_000))
    }
}
