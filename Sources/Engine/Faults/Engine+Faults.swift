public import Scenarios
import JSON
import Logging
import Store

extension Engine {
    // MARK: - Rules (admin API and scenarios)

    /// Stores `rule` in the namespace with a fresh id and zeroed counters. Throws `EngineError`.
    public func addFault(_ rule: FaultRule, namespace: String) async throws -> ActiveFault {
        try Self.checkNamespace(namespace)
        let added = try await storeWrite { db in
            try self.insertFault(rule, namespace: namespace, source: "admin", in: db)
        }
        return added
    }

    /// A namespace's rules in the order they are consulted, with their counters.
    public func faults(namespace: String) async throws -> [ActiveFault] {
        try Self.checkNamespace(namespace)
        if let cached = faultBook.cached(namespace) { return cached }
        return try await storeRead { db in try self.loadFaults(namespace: namespace, in: db) }
    }

    /// - Returns: whether the rule existed.
    public func deleteFault(id: String, namespace: String) async throws -> Bool {
        try Self.checkNamespace(namespace)
        return try await storeWrite { db in
            let deleted = try db.faults.delete(namespace: namespace, id: id)
            self.faultBook.remove(namespace, id: id)
            return deleted
        }
    }

    /// Deletes every rule of the namespace. - Returns: how many there were.
    public func clearFaults(namespace: String) async throws -> Int {
        try Self.checkNamespace(namespace)
        return try await storeWrite { db in
            let count = try db.faults.deleteAll(namespace: namespace)
            self.faultBook.store(namespace, [])
            return count
        }
    }

    /// Faults injected since the database was created, by kind name (for a metrics endpoint).
    public func injectedFaultTotals() throws -> [String: Int64] {
        do {
            return try store.readSync { db in
                Dictionary(uniqueKeysWithValues: try db.faults.totals().map { ($0.kind, $0.count) })
            }
        } catch {
            throw EngineError.storage("\(error)")
        }
    }

    /// False when no fault rule exists in any namespace, nor has one been added since start: a
    /// request with no fault header then has nothing to consult (`FaultMiddleware`). Asks the table
    /// once; a storage error answers true, so the full lookup runs and reports it.
    public func mayHoldFaultRules() -> Bool {
        if let known = faultBook.mayHoldRules { return known }
        guard let any = try? store.readSync({ db in try db.faults.any() }) else { return true }
        return faultBook.learnedFromTable(any)
    }

    func insertFault(_ rule: FaultRule, namespace: String, source: String, in db: SQLiteConnection) throws -> ActiveFault {
        faultBook.ruleWillBeAdded()
        // Loaded before the insert so the cache and the table agree afterwards.
        _ = try loadFaults(namespace: namespace, in: db)
        let counter = try db.sequences.next(namespace: namespace, name: "id/flt_")
        var rule = rule
        rule.id = IDGenerator.id(prefix: "flt_", seed: seed, namespace: namespace, counter: UInt64(counter))
        let clock = try clocks.clock(for: namespace, in: db)
        let now = clock.now(wall: clocks.wallNow)
        let seq = try db.faults.nextSeq(namespace: namespace)
        try db.faults.insert(FaultRecord(namespace: namespace, id: rule.id, seq: seq, rule: rule.json.serialized(),
                                         source: source, createdAt: now))
        let added = ActiveFault(namespace: namespace, rule: rule, source: source, matched: 0, hits: 0,
                                createdAt: Timestamp(unixMilliseconds: now), seq: seq)
        faultBook.append(namespace, added)
        return added
    }

    /// The namespace's rules from the cache, or from the table (then cached).
    func loadFaults(namespace: String, in db: SQLiteConnection) throws -> [ActiveFault] {
        if let cached = faultBook.cached(namespace) { return cached }
        return faultBook.storeIfAbsent(namespace, try readFaults(namespace: namespace, in: db))
    }

    func readFaults(namespace: String, in db: SQLiteConnection) throws -> [ActiveFault] {
        try db.faults.list(namespace: namespace).compactMap { record in
            // Written by this code, so it parses; a rule that no longer does (an older syntax) is
            // skipped and logged rather than failing every request in the namespace.
            guard let json = JSONValue.parse(Array(record.rule.utf8)) else { return nil }
            do {
                var rule = try FaultRule.parse(json)
                rule.id = record.id
                return ActiveFault(namespace: record.namespace, rule: rule, source: record.source, matched: record.matched, hits: record.hits,
                                   createdAt: Timestamp(unixMilliseconds: record.createdAt), seq: record.seq)
            } catch {
                logger.warning("stored fault rule no longer parses", metadata: ["fault.id": "\(record.id)", "error": "\(error)"])
                return nil
            }
        }
    }

    /// Installs a scenario's faults for one of its jobs: each rule targets that job. Called last in
    /// `insertJob`, after the hooks could still reject it; should the transaction roll back later
    /// anyway, `storeWrite` drops the cached copies.
    func installScenarioFaults(_ scenario: Scenario, job: Job, in db: SQLiteConnection) throws {
        for var rule in scenario.faults.rules {
            rule.target.job = job.id
            _ = try insertFault(rule, namespace: job.namespace, source: "scenario:" + scenario.name, in: db)
        }
    }

    // MARK: - Decisions

    /// The fault an HTTP request gets from the namespace's rules, counted and persisted, or nil.
    public func httpFault(namespace: String, call makeCall: @autoclosure () -> FaultCall) async -> InjectedFault? {
        // Every request asks; with no rules it must cost a lookup, not a call description.
        if let cached = faultBook.cached(namespace), !cached.contains(where: { $0.rule.kind.layer == .http }) { return nil }
        let call = makeCall()
        do {
            if faultBook.cached(namespace) == nil {
                _ = try await storeRead { db in try self.loadFaults(namespace: namespace, in: db) }
            }
            let decision = decide(namespace: namespace, call: call) { $0.kind.layer == .http }
            guard !decision.changed.isEmpty else { return nil }
            try await storeWrite { db in try self.persist(decision.changed, hit: decision.hit, in: db) }
            return decision.hit.map { injected($0, callNumber: decision.callNumber, namespace: namespace, service: call.service) }
        } catch {
            logger.error("fault rules unavailable; serving without faults", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// A fault asked for by the `X-Buildermock-Fault` header: counted in the totals, latency drawn.
    public func headerFault(_ kind: FaultKind, namespace: String, service: String? = nil) async -> InjectedFault {
        var fault = InjectedFault(kind: kind, ruleID: nil)
        if case .latency(let spec) = kind {
            var generator = RandomStreams(seed: seed, namespace: namespace)
                .stream("faults/latency/header", index: faultBook.nextHeaderDraw(namespace))
            fault.latencyMs = spec.resolve(using: &generator)
        }
        counters.recordFaultInjected(service: service ?? "other", kind: kind.name)
        do {
            try await storeWrite { db in try db.faults.addToTotal(kind: kind.name) }
        } catch {
            logger.error("could not count an injected fault", metadata: ["error": "\(error)"])
        }
        return fault
    }

    /// The lifecycle fault for `job` about to make `transition` (its `move`-th move), counted in the
    /// same transaction; nil when none applies or the scenario has no failed step to go to.
    func lifecycleFault(for job: Job, entering transition: LifecycleMachine.Transition, machine: LifecycleMachine,
                        in db: SQLiteConnection) throws -> (transition: LifecycleMachine.Transition, fault: InjectedFault)? {
        let faults = try loadFaults(namespace: job.namespace, in: db)
        guard faults.contains(where: { $0.rule.kind.layer == .lifecycle }) else { return nil }
        guard let failure = machine.failureStep, transition.step != failure.id else { return nil }
        // Moves made so far: one event per step entered, the first being the creation. Rows a due
        // batch still holds back count too.
        try heldEvents.flush(in: db)
        let move = try db.events.list(jobID: job.id).count
        let call = FaultCall(layer: .lifecycle, service: job.service, jobIDs: [job.id], jobKind: job.kind)
        let decision = decide(namespace: job.namespace, call: call) { rule in
            guard case .fail(let at, _, _) = rule.kind else { return false }
            switch at {
            case .move(let n): return n == move
            case .step(let id): return id == transition.step
            }
        }
        guard !decision.changed.isEmpty else { return nil }
        try persist(decision.changed, hit: decision.hit, in: db)
        guard let hit = decision.hit, case .fail(_, let code, let message) = hit.rule.kind,
              let failed = machine.failure(code: code, message: message) else { return nil }
        return (failed, injected(hit, callNumber: decision.callNumber, namespace: job.namespace, service: job.service))
    }

    /// The webhook fault for one delivery attempt of `delivery`, counted and persisted.
    func webhookFault(for delivery: Job) async throws -> InjectedFault? {
        let namespace = delivery.namespace
        if faultBook.cached(namespace) == nil {
            _ = try await storeRead { db in try self.loadFaults(namespace: namespace, in: db) }
        }
        guard faultBook.cached(namespace)?.contains(where: { $0.rule.kind.layer == .webhook }) == true else { return nil }
        let source = delivery.data["source"]
        let call = FaultCall(layer: .webhook, service: delivery.service,
                             jobIDs: [delivery.id] + [source?[path: "job"]?.stringValue].compactMap { $0 },
                             jobKind: source?[path: "kind"]?.stringValue)
        let decision = decide(namespace: namespace, call: call) { $0.kind.layer == .webhook }
        guard !decision.changed.isEmpty else { return nil }
        try await storeWrite { db in try self.persist(decision.changed, hit: decision.hit, in: db) }
        return decision.hit.map { injected($0, callNumber: decision.callNumber, namespace: namespace, service: call.service) }
    }

    private func decide(namespace: String, call: FaultCall, eligible: (FaultRule) -> Bool)
        -> (changed: [ActiveFault], hit: ActiveFault?, callNumber: Int)
    {
        let streams = RandomStreams(seed: seed, namespace: namespace)
        // One value per (rule, call number) from the rule's own stream: the same seed hits the same
        // calls, and adding a rule never shifts another rule's draws or any id.
        return faultBook.decide(namespace: namespace, call: call, eligible: eligible) { rule, number in
            FaultPlan.unitInterval(streams.value("faults/" + rule.id, index: UInt64(number)))
        }
    }

    private func persist(_ changed: [ActiveFault], hit: ActiveFault?, in db: SQLiteConnection) throws {
        for fault in changed {
            try db.faults.setCounters(namespace: fault.namespace, id: fault.id, matched: fault.matched, hits: fault.hits)
        }
        if let hit { try db.faults.addToTotal(kind: hit.rule.kind.name) }
    }

    private func injected(_ fault: ActiveFault, callNumber: Int, namespace: String, service: String?) -> InjectedFault {
        counters.recordFaultInjected(service: service ?? "other", kind: fault.rule.kind.name)
        var injected = InjectedFault(kind: fault.rule.kind, ruleID: fault.id)
        if case .latency(let spec) = fault.rule.kind {
            var generator = RandomStreams(seed: seed, namespace: namespace)
                .stream("faults/latency/" + fault.id, index: UInt64(callNumber))
            injected.latencyMs = spec.resolve(using: &generator)
        }
        return injected
    }
}
