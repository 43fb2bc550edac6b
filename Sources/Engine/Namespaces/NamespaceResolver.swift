public import HTTP

/// Which namespace a request belongs to: all state, clocks and faults live in one, so parallel test
/// suites never see each other's jobs.
public enum NamespaceResolver {
    public static let headerName = "X-Buildermock-Namespace"
    public static let fallback = "default"

    /// `X-Buildermock-Namespace` if present, else `tenantHeader` (an API's own tenant selector such
    /// as `X-Mihu-Tenant`), else a stable hash of the bearer token, else `default`.
    /// Throws `EngineError.invalidNamespace` for a malformed explicit name.
    public static func namespace(for headers: HTTPHeaders, tenantHeader: String? = nil) throws -> String {
        if let explicit = headers[headerName] {
            guard isValid(explicit) else { throw EngineError.invalidNamespace(explicit) }
            return explicit
        }
        if let tenantHeader, let tenant = headers[tenantHeader], !tenant.isEmpty {
            guard isValid(tenant) else { throw EngineError.invalidNamespace(tenant) }
            return tenant
        }
        if let token = bearerToken(headers) {
            return namespace(forToken: token)
        }
        return fallback
    }

    /// The namespace a token maps to: `tok-` and 16 hex digits of its FNV-1a hash. Stable across
    /// runs and machines; never the token itself, so tokens do not show up in admin listings.
    public static func namespace(forToken token: String) -> String {
        let hash = StableHash.fnv1a64(token)
        let hex = String(hash, radix: 16)
        return "tok-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The token of an `Authorization: Bearer TOKEN` header (scheme case-insensitive, RFC 9110 §11.1).
    public static func bearerToken(_ headers: HTTPHeaders) -> String? {
        guard let value = headers["Authorization"] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: " \t")
        return token.isEmpty ? nil : token
    }

    /// 1–64 of letters, digits, `.`, `_`, `-`.
    public static func isValid(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 64 else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
