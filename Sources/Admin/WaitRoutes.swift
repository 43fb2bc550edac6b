import Engine
import HTTP
import JSON
import Scenarios

/// `POST /__admin/wait`: long-polls until a job reaches a state or the journal holds enough
/// matching requests, for tests that run on the real clock and must not sleep-and-poll themselves.
///
/// The handler subscribes before its first check (engine events for a job, journal records for
/// requests), so nothing that happens between the check and the wait is missed; it wakes only when
/// something in the namespace changed, never on a timer, and answers at the latest at `timeout`.
struct WaitRoutes: Sendable {
    let engine: Engine
    static let defaultTimeoutMs: Int64 = 30_000
    static let maxTimeoutMs: Int64 = 60_000

    enum Condition {
        /// The job is in `state`, or finished when `state` is nil.
        case job(id: String, state: String?)
        /// At least `count` journal entries match.
        case requests(JournalMatcher, count: Int)
    }

    func register(on router: inout Router) {
        router.add(.post, "/__admin/wait") { request in try await wait(request) }
    }

    func wait(_ request: HTTPRequest) async throws -> HTTPResponse {
        let namespace = try AdminRoutes.namespace(request)
        let (condition, timeoutMs) = try Self.parse(AdminRoutes.body(request))
        let (wakeups, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        var feeders: [Task<Void, Never>] = []
        var observer: Int?
        switch condition {
        case .job:
            let events = engine.events.subscribe(namespace: namespace, bufferSize: 16)
            feeders.append(Task { for await _ in events { wake.yield() } })
        case .requests:
            observer = engine.journal.observe(namespace: namespace) { wake.yield() }
        }
        feeders.append(Task {
            try? await Task.sleep(for: .milliseconds(timeoutMs))
            wake.finish()
        })
        defer {
            feeders.forEach { $0.cancel() }
            if let observer { engine.journal.stopObserving(observer) }
            wake.finish()
        }
        let started = ContinuousClock.now
        var result = try await check(condition, namespace: namespace)
        if !result.reached {
            for await _ in wakeups {
                result = try await check(condition, namespace: namespace)
                if result.reached { break }
            }
        }
        let waited = ContinuousClock.now - started
        var answer = result.details
        answer["reached"] = .bool(result.reached)
        answer["waited_ms"] = .int(waited.components.seconds * 1000 + waited.components.attoseconds / 1_000_000_000_000_000)
        return AdminRoutes.json(.ok, .object(answer))
    }

    func check(_ condition: Condition, namespace: String) async throws -> (reached: Bool, details: [String: JSONValue]) {
        switch condition {
        case .job(let id, let state):
            // `job(id:)` catches up on a real clock first, so a transition already due counts.
            guard let job = try await AdminRoutes.engineCall({ try await engine.job(id: id, namespace: namespace) }) else {
                throw AdminError(.notFound, "not_found", "no job \(id) in namespace \(namespace)")
            }
            let reached = state.map { job.state == $0 } ?? (job.finishedAt != nil)
            return (reached, ["job": AdminRoutes.jobJSON(job)])
        case .requests(let matcher, let count):
            let seen = try await engine.journal.count(namespace: namespace, matching: matcher)
            return (seen >= count, ["count": .int(Int64(seen))])
        }
    }

    /// `{"job": ID, "state"?: STATE}` or `{"request": MATCHER, "count"?: N}`, plus `"timeout"?: "30s"`.
    static func parse(_ body: [String: JSONValue]) throws -> (Condition, Int64) {
        let known: Set = ["job", "state", "request", "count", "timeout"]
        if let unknown = body.keys.sorted().first(where: { !known.contains($0) }) {
            throw AdminError(.badRequest, "invalid_request",
                             "unknown field \"\(unknown)\"; give {\"job\", \"state\"} or {\"request\", \"count\"}, and \"timeout\"")
        }
        var timeout = defaultTimeoutMs
        if let value = body["timeout"] {
            guard let text = value.stringValue, let span = TimeSpan(parsing: text),
                  (0...maxTimeoutMs).contains(span.milliseconds) else {
                throw AdminError(.badRequest, "invalid_duration", "\"timeout\" must be a duration from \"0s\" to \"60s\"")
            }
            timeout = span.milliseconds
        }
        switch (body["job"], body["request"]) {
        case (let job?, nil):
            guard let id = job.stringValue, !id.isEmpty else {
                throw AdminError(.badRequest, "invalid_request", "\"job\" must be a job id")
            }
            if body["count"] != nil {
                throw AdminError(.badRequest, "invalid_request", "\"count\" goes with \"request\", not \"job\"")
            }
            var state: String?
            if let value = body["state"] {
                guard let text = value.stringValue, !text.isEmpty else {
                    throw AdminError(.badRequest, "invalid_request", "\"state\" must be a state name")
                }
                state = text
            }
            return (.job(id: id, state: state), timeout)
        case (nil, let request?):
            guard let object = request.objectValue else {
                throw AdminError(.badRequest, "invalid_matcher", "\"request\" must be a matcher object (see POST /__admin/requests/count)")
            }
            if body["state"] != nil {
                throw AdminError(.badRequest, "invalid_request", "\"state\" goes with \"job\", not \"request\"")
            }
            var count = 1
            if let value = body["count"] {
                guard case .int(let number) = value, number >= 1, number <= 1_000_000 else {
                    throw AdminError(.badRequest, "invalid_request", "\"count\" must be an integer from 1")
                }
                count = Int(number)
            }
            return (.requests(try JournalRoutes.matcher(object), count: count), timeout)
        default:
            throw AdminError(.badRequest, "invalid_request", "give either {\"job\": ID, \"state\": STATE} or {\"request\": MATCHER}")
        }
    }
}
