/// What the writer needs to know about the request it answers.
public struct RequestSummary: Sendable {
    public var method: HTTPMethod
    /// The request's `Accept-Encoding` value, nil when absent.
    public var acceptEncoding: String?
    /// An HTTP/1.0 request, which must not be answered with chunked transfer coding (RFC 9112 §6.1).
    public var isHTTP10: Bool

    public init(method: HTTPMethod, acceptEncoding: String?, isHTTP10: Bool = false) {
        self.method = method
        self.acceptEncoding = acceptEncoding
        self.isHTTP10 = isHTTP10
    }

    public init(_ request: HTTPRequest) {
        self.init(method: request.method, acceptEncoding: request.headers["Accept-Encoding"],
                  isHTTP10: request.version == .http1_0)
    }
}

/// A response ready for the socket: head and body in one buffer.
public struct SerializedResponse: Sendable {
    public var bytes: [UInt8]
    /// How many leading bytes are the head; the body follows (fault delivery splits here).
    public var headCount: Int

    public init(bytes: [UInt8], headCount: Int) {
        self.bytes = bytes
        self.headCount = headCount
    }

    /// The body bytes as they go on the wire (possibly gzipped; empty for HEAD).
    public var bodyCount: Int { bytes.count - headCount }
}

/// Turns an `HTTPResponse` into HTTP/1.1 bytes.
public struct ResponseWriter: Sendable {
    public let serverName: String
    public let gzipMinimumBytes: Int
    let dateCache: DateHeaderCache

    public init(serverName: String, gzipMinimumBytes: Int = 1024) {
        self.init(serverName: serverName, gzipMinimumBytes: gzipMinimumBytes, dateCache: .shared)
    }

    init(serverName: String, gzipMinimumBytes: Int, dateCache: DateHeaderCache) {
        self.serverName = serverName
        self.gzipMinimumBytes = gzipMinimumBytes
        self.dateCache = dateCache
    }

    /// Head and body in ONE buffer (one write: no Nagle/delayed-ACK stall). Adds Content-Length,
    /// Date (unless the response has one), Server, `Connection: close` when !keepAlive; omits the
    /// body for HEAD (Content-Length still that of the body); gzips when the request's
    /// Accept-Encoding allows it and the body is ≥ gzipMinimumBytes and has a compressible type.
    public func serialize(_ response: HTTPResponse, for request: RequestSummary, keepAlive: Bool) -> SerializedResponse {
        let code = response.status.code
        // RFC 9110 §6.4.1: 1xx, 204 and 304 responses never carry content, and §8.6 forbids
        // Content-Length on 1xx and 204.
        let mayHaveBody = code >= 200 && code != 204 && code != 304
        let isHead = request.method == .head
        var body = response.body
        var gzipped = false
        var varies = false
        if mayHaveBody && body.count >= gzipMinimumBytes && !response.headers.contains("Content-Encoding")
            && Self.isCompressible(contentType: response.headers["Content-Type"])
        {
            varies = true
            // HEAD is answered with the identity length: compressing only to measure it is wasted work.
            if !isHead, let accept = request.acceptEncoding, Self.acceptsGzip(accept),
               let compressed = try? Gzip.compress(body), compressed.count < body.count
            {
                // A failed or useless compression falls back to the identity body: the client
                // asked for gzip as an option, not a requirement (RFC 9110 §12.5.3).
                body = compressed
                gzipped = true
            }
        }

        var out: [UInt8] = []
        let sendsBody = mayHaveBody && !isHead
        out.reserveCapacity(256 + response.headers.count * 48 + (sendsBody ? body.count : 0))
        out.append(contentsOf: "HTTP/1.1 ".utf8)
        Self.appendDecimal(code, to: &out)
        out.append(0x20)
        Self.appendSanitized(response.status.reason, to: &out)
        out.append(contentsOf: "\r\n".utf8)

        var hasDate = false, hasServer = false, hasVary = false
        for field in response.headers {
            switch field.name.utf8.count {
            case 4 where HTTPHeaders.namesEqual(field.name, "Date"): hasDate = true
            case 4 where HTTPHeaders.namesEqual(field.name, "Vary"):
                hasVary = hasVary || Self.listContains(field.value, "accept-encoding")
            case 6 where HTTPHeaders.namesEqual(field.name, "Server"): hasServer = true
            // The writer alone frames the message; a handler's own framing could contradict it.
            case 14 where HTTPHeaders.namesEqual(field.name, "Content-Length"): continue
            case 17 where HTTPHeaders.namesEqual(field.name, "Transfer-Encoding"): continue
            case 10 where !keepAlive && HTTPHeaders.namesEqual(field.name, "Connection"): continue
            default: break
            }
            Self.appendField(field.name, field.value, to: &out)
        }
        if gzipped { Self.appendField("Content-Encoding", "gzip", to: &out) }
        if varies && !hasVary { Self.appendField("Vary", "Accept-Encoding", to: &out) }
        // A 304's Content-Length would have to be that of the 200 it stands for (§8.6), which only
        // the handler knows, and the writer drops the handler's framing; so none is sent.
        if mayHaveBody {
            out.append(contentsOf: "Content-Length: ".utf8)
            Self.appendDecimal(body.count, to: &out)
            out.append(contentsOf: "\r\n".utf8)
        }
        if !hasDate { Self.appendField("Date", dateCache.current(), to: &out) }
        if !hasServer { Self.appendField("Server", serverName, to: &out) }
        if !keepAlive { out.append(contentsOf: "Connection: close\r\n".utf8) }
        out.append(contentsOf: "\r\n".utf8)
        let headCount = out.count
        if sendsBody { out.append(contentsOf: body) }
        return SerializedResponse(bytes: out, headCount: headCount)
    }

    // MARK: - Negotiation

    /// RFC 9110 §12.5.3: gzip is acceptable when listed (or `x-gzip`, or matched by `*` when not
    /// listed itself) with a qvalue above 0.
    static func acceptsGzip(_ acceptEncoding: String) -> Bool {
        var starQ: Bool?
        for member in acceptEncoding.utf8.split(separator: UInt8(ascii: ",")) {
            let parts = member.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
            let coding = trim(parts[0])
            var positive = true
            for parameter in parts.dropFirst() {
                let param = trim(parameter)
                if param.count >= 2, param.first! | 0x20 == UInt8(ascii: "q"),
                   param[param.index(after: param.startIndex)] == UInt8(ascii: "=")
                {
                    positive = qValueIsPositive(param.dropFirst(2))
                }
            }
            if asciiEqualsIgnoringCase(coding, "gzip") || asciiEqualsIgnoringCase(coding, "x-gzip") {
                return positive
            }
            if coding.elementsEqual("*".utf8) { starQ = positive }
        }
        return starQ ?? false
    }

    /// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`; a malformed one counts as 0,
    /// so a garbled header never makes us send an encoding the client may not read.
    static func qValueIsPositive(_ value: Substring.UTF8View) -> Bool {
        let bytes = Array(trim(value))
        guard let first = bytes.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1") else { return false }
        if bytes.count == 1 { return first == UInt8(ascii: "1") }
        guard bytes[1] == UInt8(ascii: "."), bytes.count <= 5 else { return false }
        let decimals = bytes[2...]
        guard decimals.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        if first == UInt8(ascii: "1") { return decimals.allSatisfy { $0 == 0x30 } }
        return decimals.contains { $0 != 0x30 }
    }

    /// text/*, JSON, JavaScript, XML and SVG (and any `+json`/`+xml` suffix type) are worth gzipping.
    static func isCompressible(contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = trim(contentType.utf8.split(separator: UInt8(ascii: ";"), maxSplits: 1,
                                                    omittingEmptySubsequences: false)[0])
        let lower = String(decoding: mediaType.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        if lower.hasPrefix("text/") || lower.hasSuffix("+json") || lower.hasSuffix("+xml") { return true }
        switch lower {
        case "application/json", "application/javascript", "application/x-javascript",
             "application/ecmascript", "application/xml", "image/svg+xml":
            return true
        default:
            return false
        }
    }

    // MARK: - Bytes

    private static func trim(_ bytes: Substring.UTF8View) -> Substring.UTF8View {
        var slice = bytes
        while let f = slice.first, f == 0x20 || f == 0x09 { slice = slice.dropFirst() }
        while let l = slice.last, l == 0x20 || l == 0x09 { slice = slice.dropLast() }
        return slice
    }

    private static func asciiEqualsIgnoringCase(_ bytes: Substring.UTF8View, _ lowercase: String) -> Bool {
        bytes.count == lowercase.utf8.count
            && zip(bytes, lowercase.utf8).allSatisfy { $0 == $1 || ($0 >= 0x41 && $0 <= 0x5A && $0 | 0x20 == $1) }
    }

    private static func listContains(_ list: String, _ lowercase: String) -> Bool {
        list.utf8.split(separator: UInt8(ascii: ",")).contains { asciiEqualsIgnoringCase(trim($0), lowercase) }
    }

    static func appendField(_ name: String, _ value: String, to out: inout [UInt8]) {
        appendSanitized(name, to: &out)
        out.append(contentsOf: ": ".utf8)
        appendSanitized(value, to: &out)
        out.append(contentsOf: "\r\n".utf8)
    }

    /// Writes `text`, turning CR and LF into spaces: a handler's value must never be able to end
    /// the line and inject a header of its own (response splitting).
    @inline(__always)
    static func appendSanitized(_ text: String, to out: inout [UInt8]) {
        let utf8 = text.utf8
        if !utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) {
            out.append(contentsOf: utf8)
            return
        }
        for byte in utf8 { out.append(byte == 0x0D || byte == 0x0A ? 0x20 : byte) }
    }

    @inline(__always)
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        precondition(value >= 0)
        if value < 10 {
            out.append(UInt8(truncatingIfNeeded: value) &+ 0x30)
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var remaining = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while remaining > 0 {
                buffer[count] = UInt8(truncatingIfNeeded: remaining % 10) &+ 0x30
                remaining /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
        }
    }
}
