import Store
import Synchronization

/// History rows held back while a batch of due transitions runs, then appended together, several
/// rows per INSERT (`EventRecords.append(contentsOf:)`): one statement per transition was a quarter
/// of what a large advance cost.
///
/// Sound because nothing inside the batch's write closure reads `job_events` except the lifecycle
/// fault check, which flushes first; every row is still inserted, in the order the transitions
/// ran, before the closure returns, so inside the same transaction and before any commit makes it
/// visible. Only the writer queue uses it, one write closure at a time; the mutex is there for
/// `Sendable`, not for contention.
final class EventAppendBuffer: Sendable {
    /// nil while not collecting: `append` inserts at once.
    private let pending = Mutex<[JobEventRecord]?>(nil)

    /// Starts holding rows back.
    func begin() {
        pending.withLock { $0 = [] }
    }

    /// Holds `event` while collecting, else inserts it.
    func append(_ event: JobEventRecord, in db: SQLiteConnection) throws {
        let held = pending.withLock { pending -> Bool in
            guard pending != nil else { return false }
            pending!.append(event)
            return true
        }
        if !held { try db.events.append(event) }
    }

    /// Inserts every row held so far, in order; keeps collecting.
    func flush(in db: SQLiteConnection) throws {
        let rows = pending.withLock { pending -> [JobEventRecord] in
            guard let rows = pending, !rows.isEmpty else { return [] }
            pending = []
            return rows
        }
        if !rows.isEmpty { try db.events.append(contentsOf: rows) }
    }

    /// Inserts what is held and stops collecting.
    func end(in db: SQLiteConnection) throws {
        try flush(in: db)
        discard()
    }

    /// Stops collecting and drops what is held: the closure failed and its savepoint rolls back.
    func discard() {
        pending.withLock { $0 = nil }
    }
}
