public import HTTP
import Synchronization

/// Which namespace a request belongs to: all state, clocks and faults live in one, so parallel test
/// suites never see each other's jobs.
public enum NamespaceResolver {
    public static let headerName = "X-Buildermock-Namespace"
    public static let fallback = "default"

    /// `X-Buildermock-Namespace` if present, else `tenantHeader` (an API's own tenant selector such
    /// as `X-Mihu-Tenant`), else a stable hash of the bearer token, else `default`.
    /// Throws `EngineError.invalidNamespace` for a malformed explicit name.
    public static func namespace(for headers: HTTPHeaders, tenantHeader: String? = nil) throws -> String {
        // One pass for the three fields (the first of each name, as `headers[name]` finds): a request
        // resolves its namespace several times (journal, faults, the service).
        var explicit: String?, tenant: String?, authorization: String?
        for field in headers {
            if explicit == nil, HTTPHeaders.namesEqual(field.name, headerName) {
                explicit = field.value
            } else if tenant == nil, let tenantHeader, HTTPHeaders.namesEqual(field.name, tenantHeader) {
                tenant = field.value
            } else if authorization == nil, HTTPHeaders.namesEqual(field.name, "Authorization") {
                authorization = field.value
            }
        }
        if let explicit {
            guard isValid(explicit) else { throw EngineError.invalidNamespace(explicit) }
            return explicit
        }
        if let tenant, !tenant.isEmpty {
            guard isValid(tenant) else { throw EngineError.invalidNamespace(tenant) }
            return tenant
        }
        if let authorization { return namespace(forAuthorization: authorization) }
        return fallback
    }

    /// The namespace an `Authorization` value maps to: its bearer token's, else `fallback`.
    static func namespace(forAuthorization value: String) -> String {
        bearerNamespace(forAuthorization: value) ?? fallback
    }

    /// Whether the `Authorization` header holds a Bearer credential with a token (the parse is
    /// remembered with the namespace, see `bearerNamespace`).
    public static func hasBearerToken(_ headers: HTTPHeaders) -> Bool {
        guard let value = headers["Authorization"] else { return false }
        return bearerNamespace(forAuthorization: value) != nil
    }

    /// The namespace of an `Authorization` value's bearer token; nil when it holds none.
    private static func bearerNamespace(forAuthorization value: String) -> String? {
        // Remembered per value: a request resolves its namespace several times (journal, faults, the
        // service) and clients send the same few tokens over and over, so a lookup replaces the parse,
        // the hash and the new string (together a few percent of a job GET).
        if let known = authorizations.withLock({ $0.namespace(for: value) }) { return known }
        let resolved = bearerTokenRange(value).map { namespace(forTokenBytes: value.utf8[$0]) }
        authorizations.withLock { $0.remember(value, resolved) }
        return resolved
    }

    /// `Authorization` values seen, with their token's namespace (nil: no bearer token).
    private struct AuthorizationMemo {
        var known: [String: String?] = [:]
        /// The last value asked about: one comparison of a few bytes instead of hashing the value.
        var last: (value: String, namespace: String?)?

        /// `.some` with the remembered answer (itself nil for no bearer token); nil when unknown.
        mutating func namespace(for value: String) -> String?? {
            if let last, last.value == value { return .some(last.namespace) }
            guard let known = known[value] else { return nil }
            last = (value, known)
            return .some(known)
        }

        mutating func remember(_ value: String, _ namespace: String?) {
            // Starting over when full bounds the memory a client cycling through tokens can take.
            if known.count >= knownAuthorizationsCapacity { known.removeAll(keepingCapacity: true) }
            known[value] = .some(namespace)
            last = (value, namespace)
        }
    }

    private static let authorizations = Mutex(AuthorizationMemo())
    static let knownAuthorizationsCapacity = 256
    static var knownAuthorizationCount: Int { authorizations.withLock { $0.known.count } }

    /// The namespace a token maps to: `tok-` and 16 hex digits of its FNV-1a hash. Stable across
    /// runs and machines; never the token itself, so tokens do not show up in admin listings.
    public static func namespace(forToken token: String) -> String {
        namespace(forTokenBytes: token.utf8)
    }

    private static func namespace(forTokenBytes token: some Sequence<UInt8>) -> String {
        let hash = StableHash.fnv1a64(token)
        // Every request resolves its namespace, some several times (faults, journal, the service):
        // 20 ASCII bytes written in place, not `String(radix:)` plus padding.
        return String(unsafeUninitializedCapacity: 20) { buffer in
            for (offset, byte) in "tok-".utf8.enumerated() { buffer[offset] = byte }
            for nibble in 0..<16 {
                let value = UInt8(truncatingIfNeeded: hash >> UInt64(60 - 4 * nibble)) & 0xF
                buffer[4 + nibble] = value < 10 ? 0x30 + value : 0x57 + value
            }
            return 20
        }
    }

    /// The token of an `Authorization: Bearer TOKEN` header (scheme case-insensitive, RFC 9110 §11.1):
    /// leading spaces skipped, the scheme ends at the first space, the token is the rest with spaces
    /// and tabs trimmed.
    public static func bearerToken(_ headers: HTTPHeaders) -> String? {
        guard let value = headers["Authorization"], let range = bearerTokenRange(value) else { return nil }
        return String(value[range])
    }

    /// Where the token sits in an `Authorization` value; nil when the value is not a Bearer credential.
    static func bearerTokenRange(_ value: String) -> Range<String.Index>? {
        let utf8 = value.utf8
        guard let (scheme, rest) = CredentialSyntax.split(value), isBearer(utf8[scheme]) else { return nil }
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        var start = rest.lowerBound, end = rest.upperBound
        while start < end, utf8[start] == space || utf8[start] == tab { start = utf8.index(after: start) }
        while end > start {
            let before = utf8.index(before: end)
            guard utf8[before] == space || utf8[before] == tab else { break }
            end = before
        }
        return start < end ? start..<end : nil
    }

    private static func isBearer(_ scheme: Substring.UTF8View) -> Bool {
        scheme.count == 6 && zip(scheme, "bearer".utf8).allSatisfy { $0 | 0x20 == $1 }
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
