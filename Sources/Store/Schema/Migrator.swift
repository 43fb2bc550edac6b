/// Brings a database up to the newest of a list of migrations, or refuses a newer one.
public enum Migrator {
    /// The highest version recorded in `schema_version`; 0 for a fresh database.
    public static func currentVersion(of db: SQLiteConnection) throws -> Int {
        let exists = try db.queryFirst(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'") { _ in true } ?? false
        guard exists else { return 0 }
        return try db.queryFirst("SELECT MAX(version) FROM schema_version") { $0.isNull(0) ? 0 : $0.int(0) } ?? 0
    }

    /// Applies every migration newer than the database, each in its own transaction, so a crash
    /// between two leaves a database at a recorded version rather than half-way through one.
    /// - Returns: the versions applied.
    @discardableResult
    public static func migrate(_ db: SQLiteConnection, with migrations: [Migration] = Schema.migrations) throws -> [Int] {
        let versions = migrations.map(\.version)
        precondition(versions.enumerated().allSatisfy { $0.offset + 1 == $0.element },
                     "migrations must be numbered 1, 2, 3… in order; got \(versions)")
        try db.executeScript("""
            CREATE TABLE IF NOT EXISTS schema_version (
                version INTEGER PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                -- Wall time on purpose: bookkeeping for humans, never shown by an emulated API.
                applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            )
            """)
        let current = try currentVersion(of: db)
        let supported = versions.last ?? 0
        guard current <= supported else {
            throw SQLiteError.schemaTooNew(path: db.path, found: current, supported: supported)
        }
        var applied: [Int] = []
        for migration in migrations where migration.version > current {
            // The pragma is a no-op inside a transaction, so it is switched around it.
            if migration.rebuildsReferencedTables { try db.executeScript("PRAGMA foreign_keys = OFF") }
            defer {
                // Outside a transaction (committed or rolled back by now) this pragma cannot fail.
                if migration.rebuildsReferencedTables { try? db.executeScript("PRAGMA foreign_keys = ON") }
            }
            try db.transaction {
                try migration.apply(db)
                if migration.rebuildsReferencedTables { try checkForeignKeys(db, after: migration) }
                try db.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)",
                               [.integer(Int64(migration.version)), .text(migration.name)])
            }
            applied.append(migration.version)
        }
        return applied
    }

    /// Throws (rolling the migration back) if a rebuilt table left a dangling reference.
    private static func checkForeignKeys(_ db: SQLiteConnection, after migration: Migration) throws {
        let violations = try db.query("PRAGMA foreign_key_check") { "\($0.string(0)) row \($0.int64(1)) → \($0.string(2))" }
        guard violations.isEmpty else {
            // 787 is SQLITE_CONSTRAINT_FOREIGNKEY, a macro Swift does not import.
            throw SQLiteError.constraint(sql: "PRAGMA foreign_key_check", code: 787,
                                   message: "migration \(migration.version) (\(migration.name)) broke foreign keys: "
                                       + violations.prefix(5).joined(separator: ", "))
        }
    }
}
