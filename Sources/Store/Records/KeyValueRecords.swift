/// Per-namespace key–value pairs (`kv`): the seeded generator's state and other small settings.
public struct KeyValueRecords {
    let db: SQLiteConnection

    public init(_ db: SQLiteConnection) { self.db = db }

    /// Nil when the key is absent (a stored NULL reads as `.null`).
    public func get(namespace: String, key: String) throws -> SQLiteValue? {
        try db.queryFirst("SELECT value FROM kv WHERE namespace = ? AND key = ?",
                          [.text(namespace), .text(key)]) { $0.value(0) }
    }

    public func set(namespace: String, key: String, value: SQLiteValue) throws {
        try db.execute("""
            INSERT INTO kv (namespace, key, value) VALUES (?, ?, ?)
            ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value
            """, [.text(namespace), .text(key), value])
    }

    /// Stores the pair only if the key is absent; returns whether it did. One statement, where a
    /// `get` then a `set` would search the table twice for a key that is usually new.
    public func insertIfAbsent(namespace: String, key: String, value: SQLiteValue) throws -> Bool {
        try db.execute("INSERT INTO kv (namespace, key, value) VALUES (?, ?, ?) ON CONFLICT (namespace, key) DO NOTHING",
                       [.text(namespace), .text(key), value])
        return db.changes == 1
    }

    /// Every pair of a namespace, by key.
    public func all(namespace: String) throws -> [(key: String, value: SQLiteValue)] {
        try db.query("SELECT key, value FROM kv WHERE namespace = ? ORDER BY key", [.text(namespace)]) {
            (key: $0.string(0), value: $0.value(1))
        }
    }

    @discardableResult
    public func delete(namespace: String, key: String) throws -> Bool {
        try db.execute("DELETE FROM kv WHERE namespace = ? AND key = ?", [.text(namespace), .text(key)])
        return db.changes == 1
    }

    @discardableResult
    public func deleteAll(namespace: String) throws -> Int {
        try db.execute("DELETE FROM kv WHERE namespace = ?", [.text(namespace)])
        return db.changes
    }
}

extension SQLiteConnection {
    /// Key–value pairs in `kv` through this connection.
    public var keyValues: KeyValueRecords { KeyValueRecords(self) }
}
