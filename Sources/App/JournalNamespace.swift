import HTTP
import Engine

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
