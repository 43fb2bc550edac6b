import Testing
import Store

@Suite struct SQLiteConnectionTests {
    @Test func fileDatabase_opensWithWALAndPragmas() throws {
        let temp = try TemporaryDatabase()
        let db = try SQLiteConnection(path: temp.path, busyTimeoutMilliseconds: 1234)
        #expect(try db.queryFirst("PRAGMA journal_mode") { $0.string(0) } == "wal")
        #expect(try db.queryFirst("PRAGMA synchronous") { $0.int(0) } == 1) // NORMAL
        #expect(try db.queryFirst("PRAGMA foreign_keys") { $0.int(0) } == 1)
        #expect(try db.queryFirst("PRAGMA busy_timeout") { $0.int(0) } == 1234)
        #expect(!db.isInMemory)
        try db.close()
    }

    @Test func pageCache_isSmallForReaders_andLargerForTheStoreWriter() async throws {
        let temp = try TemporaryDatabase()
        let store = try Store(path: temp.path)
        let writer = try await store.write { try $0.queryFirst("PRAGMA cache_size") { $0.int(0) } }
        let reader = try await store.read { try $0.queryFirst("PRAGMA cache_size") { $0.int(0) } }
        #expect(writer == -SQLiteConnection.writerPageCacheKiB)
        #expect(reader == -SQLiteConnection.pageCacheKiB)
        #expect(SQLiteConnection.writerPageCacheKiB > SQLiteConnection.pageCacheKiB)
        try store.close()
    }

    @Test func memoryDatabase_isInMemory() throws {
        let db = try SQLiteConnection(path: ":memory:")
        #expect(db.isInMemory)
        #expect(try db.queryFirst("PRAGMA foreign_keys") { $0.int(0) } == 1)
        try db.close()
    }

    @Test func queryOnlyConnection_refusesWrites() throws {
        let temp = try TemporaryDatabase()
        let writer = try SQLiteConnection(path: temp.path)
        try writer.execute("CREATE TABLE t (x)")
        let reader = try SQLiteConnection(path: temp.path, queryOnly: true)
        #expect(throws: SQLiteError.self) { try reader.execute("INSERT INTO t VALUES (1)") }
        try reader.close()
        try writer.close()
    }

    @Test func openFailure_carriesPathAndMessage() throws {
        let path = "/nonexistent-buildermock-dir/x.sqlite"
        let error = try #require(throws: SQLiteError.self) { try SQLiteConnection(path: path) }
        guard case .open(let failedPath, let code, let message) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(failedPath == path)
        #expect(code & 0xFF == 14) // SQLITE_CANTOPEN
        #expect(message.contains("unable to open"))
    }

    @Test func cachedStatement_isPreparedOnceAndReused() throws {
        let db = try SQLiteConnection(path: ":memory:")
        try db.executeScript("CREATE TABLE t (x INTEGER)")
        let before = db.cachedStatementCount
        do {
            let first = try db.cachedStatement("INSERT INTO t VALUES (?)")
            try first.bind(1, at: 1)
            try first.run()
            let second = try db.cachedStatement("INSERT INTO t VALUES (?)")
            #expect(first === second)
            // Fetching resets and clears bindings: the earlier 1 does not leak into this run.
            try second.run()
        }
        try db.execute("INSERT INTO t VALUES (?)", [3])
        try db.execute("INSERT INTO t VALUES (?)", [4])
        #expect(db.cachedStatementCount == before + 1)
        let values = try db.query("SELECT x FROM t ORDER BY rowid") { $0.value(0) }
        #expect(values == [.integer(1), .null, .integer(3), .integer(4)])
        try db.close()
    }

    @Test func close_refusesWhileAStatementIsAlive_thenSucceeds() throws {
        let db = try SQLiteConnection(path: ":memory:")
        var statement: Statement? = try db.prepare("SELECT 42")
        #expect(try statement?.step() == true)
        #expect(throws: SQLiteError.unfinalizedStatements(path: ":memory:", sql: ["SELECT 42"])) { try db.close() }
        statement = nil
        try db.close()
    }

    @Test func values_roundTripEveryStorageClass() throws {
        let db = try SQLiteConnection(path: ":memory:")
        try db.executeScript("CREATE TABLE t (v)")
        let values: [SQLiteValue] = [
            .null, .integer(.max), .integer(.min), .real(-1.5), .text(""), .text("zero\u{0}byte 🚀 é"),
            .blob([]), .blob([0, 1, 255]),
        ]
        for value in values {
            try db.execute("INSERT INTO t VALUES (?)", [value])
        }
        #expect(try db.query("SELECT v FROM t ORDER BY rowid") { $0.value(0) } == values)
        try db.close()
    }

    @Test func namedParameters_bindAndUnknownNamesFail() throws {
        let db = try SQLiteConnection(path: ":memory:")
        let statement = try db.prepare("SELECT :a + :b")
        try statement.bind(2, named: ":a")
        try statement.bind(.integer(40), named: ":b")
        #expect(try statement.step())
        #expect(statement.int(0) == 42)
        #expect(throws: SQLiteError.unknownParameter(sql: "SELECT :a + :b", name: ":c")) {
            try statement.bind(1, named: ":c")
        }
    }

    @Test func prepare_refusesTrailingStatements() throws {
        let db = try SQLiteConnection(path: ":memory:")
        #expect(throws: SQLiteError.self) { try db.prepare("SELECT 1; SELECT 2") }
        _ = try db.prepare("SELECT 1;  ")
        try db.close()
    }

    @Test func persistence_acrossCloseAndReopen() throws {
        let temp = try TemporaryDatabase()
        do {
            let db = try SQLiteConnection(path: temp.path)
            try db.executeScript("CREATE TABLE t (x TEXT)")
            try db.execute("INSERT INTO t VALUES (?)", ["kept"])
            try db.close()
        }
        let db = try SQLiteConnection(path: temp.path)
        #expect(try db.queryFirst("SELECT x FROM t") { $0.string(0) } == "kept")
        try db.close()
    }
}
