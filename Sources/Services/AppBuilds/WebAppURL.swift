/// The `url` rule: "The public HTTPS URL of your web app. Must be publicly accessible at build time."
/// Public means not loopback, not a private or link-local network, not a `.local` name; checked on
/// the literal host only (no DNS lookup, which would make the mock depend on the network).
enum WebAppURL {
    static func validate(_ text: String, allowPrivate: Bool) throws(AppBuildsError) {
        guard let (scheme, host) = split(text) else {
            throw AppBuildsError.invalidField("url", "`url` must be an absolute URL such as \"https://example.com\", got \"\(text)\".")
        }
        let isPrivate = isPrivateHost(host)
        if isPrivate && !allowPrivate {
            throw AppBuildsError.invalidField("url",
                "`url` must be publicly accessible; \"\(host)\" is a local or private address (start the server with --allow-private-urls to build from one).")
        }
        // Inferred: with --allow-private-urls a local dev server may also be plain http, since
        // those rarely have certificates; public hosts must always be https.
        guard scheme == "https" || (scheme == "http" && isPrivate && allowPrivate) else {
            throw AppBuildsError.invalidField("url", "`url` must use https, got \"\(scheme)\".")
        }
    }

    /// (lowercased scheme, lowercased host without brackets) of an absolute http(s)-like URL.
    static func split(_ text: String) -> (String, String)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = text[..<colon].lowercased()
        guard !scheme.isEmpty, scheme.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }) else {
            return nil
        }
        let afterColon = text[text.index(after: colon)...]
        guard afterColon.hasPrefix("//") else { return nil }
        let rest = afterColon.dropFirst(2)
        // RFC 3986 §3.2: the authority ends at the first "/", "?" or "#".
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.contains(where: { $0 == " " || $0 == "\\" }) else { return nil }
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") { hostPort = authority[authority.index(after: at)...] }
        var host: Substring
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { return nil }
            host = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
            let after = hostPort[hostPort.index(after: close)...]
            guard after.isEmpty || (after.hasPrefix(":") && after.dropFirst().allSatisfy(\.isASCIIDigit)) else { return nil }
        } else {
            if let portColon = hostPort.lastIndex(of: ":") {
                guard hostPort[hostPort.index(after: portColon)...].allSatisfy(\.isASCIIDigit) else { return nil }
                host = hostPort[..<portColon]
            } else {
                host = hostPort
            }
        }
        if host.hasSuffix(".") { host = host.dropLast() }
        guard !host.isEmpty else { return nil }
        return (scheme, host.lowercased())
    }

    static func isPrivateHost(_ host: String) -> Bool {
        if host == "localhost" || host.hasSuffix(".localhost") || host.hasSuffix(".local")
            || host.hasSuffix(".internal") || host.hasSuffix(".home.arpa") {
            return true
        }
        if let octets = ipv4(host) { return isPrivate(octets) }
        if host.contains(":") { return isPrivateIPv6(host) }
        return false
    }

    static func ipv4(_ host: String) -> [Int]? {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var octets: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCIIDigit), let value = Int(part), value <= 255 else {
                return nil
            }
            octets.append(value)
        }
        return octets
    }

    /// RFC 1918 private networks, loopback, link-local, "this network", CGNAT (RFC 6598).
    static func isPrivate(_ o: [Int]) -> Bool {
        switch (o[0], o[1]) {
        case (0, _), (10, _), (127, _): true
        case (169, 254), (192, 168): true
        case (172, 16...31): true
        case (100, 64...127): true
        default: false
        }
    }

    /// Loopback, unspecified, unique-local fc00::/7, link-local fe80::/10, and IPv4-mapped private addresses.
    static func isPrivateIPv6(_ host: String) -> Bool {
        var address = host
        if let zone = address.firstIndex(of: "%") { address = String(address[..<zone]) }
        if address == "::1" || address == "::" { return true }
        if address.hasPrefix("::ffff:"), let mapped = ipv4(String(address.dropFirst(7))) { return isPrivate(mapped) }
        let first = address.split(separator: ":", omittingEmptySubsequences: false).first ?? ""
        guard let word = UInt16(first, radix: 16) else { return false }
        return (word & 0xFE00) == 0xFC00 || (word & 0xFFC0) == 0xFE80
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
}
