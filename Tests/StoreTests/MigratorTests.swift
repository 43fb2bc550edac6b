import Testing
import Store

@Suite struct MigratorTests {
    @Test func freshDatabase_isMigratedToTheCurrentVersion() throws {
        let db = try SQLiteConnection(path: ":memory:")
        #expect(try Migrator.currentVersion(of: db) == 0)
        let applied = try Migrator.migrate(db)
        #expect(applied == Array(1...Schema.currentVersion))
        #expect(try Migrator.currentVersion(of: db) == Schema.currentVersion)
        #expect(try Migrator.migrate(db) == [])
        try db.close()
    }

    @Test func olderDatabase_getsOnlyTheMissingMigrations_andKeepsItsData() throws {
        let temp = try TemporaryDatabase()
        do {
            // A database as version 1 of the code left it.
            let db = try SQLiteConnection(path: temp.path)
            try Migrator.migrate(db, with: Array(Schema.migrations.prefix(1)))
            try db.jobs.insert(.make(id: "job_old"))
            #expect(throws: SQLiteError.self) { try db.execute("SELECT * FROM journal") }
            try db.close()
        }
        let store = try Store(path: temp.path)
        #expect(try store.schemaVersion() == Schema.currentVersion)
        try store.readSync { db in
            #expect(try db.jobs.get(id: "job_old") != nil)
            #expect(try db.queryFirst("SELECT COUNT(*) FROM journal") { $0.int(0) } == 0)
            let recorded = try db.query("SELECT version FROM schema_version ORDER BY version") { $0.int(0) }
            #expect(recorded == Array(1...Schema.currentVersion))
        }
        try store.close()
    }

    @Test func newerDatabase_isRefusedWithAClearError() throws {
        let temp = try TemporaryDatabase()
        do {
            let db = try SQLiteConnection(path: temp.path)
            try Migrator.migrate(db)
            try db.execute("INSERT INTO schema_version (version, name) VALUES (99, 'from the future')")
            try db.close()
        }
        #expect(throws: SQLiteError.schemaTooNew(path: temp.path, found: 99, supported: Schema.currentVersion)) {
            try Store(path: temp.path)
        }
    }

    @Test func failingMigration_rollsBackAndLeavesThePreviousVersion() throws {
        let db = try SQLiteConnection(path: ":memory:")
        let migrations = [
            Migration(version: 1, name: "one", sql: "CREATE TABLE a (x)"),
            Migration(version: 2, name: "broken", sql: "CREATE TABLE b (x); CREATE TABLE a (x)"),
        ]
        #expect(throws: SQLiteError.self) { try Migrator.migrate(db, with: migrations) }
        #expect(try Migrator.currentVersion(of: db) == 1)
        #expect(try db.queryFirst("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'b'") { $0.int(0) } == 0)
        try db.close()
    }

    @Test func addingAMigration_isAppendingOne() throws {
        let db = try SQLiteConnection(path: ":memory:")
        try Migrator.migrate(db)
        let next = Schema.migrations + [
            Migration(version: Schema.currentVersion + 1, name: "webhooks", sql: "CREATE TABLE webhook_deliveries (id TEXT)"),
        ]
        #expect(try Migrator.migrate(db, with: next) == [Schema.currentVersion + 1])
        try db.close()
    }
}
