public import HTTP
public import Engine
import Scenarios

/// Injects HTTP faults: the `X-Buildermock-Fault` header of one request, else the first rule of the
/// request's namespace that hits it (docs/FAULTS.md). `status`, `malformed`, `reset`, `empty` and
/// `hang` answer in the route's place (the request is never processed); `latency`, `truncate` and
/// `drip` bend the route's real response. Admin routes are never faulted.
public struct FaultMiddleware: HTTPMiddleware {
    public static let headerName = "X-Buildermock-Fault"

    let engine: Engine
    /// Renders a `status` fault in the API's own error shape.
    let router: Router
    let mounts: [ServiceMount]

    public init(engine: Engine, router: Router, mounts: [ServiceMount] = ServiceMount.all) {
        self.engine = engine
        self.router = router
        self.mounts = mounts
    }

    public func handle(_ request: HTTPRequest, next: any HTTPResponder) async -> HTTPResponse {
        if Self.isUnder(request.path, "/__admin") { return await next.respond(to: request) }
        // No header and no rule anywhere: nothing to decide, so no namespace to resolve.
        let header = request.headers[Self.headerName]
        if header == nil, !engine.mayHoldFaultRules() { return await next.respond(to: request) }
        let mount = mounts.first { Self.isUnder(request.path, $0.prefix) }
        // A namespace the service itself would refuse gets the service's own 400, unfaulted.
        guard let namespace = mount?.namespace(request) ?? ServiceMount.defaultNamespace(request) else {
            return await next.respond(to: request)
        }
        let fault: InjectedFault
        if let header {
            let kind: FaultKind
            do {
                kind = try FaultRule.parseHeader(header)
            } catch {
                return router.renderError(.badRequest, code: "invalid_fault_header",
                                          message: "\(Self.headerName): \(error)", path: request.path)
            }
            fault = await engine.headerFault(kind, namespace: namespace, service: mount?.service)
        } else {
            guard let chosen = await engine.httpFault(
                namespace: namespace,
                call: FaultCall.http(service: mount?.service, method: request.method.rawValue, path: request.path)) else {
                return await next.respond(to: request)
            }
            fault = chosen
        }
        var response = await apply(fault, to: request, namespace: namespace, next: next)
        response.appliedFault = fault.label
        return response
    }

    private func apply(_ fault: InjectedFault, to request: HTTPRequest, namespace: String,
                       next: any HTTPResponder) async -> HTTPResponse {
        switch fault.kind {
        case let .status(code, retryAfter, message):
            let status = HTTPStatus(code)
            var response = router.renderError(status, code: Self.errorCode(code),
                                              message: message ?? "Injected fault: \(status).", path: request.path)
            // RFC 9110 §10.2.3: seconds the client should wait before retrying.
            if let retryAfter { response.headers.set("Retry-After", String(retryAfter)) }
            response.headers.set("Date", engine.now(namespace: namespace).httpDate)
            return response
        case .latency:
            var response = await next.respond(to: request)
            response.delivery = .delay(seconds: Double(fault.latencyMs ?? 0) / 1_000)
            return response
        case .reset:
            return HTTPResponse(delivery: .reset)
        case .empty:
            return HTTPResponse(delivery: .emptyClose)
        case .malformed(let body):
            // Cut off mid-document: what a proxy that dropped the connection, or a buggy server, sends.
            var response = HTTPResponse.json(.ok, body ?? #"{"id":"malformed","status":"ok","items":[1,2,"#)
            response.headers.set("Date", engine.now(namespace: namespace).httpDate)
            return response
        case .truncate(let bytes):
            var response = await next.respond(to: request)
            response.delivery = .truncate(bytes: min(bytes ?? response.body.count / 2, max(0, response.body.count - 1)))
            return response
        case let .drip(chunkBytes, intervalMs):
            var response = await next.respond(to: request)
            response.delivery = .drip(chunkBytes: chunkBytes, intervalSeconds: Double(intervalMs) / 1_000)
            return response
        case .hang(let maxMs):
            return HTTPResponse(delivery: .hang(maxSeconds: Double(maxMs) / 1_000))
        case .fail, .drop, .delay, .duplicate, .receiver5xx:
            // Engine faults never come out of an HTTP decision; answer normally if one ever did.
            return await next.respond(to: request)
        }
    }

    static func errorCode(_ status: Int) -> String {
        switch status {
        case 429: "rate_limited"
        case 500: "internal_error"
        case 502: "bad_gateway"
        case 503: "service_unavailable"
        case 504: "gateway_timeout"
        default: "injected_fault"
        }
    }

    /// Whole segments only: "/v1" covers "/v1" and "/v1/x", not "/v10".
    static func isUnder(_ path: String, _ prefix: String) -> Bool {
        guard path.hasPrefix(prefix) else { return false }
        if path.utf8.count == prefix.utf8.count { return true }
        return path.utf8[path.utf8.index(path.utf8.startIndex, offsetBy: prefix.utf8.count)] == UInt8(ascii: "/")
    }
}

/// Where an emulated API is mounted, its service name in fault targets, and how it finds a request's
/// namespace (the same way the service does, so rules meet the requests of their namespace).
public struct ServiceMount: Sendable {
    public let prefix: String
    public let service: String
    let namespace: @Sendable (HTTPRequest) -> String?

    public init(prefix: String, service: String, namespace: @escaping @Sendable (HTTPRequest) -> String?) {
        self.prefix = prefix
        self.service = service
        self.namespace = namespace
    }

    static func defaultNamespace(_ request: HTTPRequest) -> String? {
        do { return try NamespaceResolver.namespace(for: request.headers) } catch { return nil }
    }

    /// Builder.io keys a run's namespace by the `apiKey` space when no namespace header is given.
    /// Approximates the service's own check (a space id is a valid namespace name by construction),
    /// since App may not reach into a service's internals.
    static func builderIONamespace(_ request: HTTPRequest) -> String? {
        if request.headers.contains(NamespaceResolver.headerName) { return defaultNamespace(request) }
        if let apiKey = request.queryValue("apiKey"), NamespaceResolver.isValid(apiKey) { return apiKey }
        return NamespaceResolver.fallback
    }

    static func mihuNamespace(_ request: HTTPRequest) -> String? {
        do { return try NamespaceResolver.namespace(for: request.headers, tenantHeader: "X-Mihu-Tenant") } catch { return nil }
    }

    public static let all: [ServiceMount] = [
        ServiceMount(prefix: "/api/v1/builds", service: "appbuilds", namespace: defaultNamespace),
        ServiceMount(prefix: "/v1/builds", service: "appbuilds", namespace: defaultNamespace),
        ServiceMount(prefix: "/api/v1/deploys", service: "appbuilds", namespace: defaultNamespace),
        ServiceMount(prefix: "/v1/deploys", service: "appbuilds", namespace: defaultNamespace),
        ServiceMount(prefix: "/api/v1/builder-agents", service: "builderagents", namespace: mihuNamespace),
        ServiceMount(prefix: "/api/v1/builders", service: "builderagents", namespace: mihuNamespace),
        ServiceMount(prefix: "/agents", service: "builderio", namespace: builderIONamespace),
        ServiceMount(prefix: "/app/projects", service: "builderio", namespace: builderIONamespace),
        ServiceMount(prefix: "/api/public/v1", service: "buildprint", namespace: defaultNamespace),
    ]
}
