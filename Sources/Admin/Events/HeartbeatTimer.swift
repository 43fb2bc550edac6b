import Dispatch

/// A repeating wall-clock timer on a Dispatch queue that yields SSE heartbeat comments into a
/// stream. A Dispatch timer rather than a sleeping task, so heartbeats keep their pace even while
/// the cooperative thread pool is busy, and an idle stream costs no task.
///
/// `@unchecked Sendable`: it holds only the timer source, created and started in `init` and
/// afterwards touched only through `cancel()`, and Dispatch sources may be cancelled from any thread.
final class HeartbeatTimer: @unchecked Sendable {
    private let source: any DispatchSourceTimer

    init(every seconds: Double, queue: DispatchQueue = .global(), _ beat: @escaping @Sendable () -> Void) {
        source = DispatchSource.makeTimerSource(queue: queue)
        let interval = DispatchTimeInterval.nanoseconds(Int(max(seconds, 0.001) * 1e9))
        source.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(10))
        source.setEventHandler(handler: beat)
        source.activate()
    }

    func cancel() {
        source.cancel()
    }

    deinit {
        source.cancel()
    }
}
