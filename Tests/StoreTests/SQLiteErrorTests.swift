import Testing
import Store

@Suite struct SQLiteErrorTests {
    @Test func prepareError_carriesSQLAndMessage() throws {
        let db = try SQLiteConnection(path: ":memory:")
        let sql = "SELECT * FROM missing_table"
        let error = try #require(throws: SQLiteError.self) { try db.prepare(sql) }
        #expect(error == .prepare(sql: sql, code: 1, message: "no such table: missing_table"))
        #expect(error.description.contains(sql))
        #expect(error.description.contains("no such table"))
    }

    @Test func duplicateKey_isAConstraintErrorWithSQL() throws {
        let db = try makeMigratedConnection()
        try db.jobs.insert(.make(id: "job_1"))
        let error = try #require(throws: SQLiteError.self) { try db.jobs.insert(.make(id: "job_1")) }
        guard case .constraint(let sql, let code, let message) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(sql.contains("INSERT INTO jobs"))
        #expect(code == 2067) // SQLITE_CONSTRAINT_UNIQUE: ids are kept unique by jobs_id (migration 7)
        #expect(message == "UNIQUE constraint failed: jobs.id")
        try db.close()
    }

    @Test func runtimeError_isAStepErrorWithSQL() throws {
        let db = try SQLiteConnection(path: ":memory:")
        // A runtime failure that prepare cannot see: json() of invalid JSON.
        let sql = "SELECT json('{not json')"
        let error = try #require(throws: SQLiteError.self) { try db.queryFirst(sql) { $0.string(0) } }
        #expect(error == .step(sql: sql, code: 1, message: "malformed JSON"))
        try db.close()
    }

    @Test func foreignKeyViolation_isAConstraintError() throws {
        let db = try makeMigratedConnection()
        let event = JobEventRecord(jobID: "no_such_job", namespace: "ns", at: 0, fromState: nil, toState: "queued")
        #expect {
            try db.events.append(event)
        } throws: { error in
            guard case SQLiteError.constraint(_, let code, let message) = error else { return false }
            return code == 787 && message == "FOREIGN KEY constraint failed"
        }
        try db.close()
    }
}
