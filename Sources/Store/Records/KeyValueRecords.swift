/// Per-namespace key–value pairs (`kv`): the seeded generator's state and other small settings.
public struct KeyValueRecords {
    let db: SQLiteConnection

    public init(_ db: SQLiteConnection) { self.db = db }

    /// Nil when the key is absent (a stored NULL reads as `.null`). Inside a write transaction a key
    /// read before is answered from memory (`TransactionScoped`; writes update it): a group commit of
    /// builds reads the namespace's busy build slots once, not once per create.
    public func get(namespace: String, key: String) throws -> SQLiteValue? {
        let cacheKey = Self.cacheKey(namespace, key)
        if let known = db.transactionMemory.keyValues[cacheKey] { return known }
        let value = try db.queryFirst("SELECT value FROM kv WHERE namespace = ? AND key = ?",
                                      [.text(namespace), .text(key)]) { $0.value(0) }
        db.transactionMemory.keyValues.set(value, for: cacheKey)
        return value
    }

    private static func cacheKey(_ namespace: String, _ key: String) -> TransactionScoped<SQLiteValue?>.Key {
        .init(namespace: namespace, name: key)
    }

    public func set(namespace: String, key: String, value: SQLiteValue) throws {
        try db.execute("""
            INSERT INTO kv (namespace, key, value) VALUES (?, ?, ?)
            ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value
            """, [.text(namespace), .text(key), value])
        db.transactionMemory.keyValues.update(value, for: Self.cacheKey(namespace, key))
    }

    /// Stores the pair only if the key is absent; returns whether it did. One statement, where a
    /// `get` then a `set` would search the table twice for a key that is usually new.
    public func insertIfAbsent(namespace: String, key: String, value: SQLiteValue) throws -> Bool {
        try db.execute("INSERT INTO kv (namespace, key, value) VALUES (?, ?, ?) ON CONFLICT (namespace, key) DO NOTHING",
                       [.text(namespace), .text(key), value])
        guard db.changes == 1 else { return false }
        db.transactionMemory.keyValues.update(value, for: Self.cacheKey(namespace, key))
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
        db.transactionMemory.keyValues.update(nil, for: Self.cacheKey(namespace, key))
        return deleted
    }

    @discardableResult
    public func deleteAll(namespace: String) throws -> Int {
        try db.execute("DELETE FROM kv WHERE namespace = ?", [.text(namespace)])
        let deleted = db.changes
        db.transactionMemory.keyValues.removeAll(namespace: namespace)
        return deleted
    }
}

extension SQLiteConnection {
    /// Key–value pairs in `kv` through this connection.
    public var keyValues: KeyValueRecords { KeyValueRecords(self) }
}
