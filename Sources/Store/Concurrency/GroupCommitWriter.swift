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
    /// when the batch has others, or its group's when `isolation` is `.replayable`); `complete` gets
    /// nil once the transaction has committed, or the error that undid the closure's work. Both run
    /// on `queue`.
    struct PendingWrite: Sendable {
        var isolation: WriteIsolation = .savepoint
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
    /// Told when replayable writes that ran are undone to run again (`Store.onReplay`); under `lock`.
    private var replayHandler: (@Sendable () -> Void)?
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

    /// Writes submitted and not yet taken into a batch.
    var queuedCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return pending.count
    }

    func onReplay(_ handler: @escaping @Sendable () -> Void) {
        lock.lock()
        replayHandler = handler
        lock.unlock()
    }

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

    private func countReplayed(_ count: Int) {
        lock.lock()
        statistics.replayedWrites += count
        lock.unlock()
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
        // Replayable writes run so far inside the open group savepoint (none open while empty).
        var group: [Int] = []

        func beginIfNeeded(for index: Int) -> Bool {
            guard !inTransaction else { return true }
            do {
                try db.beginWriteTransaction()
                inTransaction = true
                transactionStart = index
                return true
            } catch {
                outcomes[index] = error
                return false
            }
        }
        // SQLite rolled the whole transaction back by itself (IOERR, FULL, NOMEM…,
        // https://www.sqlite.org/lang_transaction.html): every write of it up to `index` is lost.
        func transactionAborted(at index: Int, by error: any Error) {
            for earlier in transactionStart...index where outcomes[earlier] == nil {
                outcomes[earlier] = error
            }
            group = []
            inTransaction = false
            db.rollbackKeepingFirstError()  // nothing left to roll back; ends the transaction's memory
        }
        func runInOwnSavepoint(_ index: Int) {
            guard beginIfNeeded(for: index) else { return }
            do {
                try db.savepoint { try batch[index].perform(db) }
            } catch {
                outcomes[index] = error
                if !db.isInTransaction { transactionAborted(at: index, by: error) }
            }
        }
        // Undoes the group and runs its writes again one savepoint each, so that only the one that
        // throws loses its work.
        func replay(_ writes: [Int]) {
            db.rollBackSavepoint()
            lock.lock()
            let handler = replayHandler
            lock.unlock()
            handler?()
            countReplayed(writes.count)
            for index in writes { runInOwnSavepoint(index) }
        }
        func closeGroup() {
            guard !group.isEmpty else { return }
            let members = group
            group = []
            do {
                try db.releaseSavepoint()
            } catch {
                if db.isInTransaction { replay(members) } else { transactionAborted(at: members.last!, by: error) }
            }
        }

        for index in batch.indices {
            guard batch[index].isolation == .replayable else {
                closeGroup()
                runInOwnSavepoint(index)
                continue
            }
            guard beginIfNeeded(for: index) else { continue }
            if group.isEmpty {
                do {
                    try db.beginSavepoint()
                } catch {
                    outcomes[index] = error
                    if !db.isInTransaction { transactionAborted(at: index, by: error) }
                    continue
                }
            }
            do {
                try batch[index].perform(db)
                group.append(index)
            } catch {
                let members = group
                group = []
                if db.isInTransaction {
                    replay(members + [index])
                } else {
                    outcomes[index] = error
                    transactionAborted(at: index, by: error)
                }
            }
        }
        closeGroup()
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
    /// Replayable writes that ran in a group savepoint and ran again in their own, after another of
    /// the group threw (`WriteIsolation.replayable`).
    public var replayedWrites: Int
    /// Background WAL checkpoints completed, and failed (a failure only lets the WAL grow a while).
    public var checkpoints: Int
    public var checkpointFailures: Int
    public var lastCheckpointError: String?

    public init(transactions: Int = 0, writes: Int = 0, largestBatch: Int = 0, replayedWrites: Int = 0,
                checkpoints: Int = 0, checkpointFailures: Int = 0, lastCheckpointError: String? = nil) {
        self.transactions = transactions
        self.writes = writes
        self.largestBatch = largestBatch
        self.replayedWrites = replayedWrites
        self.checkpoints = checkpoints
        self.checkpointFailures = checkpointFailures
        self.lastCheckpointError = lastCheckpointError
    }
}

/// How a write shares a group commit's transaction with the writes around it.
public enum WriteIsolation: Sendable, Hashable {
    /// In a savepoint of its own: a throw undoes only its work. Right for any closure.
    case savepoint
    /// In one savepoint with the replayable writes next to it in the batch; if one of them throws,
    /// the whole group is undone and each runs again in a savepoint of its own, so only the one that
    /// throws loses its work. A savepoint per write costs SQLite a copy of every page the write
    /// touches (its statement journal); a group pays that once. The price is that the closure may
    /// run twice: everything it changes outside SQLite must be undone by the savepoint's rollback
    /// (the connection's `TransactionScoped` values are), be dropped by the `Store.onReplay`
    /// handler, or be harmless to do again.
    case replayable
}
