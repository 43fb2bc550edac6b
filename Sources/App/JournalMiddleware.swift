public import HTTP
public import Engine
import Admin
import Dispatch

/// Records every request and its response in the request's namespace journal (STYLE habit 10).
/// Sits inside the request log and outside faults, so it sees the fault that bent a response.
/// The write itself happens later, batched on the store's writer (see `RequestJournal`).
public struct JournalMiddleware: HTTPMiddleware {
    let engine: Engine

    public init(engine: Engine) { self.engine = engine }

    public func handle(_ request: HTTPRequest, next: any HTTPResponder) async -> HTTPResponse {
        guard engine.journal.isEnabled, JournalRoutes.isJournaled(path: request.path) else { return await next.respond(to: request) }
        let namespace = JournalNamespace.of(request)
        // Read before the handler runs: a clock advance is journaled at the time it started from.
        let at = engine.now(namespace: namespace)
        let start = DispatchTime.now().uptimeNanoseconds
        let response = await next.respond(to: request)
        let micros = Int64((DispatchTime.now().uptimeNanoseconds - start) / 1000)
        engine.journal.record(JournalEntry(
            namespace: namespace, at: at, method: request.method.rawValue, path: request.path, query: request.query,
            requestHeaders: Redaction.redacting(request.headers), requestBody: request.body,
            status: response.status.code, responseHeaders: response.headers, responseBody: response.body,
            durationMicroseconds: micros, fault: response.appliedFault))
        return response
    }
}

/// The namespace a request's journal entry goes to: the one its handler works in. The services
/// each decide that themselves, so this mirrors their rules in order of precedence.
enum JournalNamespace {
    static func of(_ request: HTTPRequest) -> String {
        if let explicit = request.headers[NamespaceResolver.headerName] {
            return NamespaceResolver.isValid(explicit) ? explicit : NamespaceResolver.fallback
        }
        let path = request.path
        if path.hasPrefix("/__admin") {
            if let name = request.queryValue("namespace"), NamespaceResolver.isValid(name) { return name }
        } else if path == "/agents/run" || path.hasPrefix("/app/projects/") {
            // Builder.io: the space's public key names the namespace; the bearer token never does.
            if let key = request.queryValue("apiKey"), NamespaceResolver.isValid(key) { return key }
            return NamespaceResolver.fallback
        } else if let name = segment(after: "/mihu/preview/", in: path) ?? segment(after: "/downloads/builds/", in: path) {
            // Links that carry their namespace in the path, because a browser sends no key.
            return NamespaceResolver.isValid(name) ? name : NamespaceResolver.fallback
        }
        // Only the builder-agents API reads a tenant header.
        let tenant = path.hasPrefix("/api/v1/builder") ? "X-Mihu-Tenant" : nil
        return (try? NamespaceResolver.namespace(for: request.headers, tenantHeader: tenant)) ?? NamespaceResolver.fallback
    }

    private static func segment(after prefix: String, in path: String) -> String? {
        guard path.hasPrefix(prefix) else { return nil }
        return path.dropFirst(prefix.count).split(separator: "/", maxSplits: 1).first.map(String.init)
    }
}
