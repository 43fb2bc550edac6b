internal import CSQLite

/// One SQLite connection: it owns the `sqlite3*` and a statement cache keyed by SQL.
///
/// Not Sendable: SQLite is opened with `SQLITE_OPEN_NOMUTEX`, so a connection must be used by one
/// thread at a time. `Store` guarantees that (the writer lives on a serial queue, readers are lent out
/// one borrower at a time); code that owns a connection directly must do the same.
public final class SQLiteConnection {
    /// The file it was opened on, or `:memory:`.
    public let path: String
    let handle: OpaquePointer
    // Unbounded on purpose: the Store's SQL is a fixed set of strings (list filters give at most a
    // few dozen variants), so every entry is reused.
    private var cache: [String: Statement] = [:]
    private var isClosed = false
    private var walCommitHook: WALCommitHook?
    /// Counters and `kv` values the open write transaction keeps in memory (`TransactionScoped`).
    var transactionMemory = WriteTransactionMemory()

    /// Opens (creating if needed) the database at `path` and applies the connection pragmas.
    /// - Parameters:
    ///   - queryOnly: refuse writes on this connection (`PRAGMA query_only`); used for readers.
    ///   - busyTimeoutMilliseconds: how long to wait on a lock another process holds.
    ///   - pageCacheKiB: this connection's page cache budget (see `configure`).
    public init(path: String, queryOnly: Bool = false, busyTimeoutMilliseconds: Int = 5_000,
                pageCacheKiB: Int = SQLiteConnection.pageCacheKiB) throws(SQLiteError) {
        var db: OpaquePointer?
        // NOMUTEX: thread confinement is ours to guarantee (see the type comment), so SQLite's
        // per-connection mutex would be pure overhead. EXRESCODE: extended codes from open, too.
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            // open_v2 allocates a handle even on failure (except out of memory); it must be closed.
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close(db)
            throw .open(path: path, code: code, message: message)
        }
        self.handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, Int32(clamping: busyTimeoutMilliseconds))
        do {
            try configure(queryOnly: queryOnly, pageCacheKiB: pageCacheKiB)
        } catch {
            cache.removeAll()
            sqlite3_close(db)
            isClosed = true
            throw error
        }
    }

    // Through executeScript: these run once, so caching them would only hold statements open.
    private func configure(queryOnly: Bool, pageCacheKiB: Int) throws(SQLiteError) {
        if !isInMemory {
            // WAL lets readers keep their snapshot while the writer commits, and makes a commit one
            // append to the -wal file instead of a rewrite of the database (https://www.sqlite.org/wal.html).
            // On a new file the switch is a rollback-journal transaction that rewrites the header; at the
            // default synchronous=FULL it cost four fsyncs, the slowest part of a first start (issue 2).
            // With OFF it costs none; it can only matter on power loss during a database's creation,
            // and an existing WAL database does not write here at all.
            try executeScript("PRAGMA synchronous = OFF")
            try executeScript("PRAGMA journal_mode = WAL")
        }
        // Durability: "WAL mode is always consistent with synchronous=NORMAL, but WAL mode does lose
        // durability. A transaction committed in WAL mode with synchronous=NORMAL might roll back
        // following a power loss or system crash. Transactions are durable across application crashes
        // regardless of the synchronous setting or journal mode."
        // (https://www.sqlite.org/pragma.html#pragma_synchronous). Our crash model is kill -9 of the
        // process, an application crash: a commit has reached the OS page cache through write(2) before
        // COMMIT returns, and the kernel keeps it after the process dies. NORMAL skips the fsync per
        // commit that FULL would pay, which is most of the cost of a small write transaction.
        try executeScript("PRAGMA synchronous = NORMAL")
        // A bounded page cache per connection (negative = KiB). SQLite's default is 2 MiB each, and
        // the server holds six connections (writer, four readers, checkpointer): under a long soak
        // those caches filled with journal and job pages and were most of the resident-memory growth.
        // The file stays in the kernel's page cache anyway, so a miss here is a copy, not a disk read.
        try executeScript("PRAGMA cache_size = -\(pageCacheKiB)")
        // Temporary files in memory: above all the statement journal, where SQLite keeps the pages a
        // savepoint may have to restore. The group commit runs every write of a batch in a savepoint,
        // and with the default (a file once past 64 KiB) a batch of creates made more write(2) calls to
        // that throwaway file than to the WAL (https://www.sqlite.org/tempfiles.html#stmtjrnl).
        try executeScript("PRAGMA temp_store = MEMORY")
        // Off by default for backwards compatibility (https://www.sqlite.org/foreignkeys.html#fk_enable).
        try executeScript("PRAGMA foreign_keys = ON")
        if queryOnly {
            try executeScript("PRAGMA query_only = ON")
        }
    }

    /// The page cache budget of a connection, in KiB (see `configure`).
    public static let pageCacheKiB = 256
    /// The writer's: a group commit of many job inserts dirties a leaf of the random-keyed id index
    /// per job, which overflowed 256 KiB, so SQLite spilled dirty pages to the WAL mid-transaction and
    /// read them back (a tenth of a POST's CPU). One connection, so the memory stays bounded.
    public static let writerPageCacheKiB = 8 << 10

    /// Closes if `close()` was not called. A live statement at this point is a leak: it asserts in
    /// debug builds and falls back to `sqlite3_close_v2`, which defers the close until the statement
    /// is finalized, so release builds stay memory-safe.
    deinit {
        guard !isClosed else { return }
        cache.removeAll()
        let leftovers = unfinalizedStatementSQL()
        assert(leftovers.isEmpty, "SQLiteConnection(\(path)) deallocated with unfinalized statements: \(leftovers)")
        sqlite3_close_v2(handle)
    }

    /// Finalizes cached statements and closes. Throws, leaving the connection open, if a statement
    /// prepared outside the cache (or a cached one still referenced) is alive.
    public func close() throws(SQLiteError) {
        guard !isClosed else { return }
        cache.removeAll()
        let leftovers = unfinalizedStatementSQL()
        guard leftovers.isEmpty else { throw .unfinalizedStatements(path: path, sql: leftovers) }
        let code = sqlite3_close(handle)
        guard code == SQLITE_OK else {
            throw .close(path: path, code: code, message: String(cString: sqlite3_errmsg(handle)))
        }
        isClosed = true
    }

    private func unfinalizedStatementSQL() -> [String] {
        var result: [String] = []
        var statement = sqlite3_next_stmt(handle, nil)
        while let s = statement {
            result.append(sqlite3_sql(s).map { String(cString: $0) } ?? "?")
            statement = sqlite3_next_stmt(handle, s)
        }
        return result
    }

    // MARK: State

    /// True for `:memory:` and the empty path (a private temporary database): such a database exists
    /// only inside this one connection, so no other connection can read it.
    public var isInMemory: Bool { path == ":memory:" || path.isEmpty }
    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle)) }
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
    public var cachedStatementCount: Int { cache.count }

    /// Calls `handler` on the committing thread after every commit, with the number of pages now in
    /// the WAL (`sqlite3_wal_hook`). This replaces SQLite's auto-checkpoint, which is that same hook
    /// (https://www.sqlite.org/c3ref/wal_autocheckpoint.html), so the handler owns checkpointing.
    func onWALCommit(_ handler: @escaping (Int) -> Void) {
        let hook = WALCommitHook(handler: handler)
        // The connection keeps the hook alive for as long as SQLite may call it.
        walCommitHook = hook
        sqlite3_wal_hook(handle, { context, _, _, pages in
            guard let context else { return SQLITE_OK }
            Unmanaged<WALCommitHook>.fromOpaque(context).takeUnretainedValue().handler(Int(pages))
            return SQLITE_OK
        }, Unmanaged.passUnretained(hook).toOpaque())
    }

    /// A PASSIVE checkpoint on this connection (https://www.sqlite.org/c3ref/wal_checkpoint_v2.html):
    /// copies what it can of the WAL into the database without waiting for anyone. Returns whether
    /// every frame is now in the database (the next write then starts the WAL over); false when
    /// another connection's checkpoint or a reader stood in the way.
    func checkpointPassively() throws(SQLiteError) -> Bool {
        guard !isClosed else { throw .closed }
        var frames: Int32 = 0
        var copied: Int32 = 0
        let code = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, &frames, &copied)
        if code & 0xFF == SQLITE_BUSY || code & 0xFF == SQLITE_LOCKED { return false }
        guard code == SQLITE_OK else {
            throw .exec(sql: "wal_checkpoint(PASSIVE)", code: code, message: String(cString: sqlite3_errmsg(handle)))
        }
        return frames == copied
    }

    /// Set by every write to `jobs` (all of them go through `JobRecords`), cleared by the writer when
    /// it counts the batch (`GroupCommitWriter.jobsGeneration`). Not SQLite's update hook:
    /// `jobs` is a WITHOUT ROWID table, which that hook does not report.
    var jobsChanged = false

    // MARK: Statements

    /// A new statement the caller owns; prefer `cachedStatement` for SQL that runs more than once.
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        guard !isClosed else { throw .closed }
        return try Statement(database: handle, sql: sql)
    }

    /// The statement for `sql`, prepared on first use and reset (bindings cleared) on every fetch.
    public func cachedStatement(_ sql: String) throws(SQLiteError) -> Statement {
        if let statement = cache[sql] {
            statement.reset()
            return statement
        }
        let statement = try prepare(sql)
        cache[sql] = statement
        return statement
    }

    /// Runs one statement (cached) to completion with positional arguments.
    public func execute(_ sql: String, _ arguments: [SQLiteValue] = []) throws(SQLiteError) {
        let statement = try cachedStatement(sql)
        // Reset at once so the statement holds no lock or snapshot between uses.
        defer { statement.reset() }
        try statement.bind(arguments)
        try statement.run()
    }

    /// Runs several `;`-separated statements (migrations); nothing is cached.
    public func executeScript(_ sql: String) throws(SQLiteError) {
        guard !isClosed else { throw .closed }
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        guard code == SQLITE_OK else {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(errorMessage)
            throw .exec(sql: sql, code: sqlite3_extended_errcode(handle), message: message)
        }
    }

    /// Every row of a (cached) query, decoded by `row` while the statement sits on it.
    public func query<T>(_ sql: String, _ arguments: [SQLiteValue] = [],
                         row: (Statement) throws -> T) throws -> [T] {
        let statement = try cachedStatement(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        var rows: [T] = []
        while try statement.step() {
            rows.append(try row(statement))
        }
        return rows
    }

    /// The first row only; the statement is reset straight after, releasing its snapshot.
    public func queryFirst<T>(_ sql: String, _ arguments: [SQLiteValue] = [],
                              row: (Statement) throws -> T) throws -> T? {
        let statement = try cachedStatement(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        guard try statement.step() else { return nil }
        return try row(statement)
    }
}

private final class WALCommitHook {
    let handler: (Int) -> Void
    init(handler: @escaping (Int) -> Void) { self.handler = handler }
}
