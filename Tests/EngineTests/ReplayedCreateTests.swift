@testable import Engine
import Foundation
import Store
import Testing

/// Creates are replayable writes (`WriteIsolation.replayable`): queued together they share one
/// savepoint, and when one throws the others run again. What a create left in the engine's caches
/// before it was undone must not outlive the undo.
@Suite struct ReplayedCreateTests {
    /// Yields until `condition` holds; fails the test rather than hang if it never does.
    private func waitUntil(_ condition: () -> Bool) async {
        for _ in 0..<1_000_000 where !condition() { await Task.yield() }
        #expect(condition())
    }

    @Test func aCreateReplayedBecauseAnotherFailed_stillWritesItsNewNamespace() async throws {
        let engine = try TestWorld.engine()
        _ = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "gate", id: "job_taken"))
        // Hold the writer inside a transaction so the next two creates queue up and form one batch.
        let entered = DispatchSemaphore(value: 0)
        let gate = DispatchSemaphore(value: 0)
        engine.store.write({ _ in
            entered.signal()
            gate.wait()
        }, completion: { _ in })
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                entered.wait()
                continuation.resume()
            }
        }
        // The first create opens namespace "b" (its clock row and the engine's cached clock); the
        // second fails inside the same savepoint (the id is taken), so the first runs again.
        let fresh = Task { try await engine.createJob(NewJob(namespace: "b", service: "test", kind: "gate")) }
        await waitUntil { engine.store.queuedWriteCount == 1 }
        let taken = Task { try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "gate", id: "job_taken")) }
        await waitUntil { engine.store.queuedWriteCount == 2 }
        gate.signal()

        let created = try await fresh.value
        await #expect(throws: (any Error).self) { try await taken.value }
        #expect(engine.store.writeStatistics.replayedWrites == 2)
        // The replay wrote the namespace's row again: the cached clock had been dropped with the undo.
        #expect(try engine.store.readSync { try $0.namespaces.get("b") } != nil)
        #expect(try await engine.job(id: created.id, namespace: "b")?.state == "processing")
        #expect(try engine.store.readSync { try $0.jobs.list(namespace: "a", limit: 10).total } == 1)
    }

    @Test func aFailedCreate_inANewNamespace_leavesNoClockBehindWithoutItsRow() async throws {
        let engine = try TestWorld.engine()
        _ = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "gate", id: "job_taken"))
        // Opens namespace "c" (row and cached clock), then fails on the taken id: all of it undone.
        await #expect(throws: (any Error).self) {
            try await engine.createJob(NewJob(namespace: "c", service: "test", kind: "gate", id: "job_taken"))
        }
        #expect(try engine.store.readSync { try $0.namespaces.get("c") } == nil)
        // The next create in "c" writes the clock row the failed one lost.
        _ = try await engine.createJob(NewJob(namespace: "c", service: "test", kind: "gate"))
        #expect(try engine.store.readSync { try $0.namespaces.get("c") } != nil)
    }
}
