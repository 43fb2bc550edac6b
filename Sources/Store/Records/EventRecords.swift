/// One row of `job_events`: a job's append-only history.
public struct JobEventRecord: Sendable, Hashable {
    /// Assigned by the database; increases with every append across all jobs.
    public var seq: Int64
    public var jobID: String
    /// The job's `created_at`, half of its key (migration 7); set on every row read back. An append
    /// may leave it nil to have it looked up by id (the engine passes it: it has the job at hand).
    public var jobCreatedAt: Int64?
    public var namespace: String
    public var at: Int64
    /// Nil for the event that creates the job.
    public var fromState: String?
    public var toState: String
    /// JSON text.
    public var detail: String

    public init(seq: Int64 = 0, jobID: String, jobCreatedAt: Int64? = nil, namespace: String, at: Int64,
                fromState: String?, toState: String, detail: String = "{}") {
        self.seq = seq
        self.jobID = jobID
        self.jobCreatedAt = jobCreatedAt
        self.namespace = namespace
        self.at = at
        self.fromState = fromState
        self.toState = toState
        self.detail = detail
    }

    static let columns = "seq, job_id, job_created_at, namespace, at, from_state, to_state, detail"

    init(row s: Statement) {
        self.init(seq: s.int64(0), jobID: s.string(1), jobCreatedAt: s.int64(2), namespace: s.string(3), at: s.int64(4),
                  fromState: s.optionalString(5), toState: s.string(6), detail: s.string(7))
    }

    /// One row's VALUES: a created time not given is the job's, looked up by id. A job that does not
    /// exist has none; any stand-in fails the foreign key then (ids are unique, so only the job's own
    /// created time could pass), which reports the missing job as such.
    static let valuesRow = "(COALESCE(?, (SELECT created_at FROM jobs WHERE id = ?), -1), ?, ?, ?, ?, ?, ?)"
    static let parametersPerRow = 8
    static let insertColumns = "job_created_at, job_id, namespace, at, from_state, to_state, detail"

    var arguments: [SQLiteValue] {
        [SQLiteValue(jobCreatedAt), jobCreatedAt == nil ? .text(jobID) : .null, .text(jobID), .text(namespace),
         .integer(at), SQLiteValue(fromState), .text(toState), .text(detail)]
    }
}

/// Typed queries on `job_events`.
public struct EventRecords {
    let db: SQLiteConnection

    public init(_ db: SQLiteConnection) { self.db = db }

    /// Appends `event` (its `seq` is ignored) and returns the seq it got. The job must exist.
    @discardableResult
    public func append(_ event: JobEventRecord) throws -> Int64 {
        try db.execute("INSERT INTO job_events (\(JobEventRecord.insertColumns)) VALUES \(JobEventRecord.valuesRow)",
                       event.arguments)
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

    /// 8 parameters a row: 512 stays under SQLite's historical 999-parameter limit.
    public static let rowsPerStatement = 64

    private func insert(_ rows: ArraySlice<JobEventRecord>) throws {
        let values = Array(repeating: JobEventRecord.valuesRow, count: rows.count).joined(separator: ", ")
        var arguments: [SQLiteValue] = []
        arguments.reserveCapacity(rows.count * JobEventRecord.parametersPerRow)
        for event in rows {
            arguments += event.arguments
        }
        try db.execute("INSERT INTO job_events (\(JobEventRecord.insertColumns)) VALUES \(values)", arguments)
    }

    /// A job's history, oldest first.
    public func list(jobID: String) throws -> [JobEventRecord] {
        // Through job_events_job, keyed by (job_created_at, job_id): the job's row gives the first half.
        try db.query("""
            SELECT \(JobEventRecord.columns) FROM job_events
            WHERE job_created_at = (SELECT created_at FROM jobs WHERE id = ?1) AND job_id = ?1 ORDER BY seq
            """, [.text(jobID)], row: JobEventRecord.init(row:))
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
