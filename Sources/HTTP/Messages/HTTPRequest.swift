/// A parsed HTTP/1.1 request, handed by the core to the router. The body is complete and already
/// decoded from chunked or gzip transfer (see `RequestParser` and `Connection`).
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The request-target exactly as sent (origin-form or absolute-form).
    public var target: String
    /// The percent-decoded path, without the query; absolute-form targets are reduced to their path.
    public var path: String
    /// The raw query string after `?`, not decoded; nil when there was no `?`.
    public var query: String?
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Values captured by the router from `:name` segments of the matched route.
    public var pathParameters: [String: String]
    /// Where the request came from, when known (for logs and admin checks).
    public var remoteAddress: String?
    /// Trailer fields of a chunked body (RFC 9112 §7.1.2), kept apart so they cannot override the head.
    public var trailers = HTTPHeaders()

    public init(method: HTTPMethod, target: String, path: String? = nil, query: String? = nil,
                version: HTTPVersion = .http1_1, headers: HTTPHeaders = [:], body: [UInt8] = [],
                pathParameters: [String: String] = [:], remoteAddress: String? = nil) {
        self.method = method
        self.target = target
        if let path {
            self.path = path
            self.query = query
        } else {
            let split = RequestTarget.split(target)
            self.path = split.path
            self.query = query ?? split.query
        }
        self.version = version
        self.headers = headers
        self.body = body
        self.pathParameters = pathParameters
        self.remoteAddress = remoteAddress
    }

    /// Query items, percent-decoded (`+` read as space, as HTML forms send it), in order.
    public var queryItems: [(name: String, value: String)] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentDecoding.decode(String(parts[0]), plusAsSpace: true) ?? String(parts[0])
            let raw = parts.count > 1 ? String(parts[1]) : ""
            return (name: name, value: PercentDecoding.decode(raw, plusAsSpace: true) ?? raw)
        }
    }

    /// The first value of the query item `name`.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// Whether the connection should stay open after this request (RFC 9112 §9.3).
    public var keepAlive: Bool {
        // Asked once per request by the server: scanned in place rather than split and lowercased.
        if headers.containsToken("close", for: "Connection") { return false }
        if version == .http1_1 { return true }
        return headers.containsToken("keep-alive", for: "Connection")
    }
}

/// The HTTP version of a message.
public struct HTTPVersion: Hashable, Sendable, CustomStringConvertible {
    public let major: Int
    public let minor: Int
    public init(major: Int, minor: Int) { self.major = major; self.minor = minor }
    public static let http1_0 = HTTPVersion(major: 1, minor: 0)
    public static let http1_1 = HTTPVersion(major: 1, minor: 1)
    public var description: String { "HTTP/\(major).\(minor)" }
}

/// Splitting and decoding of request-targets (RFC 9112 §3.2).
public enum RequestTarget {
    /// Splits a request-target into its decoded path and raw query. Absolute-form
    /// (`http://host/path?q`) is reduced to its path, as RFC 9112 §3.2.2 requires servers to accept.
    public static func split(_ target: String) -> (path: String, query: String?) {
        let (rawPath, query) = splitRaw(target)
        let raw = String(rawPath)
        return (PercentDecoding.decode(raw, plusAsSpace: false) ?? raw, query)
    }

    /// Like `split`, but nil when the path is not valid percent-encoded UTF-8 (the parser answers 400).
    public static func splitValidating(_ target: String) -> (path: String, query: String?)? {
        let (rawPath, query) = splitRaw(target)
        guard let path = PercentDecoding.decode(String(rawPath), plusAsSpace: false) else { return nil }
        return (path, query)
    }

    /// Works on the UTF-8 view: this runs for every request, and Character iteration is far slower.
    private static func splitRaw(_ target: String) -> (path: Substring, query: String?) {
        let utf8 = target.utf8
        var pathStart = utf8.startIndex
        if utf8.first != UInt8(ascii: "/"), let schemeEnd = Self.endOfScheme(Substring(target)) {
            guard let slash = utf8[schemeEnd...].firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") })
            else { return ("/", nil) }
            if utf8[slash] == UInt8(ascii: "?") {
                return ("/", String(Substring(utf8[utf8.index(after: slash)...])))
            }
            pathStart = slash
        }
        if let q = utf8[pathStart...].firstIndex(of: UInt8(ascii: "?")) {
            return (Substring(utf8[pathStart..<q]), String(Substring(utf8[utf8.index(after: q)...])))
        }
        return (Substring(utf8[pathStart...]), nil)
    }

    /// The index just past `://` in an absolute-form target, if there is one.
    static func endOfScheme(_ s: Substring) -> Substring.Index? {
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == ":" {
                let rest = s[i...]
                if rest.hasPrefix("://") { return s.index(i, offsetBy: 3) }
                return nil
            }
            if s[i] == "/" || s[i] == "?" { return nil }
            i = s.index(after: i)
        }
        return nil
    }
}

/// Percent-decoding (RFC 3986 §2.1).
public enum PercentDecoding {
    /// Decodes `%XX` escapes; nil when an escape is malformed or the result is not UTF-8.
    public static func decode(_ string: String, plusAsSpace: Bool) -> String? {
        let utf8 = string.utf8
        if !utf8.contains(UInt8(ascii: "%")) && !(plusAsSpace && utf8.contains(UInt8(ascii: "+"))) {
            return string
        }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var it = utf8.makeIterator()
        while let byte = it.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let h = it.next(), let l = it.next(), let hv = hexValue(h), let lv = hexValue(l) else {
                    return nil
                }
                out.append(hv << 4 | lv)
            case UInt8(ascii: "+") where plusAsSpace:
                out.append(UInt8(ascii: " "))
            default:
                out.append(byte)
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
