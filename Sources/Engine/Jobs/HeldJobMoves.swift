import Store
import Synchronization

/// Row updates of the due batch being run, held back and written together at its end: one UPDATE
/// per chunk of jobs making the same move (`JobRecords.update(ids:…)`) instead of one statement,
/// one record and one payload bound per job. In a large advance most jobs of a batch make the
/// same timer move at the same time.
///
/// Only moves that nothing can observe before the batch ends are held: timer moves `runDueBatch`
/// makes itself, of a kind without hooks (no hook reads or writes other jobs, spawns or sends events
/// in between), that leave the payload as it was. A move of a kind with hooks writes what is held
/// first, so its hooks, the events they deliver and the jobs they spawn read current rows. Every row
/// is written before the batch's history rows and before the closure returns, so in the same
/// transaction as its event row; a job that moved on meanwhile makes the write fail and the whole
/// batch roll back, as `JobRecords.update` returning false does one move. Only the writer queue
/// uses it, one write closure at a time; the mutex is there for `Sendable`, not for contention.
final class HeldJobMoves: Sendable {
    /// What a held move writes, shared by every job it holds.
    struct Move: Hashable {
        var version: Int
        var state: String
        var step: Int
        var dueAt: Int64?
        var updatedAt: Int64
    }

    /// nil while not collecting: `hold` refuses and the caller writes at once.
    private let pending = Mutex<[Move: [String]]?>(nil)

    /// Starts holding moves.
    func begin() {
        pending.withLock { $0 = [:] }
    }

    /// Holds `move` of job `id`; false when not collecting (write it now).
    func hold(id: String, _ move: Move) -> Bool {
        pending.withLock { pending -> Bool in
            guard pending != nil else { return false }
            pending?[move, default: []].append(id)
            return true
        }
    }

    /// Writes every move held so far; keeps collecting.
    func flush(in db: SQLiteConnection) throws {
        let groups = pending.withLock { pending -> [Move: [String]] in
            guard let groups = pending, !groups.isEmpty else { return [:] }
            pending = [:]
            return groups
        }
        // Each job appears once, so the groups touch different rows and their order changes nothing.
        for (move, ids) in groups {
            let written = try db.jobs.update(ids: ids, version: move.version, state: move.state, step: move.step,
                                             dueAt: move.dueAt, updatedAt: move.updatedAt)
            guard written == ids.count else {
                throw EngineError.storage("\(ids.count - written) of \(ids.count) jobs changed concurrently (version \(move.version))")
            }
        }
    }

    /// Writes what is held and stops collecting.
    func end(in db: SQLiteConnection) throws {
        try flush(in: db)
        discard()
    }

    /// Stops collecting and drops what is held: the closure failed and its savepoint rolls back.
    func discard() {
        pending.withLock { $0 = nil }
    }
}
