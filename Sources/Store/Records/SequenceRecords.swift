/// Named per-namespace counters (`sequences`), e.g. for ids.
public struct SequenceRecords {
    let db: SQLiteConnection

    public init(_ db: SQLiteConnection) { self.db = db }

    /// Increments and returns the counter; the first call returns 1. Each statement is atomic, and
    /// the insert is still an upsert, so a counter created between the two is incremented, not reset.
    ///
    /// UPDATE first, INSERT only for a new counter: an upsert tries the insert first and updates on
    /// the conflict, two searches of the table for what is nearly always an existing row.
    ///
    /// Inside a transaction begun by `beginWriteTransaction`, the value is held in memory and written
    /// once before COMMIT (`TransactionScoped`): every created job draws a counter, and a group commit
    /// of N creates paid N UPDATEs of one row; now one read and one write per counter per transaction.
    public func next(namespace: String, name: String) throws -> Int64 {
        if db.transactionMemory.counters.isActive {
            let key = TransactionScoped<Int64>.Key(namespace: namespace, name: name)
            let value = try db.transactionMemory.counters[key] ?? stored(namespace: namespace, name: name)
            db.transactionMemory.counters.set(value + 1, for: key)
            return value + 1
        }
        let arguments: [SQLiteValue] = [.text(namespace), .text(name)]
        if let value = try db.queryFirst("UPDATE sequences SET value = value + 1 WHERE namespace = ? AND name = ? RETURNING value",
                                         arguments, row: { $0.int64(0) }) {
            return value
        }
        return try db.queryFirst("""
            INSERT INTO sequences (namespace, name, value) VALUES (?, ?, 1)
            ON CONFLICT (namespace, name) DO UPDATE SET value = value + 1
            RETURNING value
            """, arguments) { $0.int64(0) } ?? 0
    }

    /// Writes every counter the open write transaction holds; called just before COMMIT.
    func writeHeld() throws(SQLiteError) {
        for (key, value) in db.transactionMemory.counters.values {
            try db.execute("""
                INSERT INTO sequences (namespace, name, value) VALUES (?, ?, ?)
                ON CONFLICT (namespace, name) DO UPDATE SET value = excluded.value
                """, [.text(key.namespace), .text(key.name), .integer(value)])
        }
    }

    /// The last value handed out; 0 before the first.
    public func current(namespace: String, name: String) throws -> Int64 {
        try db.transactionMemory.counters[.init(namespace: namespace, name: name)] ?? stored(namespace: namespace, name: name)
    }

    private func stored(namespace: String, name: String) throws -> Int64 {
        try db.queryFirst("SELECT value FROM sequences WHERE namespace = ? AND name = ?",
                          [.text(namespace), .text(name)]) { $0.int64(0) } ?? 0
    }

    @discardableResult
    public func deleteAll(namespace: String) throws -> Int {
        db.transactionMemory.counters.removeAll(namespace: namespace)
        try db.execute("DELETE FROM sequences WHERE namespace = ?", [.text(namespace)])
        return db.changes
    }
}

extension SQLiteConnection {
    /// Counters in `sequences` through this connection.
    public var sequences: SequenceRecords { SequenceRecords(self) }
}
