/// Typed queries on `jobs`; no lifecycle semantics. Every write to `jobs` goes through `change`,
/// which marks the connection (`jobsChanged`): that is how cached job reads learn they are out of date.
public struct JobRecords {
    let db: SQLiteConnection

    /// Runs a statement that writes `jobs`, marking the connection first (a statement that fails
    /// part-way may still have changed rows; a needless mark only costs a cache miss).
    private func change(_ sql: String, _ arguments: [SQLiteValue]) throws(SQLiteError) {
        db.jobsChanged = true
        try db.execute(sql, arguments)
    }

    public init(_ db: SQLiteConnection) { self.db = db }

    /// The `sequences` counter (namespace '') that numbers jobs in insertion order; migration 7
    /// seeds it under this name.
    public static let seqCounter = "jobs/seq"

    /// Throws `SQLiteError.constraint` if the id exists.
    public func insert(_ job: JobRecord) throws {
        // `seq` records insertion order (migration 7).
        let seq = try db.sequences.next(namespace: "", name: Self.seqCounter)
        try change("""
            INSERT INTO jobs (\(JobRecord.columns), seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(job.id), .text(job.namespace), .text(job.service), .text(job.kind), .text(job.state),
                  .integer(Int64(job.step)), SQLiteValue(job.dueAt), .text(job.scenario), .text(job.payload),
                  .integer(job.createdAt), .integer(job.updatedAt), .integer(Int64(job.version)), .integer(seq)])
    }

    public func get(id: String) throws -> JobRecord? {
        try db.queryFirst("SELECT \(JobRecord.columns) FROM jobs WHERE id = ?", [.text(id)], row: JobRecord.init(row:))
    }

    /// Nil when the job exists only in another namespace, which is what isolation needs.
    public func get(id: String, namespace: String) throws -> JobRecord? {
        try db.queryFirst("SELECT \(JobRecord.columns) FROM jobs WHERE id = ? AND namespace = ?",
                          [.text(id), .text(namespace)], row: JobRecord.init(row:))
    }

    /// Writes every mutable column of `job` if the stored version is still `job.version`, and bumps
    /// it. The caller's copy then stands at `job.version + 1`. Found by its key (created time and
    /// id), not through `jobs_id`.
    /// - Returns: false when someone else updated (or deleted) the job first; nothing was written.
    public func update(_ job: JobRecord) throws -> Bool {
        try change("""
            UPDATE jobs SET state = ?, step = ?, due_at = ?, scenario = ?, payload = ?, updated_at = ?,
                version = version + 1
            WHERE created_at = ? AND id = ? AND version = ?
            """, [.text(job.state), .integer(Int64(job.step)), SQLiteValue(job.dueAt), .text(job.scenario),
                  .text(job.payload), .integer(job.updatedAt), .integer(job.createdAt), .text(job.id),
                  .integer(Int64(job.version))])
        return db.changes == 1
    }

    /// `update` for many jobs making the same move with their payloads unchanged: sets state, step,
    /// due time and update time of every job in `ids` that still stands at `version`, and bumps it.
    /// One statement per chunk of ids instead of one per job, and the payload stays where it is
    /// (nothing to bind, no record rebuilt from the caller's copy).
    /// - Returns: how many jobs were written; fewer than `ids.count` means one moved on, or was
    ///   deleted, first (what `update` reports as false), and the caller must not go on.
    public func update(ids: [String], version: Int, state: String, step: Int, dueAt: Int64?,
                       updatedAt: Int64) throws -> Int {
        var written = 0
        var start = ids.startIndex
        while start < ids.endIndex {
            // Chunks whose sizes are powers of two: at most nine statements are ever prepared and cached.
            let remaining = ids.endIndex - start
            let size = min(Self.idsPerUpdate, 1 << (Int.bitWidth - 1 - remaining.leadingZeroBitCount))
            var arguments: [SQLiteValue] = [.text(state), .integer(Int64(step)), SQLiteValue(dueAt), .integer(updatedAt),
                                            .integer(Int64(version))]
            arguments.reserveCapacity(arguments.count + size)
            for id in ids[start..<start + size] { arguments.append(.text(id)) }
            try change("""
                UPDATE jobs SET state = ?, step = ?, due_at = ?, updated_at = ?, version = version + 1
                WHERE version = ? AND id IN (\(Self.placeholders(size)))
                """, arguments)
            written += db.changes
            start += size
        }
        return written
    }

    /// The largest chunk `update(ids:…)` binds, a power of two under SQLite's historical 999 parameters.
    public static let idsPerUpdate = 256

    private static func placeholders(_ count: Int) -> String {
        String(repeating: "?, ", count: count - 1) + "?"
    }

    /// Jobs of a namespace, filtered by any of service, kind and state, ordered by creation time
    /// (ties by id), with the total for the same filter.
    public func list(namespace: String, service: String? = nil, kind: String? = nil, state: String? = nil,
                     newestFirst: Bool = false, limit: Int, offset: Int = 0) throws -> Page<JobRecord> {
        // Only the filters given appear in the SQL, so each combination is its own cached statement
        // and can use jobs_listing; `(? IS NULL OR service = ?)` would defeat the index.
        var conditions = ["namespace = ?"]
        var arguments: [SQLiteValue] = [.text(namespace)]
        for (column, value) in [("service", service), ("kind", kind), ("state", state)] {
            if let value {
                conditions.append("\(column) = ?")
                arguments.append(.text(value))
            }
        }
        let filter = conditions.joined(separator: " AND ")
        let direction = newestFirst ? "DESC" : "ASC"
        let items = try db.query("""
            SELECT \(JobRecord.columns) FROM jobs WHERE \(filter)
            ORDER BY created_at \(direction), id \(direction) LIMIT ? OFFSET ?
            """, arguments + [.integer(Int64(limit)), .integer(Int64(offset))], row: JobRecord.init(row:))
        let total = try db.queryFirst("SELECT COUNT(*) FROM jobs WHERE \(filter)", arguments) { $0.int(0) } ?? 0
        return Page(items: items, total: total)
    }

    /// Jobs of a namespace due at or before `now`, in (due_at, id) order: the order transitions run.
    public func due(namespace: String, at now: Int64, limit: Int) throws -> [JobRecord] {
        try db.query("""
            SELECT \(JobRecord.columns) FROM jobs
            WHERE namespace = ? AND due_at IS NOT NULL AND due_at <= ? ORDER BY due_at, id LIMIT ?
            """, [.text(namespace), .integer(now), .integer(Int64(limit))], row: JobRecord.init(row:))
    }

    /// The oldest jobs of one kind in `state` that wait for an event (no timer), in creation order
    /// (`seq` breaks ties: ids are random, insertion order is not): a queue of jobs waiting for a
    /// free slot. Walks jobs_listing from the oldest job of the kind.
    public func waiting(namespace: String, service: String, kind: String, state: String,
                        limit: Int) throws -> [JobRecord] {
        try db.query("""
            SELECT \(JobRecord.columns) FROM jobs
            WHERE namespace = ? AND service = ? AND kind = ? AND state = ? AND due_at IS NULL
            ORDER BY created_at, seq LIMIT ?
            """, [.text(namespace), .text(service), .text(kind), .text(state), .integer(Int64(limit))],
            row: JobRecord.init(row:))
    }

    /// The oldest jobs of one kind of one service in `state`, in creation order, without the total
    /// `list` counts: walks only that kind's part of jobs_listing, however many other jobs the
    /// namespace holds.
    public func inState(namespace: String, service: String, kind: String, state: String,
                        limit: Int) throws -> [JobRecord] {
        try db.query("""
            SELECT \(JobRecord.columns) FROM jobs
            WHERE namespace = ? AND service = ? AND kind = ? AND state = ?
            ORDER BY created_at, id LIMIT ?
            """, [.text(namespace), .text(service), .text(kind), .text(state), .integer(Int64(limit))],
            row: JobRecord.init(row:))
    }

    /// Due jobs across namespaces, in (due_at, id) order; for callers whose namespaces share a time base.
    public func due(at now: Int64, limit: Int) throws -> [JobRecord] {
        try db.query("""
            SELECT \(JobRecord.columns) FROM jobs
            WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at, id LIMIT ?
            """, [.integer(now), .integer(Int64(limit))], row: JobRecord.init(row:))
    }

    /// Jobs that will fall due, soonest first, whatever the clock says now; what the schedule view shows.
    public func upcoming(namespace: String, limit: Int) throws -> [JobRecord] {
        try db.query("""
            SELECT \(JobRecord.columns) FROM jobs
            WHERE namespace = ? AND due_at IS NOT NULL ORDER BY due_at, id LIMIT ?
            """, [.text(namespace), .integer(Int64(limit))], row: JobRecord.init(row:))
    }

    /// The earliest due_at in a namespace; nil when nothing waits on time.
    public func nextDueTime(namespace: String) throws -> Int64? {
        try db.queryFirst("SELECT MIN(due_at) FROM jobs WHERE namespace = ? AND due_at IS NOT NULL",
                          [.text(namespace)]) { $0.optionalInt64(0) } ?? nil
    }

    /// The earliest due_at in the whole database.
    public func nextDueTime() throws -> Int64? {
        try db.queryFirst("SELECT MIN(due_at) FROM jobs WHERE due_at IS NOT NULL") { $0.optionalInt64(0) } ?? nil
    }

    /// The earliest due_at of every namespace that has one.
    public func nextDueTimes() throws -> [String: Int64] {
        let pairs = try db.query("""
            SELECT namespace, MIN(due_at) FROM jobs WHERE due_at IS NOT NULL GROUP BY namespace
            """) { ($0.string(0), $0.int64(1)) }
        return Dictionary(pairs, uniquingKeysWith: min)
    }

    /// How many jobs there are of each (service, kind, state), over every namespace: a metrics
    /// scrape, so one grouped scan rather than a query per label set.
    public func countsByState() throws -> [(service: String, kind: String, state: String, count: Int)] {
        try db.query("SELECT service, kind, state, COUNT(*) FROM jobs GROUP BY service, kind, state ORDER BY 1, 2, 3") {
            (service: $0.string(0), kind: $0.string(1), state: $0.string(2), count: $0.int(3))
        }
    }

    /// Namespaces that hold at least one job, by name.
    public func namespaces() throws -> [String] {
        try db.query("SELECT DISTINCT namespace FROM jobs ORDER BY namespace") { $0.string(0) }
    }

    /// Deletes a namespace's jobs and, through the foreign key, their events.
    /// - Returns: the number of jobs deleted.
    @discardableResult
    public func deleteAll(namespace: String) throws -> Int {
        try change("DELETE FROM jobs WHERE namespace = ?", [.text(namespace)])
        return db.changes
    }

    /// Deletes every job of every namespace and, through the foreign key, their events.
    @discardableResult
    public func deleteEverywhere() throws -> Int {
        try change("DELETE FROM jobs", [])
        return db.changes
    }

    @discardableResult
    public func delete(id: String) throws -> Bool {
        try change("DELETE FROM jobs WHERE id = ?", [.text(id)])
        return db.changes == 1
    }
}

extension SQLiteConnection {
    /// Typed queries on `jobs` through this connection.
    public var jobs: JobRecords { JobRecords(self) }
}
