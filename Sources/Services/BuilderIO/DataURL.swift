/// A `data:` URL (RFC 2397) as an upload attachment carries it: `data:MEDIATYPE[;PARAM…];base64,DATA`.
struct DataURL: Equatable {
    /// The media type, lowercased and without parameters (`image/png`).
    let mediaType: String
    /// The number of bytes the base64 data decodes to.
    let decodedLength: Int

    /// Why a data URL was refused; the validator turns each into a message naming the field.
    enum Problem: Error, Equatable {
        case notDataURL
        case notBase64Encoded
        case invalidBase64
    }

    /// Parses `text`; the data must be base64 (attachments are binary files) and decode cleanly.
    static func parse(_ text: String) throws(Problem) -> DataURL {
        let utf8 = Array(text.utf8)
        // RFC 2397 §3: the scheme is case-insensitive like every URL scheme (RFC 3986 §3.1).
        guard utf8.count >= 5, String(decoding: utf8[0..<5], as: UTF8.self).lowercased() == "data:",
              let comma = utf8.firstIndex(of: UInt8(ascii: ",")) else { throw .notDataURL }
        let header = String(decoding: utf8[5..<comma], as: UTF8.self)
        var parameters = header.split(separator: ";", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: " ")
        }
        guard parameters.last?.lowercased() == "base64" else { throw .notBase64Encoded }
        parameters.removeLast()
        let mediaType = (parameters.first ?? "").lowercased()
        guard let length = Base64.decodedLength(utf8[(comma + 1)...]) else { throw .invalidBase64 }
        return DataURL(mediaType: mediaType, decodedLength: length)
    }
}

/// Checks base64 text without keeping the bytes: only their count matters to the `size` rule.
enum Base64 {
    /// The decoded length of `text` in the standard alphabet with padding (RFC 4648 §4), or nil when
    /// it is not valid base64: a length that is not a multiple of 4, a character outside the alphabet,
    /// or `=` anywhere but the last one or two places. Whitespace is refused, as in a URL.
    static func decodedLength(_ text: some Collection<UInt8>) -> Int? {
        guard text.count % 4 == 0 else { return nil }
        var padding = 0
        for byte in text {
            if byte == UInt8(ascii: "=") {
                padding += 1
                continue
            }
            // A data character after padding began means the `=` was not at the end.
            guard padding == 0, isAlphabet(byte) else { return nil }
        }
        guard padding <= 2 else { return nil }
        return text.count / 4 * 3 - padding
    }

    static func isAlphabet(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"): true
        default: false
        }
    }
}

/// The seed's "fully qualified URL" rule for `url` attachments.
enum WebURL {
    /// True for an absolute `http` or `https` URL with a host: the agent fetches the page, so a
    /// relative path, another scheme or an empty host could never work.
    static func isFullyQualified(_ text: String) -> Bool {
        guard !text.isEmpty, !text.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else { return false }
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = text.dropFirst(7)
        } else {
            return false
        }
        // RFC 3986 §3.2: the authority ends at the first "/", "?" or "#".
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        var host = hostAndPort
        if hostAndPort.hasPrefix("[") {
            // An IPv6 literal: "[::1]" or "[::1]:8080".
            guard let close = hostAndPort.firstIndex(of: "]") else { return false }
            host = hostAndPort[...close]
            let after = hostAndPort[hostAndPort.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":", isPort(after.dropFirst()) else { return false }
            }
            return host.count > 2
        }
        if let colon = hostAndPort.lastIndex(of: ":") {
            guard isPort(hostAndPort[hostAndPort.index(after: colon)...]) else { return false }
            host = hostAndPort[..<colon]
        }
        guard !host.isEmpty, !host.hasPrefix("."), !host.hasSuffix(".."), !host.contains("..") else { return false }
        return host.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" || $0 == "%" }
    }

    static func isPort(_ text: Substring) -> Bool {
        guard !text.isEmpty, text.count <= 5, text.allSatisfy({ $0.isASCII && $0.isNumber }),
              let value = Int(text) else { return false }
        return value <= 65_535
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        var s = self
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
