import Scenarios
import Store

/// A namespace's clock as the admin API shows it.
public struct ClockInfo: Sendable, Hashable {
    public var namespace: String
    public var mode: ClockMode
    public var now: Timestamp
    public var timeScale: Double
}

/// A job's next timer, for `GET /__admin/schedule`.
public struct ScheduledTransition: Sendable, Hashable {
    public var jobID: String
    public var service: String
    public var kind: String
    public var state: String
    public var step: String
    public var dueAt: Timestamp
    /// The step it moves to when the timer fires (the first route, ignoring conditions).
    public var nextStep: String?
}

extension Engine {
    /// Jobs moved per transaction while running due work: large enough to amortise the commit,
    /// small enough that API writes queued behind it wait only milliseconds.
    static let dueBatchSize = 1_000

    public func clockInfo(namespace: String) -> ClockInfo {
        let now = self.now(namespace: namespace)
        let clock = clocks.cached(namespace) ?? clocks.initialClock()
        return ClockInfo(namespace: namespace, mode: clock.mode, now: now, timeScale: clock.timeScale)
    }

    /// Moves the namespace's clock forward by `milliseconds`, running every transition that falls
    /// due on the way, in time order, cascades included, before it returns them.
    public func advance(namespace: String, by milliseconds: Int64) async throws -> [AppliedTransition] {
        guard milliseconds >= 0 else { throw EngineError.clock("the clock cannot move backwards (by \(milliseconds) ms)") }
        let target = now(namespace: namespace).adding(milliseconds: milliseconds)
        return try await advance(namespace: namespace, to: target)
    }

    /// Moves the namespace's clock forward to `target`; see `advance(namespace:by:)`.
    public func advance(namespace: String, to target: Timestamp) async throws -> [AppliedTransition] {
        try Self.checkNamespace(namespace)
        let current = now(namespace: namespace)
        guard target >= current else {
            throw EngineError.clock("the clock cannot move backwards (now \(current.iso8601), requested \(target.iso8601))")
        }
        let transitions = try await runDue(namespace: namespace, upTo: target.unixMilliseconds, collect: true)
        try await setClock(namespace: namespace, to: target.unixMilliseconds)
        return transitions
    }

    /// Points the namespace's clock at `target` (manual: sets it; real: shifts its anchor).
    func setClock(namespace: String, to target: Int64) async throws {
        let clocks = self.clocks
        let moved = try await storeWrite { db -> NamespaceClock in
            let clock = try clocks.clock(for: namespace, in: db)
            let moved = clock.moved(to: max(target, clock.now(wall: clocks.wallNow)), wall: clocks.wallNow)
            try clocks.persist(namespace, moved, in: db)
            return moved
        }
        clocks.remember(namespace, moved)
        committed(.clockMoved(namespace: namespace, now: Timestamp(unixMilliseconds: moved.now(wall: clocks.wallNow))))
    }

    /// On a real clock, runs whatever has fallen due by now (the scheduler may be a moment late).
    func catchUp(namespace: String) async throws {
        guard clocks.settings.mode == .real || clocks.cached(namespace)?.mode == .real else { return }
        _ = try await runDue(namespace: namespace, upTo: now(namespace: namespace).unixMilliseconds, collect: false)
    }

    /// Runs every timer of `namespace` due at or before `target`, each at its own due time, in
    /// (due time, id) order; transitions that fall due within the window cascade.
    @discardableResult
    func runDue(namespace: String, upTo target: Int64, collect: Bool = true) async throws -> [AppliedTransition] {
        var all: [AppliedTransition] = []
        while true {
            let batch = try await storeWrite { db in try self.runDueBatch(namespace: namespace, upTo: target, in: db) }
            committed(batch.transitions)
            if collect { all += batch.transitions }
            // Webhook attempts are network I/O, so they run here, between committed batches, never
            // inside the writer transaction; their outcomes are events that may schedule retries.
            if batch.processed == 0 || batch.outbound {
                let attempts = try await performDueWebhookAttempts(namespace: namespace, upTo: target)
                if collect { all += attempts }
                if batch.processed == 0 && attempts.isEmpty { break }
            }
        }
        return all
    }

    /// A timer move's jitter generator: the stream `jitter/<id>/<version>` that `send` and hook
    /// events use too, seeded on its first draw. Most timer moves draw nothing (no jittered
    /// duration), and deriving the seed means building and hashing the stream name per job.
    struct LazyJitter: RandomNumberGenerator {
        let streams: RandomStreams
        let jobID: String
        let version: Int
        private var generator: SplitMix64?

        init(streams: RandomStreams, jobID: String, version: Int) {
            self.streams = streams
            self.jobID = jobID
            self.version = version
        }

        mutating func next() -> UInt64 {
            if generator == nil { generator = streams.stream("jitter/\(jobID)/\(version)") }
            return generator!.next()
        }
    }

    /// A (service, kind, scenario) triple, the key of a lifecycle machine.
    struct ScenarioKey: Hashable {
        var service: String
        var kind: String
        var scenario: String
    }

    struct DueBatch: Sendable {
        var transitions: [AppliedTransition]
        var processed: Int
        /// A moved job now waits for a webhook attempt.
        var outbound = false
    }

    func runDueBatch(namespace: String, upTo target: Int64, in db: SQLiteConnection) throws -> DueBatch {
        let due = try db.jobs.due(namespace: namespace, at: target, limit: Self.dueBatchSize)
        heldEvents.begin()
        heldMoves.begin()
        // On a throw the closure's savepoint undoes the batch; the held rows go with it.
        defer {
            heldMoves.discard()
            heldEvents.discard()
        }
        let publicURL = self.publicURL
        var transitions: [AppliedTransition] = []
        transitions.reserveCapacity(due.count)
        var processed = 0
        // A transition may schedule a job earlier than the rest of this batch; stop there and requery
        // so that everything still runs in due-time order.
        var earliestNew = Int64.max
        var outbound = false
        // Due jobs mostly share a few scenarios: look each machine up once per batch, not per job.
        var machineCache: [ScenarioKey: LifecycleMachine?] = [:]
        let streams = RandomStreams(seed: seed, namespace: namespace)
        batch: for record in due {
            guard let dueAt = record.dueAt else { continue }
            if earliestNew < dueAt { break }
            let key = ScenarioKey(service: record.service, kind: record.kind, scenario: record.scenario)
            let found: LifecycleMachine?
            if let cached = machineCache[key] {
                found = cached
            } else {
                found = machines[Self.machineKey(record.service, record.kind, record.scenario)]
                machineCache[key] = found
            }
            var job = try JobRecordCoding.job(from: record, machine: found)
            processed += 1
            guard let machine = found else {
                // The scenario is gone (fixtures changed under a stored job): stop its timer.
                job.dueAt = nil
                if let anyMachine = machines.values.first { try store(job, machine: anyMachine, in: db) }
                continue
            }
            let at = Timestamp(unixMilliseconds: dueAt)
            var jitter = LazyJitter(streams: streams, jobID: job.id, version: job.version)
            switch machine.apply(.timerFired, at: job.step, request: job.request, using: &jitter) {
            case .moveTo(let transition):
                let stored = JobRecordCoding.StoredPayload(text: record.payload, decoded: job)
                let moved = try move(&job, to: transition, at: at, trigger: "timer", eventPayload: nil,
                                     machine: machine, publicURL: publicURL, reusing: stored, holdingRow: true, in: db)
                transitions += moved
                if let next = job.dueAt, next.unixMilliseconds <= target {
                    earliestNew = min(earliestNew, next.unixMilliseconds)
                }
                // Spawned jobs (due from `dueAt` on) and a webhook attempt due now must run before
                // anything later in this batch, to keep every namespace's history in time order.
                if moved.count > 1 { earliestNew = min(earliestNew, dueAt) }
                if job.data[DeliveryField.pending] != nil {
                    outbound = true
                    earliestNew = min(earliestNew, dueAt)
                }
                // A hook's events moved other jobs (a freed slot started a queued build): the rest of
                // this batch may be stale or out of order now, so requery.
                if moved.dropFirst().contains(where: { $0.trigger.hasPrefix("event:") }) { break batch }
            case .stay, .rejected:
                job.dueAt = nil
                try store(job, machine: machine, in: db)
            }
        }
        try heldMoves.end(in: db)
        try heldEvents.end(in: db)
        return DueBatch(transitions: transitions, processed: processed, outbound: outbound)
    }

    /// Advances only as far as needed for `job` to reach `state` (or for the namespace to have no
    /// timers left when `job` is nil), at most `limit` milliseconds of virtual time.
    /// - Returns: whether the condition was met, and the transitions that ran.
    public func runUntil(namespace: String, job jobID: String?, state: String?, limit: Int64)
        async throws -> (reached: Bool, transitions: [AppliedTransition])
    {
        try Self.checkNamespace(namespace)
        let start = now(namespace: namespace).unixMilliseconds
        let deadline = start + limit
        var transitions: [AppliedTransition] = []
        func reached() throws -> Bool {
            if let jobID {
                guard let job = try readJob(id: jobID, namespace: namespace) else { throw EngineError.jobNotFound(id: jobID) }
                return state == nil ? job.finishedAt != nil : job.state == state
            }
            return try store.readSync { db in try db.jobs.nextDueTime(namespace: namespace) } == nil
        }
        while try !reached() {
            guard let next = try store.readSync({ db in try db.jobs.nextDueTime(namespace: namespace) }),
                  next <= deadline else {
                try await setClock(namespace: namespace, to: max(start, min(deadline, now(namespace: namespace).unixMilliseconds)))
                return (false, transitions)
            }
            let step = try await runDue(namespace: namespace, upTo: next, collect: true)
            transitions += step
            try await setClock(namespace: namespace, to: max(next, now(namespace: namespace).unixMilliseconds))
        }
        return (true, transitions)
    }

    /// What falls due next in a namespace, soonest first.
    public func schedule(namespace: String, limit: Int = 100) async throws -> [ScheduledTransition] {
        let records = try await storeRead { db in try db.jobs.upcoming(namespace: namespace, limit: limit) }
        return try records.map { record in
            let job = try JobRecordCoding.job(from: record, machines: machines)
            let machine = machines[Self.machineKey(job.service, job.kind, job.scenario)]
            var nextStep: String?
            if let step = machine?.scenario.step(job.step), case .step(let id)? = step.next.first?.target { nextStep = id }
            return ScheduledTransition(jobID: job.id, service: job.service, kind: job.kind, state: job.state,
                                       step: job.step, dueAt: job.dueAt ?? job.updatedAt, nextStep: nextStep)
        }
    }

    /// Deletes every job, event, counter, pin, fault rule and the clock of one namespace (nil: of all).
    public func reset(namespace: String?) async throws {
        try await storeWrite { db in
            let names = try namespace.map { [$0] } ?? db.namespaces.list().map(\.name)
            for name in names {
                _ = try db.jobs.deleteAll(namespace: name)
                _ = try db.sequences.deleteAll(namespace: name)
                _ = try db.keyValues.deleteAll(namespace: name)
                _ = try db.namespaces.delete(name)
                _ = try db.faults.deleteAll(namespace: name)
            }
            if namespace == nil {
                // Through JobRecords, so cached reads learn of it even for jobs of a namespace
                // without a clock row.
                _ = try db.jobs.deleteEverywhere()
                try db.execute("DELETE FROM job_events")
                try db.faults.deleteEverywhere()
            }
        }
        clocks.forget(namespace)
        faultBook.forget(namespace)
        committed(.reset(namespace: namespace))
    }

    /// Pins the next `count` jobs of a kind in a namespace to a scenario. Throws `EngineError`.
    public func pin(namespace: String, service: String, kind: String, scenario: String, count: Int) async throws {
        let key = ScenarioKind(service: service, kind: kind)
        let available = catalog.scenarios(for: key).map(\.name)
        guard available.contains(scenario) else {
            throw EngineError.unknownScenario(name: scenario, kind: key.description, available: available)
        }
        try await storeWrite { db in
            self.unpinned.pinWillChange()
            try db.keyValues.set(namespace: namespace, key: ScenarioPins.key(service, kind),
                                 value: .text(ScenarioPins.encode(ScenarioSelector.Pin(name: scenario, remaining: count))))
        }
    }
}
