public import Scenarios
public import JSON
public import Store
public import Logging
import Synchronization

/// The engine's settings.
public struct EngineConfiguration: Sendable {
    public var clock: ClockSettings
    public var seed: UInt64
    /// Base of links hooks write into documents; set once the port is bound.
    public var publicURL: String
    /// How much of the request journal is kept.
    public var journal: JournalSettings

    public init(clock: ClockSettings = ClockSettings(), seed: UInt64 = 42, publicURL: String = "http://127.0.0.1:8080",
                journal: JournalSettings = JournalSettings()) {
        self.clock = clock
        self.seed = seed
        self.publicURL = publicURL
        self.journal = journal
    }
}

/// Durable lifecycles: every job is a row in SQLite, moved through its scenario's steps by timers on
/// its namespace's clock and by events from the API. Services call this; they never see SQL or
/// scenario files.
public final class Engine: Sendable {
    public let store: Store
    public let catalog: ScenarioCatalog
    let selector: ScenarioSelector
    let machines: [String: LifecycleMachine]
    let clocks: NamespaceClocks
    public let seed: UInt64
    let logger: Logger
    private let hooks = Mutex<[ScenarioKind: any LifecycleHooks]>([:])
    private let publicURLBox: Mutex<String>
    /// Every namespace's fault rules, mirrored from the store (Faults/).
    let faultBook = FaultBook()
    /// Told whenever a job gets an earlier due time than it may already know of.
    let wakeUps = Mutex<WakeUpListener?>(nil)
    /// Outbound webhook attempts: allow list, transport, in-flight claims (Webhooks/).
    public let webhooks = WebhookDispatcher()
    /// Every request and response per namespace (Journal/).
    public let journal: RequestJournal
    /// Committed transitions and other changes, for live subscribers (Events/).
    public let events = EventBroadcaster()
    /// Totals since start, for metrics (Events/).
    public let counters = EngineCounters()
    /// History rows of the due batch being run, appended together at its end (Jobs/).
    let heldEvents = EventAppendBuffer()
    /// Row updates of the due batch being run, written together per move (Jobs/).
    let heldMoves = HeldJobMoves()
    /// What client reads of jobs found, while no write has changed a job since (Jobs/).
    let readCache = JobReadCache(capacity: 4096)
    /// Bodies services rendered from unchanged jobs, for the next poll (Jobs/).
    public let renderedBodies = RenderedJobBodies(capacity: 4096)
    /// Namespaces where creating a job need not look for a scenario pin (Jobs/).
    let unpinned = UnpinnedNamespaces()

    public init(store: Store, catalog: ScenarioCatalog, configuration: EngineConfiguration, logger: Logger) {
        self.store = store
        self.catalog = catalog
        selector = ScenarioSelector(catalog: catalog)
        var machines: [String: LifecycleMachine] = [:]
        for scenario in catalog.all {
            // A `fail` fault needs a failed step to go to, even in a happy-path scenario.
            let extended = scenario.withFailureStep(from: catalog.scenarios(for: scenario.kindKey))
            machines[Self.machineKey(scenario.service, scenario.kind, scenario.name)] = LifecycleMachine(scenario: extended)
        }
        self.machines = machines
        clocks = NamespaceClocks(settings: configuration.clock)
        seed = configuration.seed
        self.logger = logger
        publicURLBox = Mutex(configuration.publicURL)
        journal = RequestJournal(store: store, settings: configuration.journal, logger: logger)
        // Creates are replayable writes (`WriteIsolation.replayable`): one undone to run again may
        // have filled caches as a failed write may have.
        store.onReplay { [weak self] in self?.forgetCachesOfUndoneWrites() }
    }

    /// After a write was undone: fault rules it installed (a scenario's), counters it moved or the
    /// clock row of a namespace it opened are not in the table, so the cached copies are dropped
    /// and reload from it.
    func forgetCachesOfUndoneWrites() {
        faultBook.forget(nil)
        clocks.forget(nil)
    }

    static func machineKey(_ service: String, _ kind: String, _ name: String) -> String { "\(service)/\(kind)/\(name)" }

    public var clockSettings: ClockSettings { clocks.settings }

    public var publicURL: String {
        get { publicURLBox.withLock { $0 } }
    }

    public func setPublicURL(_ url: String) { publicURLBox.withLock { $0 = url } }

    /// Registers a service's hooks for one kind of job. Call before serving.
    public func register(_ hooks: any LifecycleHooks, service: String, kind: String) {
        self.hooks.withLock { $0[ScenarioKind(service: service, kind: kind)] = hooks }
    }

    func hooks(for kind: ScenarioKind) -> (any LifecycleHooks)? { hooks.withLock { $0[kind] } }

    /// Services whose `webhook` jobs are deliveries (`enableWebhookDeliveries`), by name.
    func webhookDeliveryServices() -> [String] {
        hooks.withLock { hooks in
            hooks.compactMap { $0.key.kind == "webhook" && $0.value is WebhookDeliveryHooks ? $0.key.service : nil }.sorted()
        }
    }

    // MARK: - Time

    /// The namespace's current time. Every timestamp a response carries comes from here.
    public func now(namespace: String) -> Timestamp {
        if let clock = clocks.cached(namespace) { return Timestamp(unixMilliseconds: clock.now(wall: clocks.wallNow)) }
        let clock = (try? store.readSync { db in try db.namespaces.get(namespace) }).flatMap { record in
            record.map {
                NamespaceClock(mode: ClockMode(rawValue: $0.clockMode) ?? clocks.settings.mode,
                               anchorVirtual: $0.clockNowMs, anchorWall: $0.clockAnchorWallMs ?? clocks.wallNow,
                               timeScale: $0.timeScale)
            }
        } ?? clocks.initialClock()
        clocks.remember(namespace, clock)
        return Timestamp(unixMilliseconds: clock.now(wall: clocks.wallNow))
    }

    // MARK: - Jobs

    /// Creates a job: picks its scenario, enters the initial step and records the first event, in one
    /// transaction. Throws `EngineError`.
    public func createJob(_ new: NewJob) async throws -> Job {
        try Self.checkNamespace(new.namespace)
        let kind = ScenarioKind(service: new.service, kind: new.kind)
        let publicURL = self.publicURL
        // Replayable: everything a create changes outside SQLite is in the connection's transaction
        // memory, returned to be applied after the commit, or dropped by the `onReplay` handler.
        let result = try await storeWrite(isolation: .replayable) { db in
            try self.insertJob(new, kind: kind, publicURL: publicURL, in: db)
        }
        if let observation = result.noPin { unpinned.committed(observation) }
        committed(result.transitions)
        notifyDue(result.job)
        return result.job
    }

    struct Created {
        var job: Job
        var transitions: [AppliedTransition]
        /// The scenario pin lookup that found none, for `unpinned` once this has committed.
        var noPin: UnpinnedNamespaces.Observation?
    }

    func insertJob(_ new: NewJob, kind: ScenarioKind, publicURL: String, at time: Int64? = nil,
                   in db: SQLiteConnection) throws -> Created {
        let clock = try clocks.clock(for: new.namespace, in: db)
        let now = time ?? clock.now(wall: clocks.wallNow)
        var noPin: UnpinnedNamespaces.Observation?
        let scenario = try selectScenario(for: new, kind: kind, noPin: &noPin, in: db)
        guard let machine = machines[Self.machineKey(new.service, new.kind, scenario.name)] else {
            throw EngineError.noScenario(kind: kind.description)
        }
        let id: String
        if let explicit = new.id {
            // Chosen by the caller; no counter is drawn, so the ids of other jobs do not shift.
            id = explicit
        } else {
            let counterName: String
            switch new.idStyle {
            case .uuid: counterName = "id/uuid"
            case .prefixed(let prefix): counterName = "id/" + prefix
            }
            let counter = try db.sequences.next(namespace: new.namespace, name: counterName)
            switch new.idStyle {
            case .uuid: id = IDGenerator.uuid(seed: seed, namespace: new.namespace, counter: UInt64(counter))
            case .prefixed(let prefix):
                id = IDGenerator.id(prefix: prefix, seed: seed, namespace: new.namespace, counter: UInt64(counter))
            }
        }
        var jitter = RandomStreams(seed: seed, namespace: new.namespace).stream("jitter/" + id)
        guard case .moveTo(let transition) = machine.start(request: new.request, using: &jitter) else {
            throw EngineError.noScenario(kind: kind.description)
        }
        let at = Timestamp(unixMilliseconds: now)
        var job = Job(id: id, namespace: new.namespace, service: new.service, kind: new.kind,
                      state: transition.state, step: transition.step,
                      dueAt: transition.dueAfterMs.map { at.adding(milliseconds: $0) },
                      scenario: scenario.name, request: new.request, data: new.data,
                      createdAt: at, updatedAt: at, finishedAt: transition.isTerminal ? at : nil, version: 1)
        let entry = StepEntry(step: transition.step, state: transition.state, fromState: nil,
                              isTerminal: transition.isTerminal, at: at, trigger: "create",
                              effects: transition.effects, eventPayload: nil)
        var transitions: [AppliedTransition] = []
        let context = try applyEntry(entry, to: &job, publicURL: publicURL, in: db)
        if let rejection = context.rejection { throw HookRejection(error: rejection) }
        try db.jobs.insert(JobRecordCoding.record(from: job, machine: machine))
        try recordEvent(job: job, entry: entry, in: db)
        transitions.append(applied(job, entry))
        for child in context.spawned {
            let created = try insertJob(child, kind: ScenarioKind(service: child.service, kind: child.kind),
                                        publicURL: publicURL, at: now, in: db)
            transitions += created.transitions
        }
        transitions += try deliverHookEvents(context.events, namespace: new.namespace, at: at, publicURL: publicURL, in: db)
        job = try reloaded(job, after: context.events, in: db)
        if !scenario.faults.rules.isEmpty { try installScenarioFaults(scenario, job: job, in: db) }
        return Created(job: job, transitions: transitions, noPin: noPin)
    }

    /// - Parameter noPin: set when the pin lookup found none (see `UnpinnedNamespaces`).
    func selectScenario(for new: NewJob, kind: ScenarioKind, noPin: inout UnpinnedNamespaces.Observation?,
                        in db: SQLiteConnection) throws -> Scenario {
        let pinKey = ScenarioPins.key(kind.service, kind.kind)
        var pin: ScenarioSelector.Pin?
        if new.scenarioName == nil, !unpinned.contains(new.namespace) {
            if case .text(let text)? = try db.keyValues.get(namespace: new.namespace, key: pinKey) {
                pin = ScenarioPins.decode(text)
            } else {
                noPin = unpinned.observeNoPin(in: new.namespace)
            }
        }
        switch selector.select(kind, request: new.request, explicitName: new.scenarioName, pin: pin) {
        case .success(let selection):
            if selection.usedPin, var pin {
                unpinned.pinWillChange()
                pin.remaining -= 1
                if pin.remaining > 0 {
                    try db.keyValues.set(namespace: new.namespace, key: pinKey, value: .text(ScenarioPins.encode(pin)))
                } else {
                    _ = try db.keyValues.delete(namespace: new.namespace, key: pinKey)
                }
            }
            return selection.scenario
        case .failure(.unknownScenario(let name, _, let valid)):
            throw EngineError.unknownScenario(name: name, kind: kind.description, available: valid)
        case .failure:
            throw EngineError.noScenario(kind: kind.description)
        }
    }

    func recordEvent(job: Job, entry: StepEntry, fault: String? = nil, in db: SQLiteConnection) throws {
        try heldEvents.append(JobEventRecord(jobID: job.id, jobCreatedAt: job.createdAt.unixMilliseconds,
                                             namespace: job.namespace, at: entry.at.unixMilliseconds,
                                             fromState: entry.fromState, toState: entry.state,
                                             detail: Self.eventDetail(entry, fault: fault)), in: db)
    }

    /// The event's `detail`: exactly `JSONValue.object(["event"?, "fault"?, "step", "trigger"]).serialized()`,
    /// written straight out (keys already in sorted order) since every transition pays for it.
    static func eventDetail(_ entry: StepEntry, fault: String?) -> String {
        var detail = Array("{".utf8)
        detail.reserveCapacity(96)
        if let payload = entry.eventPayload {
            detail += "\"event\":".utf8
            payload.write(to: &detail)
            detail += ",".utf8
        }
        if let fault {
            detail += "\"fault\":".utf8
            JSONValue.string(fault).write(to: &detail)
            detail += ",".utf8
        }
        detail += "\"step\":".utf8
        JSONValue.string(entry.step).write(to: &detail)
        detail += ",\"trigger\":".utf8
        JSONValue.string(entry.trigger).write(to: &detail)
        detail += "}".utf8
        return String(decoding: detail, as: UTF8.self)
    }

    func applied(_ job: Job, _ entry: StepEntry) -> AppliedTransition {
        AppliedTransition(jobID: job.id, namespace: job.namespace, service: job.service, kind: job.kind, at: entry.at,
                          fromState: entry.fromState, toState: entry.state, step: entry.step, trigger: entry.trigger)
    }

    /// Grows whenever a committed write changed a job; load it before a read whose result is kept
    /// (`RenderedJobBodies`). See `Store.jobsGeneration`.
    public var jobsGeneration: UInt64 { store.jobsGeneration }

    /// The job as it is at its namespace's current time, or nil.
    public func job(id: String, namespace: String) async throws -> Job? {
        guard let job = try readJob(id: id, namespace: namespace) else { return nil }
        // On a real clock the scheduler may not have woken yet for a transition already due: catch
        // up first, so a poll at time T sees exactly the state the job has at T.
        if let due = job.dueAt, due <= now(namespace: namespace) {
            _ = try await runDue(namespace: namespace, upTo: now(namespace: namespace).unixMilliseconds)
            return try readJob(id: id, namespace: namespace)
        }
        return job
    }

    func readJob(id: String, namespace: String) throws -> Job? {
        // Loaded before the read: see `Store.jobsGeneration`.
        let generation = store.jobsGeneration
        if let job = readCache.job(id: id, namespace: namespace, generation: generation) { return job }
        do {
            guard let record = try store.readSync({ db in try db.jobs.get(id: id, namespace: namespace) }) else { return nil }
            let job = try JobRecordCoding.job(from: record, machines: machines, polled: true)
            readCache.store(job, generation: generation)
            return job
        } catch let error as EngineError {
            throw error
        } catch {
            throw EngineError.storage("\(error)")
        }
    }

    /// Jobs of a namespace, filtered and paged.
    public func jobs(namespace: String, service: String? = nil, kind: String? = nil, state: String? = nil,
                     newestFirst: Bool = true, limit: Int = 50, offset: Int = 0) async throws -> (jobs: [Job], total: Int) {
        try await catchUp(namespace: namespace)
        do {
            let page = try store.readSync { db in
                try db.jobs.list(namespace: namespace, service: service, kind: kind, state: state,
                                 newestFirst: newestFirst, limit: limit, offset: offset)
            }
            return (try page.items.map { try JobRecordCoding.job(from: $0, machines: machines) }, page.total)
        } catch let error as EngineError {
            throw error
        } catch {
            throw EngineError.storage("\(error)")
        }
    }

    /// The job's stored history, oldest first.
    public func events(jobID: String, namespace: String) async throws -> [JobEvent] {
        try await storeRead { db in
            try db.events.list(jobID: jobID).filter { $0.namespace == namespace }.map { record in
                JobEvent(seq: record.seq, at: Timestamp(unixMilliseconds: record.at), fromState: record.fromState,
                         toState: record.toState, detail: JSONValue.parse(record.detail) ?? .null)
            }
        }
    }

    /// Delivers an external event (`answer`, `approve`, `message`) to a job. `update` runs in the same
    /// transaction before the move, to record what the event carried. Throws `EngineError`.
    public func send(event: String, payload: JSONValue, toJob id: String, namespace: String,
                     update: (@Sendable (inout Job) -> Void)? = nil) async throws -> Job {
        try await catchUp(namespace: namespace)
        let publicURL = self.publicURL
        let (job, transitions) = try await storeWrite { db -> (Job, [AppliedTransition]) in
            guard let record = try db.jobs.get(id: id, namespace: namespace) else { throw EngineError.jobNotFound(id: id) }
            var job = try JobRecordCoding.job(from: record, machines: self.machines)
            guard let machine = self.machines[Self.machineKey(job.service, job.kind, job.scenario)] else {
                throw EngineError.noScenario(kind: job.kindKey.description)
            }
            let clock = try self.clocks.clock(for: namespace, in: db)
            let at = Timestamp(unixMilliseconds: clock.now(wall: self.clocks.wallNow))
            var jitter = RandomStreams(seed: self.seed, namespace: namespace).stream("jitter/\(job.id)/\(job.version)")
            let outcome = machine.apply(.event(name: event, payload: payload), at: job.step, request: job.request, using: &jitter)
            switch outcome {
            case .rejected(let rejection):
                throw EngineError.eventRejected(event: event, state: job.state, reason: rejection.description)
            case .stay:
                update?(&job)
                job.updatedAt = at
                try self.store(job, machine: machine, in: db)
                return (job, [])
            case .moveTo(let transition):
                update?(&job)
                let transitions = try self.move(&job, to: transition, at: at, trigger: "event:" + event,
                                                eventPayload: payload, machine: machine, publicURL: publicURL, in: db)
                return (job, transitions)
            }
        }
        if transitions.isEmpty { committed(.jobUpdated(namespace: namespace, jobID: id)) } else { committed(transitions) }
        notifyDue(job)
        return job
    }

    /// Changes a job's document outside its lifecycle (a builder's settings). Throws `EngineError`.
    public func update(jobID id: String, namespace: String, _ body: @escaping @Sendable (inout Job) throws -> Void) async throws -> Job {
        try await catchUp(namespace: namespace)
        let job = try await storeWrite { db -> Job in
            guard let record = try db.jobs.get(id: id, namespace: namespace) else { throw EngineError.jobNotFound(id: id) }
            var job = try JobRecordCoding.job(from: record, machines: self.machines)
            guard let machine = self.machines[Self.machineKey(job.service, job.kind, job.scenario)] else {
                throw EngineError.noScenario(kind: job.kindKey.description)
            }
            try body(&job)
            let clock = try self.clocks.clock(for: namespace, in: db)
            job.updatedAt = Timestamp(unixMilliseconds: clock.now(wall: self.clocks.wallNow))
            try self.store(job, machine: machine, in: db)
            return job
        }
        committed(.jobUpdated(namespace: namespace, jobID: id))
        return job
    }

    /// Deletes one job and its history. - Returns: whether it existed.
    public func deleteJob(id: String, namespace: String) async throws -> Bool {
        let deleted = try await storeWrite { db in
            guard try db.jobs.get(id: id, namespace: namespace) != nil else { return false }
            return try db.jobs.delete(id: id)
        }
        if deleted { committed(.jobDeleted(namespace: namespace, jobID: id)) }
        return deleted
    }

    /// Holds the row update of `job` (a move just applied, not yet stored) when its payload is the
    /// stored one and a due batch is collecting; false when it must be written now.
    private func hold(_ job: Job, machine: LifecycleMachine, reusing stored: JobRecordCoding.StoredPayload?) -> Bool {
        guard let stored, stored.matches(job) else { return false }
        let step = JobRecordCoding.stepIndex(of: job.step, in: machine)
        return heldMoves.hold(id: job.id, HeldJobMoves.Move(version: job.version, state: job.state, step: step,
                                                            dueAt: job.dueAt?.unixMilliseconds,
                                                            updatedAt: job.updatedAt.unixMilliseconds))
    }

    func store(_ job: Job, machine: LifecycleMachine, reusing stored: JobRecordCoding.StoredPayload? = nil,
               in db: SQLiteConnection) throws {
        let record = JobRecordCoding.record(from: job, machine: machine, reusing: stored)
        guard try db.jobs.update(record) else {
            throw EngineError.storage("job \(job.id) changed concurrently (version \(job.version))")
        }
    }

    /// Moves `job` into a new step: effects, hook, row update, event row, spawned jobs. `stored` is
    /// the payload `job` was read from, if the caller has it. `holdingRow`: a due batch's own timer
    /// move, whose row update may be held back and written with others of the same move (`heldMoves`).
    @discardableResult
    func move(_ job: inout Job, to transition: LifecycleMachine.Transition, at: Timestamp, trigger: String,
              eventPayload: JSONValue?, machine: LifecycleMachine, publicURL: String,
              reusing stored: JobRecordCoding.StoredPayload? = nil, holdingRow: Bool = false,
              in db: SQLiteConnection) throws -> [AppliedTransition] {
        // Hooks read and change other jobs, and the events they send move them: rows held back
        // by this batch go to the table first.
        let hooked = hooks(for: job.kindKey) != nil
        if hooked { try heldMoves.flush(in: db) }
        var transition = transition
        var fault: String?
        // A lifecycle `fail` fault replaces this move with one into the scenario's failed step; the
        // trigger stays as it was, since hooks decide by it, and the event's detail names the fault.
        if job.kind != "webhook", let faulted = try lifecycleFault(for: job, entering: transition, machine: machine, in: db) {
            transition = faulted.transition
            fault = faulted.fault.ruleID.map { "fail (\($0))" } ?? "fail"
        }
        let entry = StepEntry(step: transition.step, state: transition.state, fromState: job.state,
                              isTerminal: transition.isTerminal, at: at, trigger: trigger,
                              effects: transition.effects, eventPayload: eventPayload)
        job.state = transition.state
        job.step = transition.step
        job.dueAt = transition.dueAfterMs.map { at.adding(milliseconds: $0) }
        job.updatedAt = at
        job.finishedAt = transition.isTerminal ? at : nil
        let context = try applyEntry(entry, to: &job, publicURL: publicURL, in: db)
        if !(holdingRow && !hooked && hold(job, machine: machine, reusing: stored)) {
            try store(job, machine: machine, reusing: stored, in: db)
        }
        job.version += 1
        try recordEvent(job: job, entry: entry, fault: fault, in: db)
        var transitions = [applied(job, entry)]
        for child in context.spawned {
            transitions += try insertJob(child, kind: ScenarioKind(service: child.service, kind: child.kind),
                                         publicURL: publicURL, at: at.unixMilliseconds, in: db).transitions
        }
        transitions += try deliverHookEvents(context.events, namespace: job.namespace, at: at, publicURL: publicURL, in: db)
        job = try reloaded(job, after: context.events, in: db)
        return transitions
    }

    // MARK: - Store bridging

    func storeWrite<T: Sendable>(isolation: WriteIsolation = .savepoint,
                                 _ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        do {
            return try await store.write(isolation: isolation, body)
        } catch {
            forgetCachesOfUndoneWrites()
            throw Self.engineError(error)
        }
    }

    private static func engineError(_ error: any Error) -> any Error {
        switch error {
        case let error as EngineError: error
        case let rejection as HookRejection: rejection.error
        default: EngineError.storage("\(error)")
        }
    }

    func storeRead<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        do {
            return try await store.read(body)
        } catch {
            throw EngineError.storage("\(error)")
        }
    }

    static func checkNamespace(_ name: String) throws {
        guard NamespaceResolver.isValid(name) else { throw EngineError.invalidNamespace(name) }
    }

    func notifyDue(_ job: Job) {
        guard let due = job.dueAt else { return }
        wakeUps.withLock { $0 }?.notify(job.namespace, due.unixMilliseconds)
    }
}

/// Pins stored in the key–value table as `NAME:REMAINING`.
enum ScenarioPins {
    /// The `kv` key of a kind's pin; `UnpinnedNamespaces` must hear of every write to one.
    static func key(_ service: String, _ kind: String) -> String { "pin/\(service)/\(kind)" }
    static func encode(_ pin: ScenarioSelector.Pin) -> String { "\(pin.name):\(pin.remaining)" }
    static func decode(_ text: String) -> ScenarioSelector.Pin? {
        guard let colon = text.lastIndex(of: ":"), let remaining = Int(text[text.index(after: colon)...]) else { return nil }
        return ScenarioSelector.Pin(name: String(text[..<colon]), remaining: remaining)
    }
}
