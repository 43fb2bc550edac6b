@testable import Engine
import Foundation
import JSON
import Store
import Testing

/// `JobReadCache`: a poll of an unchanged job skips SQLite, and no read ever returns a job older than
/// the last write its caller saw complete.
@Suite struct JobReadCacheTests {
    private static func job(_ id: String, namespace: String = "a", state: String = "queued") -> Job {
        Job(id: id, namespace: namespace, service: "test", kind: "pipeline", state: state, step: "queued",
            dueAt: nil, scenario: "default", request: [:], data: [:], createdAt: .defaultManualStart,
            updatedAt: .defaultManualStart, finishedAt: nil, version: 1)
    }

    @Test func entry_isServedOnlyAtTheGenerationItWasReadAt() {
        let cache = JobReadCache(capacity: 8)
        cache.store(Self.job("job_1"), generation: 3)
        #expect(cache.job(id: "job_1", namespace: "a", generation: 3)?.state == "queued")
        #expect(cache.job(id: "job_1", namespace: "a", generation: 4) == nil)
        #expect(cache.job(id: "job_1", namespace: "b", generation: 3) == nil)
        #expect(cache.job(id: "job_2", namespace: "a", generation: 3) == nil)
    }

    @Test func aFullCache_startsOver_soMemoryStaysBounded() {
        let cache = JobReadCache(capacity: 3)
        for n in 0..<3 { cache.store(Self.job("job_\(n)"), generation: 1) }
        #expect(cache.count == 3)
        cache.store(Self.job("job_3"), generation: 1)
        #expect(cache.count == 1)
        #expect(cache.job(id: "job_3", namespace: "a", generation: 1) != nil)
    }

    @Test(arguments: [false, true])
    func pollsBetweenWrites_alwaysSeeTheLatestCommittedState(onFile: Bool) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jrc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = try TestWorld.engine(path: onFile ? folder.appendingPathComponent("db.sqlite").path : ":memory:")
        let job = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "gate"))
        #expect(try await engine.job(id: job.id, namespace: "a")?.state == "processing")
        #expect(engine.readCache.count == 1)
        // Served from the cache: same generation, same answer.
        #expect(try await engine.job(id: job.id, namespace: "a")?.state == "processing")
        _ = try await engine.advance(namespace: "a", by: 5_000)
        #expect(try await engine.job(id: job.id, namespace: "a")?.state == "gathering")
        _ = try await engine.send(event: "answer", payload: ["message": "EU"], toJob: job.id, namespace: "a")
        #expect(try await engine.job(id: job.id, namespace: "a")?.state == "processing")
        // A write that touches no job leaves cached jobs valid.
        let before = engine.store.jobsGeneration
        try await engine.store.write { db in try db.keyValues.set(namespace: "a", key: "unrelated", value: .integer(1)) }
        #expect(engine.store.jobsGeneration == before)
        _ = try await engine.deleteJob(id: job.id, namespace: "a")
        #expect(try await engine.job(id: job.id, namespace: "a") == nil)
    }
}
