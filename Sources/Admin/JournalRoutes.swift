public import HTTP
public import Engine
public import JSON

/// `/__admin/requests` (list, count, clear) and `/__admin/session` (export): the request journal.
///
/// The journal does not record admin reads (GET/HEAD under `/__admin`), these routes (reading or
/// clearing the journal must not change it) nor `POST /__admin/wait`: none changes state, so a
/// session replays the same without them, and dashboard polls or health checks would crowd out the
/// calls a test wants to see.
public struct JournalRoutes: Sendable {
    let engine: Engine
    /// The serve settings that change answers, written into session files for replay.
    let sessionSettings: @Sendable () -> [String: JSONValue]

    public init(engine: Engine, sessionSettings: @escaping @Sendable () -> [String: JSONValue]) {
        self.engine = engine
        self.sessionSettings = sessionSettings
    }

    /// Whether the journal records a call (see the type's comment).
    public static func isJournaled(method: HTTPMethod, path: String) -> Bool {
        guard path == "/__admin" || path.hasPrefix("/__admin/") else { return true }
        // Admin reads (the dashboard's polling, the SSE stream, metrics scrapes, health) and waits
        // change nothing, so a session replays the same without them and the journal keeps room
        // for the calls a test wants to verify.
        if method == .get || method == .head { return false }
        return !(path == "/__admin/wait" || path == "/__admin/requests" || path.hasPrefix("/__admin/requests/"))
    }

    public func register(on router: inout Router) {
        let engine = self.engine
        let sessionSettings = self.sessionSettings
        router.add(.get, "/__admin/requests") { request in
            let namespace = try AdminRoutes.namespace(request)
            let filter = try Self.filter(request)
            let limit = try AdminRoutes.intQuery(request, "limit", default: 100, range: 1...1000)
            let offset = try AdminRoutes.intQuery(request, "offset", default: 0, range: 0...Int.max)
            let (total, page) = try await Self.journalCall {
                try await engine.journal.page(namespace: namespace, filter: filter, limit: limit, offset: offset)
            }
            return AdminRoutes.json(.ok, .object([
                "namespace": .string(namespace), "total": .int(Int64(total)), "limit": .int(Int64(limit)),
                "offset": .int(Int64(offset)), "requests": .array(page.map(\.json)),
            ]))
        }
        router.add(.delete, "/__admin/requests") { request in
            let namespace = try AdminRoutes.namespace(request)
            let deleted = try await Self.journalCall { try await engine.journal.clear(namespace: namespace) }
            return AdminRoutes.json(.ok, .object(["namespace": .string(namespace), "deleted": .int(Int64(deleted))]))
        }
        router.add(.post, "/__admin/requests/count") { request in
            let namespace = try AdminRoutes.namespace(request)
            let matcher = try Self.matcher(AdminRoutes.body(request))
            let count = try await Self.journalCall { try await engine.journal.count(namespace: namespace, matching: matcher) }
            return AdminRoutes.json(.ok, .object(["namespace": .string(namespace), "count": .int(Int64(count))]))
        }
        router.add(.get, "/__admin/session") { request in
            let namespace = try AdminRoutes.namespace(request)
            let entries = try await Self.journalCall { try await engine.journal.entries(namespace: namespace) }
            let settings = engine.clockSettings
            let session = SessionFile(namespace: namespace, seed: engine.seed, clockStart: settings.manualStart,
                                      clockMode: settings.mode.rawValue, settings: sessionSettings(), entries: entries)
            return .json(.ok, session.text)
        }
    }

    // MARK: - Parsing

    /// The list filters from the query: `method`, `path` (a `*` pattern), `status`, `since` (ISO 8601,
    /// namespace clock) and `after` (a seq).
    static func filter(_ request: HTTPRequest) throws -> JournalFilter {
        var filter = JournalFilter()
        if let method = request.queryValue("method") {
            filter.method = try Self.method(method, field: "method")
        }
        if let path = request.queryValue("path") {
            filter.path = try Self.pathPattern(path, field: "path")
        }
        if request.queryValue("status") != nil {
            filter.status = try AdminRoutes.intQuery(request, "status", default: 0, range: 100...599)
        }
        if let since = request.queryValue("since") {
            guard let time = Timestamp(iso8601: since) else {
                throw AdminError(.badRequest, "invalid_query", "since must be an ISO 8601 UTC time such as 2026-01-01T00:05:00Z")
            }
            filter.since = time
        }
        if let after = request.queryValue("after") {
            guard let seq = Int64(after), seq >= 0 else {
                throw AdminError(.badRequest, "invalid_query", "after must be a journal seq (an integer ≥ 0)")
            }
            filter.afterSeq = seq
        }
        return filter
    }

    /// A matcher from `{"method", "path", "status", "headers": [{"name", "equals"|"contains"|"present"}],
    /// "body": [{"path", "equals"}]}`; every part optional.
    static func matcher(_ object: [String: JSONValue]) throws -> JournalMatcher {
        let known: Set<String> = ["method", "path", "status", "headers", "body"]
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw invalid("unknown field \"\(unknown)\"; a matcher has \(known.sorted().joined(separator: ", "))")
        }
        var matcher = JournalMatcher()
        if let value = object["method"] {
            guard let text = value.stringValue else { throw invalid("method must be a string such as \"POST\"") }
            matcher.method = try method(text, field: "method", code: "invalid_matcher")
        }
        if let value = object["path"] {
            guard let text = value.stringValue else { throw invalid("path must be a string such as \"/api/v1/builders/*\"") }
            matcher.path = try pathPattern(text, field: "path", code: "invalid_matcher")
        }
        if let value = object["status"] {
            guard case .int(let status) = value, (100...599).contains(status) else {
                throw invalid("status must be an integer from 100 to 599")
            }
            matcher.status = Int(status)
        }
        if let value = object["headers"] {
            guard case .array(let items) = value else { throw invalid("headers must be an array of {\"name\", \"equals\"|\"contains\"|\"present\"}") }
            for (index, item) in items.enumerated() {
                let at = "headers[\(index)]"
                guard let condition = item.objectValue, let name = condition["name"]?.stringValue, !name.isEmpty else {
                    throw invalid("\(at) must be an object with a non-empty \"name\"")
                }
                let tests = ["equals", "contains", "present"].filter { condition[$0] != nil }
                guard tests.count == 1, condition.count == 2 else {
                    throw invalid("\(at) needs exactly one of \"equals\", \"contains\" or \"present\" beside \"name\"")
                }
                switch tests[0] {
                case "equals":
                    guard let text = condition["equals"]?.stringValue else { throw invalid("\(at).equals must be a string") }
                    matcher.headers.append(.init(name: name, test: .equals(text)))
                case "contains":
                    guard let text = condition["contains"]?.stringValue else { throw invalid("\(at).contains must be a string") }
                    matcher.headers.append(.init(name: name, test: .contains(text)))
                default:
                    guard condition["present"] == .bool(true) else { throw invalid("\(at).present must be true") }
                    matcher.headers.append(.init(name: name, test: .present))
                }
            }
        }
        if let value = object["body"] {
            guard case .array(let items) = value else { throw invalid("body must be an array of {\"path\", \"equals\"}") }
            for (index, item) in items.enumerated() {
                let at = "body[\(index)]"
                guard let condition = item.objectValue, let path = condition["path"]?.stringValue, !path.isEmpty,
                      let expected = condition["equals"], condition.count == 2 else {
                    throw invalid("\(at) must be {\"path\": \"a.b.0\", \"equals\": VALUE}")
                }
                matcher.body.append(.init(path: path, equals: expected))
            }
        }
        return matcher
    }

    static func method(_ text: String, field: String, code: String = "invalid_query") throws -> String {
        guard !text.isEmpty, text.utf8.count <= 20, text.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else {
            throw AdminError(.badRequest, code, "\(field) must be an HTTP method in capitals such as GET or POST")
        }
        return text
    }

    static func pathPattern(_ text: String, field: String, code: String = "invalid_query") throws -> PathPattern {
        guard text.hasPrefix("/") || text.hasPrefix("*") else {
            throw AdminError(.badRequest, code, "\(field) must be a path pattern starting with / or *, such as /api/v1/builders/*")
        }
        return PathPattern(text)
    }

    static func invalid(_ message: String) -> AdminError {
        AdminError(.badRequest, "invalid_matcher", message)
    }

    static func journalCall<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as AdminError {
            throw error
        } catch {
            throw AdminError(.internalServerError, "storage_error", "the journal could not be read: \(error)")
        }
    }
}
