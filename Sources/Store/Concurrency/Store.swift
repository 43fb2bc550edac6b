internal import Dispatch

/// The database: one writer with group commit plus a small pool of readers, shareable across tasks
/// and Dispatch queues.
///
/// Writes go to one connection confined to a serial queue (see `GroupCommitWriter`); reads use their
/// own connections and a WAL snapshot, so they neither block nor are blocked by a write. A `:memory:`
/// database lives inside a single connection, so there its reads run on the writer's queue.
public final class Store: Sendable {
    /// Tuning; the defaults suit the server.
    public struct Configuration: Sendable {
        /// Reader connections, opened on first need; 2 cores rarely keep more than a few busy.
        public var readerCount: Int
        /// Most closures committed by one transaction; bounds how long the last caller of a batch waits.
        public var maximumBatchSize: Int
        /// How long to wait on a lock held by another process before failing with SQLITE_BUSY.
        public var busyTimeoutMilliseconds: Int
        public var migrations: [Migration]

        public init(readerCount: Int = 4, maximumBatchSize: Int = 256, busyTimeoutMilliseconds: Int = 5_000,
                    migrations: [Migration] = Schema.migrations) {
            self.readerCount = readerCount
            self.maximumBatchSize = maximumBatchSize
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
            self.migrations = migrations
        }
    }

    public let path: String
    private let writer: GroupCommitWriter
    /// Nil for an in-memory database.
    private let readers: ReaderPool?
    /// Nil for an in-memory database, which has no WAL.
    private let checkpointer: Checkpointer?
    /// Where async reads block while they wait for and use a reader, off the cooperative pool.
    private let readQueue = DispatchQueue(label: "buildermock.store.read", attributes: .concurrent)

    /// Opens (creating if needed) the database at `path`, or `:memory:`, and migrates it.
    /// Throws `SQLiteError.schemaTooNew` for a database written by a newer build.
    public init(path: String, configuration: Configuration = Configuration()) throws {
        let connection = try SQLiteConnection(path: path, busyTimeoutMilliseconds: configuration.busyTimeoutMilliseconds,
                                              pageCacheKiB: SQLiteConnection.writerPageCacheKiB)
        try Migrator.migrate(connection, with: configuration.migrations)
        self.path = path
        self.writer = GroupCommitWriter(connection: connection, maximumBatchSize: configuration.maximumBatchSize)
        if connection.isInMemory {
            self.readers = nil
            self.checkpointer = nil
        } else {
            self.readers = ReaderPool(path: path, capacity: configuration.readerCount,
                                      busyTimeoutMilliseconds: configuration.busyTimeoutMilliseconds)
            let checkpointer = Checkpointer(path: path, busyTimeoutMilliseconds: configuration.busyTimeoutMilliseconds)
            // Set before the writer queue ever runs, so the hook is only ever called there.
            connection.onWALCommit { [unowned connection] pages in
                checkpointer.walDidCommit(pages: pages)
                Checkpointer.finishOnWriter(connection, pages: pages)
            }
            self.checkpointer = checkpointer
        }
    }

    public var isInMemory: Bool { readers == nil }

    /// A number that grows once committed writes have changed `jobs` rows. Load it before a read; while
    /// it stays the same, what the read returned about jobs is still what the database holds. Only this
    /// process's writes count: another process writing the same file goes unnoticed.
    public var jobsGeneration: UInt64 { writer.jobsGeneration }

    // MARK: Writes

    /// Runs `body` atomically on the writer and returns once its transaction has committed.
    ///
    /// `body` may share its transaction with other callers' closures (group commit) but runs in its
    /// own savepoint: a throw undoes only its work and fails only this call. It must not open a
    /// `transaction {}` (use `savepoint {}`), and should not block: every queued write waits for it.
    /// The write cannot be cancelled once submitted.
    /// With `isolation: .replayable` the closure may share a savepoint with its neighbours and run
    /// again if one of them throws (see `WriteIsolation`).
    public func write<T: Sendable>(isolation: WriteIsolation = .savepoint,
                                   _ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            write(isolation: isolation, body) { continuation.resume(with: $0) }
        }
    }

    /// The callback form of `write`, for Dispatch-based callers that must not block. `completion` runs
    /// on the writer queue, after the commit: hand real work off to your own queue.
    public func write<T: Sendable>(isolation: WriteIsolation = .savepoint,
                                   _ body: @escaping @Sendable (SQLiteConnection) throws -> T,
                                   completion: @escaping @Sendable (Result<T, any Error>) -> Void) {
        let slot = ResultSlot<T>()
        writer.submit(.init(
            isolation: isolation,
            perform: { db in slot.value = try body(db) },
            complete: { error in
                if let error {
                    completion(.failure(error))
                } else if let value = slot.value {
                    completion(.success(value))
                } else {
                    preconditionFailure("write committed without a result")
                }
            }))
    }

    /// Writes submitted and waiting for the writer (not yet in a transaction): what the next group
    /// commit will take, up to `Configuration.maximumBatchSize`.
    public var queuedWriteCount: Int { writer.queuedCount }

    /// Sets what runs, on the writer queue, when replayable writes that already ran were undone to
    /// run again: a cache of what they wrote must be dropped there (`WriteIsolation.replayable`).
    /// There is one handler (the engine's); a later call replaces it.
    public func onReplay(_ handler: @escaping @Sendable () -> Void) {
        writer.onReplay(handler)
    }

    /// `write`, blocking the calling thread (not spinning) until the commit; joins group commit like
    /// the async form. Must not be called from inside a write.
    public func writeSync<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) throws -> T {
        // @escaping although the call blocks until done: the writer's batch array still holds the
        // closure for a moment after `complete` signals, which withoutActuallyEscaping would trap on.
        let slot = ResultSlot<Result<T, any Error>>()
        let done = DispatchSemaphore(value: 0)
        writer.submit(.init(
            perform: { db in slot.value = .success(try body(db)) },
            complete: { error in
                if let error { slot.value = .failure(error) }
                done.signal()
            }))
        done.wait()
        guard let result = slot.value else { preconditionFailure("write completed without a result") }
        return try result.get()
    }

    // MARK: Reads

    /// Runs `body` in a read snapshot: it sees the last committed state, unaffected by writes that
    /// commit while it runs, and it does not wait for a write in progress (file databases).
    public func read<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            readQueue.async {
                continuation.resume(with: Result { try self.readSync(body) })
            }
        }
    }

    /// `read`, on the calling thread. Waits (sleeping) only when every reader is lent out.
    public func readSync<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        if let readers {
            return try readers.withConnection { db in try db.readSnapshot { try body(db) } }
        }
        return try writer.runOnQueue { db in try db.readSnapshot { try body(db) } }
    }

    /// The schema version the database is at.
    public func schemaVersion() throws -> Int {
        try readSync { try Migrator.currentVersion(of: $0) }
    }

    /// Write counters since the Store opened; `writes / transactions` is the mean batch size.
    public var writeStatistics: WriteStatistics {
        var statistics = writer.currentStatistics
        checkpointer?.fill(&statistics)
        return statistics
    }

    // MARK: Closing

    /// Runs the writes already queued, refuses new ones, and closes every connection; throws if a
    /// statement was left unfinalized. Without it, connections close when the Store is released.
    public func close() throws {
        // Writer first: its last commits may schedule a checkpoint, which the checkpointer then finishes.
        try writer.close()
        try checkpointer?.close()
        try readers?.close()
    }
}

/// Carries a closure's result from the writer queue to its caller.
///
/// `@unchecked Sendable` holds because `value` is written and then read either both on the writer
/// queue (async and callback forms), or written there and read after the semaphore that `complete`
/// signals (the sync form), which orders the write before the read.
private final class ResultSlot<T>: @unchecked Sendable {
    var value: T?
}
