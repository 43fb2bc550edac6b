import Testing
import Store

@Suite struct EventRecordsTests {
    @Test func events_listInAppendOrder_perJobAndPerNamespace() throws {
        let db = try makeMigratedConnection()
        try db.jobs.insert(.make(id: "j1", createdAt: 40))
        try db.jobs.insert(.make(id: "j2", createdAt: 7))
        // The job's created time given (as the engine does) or looked up by id.
        let s1 = try db.events.append(JobEventRecord(jobID: "j1", jobCreatedAt: 40, namespace: "ns", at: 0, fromState: nil,
                                                     toState: "queued"))
        let s2 = try db.events.append(JobEventRecord(jobID: "j2", namespace: "ns", at: 5, fromState: nil, toState: "queued"))
        let s3 = try db.events.append(JobEventRecord(jobID: "j1", namespace: "ns", at: 10, fromState: "queued",
                                                     toState: "building", detail: #"{"step":1}"#))
        #expect(s1 < s2 && s2 < s3)

        let history = try db.events.list(jobID: "j1")
        #expect(history == [
            JobEventRecord(seq: s1, jobID: "j1", jobCreatedAt: 40, namespace: "ns", at: 0, fromState: nil, toState: "queued"),
            JobEventRecord(seq: s3, jobID: "j1", jobCreatedAt: 40, namespace: "ns", at: 10, fromState: "queued",
                           toState: "building", detail: #"{"step":1}"#),
        ])
        #expect(try db.events.list(jobID: "j2").map(\.jobCreatedAt) == [7])
        #expect(try db.events.list(jobID: "nope").isEmpty)
        #expect(try db.events.list(namespace: "ns", after: s1, limit: 10).map(\.seq) == [s2, s3])
        #expect(try db.events.list(namespace: "ns", limit: 1).map(\.seq) == [s1])
        try db.close()
    }

    @Test func history_isKeyedByTheJobsCreatedTimeAndID() throws {
        let db = try makeMigratedConnection()
        try db.jobs.insert(.make(id: "j1", createdAt: 40))
        try db.jobs.insert(.make(id: "j2", createdAt: 40))
        // A created time that is not the job's names no job: the foreign key refuses it.
        #expect(throws: SQLiteError.self) {
            try db.events.append(JobEventRecord(jobID: "j1", jobCreatedAt: 41, namespace: "ns", at: 0, fromState: nil,
                                                toState: "queued"))
        }
        try db.events.append(contentsOf: [
            JobEventRecord(jobID: "j1", jobCreatedAt: 40, namespace: "ns", at: 0, fromState: nil, toState: "queued"),
            JobEventRecord(jobID: "j2", namespace: "ns", at: 0, fromState: nil, toState: "queued"),
        ])
        // A job's history is read through job_events_job, not by walking the table.
        let plan = try db.query("""
            EXPLAIN QUERY PLAN SELECT seq FROM job_events
            WHERE job_created_at = (SELECT created_at FROM jobs WHERE id = ?1) AND job_id = ?1 ORDER BY seq
            """, [.text("j1")]) { $0.string(3) }
        #expect(plan.contains { $0.contains("job_events_job") })
        #expect(!plan.contains { $0.hasPrefix("SCAN") })
        // Deleting a job takes its history with it, and only its history.
        #expect(try db.jobs.delete(id: "j1"))
        #expect(try db.events.list(jobID: "j1").isEmpty)
        #expect(try db.events.list(jobID: "j2").count == 1)
        #expect(try db.queryFirst("SELECT COUNT(*) FROM job_events") { $0.int(0) } == 1)
        try db.close()
    }

    @Test func appendContentsOf_insertsEveryRowInOrder_acrossStatementBoundaries() throws {
        let db = try makeMigratedConnection()
        try db.jobs.insert(.make(id: "j1"))
        try db.jobs.insert(.make(id: "j2"))
        let first = try db.events.append(JobEventRecord(jobID: "j1", namespace: "ns", at: 0, fromState: nil, toState: "queued"))
        // Two full statements and a remainder.
        let count = EventRecords.rowsPerStatement * 2 + 5
        let events = (0..<count).map { index in
            JobEventRecord(jobID: index.isMultiple(of: 3) ? "j2" : "j1", namespace: "ns", at: Int64(index),
                           fromState: index == 0 ? nil : "s\(index - 1)", toState: "s\(index)", detail: #"{"i":\#(index)}"#)
        }
        try db.events.append(contentsOf: events)
        try db.events.append(contentsOf: [])
        let stored = try db.events.list(namespace: "ns", after: first, limit: 1_000)
        #expect(stored.map { JobEventRecord(jobID: $0.jobID, namespace: $0.namespace, at: $0.at, fromState: $0.fromState,
                                            toState: $0.toState, detail: $0.detail) } == events)
        #expect(stored.map(\.seq) == Array(first + 1...first + Int64(count)))
        // A row for a job that does not exist fails the whole call like a single append would.
        #expect(throws: SQLiteError.self) {
            try db.events.append(contentsOf: [JobEventRecord(jobID: "missing", namespace: "ns", at: 0, fromState: nil,
                                                             toState: "x")])
        }
        try db.close()
    }
}
