/// One numbered step of the schema; applied once, in its own transaction, and recorded in `schema_version`.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    let apply: @Sendable (SQLiteConnection) throws -> Void

    public init(version: Int, name: String, apply: @escaping @Sendable (SQLiteConnection) throws -> Void) {
        self.version = version
        self.name = name
        self.apply = apply
    }

    /// A migration that is one SQL script, the usual case.
    public init(version: Int, name: String, sql: String) {
        self.init(version: version, name: name) { db in try db.executeScript(sql) }
    }
}
