public import HTTP

/// Guards `/__admin/*` with `Authorization: Bearer TOKEN` when an admin token is configured.
/// `/__admin/health` stays open so container health checks need no secret; it reveals only the
/// version and uptime. The dashboard's static assets stay open too: they hold no data, and a browser
/// cannot add a header to a page load; the page reads the token from its own `?token=` and sends
/// it as a header on its calls. `GET /__admin/events/stream` alone also takes `?token=`, because an
/// `EventSource` cannot send headers either. A request that passes loses its Authorization header
/// (and `token` query item) before the routes see it, so the admin token never becomes a namespace
/// name (use `?namespace=` or `X-Buildermock-Namespace` to pick one).
public struct AdminAuthMiddleware: HTTPMiddleware {
    static let prefix = "/__admin"
    static let openPaths: Set<String> = ["/__admin/health", "/__admin/ui", "/__admin/ui/app.js", "/__admin/ui/app.css"]
    static let queryTokenPath = "/__admin/events/stream"
    let token: [UInt8]

    public init(token: String) {
        self.token = Array(token.utf8)
    }

    public func handle(_ request: HTTPRequest, next: any HTTPResponder) async -> HTTPResponse {
        guard Router.path(request.path, isUnder: Self.prefix), !Self.openPaths.contains(request.path) else {
            return await next.respond(to: request)
        }
        let queryToken = request.method == .get && request.path == Self.queryTokenPath ? request.queryValue("token") : nil
        guard let presented = Self.bearer(request.headers["Authorization"]).map(String.init) ?? queryToken,
              Self.constantTimeEquals(Array(presented.utf8), token) else {
            return .coreError(.unauthorized, code: "unauthorized",
                              message: "This server requires the admin token: send Authorization: Bearer <--admin-token>.",
                              headers: ["WWW-Authenticate": #"Bearer realm="buildermock-admin""#])
        }
        var request = request
        request.headers.remove("Authorization")
        if queryToken != nil { Self.removeTokenQuery(from: &request) }
        return await next.respond(to: request)
    }

    /// Drops every `token` item from the query (and the target), so no handler or log sees the secret.
    static func removeTokenQuery(from request: inout HTTPRequest) {
        let kept = (request.query ?? "").split(separator: "&", omittingEmptySubsequences: true).filter { pair in
            let name = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0]
            return (PercentDecoding.decode(String(name), plusAsSpace: true) ?? String(name)) != "token"
        }
        request.query = kept.isEmpty ? nil : kept.joined(separator: "&")
        let rawPath = request.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        request.target = String(rawPath) + (request.query.map { "?" + $0 } ?? "")
    }

    /// The credentials of a `Bearer` authorization (scheme case-insensitive, RFC 9110 §11.1).
    static func bearer(_ value: String?) -> Substring? {
        guard let value else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].drop { $0 == " " || $0 == "\t" }
        return token.isEmpty ? nil : token
    }

    /// Compares every byte of the longer input whatever the first difference, so the time taken
    /// does not tell an attacker how much of a guess was right.
    static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        let count = max(a.count, b.count)
        for i in 0..<count {
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            difference |= x ^ y
        }
        return difference == 0 && a.count == b.count
    }
}
