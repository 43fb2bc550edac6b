import Dispatch
import Logging
import Store
import Synchronization

/// Runs due transitions of real-clock namespaces in the background. It wakes exactly when the next
/// job falls due (one timer, re-armed on every new earlier due time), never on a fixed tick, so it
/// idles at no CPU when nothing is due. Manual-clock namespaces move only through `advance`.
public final class JobScheduler: Sendable {
    let engine: Engine
    /// Timer callbacks and re-arming run on this serial queue.
    private let queue = DispatchQueue(label: "buildermock.scheduler")
    private struct State {
        var timer: (any DispatchSourceTimer)?
        /// Wall time (ms) the timer is armed for.
        var armedFor: Int64?
        var running = false
        var rerun = false
        var stopped = false
    }
    private let state = Mutex(State())

    public init(engine: Engine) {
        self.engine = engine
    }

    /// Starts watching: looks at what is already due (jobs that survived a restart continue from
    /// their stored state) and listens for new due times.
    public func start() {
        guard engine.clockSettings.mode == .real else { return }
        engine.wakeUps.withLock {
            $0 = WakeUpListener { [weak self] namespace, due in self?.wake(namespace: namespace, dueVirtual: due) }
        }
        queue.async { self.fire() }
    }

    public func stop() {
        engine.wakeUps.withLock { $0 = nil }
        state.withLock { state in
            state.stopped = true
            state.timer?.cancel()
            state.timer = nil
        }
    }

    func wake(namespace: String, dueVirtual: Int64) {
        guard let clock = engine.clocks.cached(namespace), clock.mode == .real else { return }
        arm(atWall: clock.wall(atVirtual: dueVirtual))
    }

    private func arm(atWall wall: Int64) {
        state.withLock { state in
            guard !state.stopped else { return }
            if let armed = state.armedFor, armed <= wall { return }
            state.armedFor = wall
            state.timer?.cancel()
            let timer = DispatchSource.makeTimerSource(queue: queue)
            let delay = max(0, wall - engine.clocks.wallNow)
            timer.schedule(deadline: .now() + .milliseconds(Int(min(delay, Int64(Int32.max)))), leeway: .milliseconds(1))
            timer.setEventHandler { [weak self] in self?.fire() }
            timer.resume()
            state.timer = timer
        }
    }

    /// Runs every real-clock namespace's due work, then re-arms for the earliest remaining timer.
    private func fire() {
        let proceed = state.withLock { state -> Bool in
            state.armedFor = nil
            state.timer?.cancel()
            state.timer = nil
            if state.stopped { return false }
            if state.running { state.rerun = true; return false }
            state.running = true
            return true
        }
        guard proceed else { return }
        Task {
            var next: Int64?
            do {
                let dueTimes = try self.engine.store.readSync { db in try db.jobs.nextDueTimes() }
                for (namespace, due) in dueTimes {
                    let now = self.engine.now(namespace: namespace).unixMilliseconds
                    guard let clock = self.engine.clocks.cached(namespace), clock.mode == .real else { continue }
                    if due <= now {
                        try await self.engine.runDue(namespace: namespace, upTo: now, collect: false)
                    }
                }
                // Earliest remaining timer over all real-clock namespaces, in wall time.
                for (namespace, due) in try self.engine.store.readSync({ db in try db.jobs.nextDueTimes() }) {
                    guard let clock = self.engine.clocks.cached(namespace), clock.mode == .real else { continue }
                    let wall = clock.wall(atVirtual: due)
                    next = min(next ?? wall, wall)
                }
            } catch {
                self.engine.logger.error("scheduler run failed", metadata: ["error": "\(error)"])
                next = self.engine.clocks.wallNow + 1_000
            }
            let rerun = self.state.withLock { state -> Bool in
                state.running = false
                defer { state.rerun = false }
                return state.rerun
            }
            if rerun { self.queue.async { self.fire() } }
            if let next { self.arm(atWall: next) }
        }
    }
}
