/// Routes by path, then by method (404 / 405 with `Allow`), over a segment trie with a dictionary
/// in front for paths without parameters.
public struct Router: HTTPResponder {
    public typealias Handler = @Sendable (HTTPRequest) async throws -> HTTPResponse
    public typealias ErrorRenderer = @Sendable (HTTPStatus, _ code: String, _ message: String) -> HTTPResponse

    /// One path position. Nodes live in an array and refer to each other by index, so the router
    /// stays a plain value that copies safely.
    private struct Node: Sendable {
        var statics: [Substring: Int] = [:]
        var parameter: (name: String, node: Int)?
        /// A short list rather than a dictionary: a node has one to three methods, and comparing
        /// "GET" with each costs less than hashing it.
        var handlers: [(method: HTTPMethod, handler: Handler)] = []
        /// The route as registered ("/api/v1/builds/:id"), for `routePattern(method:path:)`.
        var pattern: String?

        func handler(for method: HTTPMethod) -> Handler? {
            if let found = handlers.first(where: { $0.method == method }) { return found.handler }
            return method == .head ? handler(for: .get) : nil
        }

        mutating func set(_ method: HTTPMethod, _ handler: @escaping Handler) {
            handlers.removeAll { $0.method == method }
            handlers.append((method, handler))
        }
    }

    private var nodes = [Node()]
    /// Exact paths of routes without parameters → node; most requests end here without a split.
    private var staticPaths: [String: Int] = [:]
    private var renderers: [(prefix: String, render: ErrorRenderer)] = []
    /// Every route added, in order, as written: what `routes` reports.
    private var table: [Route] = []
    /// Parameterised paths already matched; replaced whenever a route is added, so copies of a
    /// router with different routes never share one.
    private(set) var matchMemo = RouteMatchMemo()

    /// One registered route: its method and its pattern as given to `add`, e.g. "/api/v1/builds/:id".
    public struct Route: Sendable, Hashable {
        public let method: HTTPMethod
        public let pattern: String
    }

    /// The routes this router answers (HEAD implied by GET is not listed), so documents that describe
    /// them can be checked against the table instead of drifting from it.
    public var routes: [Route] { table }

    public init() {}

    /// Adds `handler` for `method` on `pattern`, e.g. "/api/v1/builds/:id". Static segments beat
    /// `:param` ones; HEAD falls back to GET. Empty segments are ignored, so "/a/" is "/a".
    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping Handler) {
        matchMemo = RouteMatchMemo()
        var index = 0
        var hasParameter = false
        for segment in Self.segments(pattern) {
            if segment.first == ":" {
                hasParameter = true
                let name = String(segment.dropFirst())
                if let existing = nodes[index].parameter {
                    // One parameter node per position; a second name for it would be ambiguous.
                    precondition(existing.name == name,
                                 "Route \(pattern): `:\(name)` conflicts with `:\(existing.name)` at the same position")
                    index = existing.node
                } else {
                    nodes.append(Node())
                    nodes[index].parameter = (name, nodes.count - 1)
                    index = nodes.count - 1
                }
            } else if let child = nodes[index].statics[segment] {
                index = child
            } else {
                nodes.append(Node())
                nodes[index].statics[segment] = nodes.count - 1
                index = nodes.count - 1
            }
        }
        nodes[index].set(method, handler)
        let route = Route(method: method, pattern: Self.normalized(pattern))
        if !table.contains(route) { table.append(route) }
        nodes[index].pattern = Self.normalized(pattern)
        if !hasParameter { staticPaths[Self.normalized(pattern)] = index }
    }

    /// 404/405 (and 500) answers under `prefix` are rendered by `render`, in that API's own error
    /// shape; the longest matching prefix wins. A prefix matches whole segments: "/v1" covers
    /// "/v1" and "/v1/x", not "/v10".
    public mutating func setErrorRenderer(forPrefix prefix: String, _ render: @escaping ErrorRenderer) {
        renderers.removeAll { $0.prefix == prefix }
        renderers.append((prefix, render))
        renderers.sort { $0.prefix.utf8.count > $1.prefix.utf8.count }
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        var parameters: [String: String] = [:]
        var found: Int?
        var segments: [Substring]?
        if let index = staticPaths[request.path], nodes[index].handler(for: request.method) != nil {
            found = index
        } else if let remembered = matchMemo.match(method: request.method, path: request.path) {
            found = remembered.node
            parameters = remembered.parameters
        } else {
            // A static route without this method does not hide a parameter route that has it.
            segments = Self.segments(request.path)
            found = match(segments![...], from: 0, method: request.method, parameters: &parameters)
            if let found {
                matchMemo.remember(.init(node: found, parameters: parameters), method: request.method, path: request.path)
            }
        }
        guard let index = found, let handler = nodes[index].handler(for: request.method) else {
            var unused: [String: String] = [:]
            let pathMatch = staticPaths[request.path]
                ?? match((segments ?? Self.segments(request.path))[...], from: 0, method: nil, parameters: &unused)
            guard let pathMatch else {
                return error(.notFound, code: "not_found",
                             message: "No route for \(request.method) \(request.path).", path: request.path)
            }
            var allowed = Set(nodes[pathMatch].handlers.map(\.method))
            if allowed.contains(.get) { allowed.insert(.head) }
            let allow = allowed.map(\.rawValue).sorted().joined(separator: ", ")
            var response = error(.methodNotAllowed, code: "method_not_allowed",
                                 message: "\(request.method) is not allowed on \(request.path); allowed: \(allow).",
                                 path: request.path)
            // RFC 9110 §15.5.6: a 405 "MUST generate an Allow header field".
            response.headers.set("Allow", allow)
            return response
        }
        var request = request
        if request.pathParameters.isEmpty {
            request.pathParameters = parameters
        } else if !parameters.isEmpty {
            request.pathParameters.merge(parameters) { _, captured in captured }
        }
        var response: HTTPResponse
        do {
            response = try await handler(request)
        } catch let error as any HTTPResponseError {
            response = error.response
        } catch {
            response = self.error(.internalServerError, code: "internal_error",
                                  message: "The handler failed unexpectedly.", path: request.path)
        }
        // Metrics label by this; matching the path a second time would cost as much as routing did.
        response.route = nodes[index].pattern
        return response
    }

    /// The pattern of the route that answers `method` on `path` ("/api/v1/builds/:id"), or of the
    /// route the path matches when the method is not allowed there (the 405 case); nil when no route
    /// matches (404). Read-only, for labels whose cardinality must stay bounded (metrics).
    public func routePattern(method: HTTPMethod, path: String) -> String? {
        var unused: [String: String] = [:]
        if let index = staticPaths[path], nodes[index].handler(for: method) != nil { return nodes[index].pattern }
        let segments = Self.segments(path)[...]
        if let index = match(segments, from: 0, method: method, parameters: &unused) { return nodes[index].pattern }
        guard let index = staticPaths[path] ?? match(segments, from: 0, method: nil, parameters: &unused) else { return nil }
        return nodes[index].pattern
    }

    /// Depth-first: a static child first, and the parameter child only when the static branch
    /// holds no route, so "/builds/latest" beats "/builds/:id" yet "/builds/x" still matches it.
    /// With a `method`, only nodes that can answer it count; without, any node with a route.
    private func match(_ segments: ArraySlice<Substring>, from index: Int, method: HTTPMethod?,
                       parameters: inout [String: String]) -> Int? {
        // `nodes[index].…` rather than a copy of the node: a copy retains and releases each of its
        // dictionaries and strings, at every level of every match.
        guard let segment = segments.first else {
            if let method { return nodes[index].handler(for: method) == nil ? nil : index }
            return nodes[index].handlers.isEmpty ? nil : index
        }
        let rest = segments.dropFirst()
        // Most parameter levels have no static children: no need to hash the segment (an id) there.
        if !nodes[index].statics.isEmpty, let child = nodes[index].statics[segment], let found = match(rest, from: child, method: method, parameters: &parameters) {
            return found
        }
        if let (name, child) = nodes[index].parameter, let found = match(rest, from: child, method: method, parameters: &parameters) {
            parameters[name] = String(segment)
            return found
        }
        return nil
    }

    /// The error the API mounted at `path` answers with (its renderer's shape, else the core's), for
    /// middleware that answers in a route's place: an injected `status` fault.
    public func renderError(_ status: HTTPStatus, code: String, message: String, path: String) -> HTTPResponse {
        error(status, code: code, message: message, path: path)
    }

    private func error(_ status: HTTPStatus, code: String, message: String, path: String) -> HTTPResponse {
        for renderer in renderers where Self.path(path, isUnder: renderer.prefix) {
            return renderer.render(status, code, message)
        }
        return .coreError(status, code: code, message: message)
    }

    /// Whether `path` is `prefix` or below it, by whole segments.
    public static func path(_ path: String, isUnder prefix: String) -> Bool {
        guard path.hasPrefix(prefix) else { return false }
        if prefix.hasSuffix("/") || path.utf8.count == prefix.utf8.count { return true }
        return path.utf8[path.utf8.index(path.utf8.startIndex, offsetBy: prefix.utf8.count)] == UInt8(ascii: "/")
    }

    /// The path's non-empty `/`-separated parts. A byte loop: the generic `split` was 5 % of a
    /// builder-agent GET, and every request with a parameter in its route comes through here.
    static func segments(_ path: String) -> [Substring] {
        var result: [Substring] = []
        result.reserveCapacity(8)
        let utf8 = path.utf8
        let slash = UInt8(ascii: "/")
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            if utf8[index] == slash {
                if start < index { result.append(path[start..<index]) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start < utf8.endIndex { result.append(path[start..<utf8.endIndex]) }
        return result
    }

    /// "/a//b/" → "/a/b", the form static routes are stored under.
    private static func normalized(_ path: String) -> String {
        "/" + segments(path).joined(separator: "/")
    }
}
