/// `kv` values as the open write transaction has read or written them, so a batch of creates reads a
/// namespace's busy build slots once rather than once per create.
///
/// Write-through: every write still goes to the table at once, and updates the entry. Entries follow
/// the transaction like `HeldCounters`: a savepoint's rollback restores the entries it began with, and
/// the cache is dropped when the transaction commits or rolls back. Only transactions begun by
/// `beginWriteTransaction` use it, on the writer's connection, the only one that writes `kv`.
struct KeyValueReadCache {
    struct Key: Hashable {
        let namespace: String
        let key: String
    }

    /// nil: the key is known to be absent.
    private var values: [Key: SQLiteValue?] = [:]
    private var savepoints: [[Key: SQLiteValue?]] = []
    private(set) var isActive = false

    /// `.some(nil)` when the key is known to be absent; nil when not known.
    func lookup(_ key: Key) -> SQLiteValue?? {
        isActive ? values[key] : nil
    }

    mutating func record(_ value: SQLiteValue?, for key: Key) {
        if isActive { values[key] = .some(value) }
    }

    mutating func forget(namespace: String) {
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
