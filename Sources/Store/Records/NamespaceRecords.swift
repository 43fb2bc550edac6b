/// One row of `namespaces`: a namespace and its clock's stored state.
public struct NamespaceRecord: Sendable, Hashable {
    public var name: String
    /// The engine's word for the clock kind ("real", "manual").
    public var clockMode: String
    /// Manual clock: the frozen now. Real clock: the virtual time at `clockAnchorWallMs`.
    public var clockNowMs: Int64
    public var clockAnchorWallMs: Int64?
    public var timeScale: Double
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(name: String, clockMode: String, clockNowMs: Int64, clockAnchorWallMs: Int64? = nil,
                timeScale: Double = 1.0, createdAt: Int64, updatedAt: Int64) {
        self.name = name
        self.clockMode = clockMode
        self.clockNowMs = clockNowMs
        self.clockAnchorWallMs = clockAnchorWallMs
        self.timeScale = timeScale
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    static let columns = "name, clock_mode, clock_now_ms, clock_anchor_wall_ms, time_scale, created_at, updated_at"

    init(row s: Statement) {
        self.init(name: s.string(0), clockMode: s.string(1), clockNowMs: s.int64(2),
                  clockAnchorWallMs: s.optionalInt64(3), timeScale: s.double(4), createdAt: s.int64(5),
                  updatedAt: s.int64(6))
    }

    var arguments: [SQLiteValue] {
        [.text(name), .text(clockMode), .integer(clockNowMs), SQLiteValue(clockAnchorWallMs), .real(timeScale),
         .integer(createdAt), .integer(updatedAt)]
    }
}

/// Typed queries on `namespaces`.
public struct NamespaceRecords {
    let db: SQLiteConnection

    public init(_ db: SQLiteConnection) { self.db = db }

    public func get(_ name: String) throws -> NamespaceRecord? {
        try db.queryFirst("SELECT \(NamespaceRecord.columns) FROM namespaces WHERE name = ?", [.text(name)],
                          row: NamespaceRecord.init(row:))
    }

    /// Inserts unless the name exists. - Returns: whether it inserted.
    @discardableResult
    public func insertIfAbsent(_ namespace: NamespaceRecord) throws -> Bool {
        try db.execute("""
            INSERT INTO namespaces (\(NamespaceRecord.columns)) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (name) DO NOTHING
            """, namespace.arguments)
        return db.changes == 1
    }

    /// Inserts or replaces every column (created_at included: the caller passes the one it read).
    public func upsert(_ namespace: NamespaceRecord) throws {
        try db.execute("""
            INSERT INTO namespaces (\(NamespaceRecord.columns)) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET clock_mode = excluded.clock_mode, clock_now_ms = excluded.clock_now_ms,
                clock_anchor_wall_ms = excluded.clock_anchor_wall_ms, time_scale = excluded.time_scale,
                created_at = excluded.created_at, updated_at = excluded.updated_at
            """, namespace.arguments)
    }

    /// Every namespace, by name.
    public func list() throws -> [NamespaceRecord] {
        try db.query("SELECT \(NamespaceRecord.columns) FROM namespaces ORDER BY name", row: NamespaceRecord.init(row:))
    }

    @discardableResult
    public func delete(_ name: String) throws -> Bool {
        try db.execute("DELETE FROM namespaces WHERE name = ?", [.text(name)])
        return db.changes == 1
    }
}

extension SQLiteConnection {
    /// Typed queries on `namespaces` through this connection.
    public var namespaces: NamespaceRecords { NamespaceRecords(self) }
}
