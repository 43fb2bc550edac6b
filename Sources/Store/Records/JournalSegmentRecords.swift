/// Typed queries on `journal_segments` and `journal_seq`. What a segment's data holds is the engine's business.
public struct JournalSegmentRecords {
    let db: SQLiteConnection

    public init(_ db: SQLiteConnection) { self.db = db }

    public func insert(_ segment: JournalSegment) throws {
        try db.execute("""
            INSERT INTO journal_segments (first_seq, namespace, last_seq, entries, data) VALUES (?, ?, ?, ?, ?)
            """, [.integer(segment.firstSeq), .text(segment.namespace), .integer(segment.lastSeq),
                  .integer(Int64(segment.entries)), .blob(segment.data)])
    }

    /// A namespace's segments, oldest first, without their data: read from the covering index alone,
    /// so a listing learns where everything is before it loads the few blobs it needs (`data(firstSeq:)`).
    public func list(namespace: String) throws -> [JournalSegment] {
        try db.query("""
            SELECT first_seq, last_seq, entries FROM journal_segments WHERE namespace = ? ORDER BY first_seq
            """, [.text(namespace)]) { s in
            JournalSegment(namespace: namespace, firstSeq: s.int64(0), lastSeq: s.int64(1), entries: s.int(2), data: [])
        }
    }

    /// One segment's data; nil if it is gone.
    public func data(firstSeq: Int64) throws -> [UInt8]? {
        try db.queryFirst("SELECT data FROM journal_segments WHERE first_seq = ?", [.integer(firstSeq)]) { $0.bytes(0) }
    }

    /// How many entries a namespace's segments hold.
    public func entryCount(namespace: String) throws -> Int {
        try db.queryFirst("SELECT COALESCE(SUM(entries), 0) FROM journal_segments WHERE namespace = ?",
                          [.text(namespace)]) { $0.int(0) } ?? 0
    }

    /// A namespace's `limit` oldest segments as (first seq, entries), oldest first.
    public func oldest(namespace: String, limit: Int) throws -> [(firstSeq: Int64, entries: Int)] {
        try db.query("""
            SELECT first_seq, entries FROM journal_segments WHERE namespace = ? ORDER BY first_seq LIMIT ?
            """, [.text(namespace), .integer(Int64(limit))]) { (firstSeq: $0.int64(0), entries: $0.int(1)) }
    }

    /// Deletes a namespace's segments that start at or before `firstSeq`; returns how many went.
    @discardableResult
    public func delete(namespace: String, throughFirstSeq firstSeq: Int64) throws -> Int {
        try db.execute("DELETE FROM journal_segments WHERE namespace = ? AND first_seq <= ?",
                       [.text(namespace), .integer(firstSeq)])
        return db.changes
    }

    /// Deletes all of a namespace's segments; returns how many entries they held.
    @discardableResult
    public func deleteAll(namespace: String) throws -> Int {
        let entries = try entryCount(namespace: namespace)
        try db.execute("DELETE FROM journal_segments WHERE namespace = ?", [.text(namespace)])
        return entries
    }

    /// The highest seq ever handed out: the larger of the newest stored segment and the mark
    /// `raiseHighWater` left, which survives segments being deleted.
    public func highestSeq() throws -> Int64 {
        try db.queryFirst("""
            SELECT MAX(COALESCE((SELECT MAX(last_seq) FROM journal_segments), 0),
                       COALESCE((SELECT last_seq FROM journal_seq), 0))
            """) { $0.int64(0) } ?? 0
    }

    /// Records that seqs up to `seq` have been handed out; call it before deleting segments that
    /// may hold the newest entries, so their seqs are never given again.
    public func raiseHighWater(to seq: Int64) throws {
        try db.execute("""
            INSERT INTO journal_seq (id, last_seq) VALUES (0, ?)
            ON CONFLICT (id) DO UPDATE SET last_seq = MAX(last_seq, excluded.last_seq)
            """, [.integer(seq)])
    }
}

extension SQLiteConnection {
    /// Typed queries on `journal_segments` through this connection.
    public var journalSegments: JournalSegmentRecords { JournalSegmentRecords(self) }
}
