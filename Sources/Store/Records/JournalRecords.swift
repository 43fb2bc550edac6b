/// One row of `journal`: a request and the response it got, as the engine chose to keep them.
public struct JournalRecord: Sendable, Hashable {
    /// Assigned by the database; increases with every append across all namespaces.
    public var seq: Int64
    public var namespace: String
    /// Namespace clock time when the request arrived, in Unix milliseconds.
    public var at: Int64
    public var method: String
    public var path: String
    public var query: String?
    public var status: Int?
    /// JSON text; the engine decides its shape.
    public var requestHeaders: String
    public var requestBody: [UInt8]?
    /// JSON text; the engine decides its shape.
    public var responseHeaders: String
    public var responseBody: [UInt8]?
    public var durationMicroseconds: Int64?
    public var fault: String?

    public init(seq: Int64 = 0, namespace: String, at: Int64, method: String, path: String, query: String?,
                status: Int?, requestHeaders: String, requestBody: [UInt8]?, responseHeaders: String,
                responseBody: [UInt8]?, durationMicroseconds: Int64?, fault: String?) {
        self.seq = seq
        self.namespace = namespace
        self.at = at
        self.method = method
        self.path = path
        self.query = query
        self.status = status
        self.requestHeaders = requestHeaders
        self.requestBody = requestBody
        self.responseHeaders = responseHeaders
        self.responseBody = responseBody
        self.durationMicroseconds = durationMicroseconds
        self.fault = fault
    }

    static let columns = """
        seq, namespace, at, method, path, query, status, request_headers, request_body, response_headers, \
        response_body, duration_us, fault
        """

    init(row s: Statement) {
        self.init(seq: s.int64(0), namespace: s.string(1), at: s.int64(2), method: s.string(3), path: s.string(4),
                  query: s.optionalString(5), status: s.isNull(6) ? nil : s.int(6), requestHeaders: s.string(7),
                  requestBody: s.isNull(8) ? nil : s.bytes(8), responseHeaders: s.string(9),
                  responseBody: s.isNull(10) ? nil : s.bytes(10), durationMicroseconds: s.optionalInt64(11),
                  fault: s.optionalString(12))
    }
}

/// Typed queries on `journal`. What the header and body columns hold is the engine's business.
public struct JournalRecords {
    let db: SQLiteConnection

    public init(_ db: SQLiteConnection) { self.db = db }

    /// Appends `record` (its `seq` is ignored) and returns the seq it got.
    @discardableResult
    public func append(_ record: JournalRecord) throws -> Int64 {
        try db.execute(Self.insertSQL[1], Self.values(of: record))
        return db.lastInsertRowID
    }

    /// Appends `records` in order (their `seq`s are ignored), up to `rowsPerInsert` rows per
    /// statement: one statement per row cost more in statement overhead and `sqlite_sequence`
    /// updates than the rows themselves.
    public func append(contentsOf records: [JournalRecord]) throws {
        var start = 0
        while start < records.count {
            let end = min(start + Self.rowsPerInsert, records.count)
            var arguments: [SQLiteValue] = []
            arguments.reserveCapacity((end - start) * 12)
            for record in records[start..<end] { arguments += Self.values(of: record) }
            try db.execute(Self.insertSQL[end - start], arguments)
            start = end
        }
    }

    /// 32 rows × 12 values stays far below SQLite's bound-parameter limit (32,766).
    static let rowsPerInsert = 32

    /// `insertSQL[n]` inserts n rows; built once, and each is a cached statement on the connection.
    static let insertSQL: [String] = (0...rowsPerInsert).map { rows in
        """
        INSERT INTO journal (namespace, at, method, path, query, status, request_headers, request_body,
                             response_headers, response_body, duration_us, fault)
        VALUES \(Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", "))
        """
    }

    static func values(of record: JournalRecord) -> [SQLiteValue] {
        [.text(record.namespace), .integer(record.at), .text(record.method), .text(record.path),
         SQLiteValue(record.query), SQLiteValue(record.status), .text(record.requestHeaders),
         SQLiteValue(record.requestBody), .text(record.responseHeaders), SQLiteValue(record.responseBody),
         SQLiteValue(record.durationMicroseconds), SQLiteValue(record.fault)]
    }

    /// A namespace's entries matching `query`, oldest first; `limit` nil means all.
    public func list(_ query: JournalQuery, limit: Int? = nil, offset: Int = 0) throws -> [JournalRecord] {
        let (clause, arguments) = query.whereClause
        return try db.query("""
            SELECT \(JournalRecord.columns) FROM journal WHERE \(clause) ORDER BY seq LIMIT ? OFFSET ?
            """, arguments + [.integer(Int64(limit ?? -1)), .integer(Int64(offset))], row: JournalRecord.init(row:))
    }

    /// How many of a namespace's entries match `query`.
    public func count(_ query: JournalQuery) throws -> Int {
        let (clause, arguments) = query.whereClause
        return try db.queryFirst("SELECT COUNT(*) FROM journal WHERE \(clause)", arguments) { $0.int(0) } ?? 0
    }

    public func count(namespace: String) throws -> Int {
        try db.queryFirst("SELECT COUNT(*) FROM journal WHERE namespace = ?", [.text(namespace)]) { $0.int(0) } ?? 0
    }

    /// Deletes a namespace's `count` oldest entries; returns how many went.
    @discardableResult
    public func pruneOldest(namespace: String, count: Int) throws -> Int {
        // Walks the (namespace, seq) index from the bottom, so the cost follows the excess rather
        // than the journal's size.
        try db.execute("""
            DELETE FROM journal WHERE seq IN (
                SELECT seq FROM journal WHERE namespace = ? ORDER BY seq LIMIT ?)
            """, [.text(namespace), .integer(Int64(count))])
        return db.changes
    }

    @discardableResult
    public func deleteAll(namespace: String) throws -> Int {
        try db.execute("DELETE FROM journal WHERE namespace = ?", [.text(namespace)])
        return db.changes
    }
}

extension SQLiteConnection {
    /// Typed queries on `journal` through this connection.
    public var journal: JournalRecords { JournalRecords(self) }
}
