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
    ///
    /// Works on the UTF-8 bytes (every delimiter is ASCII): walking Characters cost a few µs of every
    /// build's creation.
    static func split(_ text: String) -> (String, String)? {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: ascii(":")), colon > 0 else { return nil }
        var scheme: [UInt8] = []
        scheme.reserveCapacity(colon)
        for byte in bytes[..<colon] {
            switch byte {
            case ascii("A")...ascii("Z"): scheme.append(byte | 0x20)
            case ascii("a")...ascii("z"), ascii("+"), ascii("-"), ascii("."): scheme.append(byte)
            default: return nil
            }
        }
        let afterColon = bytes[(colon + 1)...]
        guard afterColon.starts(with: [ascii("/"), ascii("/")]) else { return nil }
        let rest = afterColon.dropFirst(2)
        // RFC 3986 §3.2: the authority ends at the first "/", "?" or "#".
        let authority = rest.prefix { $0 != ascii("/") && $0 != ascii("?") && $0 != ascii("#") }
        guard !authority.contains(where: { $0 == ascii(" ") || $0 == ascii("\\") }) else { return nil }
        var hostPort = authority
        if let at = authority.lastIndex(of: ascii("@")) { hostPort = authority[(at + 1)...] }
        var host: ArraySlice<UInt8>
        if hostPort.first == ascii("[") {
            guard let close = hostPort.firstIndex(of: ascii("]")) else { return nil }
            host = hostPort[(hostPort.startIndex + 1)..<close]
            let after = hostPort[(close + 1)...]
            guard after.isEmpty || (after.first == ascii(":") && after.dropFirst().allSatisfy(isDigit)) else { return nil }
        } else {
            if let portColon = hostPort.lastIndex(of: ascii(":")) {
                guard hostPort[(portColon + 1)...].allSatisfy(isDigit) else { return nil }
                host = hostPort[..<portColon]
            } else {
                host = hostPort
            }
        }
        if host.last == ascii(".") { host = host.dropLast() }
        guard !host.isEmpty else { return nil }
        return (String(decoding: scheme, as: UTF8.self), String(decoding: host, as: UTF8.self).lowercased())
    }

    static func isPrivateHost(_ host: String) -> Bool {
        if host == "localhost" || hasSuffix(host, ".localhost") || hasSuffix(host, ".local")
            || hasSuffix(host, ".internal") || hasSuffix(host, ".home.arpa") {
            return true
        }
        if let octets = ipv4(host) { return isPrivate(octets) }
        if host.utf8.contains(ascii(":")) { return isPrivateIPv6(host) }
        return false
    }

    /// The four octets of a dotted-quad address (each 1–3 digits, at most 255), else nil.
    static func ipv4(_ host: String) -> [Int]? {
        var octets: [Int] = []
        octets.reserveCapacity(4)
        var value = 0, digits = 0
        for byte in host.utf8 {
            if byte == ascii(".") {
                guard digits > 0, octets.count < 3 else { return nil }
                octets.append(value)
                value = 0
                digits = 0
            } else {
                guard isDigit(byte), digits < 3 else { return nil }
                value = value * 10 + Int(byte - ascii("0"))
                digits += 1
                guard value <= 255 else { return nil }
            }
        }
        guard digits > 0, octets.count == 3 else { return nil }
        octets.append(value)
        return octets
    }

    private static func ascii(_ scalar: Unicode.Scalar) -> UInt8 { UInt8(ascii: scalar) }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        text.utf8.count >= suffix.utf8.count && text.utf8.reversed().starts(with: suffix.utf8.reversed())
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
