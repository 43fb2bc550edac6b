extension ResponseWriter {
    /// The end of a chunked body: a zero-size chunk and no trailers (RFC 9112 §7.1).
    public static let lastChunk: [UInt8] = Array("0\r\n\r\n".utf8)

    /// Whether a streamed response to `request` carries a body at all (not for HEAD, 1xx, 204, 304).
    public static func streamHasBody(_ response: HTTPResponse, for request: RequestSummary) -> Bool {
        let code = response.status.code
        return code >= 200 && code != 204 && code != 304 && request.method != .head
    }

    /// The head of a streamed response: `Transfer-Encoding: chunked` when `chunked` (else the body is
    /// delimited by the close, RFC 9112 §6.3 rule 8), always `Connection: close`, never compressed.
    /// The handler's own framing headers are dropped, as in `serialize`.
    public func serializeStreamHead(_ response: HTTPResponse, for request: RequestSummary, chunked: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + response.headers.count * 48)
        out.append(contentsOf: "HTTP/1.1 ".utf8)
        Self.appendDecimal(response.status.code, to: &out)
        out.append(0x20)
        Self.appendSanitized(response.status.reason, to: &out)
        out.append(contentsOf: "\r\n".utf8)
        var hasDate = false, hasServer = false
        for field in response.headers {
            if HTTPHeaders.namesEqual(field.name, "Content-Length") || HTTPHeaders.namesEqual(field.name, "Transfer-Encoding")
                || HTTPHeaders.namesEqual(field.name, "Connection") {
                continue
            }
            if HTTPHeaders.namesEqual(field.name, "Date") { hasDate = true }
            if HTTPHeaders.namesEqual(field.name, "Server") { hasServer = true }
            Self.appendField(field.name, field.value, to: &out)
        }
        if chunked && Self.streamHasBody(response, for: request) {
            out.append(contentsOf: "Transfer-Encoding: chunked\r\n".utf8)
        }
        if !hasDate { Self.appendField("Date", dateCache.current(), to: &out) }
        if !hasServer { Self.appendField("Server", serverName, to: &out) }
        out.append(contentsOf: "Connection: close\r\n\r\n".utf8)
        return out
    }

    /// `bytes` framed as one chunk: size in hex, CRLF, data, CRLF (RFC 9112 §7.1). Empty input gives
    /// no bytes, since an empty chunk would end the body.
    public static func chunk(_ bytes: [UInt8]) -> [UInt8] {
        guard !bytes.isEmpty else { return [] }
        let size = Array(String(bytes.count, radix: 16).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(size.count + bytes.count + 4)
        out.append(contentsOf: size)
        out.append(contentsOf: [0x0D, 0x0A])
        out.append(contentsOf: bytes)
        out.append(contentsOf: [0x0D, 0x0A])
        return out
    }
}
