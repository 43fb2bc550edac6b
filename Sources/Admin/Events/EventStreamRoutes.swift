public import HTTP
public import Engine
import JSON

/// `GET /__admin/events/stream`: committed engine events of one namespace (`?all=true`: of every
/// namespace) as server-sent events, for the dashboard and for anyone who wants to watch jobs move.
///
/// Each event is `id: SEQ`, `event: TYPE`, `data: JSON` (types: `hello`, `transition`, `clock`,
/// `webhook_attempt`, `job_updated`, `job_deleted`, `reset`; docs/DASHBOARD.md has the fields).
/// A comment line goes out every `heartbeatSeconds` so idle streams stay visibly alive. There is
/// no replay (`Last-Event-ID` is ignored): a client that reconnects refetches what it shows. A gap
/// in the ids tells it that events were dropped because it read too slowly.
public struct EventStreamRoutes: Sendable {
    let engine: Engine
    let heartbeatSeconds: Double

    /// Chunks queued for one client beyond which the oldest are dropped (it reads too slowly).
    static let clientBuffer = 512

    public init(engine: Engine, heartbeatSeconds: Double = 15) {
        self.engine = engine
        self.heartbeatSeconds = heartbeatSeconds
    }

    public func register(on router: inout Router) {
        router.add(.get, "/__admin/events/stream") { request in try stream(request) }
    }

    func stream(_ request: HTTPRequest) throws -> HTTPResponse {
        let all = try Self.allFlag(request)
        let namespace = try AdminRoutes.namespace(request)
        let engine = self.engine
        let events = engine.events.subscribe(namespace: all ? nil : namespace)
        let (chunks, output) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingNewest(Self.clientBuffer))
        output.yield(ServerSentEvent.retry(milliseconds: 2_000))
        output.yield(ServerSentEvent(id: nil, event: "hello", data: JSONValue.object([
            "namespace": all ? .null : .string(namespace), "all": .bool(all),
            "clock": AdminRoutes.clockJSON(engine.clockInfo(namespace: namespace)),
        ]).serialized()).bytes)
        let pump = Task {
            for await published in events {
                output.yield(Self.message(published, engine: engine).bytes)
            }
            output.finish()
        }
        // Wall time by nature: heartbeats exist for proxies and timers that run on wall time,
        // whatever the namespace clock does.
        let heartbeat = HeartbeatTimer(every: heartbeatSeconds) {
            output.yield(ServerSentEvent.comment("heartbeat"))
        }
        // The connection stops reading `chunks` when the client leaves or the server shuts down;
        // ending the pump ends the engine subscription with it.
        output.onTermination = { _ in
            pump.cancel()
            heartbeat.cancel()
        }
        var headers = HTTPHeaders()
        headers.set("Content-Type", "text/event-stream; charset=utf-8")
        headers.set("Cache-Control", "no-cache")
        // Tells nginx-style proxies not to buffer the stream.
        headers.set("X-Accel-Buffering", "no")
        return HTTPResponse(status: .ok, headers: headers, stream: ResponseStream(chunks))
    }

    static func allFlag(_ request: HTTPRequest) throws -> Bool {
        switch request.queryValue("all") {
        case nil, "false": return false
        case "true": return true
        case let other?:
            throw AdminError(.badRequest, "invalid_query", "all must be true or false, not \"\(other)\"")
        }
    }

    /// The SSE message for one engine event.
    static func message(_ published: PublishedEvent, engine: Engine) -> ServerSentEvent {
        let (type, data) = payload(published.event, engine: engine)
        return ServerSentEvent(id: String(published.sequence), event: type, data: data.serialized())
    }

    static func payload(_ event: EngineEvent, engine: Engine) -> (String, JSONValue) {
        switch event {
        case .transition(let transition):
            var object = AdminRoutes.transitionJSON(transition).objectValue ?? [:]
            object["namespace"] = .string(transition.namespace)
            object["at_ms"] = .int(transition.at.unixMilliseconds)
            return ("transition", .object(object))
        case .clockMoved(let namespace, _):
            return ("clock", AdminRoutes.clockJSON(engine.clockInfo(namespace: namespace)))
        case .webhookAttempt(let attempt):
            return ("webhook_attempt", .object([
                "namespace": .string(attempt.namespace), "delivery": .string(attempt.deliveryID),
                "service": .string(attempt.service), "attempt": .int(attempt.attempt), "at": .string(attempt.at.iso8601),
                "outcome": .string(attempt.outcome), "status": attempt.status.map(JSONValue.int) ?? .null,
                "error": attempt.error.map(JSONValue.string) ?? .null,
            ]))
        case .jobUpdated(let namespace, let id):
            return ("job_updated", .object(["namespace": .string(namespace), "job": .string(id)]))
        case .jobDeleted(let namespace, let id):
            return ("job_deleted", .object(["namespace": .string(namespace), "job": .string(id)]))
        case .reset(let namespace):
            return ("reset", .object(["namespace": namespace.map(JSONValue.string) ?? .null]))
        }
    }
}
