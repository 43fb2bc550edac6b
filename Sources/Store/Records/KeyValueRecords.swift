/// Per-namespace key–value pairs (`kv`): the seeded generator's state and other small settings.
public struct KeyValueRecords {
    let db: SQLiteConnection

    public init(_ db: SQLiteConnection) { self.db = db }

    /// Nil when the key is absent (a stored NULL reads as `.null`). Inside a write transaction a key
    /// read or written before is answered from `KeyValueReadCache`.
    public func get(namespace: String, key: String) throws -> SQLiteValue? {
        let cacheKey = KeyValueReadCache.Key(namespace: namespace, key: key)
        if let known = db.keyValueCache.lookup(cacheKey) { return known }
        let value = try db.queryFirst("SELECT value FROM kv WHERE namespace = ? AND key = ?",
                                      [.text(namespace), .text(key)]) { $0.value(0) }
        db.keyValueCache.record(value, for: cacheKey)
        return value
    }

    public func set(namespace: String, key: String, value: SQLiteValue) throws {
        try db.execute("""
            INSERT INTO kv (namespace, key, value) VALUES (?, ?, ?)
            ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value
            """, [.text(namespace), .text(key), value])
        db.keyValueCache.record(value, for: KeyValueReadCache.Key(namespace: namespace, key: key))
    }

    /// Stores the pair only if the key is absent; returns whether it did. One statement, where a
    /// `get` then a `set` would search the table twice for a key that is usually new.
    public func insertIfAbsent(namespace: String, key: String, value: SQLiteValue) throws -> Bool {
        try db.execute("INSERT INTO kv (namespace, key, value) VALUES (?, ?, ?) ON CONFLICT (namespace, key) DO NOTHING",
                       [.text(namespace), .text(key), value])
        guard db.changes == 1 else { return false }
        db.keyValueCache.record(value, for: KeyValueReadCache.Key(namespace: namespace, key: key))
        return true
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
        let deleted = db.changes == 1
        db.keyValueCache.record(nil, for: KeyValueReadCache.Key(namespace: namespace, key: key))
        return deleted
    }

    @discardableResult
    public func deleteAll(namespace: String) throws -> Int {
        try db.execute("DELETE FROM kv WHERE namespace = ?", [.text(namespace)])
        let deleted = db.changes
        db.keyValueCache.forget(namespace: namespace)
        return deleted
    }
}

extension SQLiteConnection {
    /// Key–value pairs in `kv` through this connection.
    public var keyValues: KeyValueRecords { KeyValueRecords(self) }
}
