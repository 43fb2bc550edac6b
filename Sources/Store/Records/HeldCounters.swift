/// Counter values drawn inside the open write transaction, written to `sequences` once, just before
/// it commits, instead of by an UPDATE per draw.
///
/// Why: every created job draws an id counter, and a group commit of N creates paid N UPDATEs of the
/// same row (about 8 % of the writer's time per create). Held values obey the transaction like the
/// rows would: a savepoint's rollback restores the values held when it began, a rollback drops them
/// all, and `SQLiteConnection.commitWriteTransaction` writes them before COMMIT, so the counter is
/// durable with the jobs that used it. Only transactions begun by `beginWriteTransaction` hold values;
/// elsewhere `SequenceRecords.next` writes at once, as before.
struct HeldCounters {
    struct Key: Hashable {
        let namespace: String
        let name: String
    }

    /// The last value drawn per counter in this transaction.
    private(set) var values: [Key: Int64] = [:]
    /// `values` as each open savepoint found it, innermost last.
    private var savepoints: [[Key: Int64]] = []
    private(set) var isHolding = false

    mutating func begin() {
        values = [:]
        savepoints = []
        isHolding = true
    }

    mutating func end() {
        values = [:]
        savepoints = []
        isHolding = false
    }

    mutating func set(_ value: Int64, for key: Key) {
        values[key] = value
    }

    mutating func removeAll(namespace: String) {
        values = values.filter { $0.key.namespace != namespace }
    }

    mutating func savepointBegan() {
        if isHolding { savepoints.append(values) }
    }

    mutating func savepointReleased() {
        if isHolding { _ = savepoints.popLast() }
    }

    mutating func savepointRolledBack() {
        if isHolding, let snapshot = savepoints.popLast() { values = snapshot }
    }
}
