import Dispatch

/// A serial queue shared by many connections, with the one read buffer they take turns using, and a
/// task executor on that queue so responder tasks start and finish without leaving it.
///
/// `@unchecked Sendable`: `readBuffer` is only touched on `queue`. The queue is serial, so one
/// connection reads into the buffer at a time, and no connection keeps bytes in it beyond one event
/// handler (the parser copies what it keeps). Ten thousand idle connections therefore hold no read
/// buffers at all.
final class IOQueue: TaskExecutor, @unchecked Sendable {
    let queue: DispatchQueue
    let readBuffer: UnsafeMutableRawBufferPointer

    init(label: String, readBufferBytes: Int = 64 << 10) {
        queue = DispatchQueue(label: label)
        readBuffer = .allocate(byteCount: readBufferBytes, alignment: 16)
    }

    deinit {
        readBuffer.deallocate()
    }

    /// Runs task jobs on `queue` (SE-0417). A responder task that prefers this executor runs its
    /// nonisolated code here and resumes here after awaiting an actor, so its answer reaches the
    /// connection without two thread hops through the cooperative pool.
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { [self] in
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
