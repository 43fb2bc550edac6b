public import HTTP
public import Engine
import Admin
import Dispatch

/// Records every request and its response in the request's namespace journal (STYLE habit 10).
/// Sits inside the request log and outside faults, so it sees the fault that bent a response.
/// `RequestJournal.record` encodes the entry (redacting credentials as it writes the headers, so
/// nothing here copies them); the write to SQLite happens later, batched on the store's writer.
public struct JournalMiddleware: HTTPMiddleware {
    let engine: Engine

    public init(engine: Engine) { self.engine = engine }

    public func handle(_ request: HTTPRequest, next: any HTTPResponder) async -> HTTPResponse {
        guard engine.journal.isEnabled, JournalRoutes.isJournaled(method: request.method, path: request.path) else { return await next.respond(to: request) }
        let namespace = JournalNamespace.of(request)
        // Read before the handler runs: a clock advance is journaled at the time it started from.
        let at = engine.now(namespace: namespace)
        let start = DispatchTime.now().uptimeNanoseconds
        let response = await next.respond(to: request)
        let micros = Int64((DispatchTime.now().uptimeNanoseconds - start) / 1000)
        engine.journal.record(JournalEntry(
            namespace: namespace, at: at, method: request.method.rawValue, path: request.path, query: request.query,
            requestHeaders: request.headers, requestBody: request.body,
            status: response.status.code, responseHeaders: response.headers, responseBody: response.body,
            durationMicroseconds: micros, fault: response.appliedFault))
        return response
    }
}
