import Synchronization

/// Response bodies a service rendered from one job, served again to the next poll while the job is
/// unchanged, so a poll of an unchanged job skips the read, the render and the JSON encoding.
///
/// Valid under the same rule as `JobReadCache`: the body was rendered from a job read after
/// `Engine.jobsGeneration` returned the generation it is stored under, and is used only while that
/// generation is still current (no committed write has touched any job since). Two more conditions
/// are the caller's and the entry's: only bodies that depend on the job alone (not on the clock) may
/// be stored, and an entry whose job has a timer is used only before that timer is due, since the
/// read that would replace it first catches the job up (`Engine.job`).
public final class RenderedJobBodies: Sendable {
    private struct Key: Hashable {
        let namespace: String
        let id: String
        /// Which rendering: one job may be rendered by several routes.
        let variant: String
    }

    private struct Entry {
        let generation: UInt64
        let dueAt: Timestamp?
        let body: [UInt8]
    }

    private let entries = Mutex<[Key: Entry]>([:])
    /// Past this many entries the cache starts over, as `JobReadCache` does.
    let capacity: Int

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    /// The body stored for this job and rendering, if it is still valid at `generation` and `now`.
    public func body(id: String, namespace: String, variant: String, generation: UInt64, now: Timestamp) -> [UInt8]? {
        guard let entry = entries.withLock({ $0[Key(namespace: namespace, id: id, variant: variant)] }),
              entry.generation == generation else { return nil }
        if let due = entry.dueAt, due <= now { return nil }
        return entry.body
    }

    /// Keeps `body`, rendered from `job` as read after `generation` was loaded; it must not depend
    /// on the clock.
    public func store(_ body: [UInt8], of job: Job, variant: String, generation: UInt64) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[Key(namespace: job.namespace, id: job.id, variant: variant)] =
                Entry(generation: generation, dueAt: job.dueAt, body: body)
        }
    }
}
