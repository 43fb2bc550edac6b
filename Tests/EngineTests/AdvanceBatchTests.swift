import Foundation
import JSON
import Scenarios
import Store
import Testing
@testable import Engine

/// An advance moves due jobs in batches of `Engine.dueBatchSize`, one transaction each, with their
/// history rows appended together: none of that may show in what an advance does.
@Suite struct AdvanceBatchTests {
    let start = Timestamp.defaultManualStart

    /// Creates `count` pipeline jobs in namespace `a`, concurrently (group commit), and returns their ids.
    private func createPipelines(_ count: Int, on engine: Engine) async throws -> [String] {
        try await withThrowingTaskGroup(of: [String].self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var ids: [String] = []
                    for _ in stride(from: worker, to: count, by: 8) {
                        ids.append(try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline")).id)
                    }
                    return ids
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }

    @Test func advanceOverSeveralBatches_movesEveryJobOnce_inDueTimeThenIdOrder_cascadesIncluded() async throws {
        let engine = try TestWorld.engine()
        let count = Engine.dueBatchSize * 2 + 150
        let ids = try await createPipelines(count, on: engine).sorted()
        #expect(Set(ids).count == count)

        // queued (10 s) → running (20 s) → done: every job moves twice, the second move a cascade
        // that falls due inside the same advance, after batches that all hold t = 10 s work.
        let transitions = try await engine.advance(namespace: "a", by: 30_000)
        #expect(transitions.count == 2 * count)
        #expect(transitions.prefix(count).map(\.jobID) == ids)
        #expect(transitions.prefix(count).allSatisfy { $0.toState == "running" && $0.at == start.adding(milliseconds: 10_000) })
        #expect(transitions.suffix(count).map(\.jobID) == ids)
        #expect(transitions.suffix(count).allSatisfy { $0.toState == "done" && $0.at == start.adding(milliseconds: 30_000) })

        // The history holds the same moves in the same order, each job's exactly once.
        let history = try engine.store.readSync { db in try db.events.list(namespace: "a", limit: 10 * count) }
        #expect(history.count == 3 * count)
        #expect(history.dropFirst(count).map { "\($0.jobID):\($0.toState)" } == transitions.map { "\($0.jobID):\($0.toState)" })
        #expect(history.map(\.seq) == history.map(\.seq).sorted())
        let last = try #require(ids.last)
        #expect(try await engine.events(jobID: last, namespace: "a").map(\.toState) == ["queued", "running", "done"])
        #expect(try await engine.job(id: last, namespace: "a")?.finishedAt == start.adding(milliseconds: 30_000))
        #expect(try await engine.jobs(namespace: "a", state: "done", limit: 1).total == count)
        #expect(try await engine.advance(namespace: "a", by: 60_000).isEmpty)
    }

    @Test func batchedMoves_areOnDisk_whenTheAdvanceReturns() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bm-advance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("engine.sqlite").path
        let count = Engine.dueBatchSize + 10
        do {
            let engine = try TestWorld.engine(path: path)
            _ = try await createPipelines(count, on: engine)
            #expect(try await engine.advance(namespace: "a", by: 10_000).count == count)
            try engine.store.close()
        }
        let reopened = try TestWorld.engine(path: path)
        #expect(try await reopened.jobs(namespace: "a", state: "running", limit: 1).total == count)
        let events = try reopened.store.readSync { db in try db.events.list(namespace: "a", limit: 10 * count) }
        #expect(events.filter { $0.toState == "running" }.count == count)
        #expect(Set(events.filter { $0.toState == "running" }.map(\.jobID)).count == count)
        try reopened.store.close()
    }

    @Test func eventDetail_isTheSerializedObject() {
        let entry = StepEntry(step: "run\"ning", state: "running", fromState: "queued", isTerminal: false, at: start,
                              trigger: "event:answer", effects: StepEffects(), eventPayload: nil)
        var withPayload = entry
        withPayload.eventPayload = ["answer": "eu-west \\ \u{1}", "n": 2]
        for (entry, fault) in [(entry, String?.none), (entry, "fail (flt_1)"), (withPayload, nil), (withPayload, "fail \"x\"")] {
            var object: [String: JSONValue] = ["step": .string(entry.step), "trigger": .string(entry.trigger)]
            if let fault { object["fault"] = .string(fault) }
            if let payload = entry.eventPayload { object["event"] = payload }
            #expect(Engine.eventDetail(entry, fault: fault) == JSONValue.object(object).serialized())
        }
    }

    @Test func lazyJitter_drawsExactlyTheJobsJitterStream() {
        let streams = RandomStreams(seed: 42, namespace: "a")
        var lazy = Engine.LazyJitter(streams: streams, jobID: "job_1", version: 3)
        var eager = streams.stream("jitter/job_1/3")
        #expect((0..<5).map { _ in lazy.next() } == (0..<5).map { _ in eager.next() })
    }
}
