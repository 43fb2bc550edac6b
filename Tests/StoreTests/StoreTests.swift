import Dispatch
import Foundation
import Testing
import Store

/// Collects completions that arrive on the writer queue.
private final class Outcomes: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var results: [String: Result<Int, any Error>] = [:]

    func record(_ id: String, _ result: Result<Int, any Error>) {
        lock.lock()
        results[id] = result
        lock.unlock()
    }

    subscript(id: String) -> Result<Int, any Error>? {
        lock.lock()
        defer { lock.unlock() }
        return results[id]
    }
}

/// Holds the writer inside a transaction until `release()`, so later writes queue up behind it.
private struct WriterGate {
    let entered = DispatchSemaphore(value: 0)
    let gate = DispatchSemaphore(value: 0)
    let finished = DispatchSemaphore(value: 0)

    func hold(_ store: Store, doing work: @escaping @Sendable (SQLiteConnection) throws -> Void = { _ in }) {
        store.write({ [entered, gate] db in
            try work(db)
            entered.signal()
            gate.wait()
        }, completion: { [finished] _ in finished.signal() })
        entered.wait()
    }

    func release() {
        gate.signal()
        finished.wait()
    }
}

@Suite struct StoreTests {
    @Test func write_thenRead_async() async throws {
        let temp = try TemporaryDatabase()
        let store = try Store(path: temp.path)
        try await store.write { db in try db.jobs.insert(.make(id: "job_1")) }
        let state = try await store.read { db in try db.jobs.get(id: "job_1")?.state }
        #expect(state == "queued")
        await #expect(throws: TestFailure(tag: "mine")) {
            try await store.write { _ in throw TestFailure(tag: "mine") }
        }
        try store.close()
    }

    @Test func jobsGeneration_growsWithCommittedJobChanges_beforeTheWriterAnswers() async throws {
        let temp = try TemporaryDatabase()
        let store = try Store(path: temp.path)
        let start = store.jobsGeneration
        try await store.write { db in try db.jobs.insert(.make(id: "job_1")) }
        let afterInsert = store.jobsGeneration
        #expect(afterInsert > start)
        try await store.write { db in try db.keyValues.set(namespace: "ns", key: "k", value: .integer(1)) }
        #expect(store.jobsGeneration == afterInsert)
        // Several writes in one group commit, one of them a job change: counted before any returns.
        async let other: Void = store.write { db in try db.keyValues.set(namespace: "ns", key: "j", value: .integer(2)) }
        let seen = try await store.write { db -> Bool in try db.jobs.delete(id: "job_1") }
        #expect(seen)
        #expect(store.jobsGeneration > afterInsert)
        try await other
        try store.close()
    }

    @Test func writeSync_thenReadSync() throws {
        let temp = try TemporaryDatabase()
        let store = try Store(path: temp.path)
        let next = try store.writeSync { db in try db.sequences.next(namespace: "ns", name: "ids") }
        #expect(next == 1)
        #expect(try store.readSync { try $0.sequences.current(namespace: "ns", name: "ids") } == 1)
        #expect(throws: SQLiteError.self) {
            try store.writeSync { db in try db.jobs.insert(.make(id: "dup")); try db.jobs.insert(.make(id: "dup")) }
        }
        #expect(try store.readSync { try $0.jobs.get(id: "dup") } == nil)
        try store.close()
    }

    @Test func groupCommit_batchesQueuedWrites_andAFailingOneLosesOnlyItsOwnWork() throws {
        let temp = try TemporaryDatabase()
        let store = try Store(path: temp.path)
        let outcomes = Outcomes()
        let done = DispatchGroup()
        let writer = WriterGate()
        writer.hold(store) { db in try db.jobs.insert(.make(id: "first")) }

        // The writer is inside a transaction: these queue up and must share the next one.
        for id in ["a", "bad", "c"] {
            done.enter()
            store.write({ db in
                try db.jobs.insert(.make(id: id))
                if id == "bad" { throw TestFailure(tag: id) }
                return 1
            }, completion: { result in
                outcomes.record(id, result)
                done.leave()
            })
        }
        writer.release()
        done.wait()

        #expect(store.writeStatistics == WriteStatistics(transactions: 2, writes: 4, largestBatch: 3))
        #expect(throws: TestFailure(tag: "bad")) { try outcomes["bad"]?.get() }
        #expect(try outcomes["a"]?.get() == 1)
        #expect(try outcomes["c"]?.get() == 1)
        let ids = try store.readSync { try $0.jobs.list(namespace: "ns", limit: 10).items.map(\.id) }
        #expect(Set(ids) == ["first", "a", "c"])
        try store.close()
    }

    @Test func replayableWrites_shareASavepoint_andAFailingOneIsReplayedAloneWithItsGroup() throws {
        let temp = try TemporaryDatabase()
        let store = try Store(path: temp.path)
        let outcomes = Outcomes()
        let runs = Outcomes()
        let replays = Outcomes()
        store.onReplay { replays.record("handler", .success(((try? replays["handler"]?.get()) ?? 0) + 1)) }
        let done = DispatchGroup()
        let writer = WriterGate()
        writer.hold(store)

        // Queued behind the held transaction, so they form one batch: groups [a, b] and [c, bad]
        // around the savepoint write "plain", then d in a group of its own after the replay.
        for (id, isolation) in [("a", WriteIsolation.replayable), ("b", .replayable), ("plain", .savepoint),
                                ("c", .replayable), ("bad", .replayable), ("d", .replayable)] {
            done.enter()
            store.write(isolation: isolation, { db in
                runs.record(id, .success(((try? runs[id]?.get()) ?? 0) + 1))
                // A held counter: what a rolled-back group drew must be drawn again by the replay.
                let drawn = try db.sequences.next(namespace: "ns", name: "n")
                try db.jobs.insert(.make(id: id))
                if id == "bad" { throw TestFailure(tag: id) }
                return Int(drawn)
            }, completion: { result in
                outcomes.record(id, result)
                done.leave()
            })
        }
        writer.release()
        done.wait()

        #expect(throws: TestFailure(tag: "bad")) { try outcomes["bad"]?.get() }
        #expect(try ["a", "b", "plain", "c", "d"].map { try outcomes[$0]?.get() } == [1, 2, 3, 4, 5])
        // Only the group that held the failing write ran again, each of its writes once more.
        #expect(try ["a", "b", "plain", "c", "bad", "d"].map { try runs[$0]?.get() } == [1, 1, 1, 2, 2, 1])
        #expect(try replays["handler"]?.get() == 1)
        let statistics = store.writeStatistics
        #expect(statistics.replayedWrites == 2 && statistics.transactions == 2 && statistics.largestBatch == 6)
        let ids = try store.readSync { try $0.jobs.list(namespace: "ns", limit: 10).items.map(\.id) }
        #expect(Set(ids) == ["a", "b", "plain", "c", "d"])
        #expect(try store.readSync { try $0.sequences.current(namespace: "ns", name: "n") } == 5)
        try store.close()
    }

    @Test func groupCommit_batchesAreBounded() throws {
        let store = try Store(path: ":memory:", configuration: .init(maximumBatchSize: 2))
        let done = DispatchGroup()
        let writer = WriterGate()
        writer.hold(store)
        for i in 0..<5 {
            done.enter()
            store.write({ db in try db.sequences.next(namespace: "ns", name: "n") }, completion: { _ in done.leave() })
            _ = i
        }
        writer.release()
        done.wait()
        #expect(store.writeStatistics == WriteStatistics(transactions: 4, writes: 6, largestBatch: 2))
        #expect(try store.readSync { try $0.sequences.current(namespace: "ns", name: "n") } == 5)
        try store.close()
    }

    @Test func readers_seeTheLastCommit_andAreNotBlocked_duringALongWrite() throws {
        let temp = try TemporaryDatabase()
        let store = try Store(path: temp.path)
        try store.writeSync { db in try db.jobs.insert(.make(id: "job_1")) }

        let writer = WriterGate()
        writer.hold(store) { db in
            var job = try #require(try db.jobs.get(id: "job_1"))
            job.state = "building"
            _ = try db.jobs.update(job)
        }
        // The write holds its transaction open: a reader still answers, from the last commit.
        #expect(try store.readSync { try $0.jobs.get(id: "job_1")?.state } == "queued")
        writer.release()
        #expect(try store.readSync { try $0.jobs.get(id: "job_1")?.state } == "building")
        try store.close()
    }

    @Test func read_keepsOneSnapshotAcrossACommit() throws {
        let temp = try TemporaryDatabase()
        let store = try Store(path: temp.path)
        try store.writeSync { db in try db.jobs.insert(.make(id: "job_1")) }
        let counts = try store.readSync { db in
            let before = try db.jobs.list(namespace: "ns", limit: 1).total
            // Commits while this read is open, from the writer's connection.
            try store.writeSync { db in try db.jobs.insert(.make(id: "job_2")) }
            let after = try db.jobs.list(namespace: "ns", limit: 1).total
            return (before, after)
        }
        #expect(counts == (1, 1))
        #expect(try store.readSync { try $0.jobs.list(namespace: "ns", limit: 1).total } == 2)
        try store.close()
    }

    @Test func concurrentAsyncWrites_allCommit() async throws {
        let temp = try TemporaryDatabase()
        let store = try Store(path: temp.path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<200 {
                group.addTask {
                    try await store.write { db in try db.jobs.insert(.make(id: "job_\(i)", createdAt: Int64(i))) }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.read { try $0.jobs.list(namespace: "ns", limit: 1).total } == 200)
        let statistics = store.writeStatistics
        #expect(statistics.writes == 200)
        #expect(statistics.transactions <= 200)
        try store.close()
    }

    @Test func memoryStore_readsThroughTheWriter() async throws {
        let store = try Store(path: ":memory:")
        #expect(store.isInMemory)
        try await store.write { db in try db.keyValues.set(namespace: "ns", key: "k", value: "v") }
        #expect(try await store.read { try $0.keyValues.get(namespace: "ns", key: "k") } == .text("v"))
        #expect(try store.schemaVersion() == Schema.currentVersion)
        try store.close()
    }

    @Test func fileStore_persistsAcrossCloseAndReopen() async throws {
        let temp = try TemporaryDatabase()
        do {
            let store = try Store(path: temp.path)
            try await store.write { db in try db.jobs.insert(.make(id: "job_kept")) }
            try store.close()
        }
        let store = try Store(path: temp.path)
        #expect(try await store.read { try $0.jobs.get(id: "job_kept")?.id } == "job_kept")
        try store.close()
    }

    @Test func closedStore_refusesWork() async throws {
        let temp = try TemporaryDatabase()
        let store = try Store(path: temp.path)
        try store.close()
        await #expect(throws: SQLiteError.closed) { try await store.write { _ in 1 } }
        #expect(throws: SQLiteError.closed) { try store.readSync { _ in 1 } }
    }
}

@Suite struct CheckpointerTests {
    @Test func largeCommit_isCheckpointedOffTheWriter() throws {
        let temp = try TemporaryDatabase()
        let store = try Store(path: temp.path)
        let payload = "{\"blob\":\"" + String(repeating: "x", count: 4_000) + "\"}"
        // About 1,200 pages of 4 KiB: past the 1,000-page threshold in one commit.
        try store.writeSync { db in
            for i in 0..<1_200 {
                var job = JobRecord.make(id: "job_\(i)")
                job.payload = payload
                try db.jobs.insert(job)
            }
        }
        try store.close()
        let statistics = store.writeStatistics
        #expect(statistics.checkpoints == 1)
        #expect(statistics.checkpointFailures == 0)

        let reopened = try Store(path: temp.path)
        #expect(try reopened.readSync { try $0.jobs.list(namespace: "ns", limit: 1).total } == 1_200)
        try reopened.close()
    }
}
