/// A webhook URL taken apart, and the SSRF guard that decides whether the engine may call it.
///
/// Only `http://` is accepted: our client speaks plain HTTP/1.1 (no TLS), and the targets a mock
/// calls are test receivers on loopback. Anything else would fail at delivery time, so it is refused
/// when the URL is given (a 400 the user sees at once, not a delivery that can never succeed).
public struct WebhookTarget: Sendable, Hashable {
    /// The host as written, without IPv6 brackets, lowercased.
    public var host: String
    public var port: Int
    /// Path and query, as sent on the request line.
    public var requestTarget: String
    public var url: String

    /// Why a URL cannot be a webhook target; the description is the 400's message.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        case invalidURL(String)
        case unsupportedScheme(String)
        case notAllowed(host: String)

        public var description: String {
            switch self {
            case .invalidURL(let url): "\"\(url)\" is not an absolute http URL"
            case .unsupportedScheme(let scheme):
                "webhook URLs must use http:// (the mock's client has no TLS); got \(scheme)://"
            case .notAllowed(let host):
                "webhook target host \"\(host)\" is not allowed: only loopback (127.0.0.0/8, ::1, localhost) unless the server runs with --webhook-allow \(host)"
            }
        }
    }

    /// Parses an absolute `http://host[:port][/path][?query]` URL.
    public static func parse(_ url: String) throws(Problem) -> WebhookTarget {
        guard let colon = url.firstIndex(of: ":"), url[colon...].hasPrefix("://") else { throw .invalidURL(url) }
        let scheme = url[..<colon].lowercased()
        guard scheme == "http" else {
            if scheme.isEmpty || !scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) { throw .invalidURL(url) }
            throw .unsupportedScheme(scheme)
        }
        let rest = url[url.index(colon, offsetBy: 3)...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var requestTarget = String(rest[authorityEnd...])
        if let fragment = requestTarget.firstIndex(of: "#") { requestTarget = String(requestTarget[..<fragment]) }
        if requestTarget.isEmpty { requestTarget = "/" } else if requestTarget.hasPrefix("?") { requestTarget = "/" + requestTarget }
        // Userinfo would let "http://127.0.0.1@evil.example/" read as loopback to a careless eye: refuse it.
        guard !authority.isEmpty, !authority.contains("@"),
              !requestTarget.contains(where: { $0 == " " || $0.isNewline }) else { throw .invalidURL(url) }
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .invalidURL(url) }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .invalidURL(url) }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        var port = 80
        if let portText {
            guard let value = Int(portText), (1...65535).contains(value) else { throw .invalidURL(url) }
            port = value
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || "-.:_".contains($0) }) else {
            throw .invalidURL(url)
        }
        return WebhookTarget(host: host.lowercased(), port: port, requestTarget: requestTarget, url: url)
    }

    /// Parses and applies the guard: loopback always, other hosts only when `allow` lists them.
    public static func validate(_ url: String, allow: [String]) throws(Problem) -> WebhookTarget {
        let target = try parse(url)
        guard target.isAllowed(allow: allow) else { throw .notAllowed(host: target.host) }
        return target
    }

    public func isAllowed(allow: [String]) -> Bool {
        Self.isLoopback(host) || allow.contains { $0.lowercased() == host }
    }

    /// 127.0.0.0/8 (RFC 1122 §3.2.1.3), ::1 (RFC 4291 §2.5.3) and the name `localhost` (RFC 6761 §6.3).
    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        if host == "localhost" || host.hasSuffix(".localhost") { return host == "localhost" }
        if host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return false }
        var values: [Int] = []
        for octet in octets {
            guard !octet.isEmpty, octet.count <= 3, octet.allSatisfy(\.isASCII), let value = Int(octet), value <= 255 else {
                return false
            }
            values.append(value)
        }
        return values[0] == 127
    }
}
