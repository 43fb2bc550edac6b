/// A stored fault rule: its JSON, where it came from, and how many calls it counted and hit.
public struct FaultRecord: Sendable, Hashable {
    public var namespace: String
    public var id: String
    public var seq: Int64
    public var rule: String
    public var source: String
    public var matched: Int64
    public var hits: Int64
    public var createdAt: Int64

    public init(namespace: String, id: String, seq: Int64, rule: String, source: String, matched: Int64 = 0,
                hits: Int64 = 0, createdAt: Int64) {
        self.namespace = namespace
        self.id = id
        self.seq = seq
        self.rule = rule
        self.source = source
        self.matched = matched
        self.hits = hits
        self.createdAt = createdAt
    }
}

/// Fault rules (`faults`) and the injected-fault totals (`fault_totals`).
public struct FaultRecords {
    let db: SQLiteConnection

    public init(_ db: SQLiteConnection) { self.db = db }

    public func insert(_ record: FaultRecord) throws {
        try db.execute("""
            INSERT INTO faults (namespace, id, seq, rule, source, matched, hits, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(record.namespace), .text(record.id), .integer(record.seq), .text(record.rule),
                  .text(record.source), .integer(record.matched), .integer(record.hits), .integer(record.createdAt)])
    }

    /// A namespace's rules in creation order.
    public func list(namespace: String) throws -> [FaultRecord] {
        try db.query("""
            SELECT namespace, id, seq, rule, source, matched, hits, created_at FROM faults
            WHERE namespace = ? ORDER BY seq
            """, [.text(namespace)]) { row in
            FaultRecord(namespace: row.string(0), id: row.string(1), seq: row.int64(2), rule: row.string(3),
                        source: row.string(4), matched: row.int64(5), hits: row.int64(6), createdAt: row.int64(7))
        }
    }

    public func setCounters(namespace: String, id: String, matched: Int64, hits: Int64) throws {
        try db.execute("UPDATE faults SET matched = ?, hits = ? WHERE namespace = ? AND id = ?",
                       [.integer(matched), .integer(hits), .text(namespace), .text(id)])
    }

    /// - Returns: whether the rule existed.
    @discardableResult
    public func delete(namespace: String, id: String) throws -> Bool {
        try db.execute("DELETE FROM faults WHERE namespace = ? AND id = ?", [.text(namespace), .text(id)])
        return db.changes == 1
    }

    @discardableResult
    public func deleteAll(namespace: String) throws -> Int {
        try db.execute("DELETE FROM faults WHERE namespace = ?", [.text(namespace)])
        return db.changes
    }

    @discardableResult
    public func deleteEverywhere() throws -> Int {
        try db.execute("DELETE FROM faults")
        return db.changes
    }

    /// Whether any namespace holds a rule.
    public func any() throws -> Bool {
        try db.queryFirst("SELECT EXISTS (SELECT 1 FROM faults)") { $0.int(0) == 1 } ?? false
    }

    /// The next creation-order number in a namespace.
    public func nextSeq(namespace: String) throws -> Int64 {
        try db.queryFirst("SELECT COALESCE(MAX(seq), 0) + 1 FROM faults WHERE namespace = ?", [.text(namespace)]) {
            $0.int64(0)
        } ?? 1
    }

    public func addToTotal(kind: String, count: Int64 = 1) throws {
        try db.execute("""
            INSERT INTO fault_totals (kind, count) VALUES (?, ?)
            ON CONFLICT (kind) DO UPDATE SET count = count + excluded.count
            """, [.text(kind), .integer(count)])
    }

    /// Every kind injected at least once, by name.
    public func totals() throws -> [(kind: String, count: Int64)] {
        try db.query("SELECT kind, count FROM fault_totals ORDER BY kind") { (kind: $0.string(0), count: $0.int64(1)) }
    }
}

extension SQLiteConnection {
    /// Fault rules and totals through this connection.
    public var faults: FaultRecords { FaultRecords(self) }
}
