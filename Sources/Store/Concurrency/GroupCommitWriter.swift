internal import Dispatch
import Synchronization

/// The single writer: runs write closures on one connection, committing the closures that queued
/// up meanwhile together in one transaction.
///
/// Why group commit: a commit costs far more than a small insert (the WAL append and, across
/// processes, the lock dance), so N callers that arrive together pay for one commit, not N. Nothing
/// waits to fill a batch: an idle writer starts at once, and whatever arrives during that transaction
/// forms the next one, so the added latency is bounded by one transaction.
///
/// `@unchecked Sendable` holds because `connection` is confined to `queue`, a serial queue (the only
/// place the SQLite writer is touched), and `pending`, `isDraining` and `isClosed` are read and written
/// only under `lock`.
final class GroupCommitWriter: @unchecked Sendable {
    /// One caller's closure. `perform` runs inside the batch transaction (inside its own savepoint
    /// when the batch has others); `complete` gets nil once the transaction has committed, or the error
    /// that undid the closure's work. Both run on `queue`.
    struct PendingWrite: Sendable {
        let perform: @Sendable (SQLiteConnection) throws -> Void
        let complete: @Sendable ((any Error)?) -> Void
    }

    let queue: DispatchQueue
    private let connection: SQLiteConnection
    private let maximumBatchSize: Int
    private let lock = Lock()
    private var pending: [PendingWrite] = []
    private var isDraining = false
    private var isClosed = false
    private var statistics = WriteStatistics()
    /// Counts the batches that changed a `jobs` row; see `jobsGeneration`.
    private let jobChanges = Atomic<UInt64>(0)

    init(connection: SQLiteConnection, maximumBatchSize: Int) {
        precondition(maximumBatchSize >= 1)
        self.connection = connection
        self.maximumBatchSize = maximumBatchSize
        self.queue = DispatchQueue(label: "buildermock.store.writer")
    }

    /// Grows after every batch that changed a `jobs` row, once that batch has committed (or rolled
    /// back) and before any of its callers hears so. A reader that loads this value, then reads, may
    /// keep what it read for as long as the value stays the same: a snapshot taken after loading it is
    /// at least as new as every change counted so far, and any later change moves it.
    var jobsGeneration: UInt64 { jobChanges.load(ordering: .acquiring) }

    /// Counts the batch just finished if it touched `jobs`; runs before its completions.
    private func publishJobChanges() {
        guard connection.jobsChanged else { return }
        connection.jobsChanged = false
        jobChanges.add(1, ordering: .releasing)
    }

    func submit(_ write: PendingWrite) {
        lock.lock()
        guard !isClosed else {
            lock.unlock()
            queue.async { write.complete(SQLiteError.closed) }
            return
        }
        pending.append(write)
        let mustStart = !isDraining
        isDraining = true
        lock.unlock()
        if mustStart {
            queue.async { self.drain() }
        }
    }

    /// Runs one batch, then yields the queue (so `runOnQueue` callers get a turn between batches)
    /// and comes back while writes are pending.
    private func drain() {
        if runNextBatch() {
            queue.async { self.drain() }
        }
    }

    /// - Returns: whether writes are still pending; when not, `isDraining` has been cleared.
    private func runNextBatch() -> Bool {
        lock.lock()
        let batch: [PendingWrite]
        if pending.count <= maximumBatchSize {
            batch = pending
            pending = []
        } else {
            batch = Array(pending.prefix(maximumBatchSize))
            pending.removeFirst(maximumBatchSize)
        }
        if batch.isEmpty {
            isDraining = false
        }
        lock.unlock()
        guard !batch.isEmpty else { return false }
        lock.lock()
        // Counted before the callers resume, so a caller reading the statistics sees its own write.
        statistics.transactions += 1
        statistics.writes += batch.count
        statistics.largestBatch = max(statistics.largestBatch, batch.count)
        lock.unlock()
        run(batch)
        return true
    }

    var currentStatistics: WriteStatistics {
        lock.lock()
        defer { lock.unlock() }
        return statistics
    }

    private func run(_ batch: [PendingWrite]) {
        let db = connection
        if batch.count == 1 {
            // Alone, the transaction itself is the unit of rollback: no savepoint to pay for.
            let write = batch[0]
            let outcome: (any Error)?
            do {
                try db.transaction { try write.perform(db) }
                outcome = nil
            } catch {
                outcome = error
            }
            publishJobChanges()
            write.complete(outcome)
            return
        }

        var outcomes = [(any Error)?](repeating: nil, count: batch.count)
        // The writes since the last BEGIN: the ones a failed COMMIT or an aborted transaction undoes.
        var transactionStart = 0
        var inTransaction = false
        for index in batch.indices {
            if !inTransaction {
                do {
                    try db.beginWriteTransaction()
                    inTransaction = true
                    transactionStart = index
                } catch {
                    outcomes[index] = error
                    continue
                }
            }
            do {
                try db.savepoint { try batch[index].perform(db) }
            } catch {
                outcomes[index] = error
                if !db.isInTransaction {
                    // SQLite rolled the whole transaction back by itself (IOERR, FULL, NOMEM…,
                    // https://www.sqlite.org/lang_transaction.html): earlier writes of it are lost too.
                    for earlier in transactionStart..<index where outcomes[earlier] == nil {
                        outcomes[earlier] = error
                    }
                    inTransaction = false
                }
            }
        }
        if inTransaction {
            do {
                try db.commitWriteTransaction()
            } catch {
                db.rollbackKeepingFirstError()
                for index in transactionStart..<batch.count where outcomes[index] == nil {
                    outcomes[index] = error
                }
            }
        }
        publishJobChanges()
        for (write, outcome) in zip(batch, outcomes) {
            write.complete(outcome)
        }
    }

    /// Runs `body` on the writer queue between batches, outside any transaction; the caller blocks.
    /// For `:memory:`, where reads must share the writer's connection.
    func runOnQueue<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        dispatchPrecondition(condition: .notOnQueue(queue))
        return try queue.sync {
            lock.lock()
            let closed = isClosed && pending.isEmpty
            lock.unlock()
            if closed { throw SQLiteError.closed }
            return try body(connection)
        }
    }

    /// Refuses new writes, runs those already queued, then closes the connection.
    func close() throws {
        dispatchPrecondition(condition: .notOnQueue(queue))
        lock.lock()
        isClosed = true
        lock.unlock()
        try queue.sync {
            while runNextBatch() {}
            try connection.close()
        }
    }
}

/// Counters of the writer since the Store opened: how well group commit is batching.
public struct WriteStatistics: Sendable, Hashable {
    /// Batches run, i.e. write transactions begun (a batch whose transaction SQLite aborted may begin more).
    public var transactions: Int
    /// Write closures run, successful or not.
    public var writes: Int
    public var largestBatch: Int
    /// Background WAL checkpoints completed, and failed (a failure only lets the WAL grow a while).
    public var checkpoints: Int
    public var checkpointFailures: Int
    public var lastCheckpointError: String?

    public init(transactions: Int = 0, writes: Int = 0, largestBatch: Int = 0, checkpoints: Int = 0,
                checkpointFailures: Int = 0, lastCheckpointError: String? = nil) {
        self.transactions = transactions
        self.writes = writes
        self.largestBatch = largestBatch
        self.checkpoints = checkpoints
        self.checkpointFailures = checkpointFailures
        self.lastCheckpointError = lastCheckpointError
    }
}
