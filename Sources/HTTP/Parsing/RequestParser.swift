/// Incremental HTTP/1.1 request parser (RFC 9112): a plain value fed byte slices, with no I/O, so the
/// connection only carries out what `next()` decides. Bytes may arrive one at a time or as several
/// pipelined requests at once; call `next()` until it answers `.needMoreData`.
public struct RequestParser: Sendable {
    private enum Phase: Sendable {
        case requestLine
        case headers
        case fixedBody(length: Int)
        case chunkedBody
        case failed(ParseError)
    }

    /// What the head said, gathered while its lines go by.
    private struct Head: Sendable {
        var method = HTTPMethod.get
        var target = ""
        var path = ""
        var query: String?
        var version = HTTPVersion.http1_1
        var headers = HTTPHeaders(reservingCapacity: RequestParser.expectedHeaderCount)
        var headerBytes = 0
        var hostCount = 0
        var contentLength: Int?
        var transferEncodingCount = 0
        var chunked = false
        var gzip = false
        var expectsContinue = false
        var trailers = HTTPHeaders()
    }

    static let bodyReservationCap = 256 * 1024

    private let limits: ParserLimits
    /// Received bytes; everything before `start` is consumed. Compacted on `append`, never per request.
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the current line's LF resumes, so byte-at-a-time input is not rescanned.
    private var scanFrom = 0
    private var phase = Phase.requestLine
    private var head = Head()
    /// Typical requests carry under 16 fields; reserving avoids regrowing the array per request.
    private static let expectedHeaderCount = 16
    private var chunkedDecoder = ChunkedDecoder()
    private var continueSent = false

    public init(limits: ParserLimits = ParserLimits()) {
        self.limits = limits
    }

    /// Some bytes of an unfinished request are buffered (the server uses it to tell a header-read
    /// timeout from an idle keep-alive one).
    public var hasPartialRequest: Bool {
        switch phase {
        case .requestLine: buffer.count > start
        case .failed: false
        default: true
        }
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        compact()
        buffer.append(contentsOf: bytes)
    }

    public mutating func append(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Drops consumed bytes. Moving the unconsumed tail only when it is no bigger than what is
    /// dropped keeps the cost amortised O(1) per byte, and a large body being received stays put.
    private mutating func compact() {
        guard start > 0 else { return }
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else if start >= buffer.count - start || start >= 1 << 16 {
            buffer.removeSubrange(0..<start)
        } else {
            return
        }
        scanFrom = max(0, scanFrom - start)
        start = 0
    }

    public mutating func next() -> ParseEvent {
        if case .failed(let error) = phase { return .error(error) }
        do throws(ParseError) {
            return try step()
        } catch {
            phase = .failed(error)
            return .error(error)
        }
    }

    private mutating func step() throws(ParseError) -> ParseEvent {
        while true {
            switch phase {
            case .failed(let error):
                return .error(error)
            case .requestLine:
                if try !parseRequestLine() { return .needMoreData }
            case .headers:
                guard let lineEnd = try nextLine(limit: limits.maxHeaderBytes - head.headerBytes,
                                                 tooLong: .headersTooLarge("The header section is too large."))
                else { return .needMoreData }
                if let event = try headerLine(endingAt: lineEnd) { return event }
            case .fixedBody(let length):
                if buffer.count - start >= length {
                    let body = Array(buffer[start..<(start + length)])
                    start += length
                    scanFrom = start
                    return .request(try finish(body: body))
                }
                return continueEvent()
            case .chunkedBody:
                let result: Result<Int, ParseError> = buffer.withUnsafeBytes { raw in
                    do throws(ParseError) {
                        return .success(try chunkedDecoder.decode(UnsafeRawBufferPointer(rebasing: raw[start...])))
                    } catch {
                        return .failure(error)
                    }
                }
                start += try result.get()
                scanFrom = start
                if chunkedDecoder.isComplete {
                    head.trailers = chunkedDecoder.trailers
                    return .request(try finish(body: chunkedDecoder.takeBody()))
                }
                return continueEvent()
            }
        }
    }

    /// `Array.withUnsafeBytes` only rethrows untyped errors; this keeps `ParseError` typed. A local
    /// reference to the buffer lets the body mutate the parser's other fields; as nothing writes to
    /// the buffer meanwhile, it is shared, not copied.
    private mutating func withBuffer(
        _ body: (inout RequestParser, UnsafeRawBufferPointer) throws(ParseError) -> Void
    ) throws(ParseError) {
        let bytes = buffer
        let result: Result<Void, ParseError> = bytes.withUnsafeBytes { raw in
            do throws(ParseError) { try body(&self, raw); return .success(()) } catch { return .failure(error) }
        }
        try result.get()
    }

    private mutating func continueEvent() -> ParseEvent {
        if head.expectsContinue && !continueSent {
            continueSent = true
            return .expectContinue
        }
        return .needMoreData
    }

    /// The index of the CR of the next complete line starting at `start`, or nil when the line is not
    /// all here yet. Refuses a bare LF (RFC 9112 §2.2 lets a recipient accept one; being strict keeps
    /// us from reading a request differently from a proxy in front of us).
    private mutating func nextLine(limit: Int, tooLong: @autoclosure () -> ParseError) throws(ParseError) -> Int? {
        let found: Int? = buffer.withUnsafeBytes { FieldSyntax.firstLF($0, from: max(scanFrom, start)) }
        guard let lf = found else {
            scanFrom = buffer.count
            if buffer.count - start > limit { throw tooLong() }
            return nil
        }
        if lf + 1 - start > limit { throw tooLong() }
        guard lf > start, buffer[lf - 1] == 0x0D else {
            throw .badRequest("bare_lf", "Lines must end in CRLF, not a bare LF.")
        }
        return lf - 1
    }

    /// Consumes the line whose CR is at `crIndex`.
    @inline(__always)
    private mutating func consumeLine(crIndex: Int) {
        start = crIndex + 2
        scanFrom = start
    }

    /// Returns false when more bytes are needed.
    private mutating func parseRequestLine() throws(ParseError) -> Bool {
        while true {
            let found: Int? = buffer.withUnsafeBytes { FieldSyntax.firstLF($0, from: max(scanFrom, start)) }
            guard let lf = found else {
                scanFrom = buffer.count
                // +1: a line exactly at the limit may be waiting for its LF after the CR.
                if buffer.count - start > limits.maxRequestLineBytes + 1 { throw requestLineTooLong() }
                return false
            }
            if lf - start > limits.maxRequestLineBytes + 1 { throw requestLineTooLong() }
            guard lf > start, buffer[lf - 1] == 0x0D else {
                throw .badRequest("bare_lf", "Lines must end in CRLF, not a bare LF.")
            }
            let cr = lf - 1
            if cr == start {
                // RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the
                // request-line (some clients send CRLF after a POST body).
                consumeLine(crIndex: cr)
                continue
            }
            let line = start..<cr
            try withBuffer { parser, raw throws(ParseError) in try parser.readRequestLine(raw, line) }
            consumeLine(crIndex: cr)
            phase = .headers
            return true
        }
    }

    /// RFC 9112 §3: `request-line = method SP request-target SP HTTP-version`, single spaces only.
    private mutating func readRequestLine(_ raw: UnsafeRawBufferPointer, _ line: Range<Int>) throws(ParseError) {
        var firstSpace = -1, secondSpace = -1
        for index in line {
            let byte = raw[index]
            if byte == 0x20 {
                if firstSpace < 0 {
                    firstSpace = index
                } else if secondSpace < 0 {
                    secondSpace = index
                } else {
                    throw .badRequest("invalid_request_line", "The request line has more than two spaces.")
                }
            } else if byte < 0x21 || byte > 0x7E {
                throw .badRequest("invalid_request_line", "The request line contains a control or non-ASCII byte.")
            }
        }
        guard firstSpace > line.lowerBound, secondSpace > firstSpace + 1, secondSpace < line.upperBound - 1 else {
            throw .badRequest("invalid_request_line", "The request line is not `method SP target SP version`.")
        }
        for index in line.lowerBound..<firstSpace where !FieldSyntax.isTchar(raw[index]) {
            throw .badRequest("invalid_method", "The method is not a token.")
        }
        head.version = try Self.version(raw, (secondSpace + 1)..<line.upperBound)
        head.method = HTTPMethod(rawValue: FieldSyntax.string(raw, line.lowerBound..<firstSpace))
        let target = FieldSyntax.string(raw, (firstSpace + 1)..<secondSpace)
        let first = raw[firstSpace + 1]
        if first != UInt8(ascii: "/") {
            // RFC 9112 §3.2: origin-form, absolute-form (which servers MUST accept), or "*" for
            // OPTIONS. authority-form is only for CONNECT, which a mock server has no use for.
            let asterisk = target == "*" && head.method == .options
            if !asterisk && RequestTarget.endOfScheme(Substring(target)) == nil {
                throw .badRequest("invalid_target", "The request target is not origin-form or absolute-form.")
            }
        }
        guard let split = RequestTarget.splitValidating(target) else {
            throw .badRequest("invalid_path", "The request path is not valid percent-encoded UTF-8.")
        }
        head.target = target
        head.path = split.path
        head.query = split.query
    }

    /// RFC 9112 §2.3: `HTTP-version = "HTTP/" DIGIT "." DIGIT`; well-formed but unsupported → 505.
    private static func version(_ raw: UnsafeRawBufferPointer, _ range: Range<Int>) throws(ParseError) -> HTTPVersion {
        let b = range.lowerBound
        guard range.count == 8,
              raw[b] == UInt8(ascii: "H"), raw[b + 1] == UInt8(ascii: "T"), raw[b + 2] == UInt8(ascii: "T"),
              raw[b + 3] == UInt8(ascii: "P"), raw[b + 4] == UInt8(ascii: "/"), raw[b + 6] == UInt8(ascii: "."),
              (0x30...0x39).contains(raw[b + 5]), (0x30...0x39).contains(raw[b + 7])
        else {
            throw .badRequest("invalid_version", "The HTTP version is malformed.")
        }
        let major = Int(raw[b + 5] - 0x30), minor = Int(raw[b + 7] - 0x30)
        guard major == 1, minor <= 1 else {
            throw ParseError(status: .httpVersionNotSupported, code: "http_version_not_supported",
                             message: "Only HTTP/1.0 and HTTP/1.1 are supported.")
        }
        return minor == 1 ? .http1_1 : .http1_0
    }

    /// 414 when the target is what made the request line too long, 431 otherwise.
    private func requestLineTooLong() -> ParseError {
        let limit = limits.maxRequestLineBytes
        let end = min(buffer.count, start + limit + 2)
        guard let firstSpace = buffer[start..<end].firstIndex(of: 0x20) else {
            return .headersTooLarge("The request line is longer than \(limit) bytes.")
        }
        let targetEnd = buffer[(firstSpace + 1)..<end].firstIndex(of: 0x20) ?? end
        // Still inside the target at the limit, or the target alone takes most of the line.
        if targetEnd == end || targetEnd - firstSpace > limit / 2 {
            return .uriTooLong(limit: limit)
        }
        return .headersTooLarge("The request line is longer than \(limit) bytes.")
    }

    /// Handles one field line (or the empty line ending the head); returns an event when the
    /// request is complete without a body.
    private mutating func headerLine(endingAt cr: Int) throws(ParseError) -> ParseEvent? {
        head.headerBytes += cr + 2 - start
        if cr == start {
            consumeLine(crIndex: cr)
            return try endOfHead()
        }
        if head.headers.count >= limits.maxHeaderCount {
            throw .headersTooLarge("More than \(limits.maxHeaderCount) header fields.")
        }
        let line = start..<cr
        try withBuffer { parser, raw throws(ParseError) in try parser.readField(raw, line) }
        consumeLine(crIndex: cr)
        return nil
    }

    private mutating func readField(_ raw: UnsafeRawBufferPointer, _ line: Range<Int>) throws(ParseError) {
        let (name, value) = try FieldSyntax.splitFieldLine(raw, line)
        // Framing fields are recognised by length first, then bytes, so no name is lowercased.
        switch name.count {
        case 4 where FieldSyntax.equalsIgnoringCase(raw, name, "host"):
            head.hostCount += 1
        case 6 where FieldSyntax.equalsIgnoringCase(raw, name, "expect"):
            head.expectsContinue = FieldSyntax.equalsIgnoringCase(raw, value, "100-continue")
        case 14 where FieldSyntax.equalsIgnoringCase(raw, name, "content-length"):
            let length = try Self.contentLength(raw, value)
            if let existing = head.contentLength, existing != length {
                throw .badRequest("invalid_content_length", "Content-Length headers disagree.")
            }
            head.contentLength = length
        case 16 where FieldSyntax.equalsIgnoringCase(raw, name, "content-encoding"):
            if FieldSyntax.equalsIgnoringCase(raw, value, "gzip") || FieldSyntax.equalsIgnoringCase(raw, value, "x-gzip") {
                head.gzip = true
            }
        case 17 where FieldSyntax.equalsIgnoringCase(raw, name, "transfer-encoding"):
            head.transferEncodingCount += 1
            head.chunked = FieldSyntax.equalsIgnoringCase(raw, value, "chunked")
        default:
            break
        }
        head.headers.add(FieldSyntax.string(raw, name), FieldSyntax.string(raw, value))
    }

    /// RFC 9110 §8.6: `Content-Length = 1*DIGIT`; a list of identical values ("5, 5") may be taken
    /// as one, anything else is a framing error.
    private static func contentLength(_ raw: UnsafeRawBufferPointer, _ value: Range<Int>) throws(ParseError) -> Int {
        var result: Int?
        var current = 0, digits = 0
        var index = value.lowerBound
        while true {
            let byte: UInt8 = index < value.upperBound ? raw[index] : UInt8(ascii: ",")
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                // 18 digits always fit in an Int; longer ones are far beyond any body limit.
                if digits > 18 {
                    throw ParseError(status: .payloadTooLarge, code: "body_too_large",
                                     message: "The declared Content-Length is too large.")
                }
                current = current * 10 + Int(byte - 0x30)
            } else if byte == UInt8(ascii: ",") {
                guard digits > 0 else { throw invalidContentLength }
                if let result, result != current {
                    throw .badRequest("invalid_content_length", "Content-Length lists different values.")
                }
                result = current
                current = 0
                digits = 0
                if index >= value.upperBound { break }
                index += 1
                while index < value.upperBound, FieldSyntax.isWhitespace(raw[index]) { index += 1 }
                continue
            } else if FieldSyntax.isWhitespace(byte) && digits > 0 {
                // OWS before a list comma.
            } else {
                throw invalidContentLength
            }
            index += 1
        }
        return result!
    }

    private static let invalidContentLength = ParseError.badRequest(
        "invalid_content_length", "Content-Length must be a non-negative decimal number.")

    private mutating func endOfHead() throws(ParseError) -> ParseEvent? {
        // RFC 9112 §3.2: 400 for an HTTP/1.1 request without Host, or with more than one.
        if head.hostCount > 1 || (head.hostCount == 0 && head.version == .http1_1) {
            throw .badRequest("invalid_host", "An HTTP/1.1 request needs exactly one Host header.")
        }
        if head.transferEncodingCount > 0 {
            // RFC 9112 §6.1: a message with both may be a smuggling attempt; "a server MAY reject
            // [it] ... and then close the connection". We always do.
            if head.contentLength != nil {
                throw .badRequest("conflicting_framing", "Both Content-Length and Transfer-Encoding are present.")
            }
            // RFC 9112 §6.1: Transfer-Encoding in HTTP/1.0 means the framing is faulty.
            if head.version == .http1_0 {
                throw .badRequest("invalid_transfer_encoding", "Transfer-Encoding is not defined for HTTP/1.0.")
            }
            // RFC 9112 §6.1: a server "SHOULD respond with 501" to a coding it does not understand.
            // Only a single, plain `chunked` is understood.
            guard head.chunked, head.transferEncodingCount == 1 else {
                throw ParseError(status: .notImplemented, code: "unsupported_transfer_encoding",
                                 message: "Only `Transfer-Encoding: chunked` is supported.")
            }
            chunkedDecoder = ChunkedDecoder(maxBodyBytes: limits.maxBodyBytes,
                                            maxTrailerBytes: max(0, limits.maxHeaderBytes - head.headerBytes),
                                            maxTrailerCount: limits.maxHeaderCount)
            phase = .chunkedBody
            head.expectsContinue = head.expectsContinue && head.version == .http1_1
            return nil
        }
        let length = head.contentLength ?? 0
        if length > limits.maxBodyBytes { throw .bodyTooLarge(limit: limits.maxBodyBytes) }
        if length == 0 {
            return .request(try finish(body: []))
        }
        // RFC 9110 §10.1.1: a server ignores 100-continue from an HTTP/1.0 client.
        head.expectsContinue = head.expectsContinue && head.version == .http1_1
        // Capped: a client can claim 10 MiB and send nothing, and thousands of idle connections
        // must not each pin that much; past the cap the array grows geometrically.
        buffer.reserveCapacity(start + min(length, Self.bodyReservationCap))
        phase = .fixedBody(length: length)
        return nil
    }

    private mutating func finish(body: [UInt8]) throws(ParseError) -> HTTPRequest {
        var finished = head
        head = Head()
        phase = .requestLine
        continueSent = false
        var body = body
        if finished.gzip {
            // The handler sees the body as if it had been sent plain.
            finished.headers.remove("Content-Encoding")
            if !body.isEmpty {
                do {
                    body = try Gzip.decompress(body, limit: limits.maxBodyBytes)
                } catch .limitExceeded {
                    throw .bodyTooLarge(limit: limits.maxBodyBytes)
                } catch {
                    throw .badRequest("invalid_body_encoding", "The gzip request body is corrupt: \(error).")
                }
            }
            if finished.contentLength != nil { finished.headers.set("Content-Length", String(body.count)) }
        }
        var request = HTTPRequest(method: finished.method, target: finished.target, path: finished.path,
                                  query: finished.query, version: finished.version,
                                  headers: finished.headers, body: body)
        request.trailers = finished.trailers
        return request
    }
}
