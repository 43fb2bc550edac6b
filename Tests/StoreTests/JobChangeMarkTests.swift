@testable import Store
import Testing

/// Every write `JobRecords` makes marks its connection, which is what makes `Store.jobsGeneration`
/// move and cached job reads go stale; a read does not.
@Suite struct JobChangeMarkTests {
    private static func marks(_ db: SQLiteConnection, _ body: () throws -> Void) rethrows -> Bool {
        db.jobsChanged = false
        try body()
        defer { db.jobsChanged = false }
        return db.jobsChanged
    }

    @Test func everyJobWrite_marksTheConnection_andReadsDoNot() throws {
        let db = try makeMigratedConnection()
        var job = JobRecord.make(id: "job_1")
        #expect(try Self.marks(db) { try db.jobs.insert(job) })
        #expect(try !Self.marks(db) { _ = try db.jobs.get(id: "job_1") })
        #expect(try !Self.marks(db) { _ = try db.jobs.get(id: "job_1", namespace: "ns") })
        job.state = "running"
        #expect(try Self.marks(db) { _ = try db.jobs.update(job) })
        #expect(try Self.marks(db) {
            _ = try db.jobs.update(ids: ["job_1"], version: 2, state: "done", step: 2, dueAt: nil, updatedAt: 1)
        })
        #expect(try Self.marks(db) { _ = try db.jobs.delete(id: "job_1") })
        #expect(try Self.marks(db) { _ = try db.jobs.deleteAll(namespace: "ns") })
    }
}
