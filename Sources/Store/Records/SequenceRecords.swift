/// Named per-namespace counters (`sequences`), e.g. for ids.
public struct SequenceRecords {
    let db: SQLiteConnection

    public init(_ db: SQLiteConnection) { self.db = db }

    /// Increments and returns the counter; the first call returns 1. One statement, so it is atomic
    /// even outside a transaction.
    public func next(namespace: String, name: String) throws -> Int64 {
        try db.queryFirst("""
            INSERT INTO sequences (namespace, name, value) VALUES (?, ?, 1)
            ON CONFLICT (namespace, name) DO UPDATE SET value = value + 1
            RETURNING value
            """, [.text(namespace), .text(name)]) { $0.int64(0) } ?? 0
    }

    /// The last value handed out; 0 before the first.
    public func current(namespace: String, name: String) throws -> Int64 {
        try db.queryFirst("SELECT value FROM sequences WHERE namespace = ? AND name = ?",
                          [.text(namespace), .text(name)]) { $0.int64(0) } ?? 0
    }

    @discardableResult
    public func deleteAll(namespace: String) throws -> Int {
        try db.execute("DELETE FROM sequences WHERE namespace = ?", [.text(namespace)])
        return db.changes
    }
}

extension SQLiteConnection {
    /// Counters in `sequences` through this connection.
    public var sequences: SequenceRecords { SequenceRecords(self) }
}
