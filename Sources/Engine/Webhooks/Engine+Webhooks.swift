public import JSON
import Scenarios
import Store
import Synchronization

extension NewJob {
    /// A delivery job for a completion webhook: POST `payload` (serialised once, so every attempt
    /// and the signature see the same bytes) to `url`. Spawn it from a hook with `context.spawn`.
    /// - Parameters:
    ///   - source: the job whose terminal state the webhook reports; its scenario's `webhook`
    ///     settings (attempts, backoff, timeout) govern the delivery.
    ///   - simulate: `connection_refused` makes attempts fail without a send (a scenario's receiver outage).
    public static func webhookDelivery(for source: Job, url: String, event: String, payload: JSONValue,
                                       simulate: String? = nil) -> NewJob {
        var data: [String: JSONValue] = [
            DeliveryField.url: .string(url), DeliveryField.body: .string(payload.serialized()),
            DeliveryField.event: .string(event),
            DeliveryField.source: .object(["service": .string(source.service), "kind": .string(source.kind),
                                           "scenario": .string(source.scenario), "job": .string(source.id),
                                           "state": .string(source.state)]),
        ]
        if let simulate { data[DeliveryField.simulate] = .string(simulate) }
        return NewJob(namespace: source.namespace, service: source.service, kind: "webhook", idStyle: .prefixed("whd_"),
                      request: .object(["url": .string(url), "event": .string(event)]), data: data)
    }
}

extension StepEntry {
    /// Names the step emits on entry (`completion`), for services that cannot see scenario types.
    public var emits: [String] { effects.emit }
}

extension Engine {
    /// The header carrying `sha256=HEX` of HMAC-SHA256(secret, raw body).
    public static let webhookSignatureHeader = "X-Buildermock-Signature"
    public static let webhookDeliveryHeader = "X-Buildermock-Delivery"
    public static let webhookAttemptHeader = "X-Buildermock-Attempt"
    public static let webhookEventHeader = "X-Buildermock-Event"

    /// Lets `service` spawn delivery jobs (`service/webhook`): registers the engine's delivery hooks.
    public func enableWebhookDeliveries(service: String) {
        var settings: [String: WebhookSettings] = [:]
        for scenario in catalog.all {
            if let webhook = scenario.webhook { settings["\(scenario.service)/\(scenario.kind)/\(scenario.name)"] = webhook }
        }
        register(WebhookDeliveryHooks(settingsByScenario: settings), service: service, kind: "webhook")
    }

    /// The namespace's signing secret: stable for a seed, different per namespace.
    public func webhookSecret(namespace: String) -> String {
        HMACSigner.namespaceSecret(seed: seed, namespace: namespace, purpose: "webhooks")
    }

    /// Delivery jobs of a namespace, newest first.
    public func webhookDeliveries(namespace: String, state: String? = nil, limit: Int = 50,
                                  offset: Int = 0) async throws -> (jobs: [Job], total: Int) {
        try await jobs(namespace: namespace, kind: "webhook", state: state, limit: limit, offset: offset)
    }

    /// A delivery as the admin API shows it: target, state, every attempt, the next one's time.
    public static func webhookDeliveryJSON(_ job: Job) -> JSONValue {
        let settings = WebhookDeliveryHooks.settings(job.data)
        return .object([
            "id": .string(job.id), "service": .string(job.service), "state": .string(job.state),
            "url": job.data[DeliveryField.url] ?? .null, "event": job.data[DeliveryField.event] ?? .null,
            "source": job.data[DeliveryField.source] ?? .null, "scenario": .string(job.scenario),
            "attempts": job.data[DeliveryField.attempts] ?? .array([]),
            "maxAttempts": .int(Int64(settings.maxAttempts)),
            "nextAttemptAt": job.dueAt.map { .string($0.iso8601) }
                ?? (WebhookDeliveryHooks.int(job.data[DeliveryField.pending]?[path: "dueMs"])
                    .map { .string(Timestamp(unixMilliseconds: $0).iso8601) } ?? .null),
            "simulated": job.data[DeliveryField.simulate] ?? .null,
            "payload": job.data[DeliveryField.body]?.stringValue.flatMap(JSONValue.parse) ?? .null,
            "createdAt": .string(job.createdAt.iso8601), "updatedAt": .string(job.updatedAt.iso8601),
            "finishedAt": job.finishedAt.map { .string($0.iso8601) } ?? .null,
        ])
    }

    /// Starts a finished delivery over (a new series of attempts) and, since its first attempt is
    /// due at once, performs it before returning. Throws `EngineError` (`.eventRejected` while the
    /// delivery is still under way).
    public func redeliverWebhook(id: String, namespace: String) async throws -> Job {
        guard let job = try await job(id: id, namespace: namespace), job.kind == "webhook" else {
            throw EngineError.jobNotFound(id: id)
        }
        _ = try await send(event: "redeliver", payload: .object([:]), toJob: job.id, namespace: namespace)
        _ = try await runDue(namespace: namespace, upTo: now(namespace: namespace).unixMilliseconds, collect: false)
        guard let after = try readJob(id: id, namespace: namespace) else { throw EngineError.jobNotFound(id: id) }
        return after
    }

    // MARK: - Dispatch

    private enum PreparedAttempt: Sendable {
        case request(WebhookRequest)
        case refused(String)
    }

    private struct DueAttempt: Sendable {
        var job: Job
        var number: Int64
        var dueMs: Int64
        /// A webhook fault was already decided for this attempt (it was delayed by one).
        var faultDecided: Bool
        var key: String { "\(job.id)#\(number)" }
    }

    /// Sends every attempt due by `target` in `namespace` (concurrently: each is its own receiver's
    /// business) and records each outcome. Called by `runDue` between batches, outside any transaction.
    func performDueWebhookAttempts(namespace: String, upTo target: Int64) async throws -> [AppliedTransition] {
        // Asked after every advance, so it must not cost a scan of the namespace: only services
        // that deliver webhooks can have attempts pending, and each one's deliveries sit together
        // in jobs_listing.
        let services = webhookDeliveryServices()
        guard !services.isEmpty else { return [] }
        let records = try await storeRead { db in
            try services.flatMap { service in
                try db.jobs.inState(namespace: namespace, service: service, kind: "webhook", state: "delivering", limit: 1_000)
            }
        }
        var due: [DueAttempt] = []
        for record in records {
            let job = try JobRecordCoding.job(from: record, machines: machines)
            guard let pending = job.data[DeliveryField.pending],
                  let number = WebhookDeliveryHooks.int(pending[path: "number"]),
                  let dueMs = WebhookDeliveryHooks.int(pending[path: "dueMs"]), dueMs <= target else { continue }
            let attempt = DueAttempt(job: job, number: number, dueMs: dueMs,
                                     faultDecided: pending[path: "faultDecided"] == .bool(true))
            if webhooks.claim(attempt.key) { due.append(attempt) }
        }
        guard !due.isEmpty else { return [] }
        due.sort { ($0.dueMs, $0.job.id) < ($1.dueMs, $1.job.id) }
        // Webhook faults are decided in due order before anything is sent, so call numbers follow
        // virtual time. A delayed attempt goes back to wait; it is sent (unfaulted) when due again.
        var faults: [InjectedFault?] = []
        var delayed = false
        var sending: [DueAttempt] = []
        for attempt in due {
            let fault = attempt.faultDecided ? nil : try await webhookFault(for: attempt.job)
            if case .delay(let ms)? = fault?.kind {
                try await delayAttempt(attempt, by: ms)
                webhooks.release(attempt.key)
                delayed = true
                continue
            }
            sending.append(attempt)
            faults.append(fault)
        }
        due = sending
        let transport = webhooks.transport
        let outcomes = await withTaskGroup(of: (Int, WebhookAttemptResult, Int64).self) { group in
            for (index, attempt) in due.enumerated() {
                let request = webhookRequest(for: attempt.job, attempt: attempt.number)
                let fault = faults[index]?.kind
                group.addTask {
                    let started = ContinuousClock.now
                    let result: WebhookAttemptResult
                    switch (request, fault) {
                    case (_, .drop?):
                        result = .failure("no response: the request was lost on the way (injected fault)")
                    case (_, .receiver5xx(let status)?):
                        result = .response(status: status)
                    case (.request(let request), .duplicate?):
                        // The receiver gets the same delivery twice; the second answer is the one recorded.
                        _ = await transport.post(request)
                        result = await transport.post(request)
                    case (.request(let request), _):
                        result = await transport.post(request)
                    case (.refused(let reason), _):
                        result = .failure(reason)
                    }
                    let elapsed = started.duration(to: .now)
                    let ms = elapsed.components.seconds * 1_000 + elapsed.components.attoseconds / 1_000_000_000_000_000
                    return (index, result, ms)
                }
            }
            var outcomes: [(Int, WebhookAttemptResult, Int64)] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes.sorted { $0.0 < $1.0 }
        }
        var transitions: [AppliedTransition] = []
        for (index, result, durationMs) in outcomes {
            let attempt = due[index]
            defer { webhooks.release(attempt.key) }
            transitions += try await recordAttempt(attempt, result: result, durationMs: durationMs,
                                                   fault: faults[index]?.label)
        }
        if delayed { transitions += try await performDueWebhookAttempts(namespace: namespace, upTo: target) }
        return transitions
    }

    /// Moves a pending attempt `ms` later on the virtual clock, marked so its fault is not decided twice.
    private func delayAttempt(_ attempt: DueAttempt, by ms: Int64) async throws {
        let newDue = attempt.dueMs + ms
        let stored = try await storeWrite { db -> Bool in
            guard let record = try db.jobs.get(id: attempt.job.id, namespace: attempt.job.namespace),
                  let machine = self.machines[Self.machineKey(record.service, record.kind, record.scenario)] else { return false }
            var job = try JobRecordCoding.job(from: record, machines: self.machines)
            guard WebhookDeliveryHooks.int(job.data[DeliveryField.pending]?[path: "number"]) == attempt.number else { return false }
            job.data[DeliveryField.pending] = .object(["number": .int(attempt.number), "dueMs": .int(newDue),
                                                       "faultDecided": .bool(true), "delayedMs": .int(ms)])
            try self.store(job, machine: machine, in: db)
            return true
        }
        // On a real clock the scheduler must wake for the new time; nothing else would tell it.
        if stored { wakeUps.withLock { $0 }?.notify(attempt.job.namespace, newDue) }
    }

    /// The signed request for one attempt, or why none can be made (a simulated outage, a target
    /// the guard no longer allows).
    private func webhookRequest(for job: Job, attempt: Int64) -> PreparedAttempt {
        if let simulate = job.data[DeliveryField.simulate]?.stringValue {
            return .refused(simulate.split(separator: "_").joined(separator: " ") + " (simulated by the scenario)")
        }
        let url = job.data[DeliveryField.url]?.stringValue ?? ""
        let target: WebhookTarget
        do {
            target = try webhooks.validate(url)
        } catch {
            return .refused("\(error)")
        }
        let body = Array((job.data[DeliveryField.body]?.stringValue ?? "{}").utf8)
        let signature = HMACSigner(secret: webhookSecret(namespace: job.namespace)).hexSignature(body)
        let headers = [
            WebhookHeader(name: "Content-Type", value: "application/json"),
            WebhookHeader(name: Self.webhookSignatureHeader, value: "sha256=" + signature),
            WebhookHeader(name: Self.webhookDeliveryHeader, value: job.id),
            WebhookHeader(name: Self.webhookAttemptHeader, value: String(attempt)),
            WebhookHeader(name: Self.webhookEventHeader, value: job.data[DeliveryField.event]?.stringValue ?? "completion"),
        ]
        let timeout = Double(WebhookDeliveryHooks.settings(job.data).timeout.milliseconds) / 1_000
        return .request(WebhookRequest(target: target, headers: headers, body: body, timeoutSeconds: max(timeout, 0.1)))
    }

    /// Appends the attempt to the delivery and routes `delivered`/`failed` through its scenario, at
    /// the attempt's due time, in one transaction.
    private func recordAttempt(_ attempt: DueAttempt, result: WebhookAttemptResult, durationMs: Int64,
                               fault: String?) async throws -> [AppliedTransition] {
        let publicURL = self.publicURL
        let (transitions, recorded) = try await storeWrite { db -> ([AppliedTransition], WebhookAttemptEvent?) in
            guard let record = try db.jobs.get(id: attempt.job.id, namespace: attempt.job.namespace) else { return ([], nil) }
            var job = try JobRecordCoding.job(from: record, machines: self.machines)
            // Someone else (a reset, a redelivery) changed the job meanwhile: this outcome is stale.
            guard WebhookDeliveryHooks.int(job.data[DeliveryField.pending]?[path: "number"]) == attempt.number,
                  let machine = self.machines[Self.machineKey(job.service, job.kind, job.scenario)] else { return ([], nil) }
            let at = Timestamp(unixMilliseconds: attempt.dueMs)
            let series = (WebhookDeliveryHooks.int(job.data[DeliveryField.seriesAttempts]) ?? 0) + 1
            let settings = WebhookDeliveryHooks.settings(job.data)
            let final = !result.isSuccess && series >= Int64(settings.maxAttempts)
            var entry: [String: JSONValue] = ["attempt": .int(attempt.number), "at": .string(at.iso8601),
                                              "atMs": .int(attempt.dueMs), "durationMs": .int(durationMs),
                                              "status": .null, "error": .null,
                                              "outcome": .string(result.isSuccess ? "delivered" : (final ? "gave_up" : "retrying"))]
            if let fault { entry["fault"] = .string(fault) }
            switch result {
            case .response(let status):
                entry["status"] = .int(Int64(status))
                if !result.isSuccess { entry["error"] = .string("receiver answered \(status)") }
            case .failure(let reason):
                entry["error"] = .string(reason)
            }
            var attempts = job.data[DeliveryField.attempts].flatMap(WebhookDeliveryHooks.array) ?? []
            attempts.append(.object(entry))
            job.data[DeliveryField.attempts] = .array(attempts)
            job.data[DeliveryField.seriesAttempts] = .int(series)
            job.data[DeliveryField.pending] = nil
            let event = result.isSuccess ? "delivered" : "failed"
            let payload: JSONValue = .object(["final": .bool(final), "attempt": .int(attempt.number),
                                              "status": entry["status"] ?? .null, "error": entry["error"] ?? .null])
            let recorded = WebhookAttemptEvent(
                namespace: job.namespace, deliveryID: job.id, service: job.service, attempt: attempt.number, at: at,
                outcome: entry["outcome"]?.stringValue ?? "", status: WebhookDeliveryHooks.int(entry["status"]),
                error: entry["error"]?.stringValue)
            var jitter = RandomStreams(seed: self.seed, namespace: job.namespace).stream("jitter/\(job.id)/\(job.version)")
            switch machine.apply(.event(name: event, payload: payload), at: job.step, request: job.request, using: &jitter) {
            case .moveTo(let transition):
                return (try self.move(&job, to: transition, at: at, trigger: "event:" + event, eventPayload: payload,
                                      machine: machine, publicURL: publicURL, in: db), recorded)
            case .stay, .rejected:
                job.updatedAt = at
                try self.store(job, machine: machine, in: db)
                return ([], recorded)
            }
        }
        if let recorded {
            counters.recordWebhookAttempt(service: recorded.service, outcome: recorded.outcome)
            committed(.webhookAttempt(recorded))
        }
        committed(transitions)
        return transitions
    }
}
