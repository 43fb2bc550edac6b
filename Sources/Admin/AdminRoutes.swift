public import HTTP
public import Engine
public import Dispatch
import Scenarios
import JSON

/// What `/__admin/health` reports.
public struct HealthInfo: Sendable {
    public let version: String
    public let startedAt: DispatchTime
    public init(version: String, startedAt: DispatchTime) {
        self.version = version
        self.startedAt = startedAt
    }
}

/// The `/__admin` routes. Everything admin lives under that prefix so it never collides with an
/// emulated API's paths. Namespaces come from `?namespace=` or the usual headers.
public struct AdminRoutes: Sendable {
    let engine: Engine
    let health: HealthInfo

    public init(engine: Engine, health: HealthInfo) {
        self.engine = engine
        self.health = health
    }

    public func register(on router: inout Router) {
        router.setErrorRenderer(forPrefix: "/__admin") { status, code, message in
            AdminError(status, code, message).response
        }
        WebhookRoutes(engine: engine).register(on: &router)
        FaultRoutes(engine: engine).register(on: &router)
        EventStreamRoutes(engine: engine).register(on: &router)
        WaitRoutes(engine: engine).register(on: &router)
        DashboardRoutes(engine: engine).register(on: &router)
        router.add(.get, "/__admin/health") { _ in
            let uptime = Double(DispatchTime.now().uptimeNanoseconds - health.startedAt.uptimeNanoseconds) / 1e9
            return .json(.ok, #"{"status":"ok","version":"\#(health.version)","uptime_s":\#(Self.formatSeconds(uptime))}"#)
        }
        router.add(.get, "/__admin/clock") { request in
            let namespace = try Self.namespace(request)
            return Self.json(.ok, Self.clockJSON(engine.clockInfo(namespace: namespace)))
        }
        router.add(.post, "/__admin/clock/advance") { request in try await advance(request) }
        router.add(.post, "/__admin/clock/run-until") { request in try await runUntil(request) }
        router.add(.get, "/__admin/schedule") { request in
            let namespace = try Self.namespace(request)
            let limit = try Self.intQuery(request, "limit", default: 100, range: 1...1000)
            let items = try await Self.engineCall { try await engine.schedule(namespace: namespace, limit: limit) }
            let now = engine.now(namespace: namespace)
            return Self.json(.ok, .object([
                "namespace": .string(namespace), "now": .string(now.iso8601),
                "upcoming": .array(items.map { item in
                    .object([
                        "job": .string(item.jobID), "service": .string(item.service), "kind": .string(item.kind),
                        "state": .string(item.state), "step": .string(item.step),
                        "due_at": .string(item.dueAt.iso8601), "in_ms": .int(now.milliseconds(to: item.dueAt)),
                        "next_step": item.nextStep.map(JSONValue.string) ?? .null,
                    ])
                }),
            ]))
        }
        router.add(.get, "/__admin/jobs") { request in
            let namespace = try Self.namespace(request)
            let limit = try Self.intQuery(request, "limit", default: 50, range: 1...500)
            let offset = try Self.intQuery(request, "offset", default: 0, range: 0...Int.max)
            let page = try await Self.engineCall {
                try await engine.jobs(namespace: namespace, service: request.queryValue("service"),
                                      kind: request.queryValue("kind"), state: request.queryValue("state"),
                                      limit: limit, offset: offset)
            }
            return Self.json(.ok, .object([
                "namespace": .string(namespace), "total": .int(Int64(page.total)), "limit": .int(Int64(limit)),
                "offset": .int(Int64(offset)), "jobs": .array(page.jobs.map(Self.jobJSON)),
            ]))
        }
        router.add(.get, "/__admin/jobs/:id") { request in
            let namespace = try Self.namespace(request)
            let id = request.pathParameters["id"] ?? ""
            guard let job = try await Self.engineCall({ try await engine.job(id: id, namespace: namespace) }) else {
                throw AdminError(.notFound, "not_found", "no job \(id) in namespace \(namespace)")
            }
            return Self.json(.ok, Self.jobJSON(job))
        }
        router.add(.get, "/__admin/jobs/:id/events") { request in
            let namespace = try Self.namespace(request)
            let id = request.pathParameters["id"] ?? ""
            guard try await Self.engineCall({ try await engine.job(id: id, namespace: namespace) }) != nil else {
                throw AdminError(.notFound, "not_found", "no job \(id) in namespace \(namespace)")
            }
            let events = try await Self.engineCall { try await engine.events(jobID: id, namespace: namespace) }
            return Self.json(.ok, .object([
                "job": .string(id),
                "events": .array(events.map { event in
                    .object([
                        "seq": .int(event.seq), "at": .string(event.at.iso8601),
                        "from": event.fromState.map(JSONValue.string) ?? .null, "to": .string(event.toState),
                        "detail": event.detail,
                    ])
                }),
            ]))
        }
        router.add(.get, "/__admin/scenarios") { _ in
            Self.json(.ok, .object([
                "scenarios": .array(engine.catalog.all.map { scenario in
                    .object([
                        "name": .string(scenario.name), "service": .string(scenario.service),
                        "kind": .string(scenario.kind), "default": .bool(scenario.isDefault),
                        "description": .string(scenario.description),
                        "states": .array(Self.uniqueStates(scenario).map(JSONValue.string)),
                    ])
                }),
            ]))
        }
        router.add(.post, "/__admin/scenarios/pin") { request in
            let namespace = try Self.namespace(request)
            let body = try Self.body(request)
            guard let service = body["service"]?.stringValue, let kind = body["kind"]?.stringValue,
                  let scenario = body["scenario"]?.stringValue else {
                throw AdminError(.badRequest, "invalid_request", "service, kind and scenario are required strings")
            }
            var count: Int64 = 1
            if let value = body["count"] {
                guard case .int(let n) = value, n >= 1, n <= 1_000_000 else {
                    throw AdminError(.badRequest, "invalid_request", "count must be an integer from 1 to 1000000")
                }
                count = n
            }
            try await Self.engineCall {
                try await engine.pin(namespace: namespace, service: service, kind: kind, scenario: scenario, count: Int(count))
            }
            return Self.json(.ok, .object(["namespace": .string(namespace), "service": .string(service), "kind": .string(kind),
                                           "scenario": .string(scenario), "count": .int(count)]))
        }
        router.add(.post, "/__admin/reset") { request in
            if request.queryValue("all") == "true" {
                try await Self.engineCall { try await engine.reset(namespace: nil) }
                return Self.json(.ok, .object(["reset": .string("all")]))
            }
            let namespace = try Self.namespace(request)
            try await Self.engineCall { try await engine.reset(namespace: namespace) }
            return Self.json(.ok, .object(["reset": .string(namespace)]))
        }
    }

    // MARK: - Clock

    func advance(_ request: HTTPRequest) async throws -> HTTPResponse {
        let namespace = try Self.namespace(request)
        let body = try Self.body(request)
        let transitions: [AppliedTransition]
        if let by = body["by"] {
            guard let text = by.stringValue, let span = TimeSpan(parsing: text) else {
                throw AdminError(.badRequest, "invalid_duration", "\"by\" must be a duration such as \"90s\", \"1m30s\" or \"250ms\"")
            }
            transitions = try await Self.engineCall { try await engine.advance(namespace: namespace, by: span.milliseconds) }
        } else if let to = body["to"] {
            guard let text = to.stringValue, let target = Timestamp(iso8601: text) else {
                throw AdminError(.badRequest, "invalid_time", "\"to\" must be an ISO 8601 UTC time such as \"2026-01-01T00:10:00Z\"")
            }
            transitions = try await Self.engineCall { try await engine.advance(namespace: namespace, to: target) }
        } else {
            throw AdminError(.badRequest, "invalid_request", "give either \"by\" (a duration) or \"to\" (an ISO 8601 time)")
        }
        return Self.json(.ok, .object([
            "clock": Self.clockJSON(engine.clockInfo(namespace: namespace)),
            "transitions": .array(transitions.map(Self.transitionJSON)),
        ]))
    }

    func runUntil(_ request: HTTPRequest) async throws -> HTTPResponse {
        let namespace = try Self.namespace(request)
        let body = try Self.body(request)
        var limit: Int64 = 24 * 3_600_000
        if let max = body["max"] {
            guard let text = max.stringValue, let span = TimeSpan(parsing: text) else {
                throw AdminError(.badRequest, "invalid_duration", "\"max\" must be a duration such as \"10m\"")
            }
            limit = span.milliseconds
        }
        let jobID = body["job"]?.stringValue
        let state = body["state"]?.stringValue
        if jobID == nil {
            guard case .bool(true)? = body["idle"] else {
                throw AdminError(.badRequest, "invalid_request", "give {\"job\": ID, \"state\": STATE} or {\"idle\": true}")
            }
        }
        let result = try await Self.engineCall {
            try await engine.runUntil(namespace: namespace, job: jobID, state: state, limit: limit)
        }
        return Self.json(.ok, .object([
            "reached": .bool(result.reached),
            "clock": Self.clockJSON(engine.clockInfo(namespace: namespace)),
            "transitions": .array(result.transitions.map(Self.transitionJSON)),
        ]))
    }

    // MARK: - Helpers

    static func namespace(_ request: HTTPRequest) throws -> String {
        if let explicit = request.queryValue("namespace") {
            guard NamespaceResolver.isValid(explicit) else {
                throw AdminError(.badRequest, "invalid_namespace", EngineError.invalidNamespace(explicit).description)
            }
            return explicit
        }
        do {
            return try NamespaceResolver.namespace(for: request.headers)
        } catch {
            throw AdminError(.badRequest, "invalid_namespace", "\(error)")
        }
    }

    static func body(_ request: HTTPRequest) throws -> [String: JSONValue] {
        if request.body.isEmpty { return [:] }
        guard let value = JSONValue.parse(request.body), let object = value.objectValue else {
            throw AdminError(.badRequest, "invalid_json", "the body must be a JSON object")
        }
        return object
    }

    static func intQuery(_ request: HTTPRequest, _ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = request.queryValue(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw AdminError(.badRequest, "invalid_query", "\(name) must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// Runs an engine call, turning `EngineError` into the admin error shape.
    static func engineCall<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as EngineError {
            switch error {
            case .jobNotFound: throw AdminError(.notFound, "not_found", error.description)
            case .unknownScenario, .noScenario: throw AdminError(.badRequest, "unknown_scenario", error.description)
            case .eventRejected: throw AdminError(.conflict, "invalid_state", error.description)
            case .invalidNamespace: throw AdminError(.badRequest, "invalid_namespace", error.description)
            case .clock: throw AdminError(.badRequest, "invalid_clock_move", error.description)
            case .storage: throw AdminError(.internalServerError, "storage_error", error.description)
            }
        }
    }

    static func json(_ status: HTTPStatus, _ value: JSONValue) -> HTTPResponse {
        .json(status, bytes: value.serializedBytes())
    }

    static func clockJSON(_ info: ClockInfo) -> JSONValue {
        .object(["namespace": .string(info.namespace), "mode": .string(info.mode.rawValue),
                 "now": .string(info.now.iso8601), "now_ms": .int(info.now.unixMilliseconds),
                 "time_scale": .double(info.timeScale)])
    }

    static func transitionJSON(_ t: AppliedTransition) -> JSONValue {
        .object(["job": .string(t.jobID), "service": .string(t.service), "kind": .string(t.kind),
                 "at": .string(t.at.iso8601), "from": t.fromState.map(JSONValue.string) ?? .null,
                 "to": .string(t.toState), "step": .string(t.step), "trigger": .string(t.trigger)])
    }

    static func jobJSON(_ job: Job) -> JSONValue {
        .object(["id": .string(job.id), "namespace": .string(job.namespace), "service": .string(job.service),
                 "kind": .string(job.kind), "state": .string(job.state), "step": .string(job.step),
                 "scenario": .string(job.scenario), "due_at": job.dueAt.map { .string($0.iso8601) } ?? .null,
                 "created_at": .string(job.createdAt.iso8601), "updated_at": .string(job.updatedAt.iso8601),
                 "finished_at": job.finishedAt.map { .string($0.iso8601) } ?? .null,
                 "version": .int(Int64(job.version)), "request": job.request, "data": .object(job.data)])
    }

    static func uniqueStates(_ scenario: Scenario) -> [String] {
        var seen: [String] = []
        for step in scenario.steps where !seen.contains(step.state) { seen.append(step.state) }
        return seen
    }

    /// Seconds with millisecond precision, without Foundation's formatter.
    static func formatSeconds(_ seconds: Double) -> String {
        let ms = Int((seconds * 1000).rounded())
        let frac = ms % 1000
        return "\(ms / 1000)." + (frac < 10 ? "00" : frac < 100 ? "0" : "") + "\(frac)"
    }
}

/// An admin API error: `{"error":{"code":…,"message":…}}`.
public struct AdminError: HTTPResponseError {
    public let status: HTTPStatus
    public let code: String
    public let message: String

    public init(_ status: HTTPStatus, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public var response: HTTPResponse { .coreError(status, code: code, message: message) }
}
