/// Values kept in memory for the open write transaction and undone with it: a savepoint's rollback
/// restores the values it began with, and everything is dropped when the transaction commits or
/// rolls back. Only transactions begun by `SQLiteConnection.beginWriteTransaction` (the writer's)
/// keep any; elsewhere the store behaves as if there were none.
///
/// Two uses on the writer's connection, both to spare a group commit of creates a statement per
/// create: counters drawn but not yet written (ids and the job seq; `SequenceRecords.next`, written
/// once before COMMIT), and `kv` values already read (`KeyValueRecords.get`; writes go to the table at once and
/// update a kept value, but keep no new one, so the many keys a batch only writes, such as each
/// app's highest version, do not grow what every savepoint copies).
struct TransactionScoped<Value> {
    /// A name within a namespace: a counter's, or a `kv` key.
    struct Key: Hashable {
        let namespace: String
        let name: String
    }

    private(set) var values: [Key: Value] = [:]
    /// `values` as each open savepoint found them, innermost last.
    private var savepoints: [[Key: Value]] = []
    private(set) var isActive = false

    /// The value kept for `key`; nil when none is (or outside a write transaction).
    subscript(key: Key) -> Value? { isActive ? values[key] : nil }

    mutating func set(_ value: Value, for key: Key) {
        if isActive { values[key] = value }
    }

    /// Replaces the value kept for `key`, if one is; keeps nothing new.
    mutating func update(_ value: Value, for key: Key) {
        if isActive, values[key] != nil { values[key] = value }
    }

    mutating func removeAll(namespace: String) {
        if isActive { values = values.filter { $0.key.namespace != namespace } }
    }

    mutating func begin() {
        values = [:]
        savepoints = []
        isActive = true
    }

    mutating func end() {
        values = [:]
        savepoints = []
        isActive = false
    }

    mutating func savepointBegan() {
        if isActive { savepoints.append(values) }
    }

    mutating func savepointReleased() {
        if isActive { _ = savepoints.popLast() }
    }

    mutating func savepointRolledBack() {
        if isActive, let snapshot = savepoints.popLast() { values = snapshot }
    }
}

/// What the writer's connection keeps for its open write transaction (see `TransactionScoped`),
/// begun, ended and savepointed together.
struct WriteTransactionMemory {
    /// Counter values drawn but not yet written (`SequenceRecords`).
    var counters = TransactionScoped<Int64>()
    /// `kv` values read, as the transaction sees them; nil: known absent (`KeyValueRecords`).
    var keyValues = TransactionScoped<SQLiteValue?>()

    mutating func begin() {
        counters.begin()
        keyValues.begin()
    }

    mutating func end() {
        counters.end()
        keyValues.end()
    }

    mutating func savepointBegan() {
        counters.savepointBegan()
        keyValues.savepointBegan()
    }

    mutating func savepointReleased() {
        counters.savepointReleased()
        keyValues.savepointReleased()
    }

    mutating func savepointRolledBack() {
        counters.savepointRolledBack()
        keyValues.savepointRolledBack()
    }
}
