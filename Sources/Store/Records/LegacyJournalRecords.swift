/// Reads and finally drops `journal_v2`, the per-row journal of schema versions 2–5 that migration 6
/// leaves behind when it held entries: the engine owns the segment format, so the engine moves them.
public struct LegacyJournalRecords {
    let db: SQLiteConnection

    public init(_ db: SQLiteConnection) { self.db = db }

    /// Whether there are rows left to move.
    public func exists() throws -> Bool {
        try db.queryFirst("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'journal_v2'") { _ in true } ?? false
    }

    /// Up to `limit` rows with a seq above `afterSeq`, in seq order.
    public func rows(afterSeq: Int64, limit: Int) throws -> [LegacyJournalRow] {
        try db.query("""
            SELECT seq, namespace, at, method, path, query, status, request_headers, request_body, response_headers,
                   response_body, duration_us, fault
            FROM journal_v2 WHERE seq > ? ORDER BY seq LIMIT ?
            """, [.integer(afterSeq), .integer(Int64(limit))], row: LegacyJournalRow.init(row:))
    }

    /// Drops the table and its index once every row has moved.
    public func drop() throws {
        try db.execute("DROP TABLE journal_v2")
    }
}

extension SQLiteConnection {
    /// The leftover per-row journal through this connection.
    public var legacyJournal: LegacyJournalRecords { LegacyJournalRecords(self) }
}
