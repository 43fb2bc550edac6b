/// One numbered step of the schema; applied once, in its own transaction, and recorded in `schema_version`.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    /// Runs with foreign-key enforcement off, for a step that rebuilds a table others reference
    /// (https://www.sqlite.org/lang_altertable.html#otheralter): with it on, dropping the old table
    /// would first delete its rows and cascade into the referencing tables. The migrator checks
    /// every foreign key before it commits.
    public let rebuildsReferencedTables: Bool
    let apply: @Sendable (SQLiteConnection) throws -> Void

    public init(version: Int, name: String, rebuildsReferencedTables: Bool = false,
                apply: @escaping @Sendable (SQLiteConnection) throws -> Void) {
        self.version = version
        self.name = name
        self.rebuildsReferencedTables = rebuildsReferencedTables
        self.apply = apply
    }

    /// A migration that is one SQL script, the usual case.
    public init(version: Int, name: String, rebuildsReferencedTables: Bool = false, sql: String) {
        self.init(version: version, name: name, rebuildsReferencedTables: rebuildsReferencedTables) { db in
            try db.executeScript(sql)
        }
    }
}
