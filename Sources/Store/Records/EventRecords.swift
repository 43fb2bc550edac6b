/// One row of `job_events`: a job's append-only history.
public struct JobEventRecord: Sendable, Hashable {
    /// Assigned by the database; increases with every append across all jobs.
    public var seq: Int64
    public var jobID: String
    public var namespace: String
    public var at: Int64
    /// Nil for the event that creates the job.
    public var fromState: String?
    public var toState: String
    /// JSON text.
    public var detail: String

    public init(seq: Int64 = 0, jobID: String, namespace: String, at: Int64, fromState: String?, toState: String,
                detail: String = "{}") {
        self.seq = seq
        self.jobID = jobID
        self.namespace = namespace
        self.at = at
        self.fromState = fromState
        self.toState = toState
        self.detail = detail
    }

    static let columns = "seq, job_id, namespace, at, from_state, to_state, detail"

    init(row s: Statement) {
        self.init(seq: s.int64(0), jobID: s.string(1), namespace: s.string(2), at: s.int64(3),
                  fromState: s.optionalString(4), toState: s.string(5), detail: s.string(6))
    }
}

/// Typed queries on `job_events`.
public struct EventRecords {
    let db: SQLiteConnection

    public init(_ db: SQLiteConnection) { self.db = db }

    /// Appends `event` (its `seq` is ignored) and returns the seq it got. The job must exist.
    @discardableResult
    public func append(_ event: JobEventRecord) throws -> Int64 {
        try db.execute("""
            INSERT INTO job_events (job_id, namespace, at, from_state, to_state, detail) VALUES (?, ?, ?, ?, ?, ?)
            """, [.text(event.jobID), .text(event.namespace), .integer(event.at), SQLiteValue(event.fromState),
                  .text(event.toState), .text(event.detail)])
        return db.lastInsertRowID
    }

    /// Appends `events` in order, like calling `append` for each (seqs increase in the same order),
    /// but several rows per statement: a statement's fixed cost (its AUTOINCREMENT bookkeeping,
    /// statement journal, bindings reset) is paid once per `rowsPerStatement` rows.
    public func append(contentsOf events: [JobEventRecord]) throws {
        var start = events.startIndex
        while events.endIndex - start >= Self.rowsPerStatement {
            try insert(events[start..<start + Self.rowsPerStatement])
            start += Self.rowsPerStatement
        }
        // The rest one by one, so only two statements are ever prepared and cached.
        for event in events[start...] {
            try append(event)
        }
    }

    /// 6 parameters a row: 384 stays under SQLite's historical 999-parameter limit.
    public static let rowsPerStatement = 64

    private func insert(_ rows: ArraySlice<JobEventRecord>) throws {
        let values = Array(repeating: "(?, ?, ?, ?, ?, ?)", count: rows.count).joined(separator: ", ")
        var arguments: [SQLiteValue] = []
        arguments.reserveCapacity(rows.count * 6)
        for event in rows {
            arguments += [.text(event.jobID), .text(event.namespace), .integer(event.at), SQLiteValue(event.fromState),
                          .text(event.toState), .text(event.detail)]
        }
        try db.execute("INSERT INTO job_events (job_id, namespace, at, from_state, to_state, detail) VALUES \(values)",
                       arguments)
    }

    /// A job's history, oldest first.
    public func list(jobID: String) throws -> [JobEventRecord] {
        try db.query("SELECT \(JobEventRecord.columns) FROM job_events WHERE job_id = ? ORDER BY seq",
                     [.text(jobID)], row: JobEventRecord.init(row:))
    }

    /// A namespace's events after `seq`, oldest first: a feed a dashboard can resume. Walks the table
    /// in `seq` order (no index by namespace: migration 5), so it is for tests and tools, not a hot path.
    public func list(namespace: String, after seq: Int64 = 0, limit: Int) throws -> [JobEventRecord] {
        try db.query("""
            SELECT \(JobEventRecord.columns) FROM job_events WHERE namespace = ? AND seq > ? ORDER BY seq LIMIT ?
            """, [.text(namespace), .integer(seq), .integer(Int64(limit))], row: JobEventRecord.init(row:))
    }
}

extension SQLiteConnection {
    /// Typed queries on `job_events` through this connection.
    public var events: EventRecords { EventRecords(self) }
}
