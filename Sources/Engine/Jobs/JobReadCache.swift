import Synchronization

/// Jobs as a client's read last found them, each tagged with the store's `jobsGeneration` loaded
/// before that read, so a poll of an unchanged job costs no SQLite read transaction.
///
/// Why: a job GET spent a quarter of its CPU in the read (BEGIN, the WAL read lock's fcntl calls, the
/// row lookup, COMMIT) to find what the previous poll had already found. An entry is used only while
/// the generation is unchanged, i.e. no committed write has touched any `jobs` row since it was read,
/// so a write never has to find and invalidate entries. Belongs to one engine: another engine's store
/// counts its own generations, and the same job id there is a different job.
final class JobReadCache: Sendable {
    private struct Key: Hashable {
        let namespace: String
        let id: String
    }

    private struct Entry {
        let generation: UInt64
        let job: Job
    }

    private let entries = Mutex<[Key: Entry]>([:])
    /// Past this many entries the cache starts over (as `PayloadDecodeCache` does): bounded memory
    /// without LRU bookkeeping on a path that exists to be cheap.
    let capacity: Int

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    /// The job read at `generation`, if one was.
    func job(id: String, namespace: String, generation: UInt64) -> Job? {
        guard let entry = entries.withLock({ $0[Key(namespace: namespace, id: id)] }),
              entry.generation == generation else { return nil }
        return entry.job
    }

    /// Keeps `job`, read by a read that started after `generation` was loaded.
    func store(_ job: Job, generation: UInt64) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[Key(namespace: job.namespace, id: job.id)] = Entry(generation: generation, job: job)
        }
    }

    var count: Int { entries.withLock { $0.count } }
}
