import Testing
import Store

@Suite struct TransactionTests {
    private func makeTable() throws -> SQLiteConnection {
        let db = try SQLiteConnection(path: ":memory:")
        try db.executeScript("CREATE TABLE t (x INTEGER UNIQUE)")
        return db
    }

    private func values(_ db: SQLiteConnection) throws -> [Int] {
        try db.query("SELECT x FROM t ORDER BY x") { $0.int(0) }
    }

    @Test func transaction_commitsAndReturnsTheBodysValue() throws {
        let db = try makeTable()
        let result = try db.transaction {
            try db.execute("INSERT INTO t VALUES (1)")
            return "done"
        }
        #expect(result == "done")
        #expect(!db.isInTransaction)
        #expect(try values(db) == [1])
        try db.close()
    }

    @Test func transaction_rollsBackOnThrow_andRethrowsTheFirstError() throws {
        let db = try makeTable()
        #expect(throws: TestFailure(tag: "first")) {
            try db.transaction {
                try db.execute("INSERT INTO t VALUES (1)")
                throw TestFailure(tag: "first")
            }
        }
        #expect(!db.isInTransaction)
        #expect(try values(db) == [])
        try db.close()
    }

    @Test func transaction_rollsBackOnSQLiteError() throws {
        let db = try makeTable()
        try db.execute("INSERT INTO t VALUES (1)")
        #expect(throws: SQLiteError.self) {
            try db.transaction {
                try db.execute("INSERT INTO t VALUES (2)")
                try db.execute("INSERT INTO t VALUES (1)") // UNIQUE violation
            }
        }
        #expect(try values(db) == [1])
        try db.close()
    }

    @Test func nestedTransaction_isRefused() throws {
        let db = try makeTable()
        #expect(throws: SQLiteError.nestedTransaction) {
            try db.transaction { try db.transaction {} }
        }
        #expect(!db.isInTransaction)
        try db.close()
    }

    @Test func savepoint_undoesOnlyItsOwnWork() throws {
        let db = try makeTable()
        try db.transaction {
            try db.execute("INSERT INTO t VALUES (1)")
            #expect(throws: TestFailure(tag: "inner")) {
                try db.savepoint {
                    try db.execute("INSERT INTO t VALUES (2)")
                    throw TestFailure(tag: "inner")
                }
            }
            try db.savepoint { try db.execute("INSERT INTO t VALUES (3)") }
        }
        #expect(try values(db) == [1, 3])
        try db.close()
    }
}
