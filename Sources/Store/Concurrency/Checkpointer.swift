internal import Dispatch

/// Copies the WAL back into the database file on its own connection and queue, so the writer seldom
/// pays for a checkpoint (see `writerTakeoverPages` for when it does).
///
/// Why: with synchronous=NORMAL a commit does not fsync; the checkpoint does, twice (WAL, then
/// database; https://www.sqlite.org/pragma.html#pragma_synchronous). Left to SQLite's auto-checkpoint
/// it runs inside whichever COMMIT crosses 1000 pages, on the writer, stalling every queued write;
/// measured here it was about half the cost of a one-row transaction. A PASSIVE checkpoint from
/// another connection runs alongside the writer and readers (https://www.sqlite.org/wal.html#ckpt).
///
/// `@unchecked Sendable` holds because `connection` is touched only on `queue` (serial), and
/// `isScheduled`, `isClosed` and `counters` only under `lock`.
final class Checkpointer: @unchecked Sendable {
    /// SQLite's own auto-checkpoint threshold (SQLITE_DEFAULT_WAL_AUTOCHECKPOINT).
    static let pageThreshold = 1000

    private let path: String
    private let busyTimeoutMilliseconds: Int
    private let queue = DispatchQueue(label: "buildermock.store.checkpoint", qos: .utility)
    private var connection: SQLiteConnection?
    private let lock = Lock()
    private var isScheduled = false
    private var pacing = CheckpointPacing()
    private var isClosed = false
    private var counters = (checkpoints: 0, failures: 0, lastError: String?.none)

    init(path: String, busyTimeoutMilliseconds: Int) {
        self.path = path
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
    }

    /// WAL pages past which the writer finishes a checkpoint itself (about 16 MiB).
    ///
    /// Why: a checkpoint beside a busy writer never catches up. By the time it has copied the frames
    /// it started with, new ones are there, so the WAL is never complete in the database and never
    /// starts over: under a sustained stream of creates it grew by ~110 MB a second (1.1 GB after
    /// 10 s of POSTs), every frame landed in newly allocated file space (the kernel zeroing pages
    /// for each unaligned frame write), and the checkpoint copied ever more. Between two of the
    /// writer's own transactions nothing new arrives, so its checkpoint, which finds most frames
    /// already copied by this class, finishes, and the next write starts the WAL over.
    static let writerTakeoverPages = 4 * pageThreshold

    /// Called on the writer, inside its commit hook: once the WAL has grown past
    /// `writerTakeoverPages`, a checkpoint of what the background one has not copied yet, which lets
    /// the WAL start over; returns whether it got that far. While the background checkpoint holds
    /// the lock this returns at once, and the next commit tries again. (Leaving the whole copy to the
    /// writer instead kept the WAL under 30 MB but cost 6 % of POST throughput: the writer is the
    /// bottleneck, and the copy is work the other core can do.)
    @discardableResult
    static func finishOnWriter(_ connection: SQLiteConnection, pages: Int) -> Bool {
        guard pages >= writerTakeoverPages else { return false }
        return (try? connection.checkpointPassively()) ?? false
    }

    /// Called by the writer after each commit; at most one checkpoint is queued at a time, when
    /// `CheckpointPacing` asks for one.
    func walDidCommit(pages: Int) {
        lock.lock()
        guard pacing.wantsCheckpoint(walPages: pages) else {
            lock.unlock()
            return
        }
        let mustSchedule = !isScheduled && !isClosed
        isScheduled = true
        lock.unlock()
        if mustSchedule {
            queue.async { self.checkpoint() }
        }
    }

    private func checkpoint() {
        lock.lock()
        isScheduled = false
        let closed = isClosed
        lock.unlock()
        guard !closed else { return }
        do {
            let db = try connection ?? SQLiteConnection(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
            connection = db
            // Busy (a reader or the writer's own checkpoint in the way) is not a failure: the next
            // commit over the threshold asks again.
            _ = try db.checkpointPassively()
            lock.lock()
            counters.checkpoints += 1
            lock.unlock()
        } catch {
            // Nobody waits on a checkpoint: a failed one only lets the WAL grow until the next
            // commit over the threshold tries again. Kept visible through the statistics.
            lock.lock()
            counters.failures += 1
            counters.lastError = "\(error)"
            lock.unlock()
        }
    }

    func fill(_ statistics: inout WriteStatistics) {
        lock.lock()
        statistics.checkpoints = counters.checkpoints
        statistics.checkpointFailures = counters.failures
        statistics.lastCheckpointError = counters.lastError
        lock.unlock()
    }

    /// Lets a checkpoint already scheduled finish, stops scheduling, and closes the connection.
    func close() throws {
        // Blocks on a serial queue run in order: this waits for any checkpoint queued before it.
        queue.sync {}
        lock.lock()
        isClosed = true
        lock.unlock()
        try queue.sync {
            try connection?.close()
            connection = nil
        }
    }
}

/// When the background checkpoint runs: once per `Checkpointer.pageThreshold` pages the WAL grows,
/// and after every commit in the last stretch before the writer's takeover.
///
/// Why not after every commit past the threshold (as before): each pass copies every page written
/// since the last one, and the pages every commit writes (the ends of the tables, the B-trees' upper
/// levels, counters) were copied again on every pass; in passes of 1,000 pages they are copied once
/// per pass (POST server CPU −3 %). Near the takeover it goes back to every commit: what the
/// background has not copied by then, the writer copies itself while every queued write waits
/// (passes of 1,000 pages all the way cost 7 % of POST throughput that way).
struct CheckpointPacing {
    private var nextCheckpointPages = Checkpointer.pageThreshold

    /// Whether a WAL of `walPages` pages, just committed to, should be checkpointed now.
    mutating func wantsCheckpoint(walPages pages: Int) -> Bool {
        let step = Checkpointer.pageThreshold
        if pages < nextCheckpointPages - step {
            // The WAL started over (a checkpoint completed and a write reset it).
            nextCheckpointPages = step
        }
        guard pages >= nextCheckpointPages || pages >= Checkpointer.writerTakeoverPages - step else { return false }
        nextCheckpointPages = pages + step
        return true
    }
}
