/// An incremental parser for HTTP/1.1 responses, fed bytes as they arrive: status line, header
/// fields, then the body framed as RFC 9112 §6.3 says (no body for HEAD/1xx/204/304, chunked,
/// Content-Length, or everything until the server closes). Interim 1xx responses are skipped.
/// After a complete response the parser starts on the next one, so it also reads pipelined answers.
public struct ResponseParser: Sendable {
    /// The method of the request being answered (a HEAD answer has headers only).
    public var requestMethod: HTTPMethod
    private let maxBodyBytes: Int
    private let maxHeadBytes: Int
    private var buffer: [UInt8] = []
    private var index = 0
    private var state = State.head
    private var head: Head?

    private struct Head: Sendable {
        var status: HTTPStatus
        var version: HTTPVersion
        var headers: HTTPHeaders
    }

    private enum State: Sendable {
        case head
        case fixed(remaining: Int, body: [UInt8])
        case chunked(ChunkedDecoder)
        case untilClose(body: [UInt8])
    }

    public init(requestMethod: HTTPMethod = .get, maxBodyBytes: Int = 64 << 20, maxHeadBytes: Int = 64 << 10) {
        self.requestMethod = requestMethod
        self.maxBodyBytes = maxBodyBytes
        self.maxHeadBytes = maxHeadBytes
    }

    /// Bytes received and not yet consumed by a complete response.
    public var bufferedByteCount: Int { buffer.count - index }

    /// Whether part of a response has been received.
    public var hasPartialResponse: Bool {
        if case .head = state { return bufferedByteCount > 0 }
        return true
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// The next complete response, or nil when more bytes are needed.
    public mutating func next() throws(HTTPClientError) -> ClientResponse? {
        while true {
            switch state {
            case .head:
                guard let parsed = try parseHead() else { return nil }
                if parsed.status.code / 100 == 1 && parsed.status.code != 101 {
                    continue  // RFC 9110 §15.2: interim responses precede the final one
                }
                head = parsed
                state = try framing(for: parsed)
                if case .fixed(0, _) = state { return complete(body: [], trailers: [:]) }
            case .fixed(let remaining, var body):
                let take = min(remaining, buffer.count - index)
                guard take > 0 else { return nil }
                state = .head  // drop the state's reference so the append does not copy the body
                body.append(contentsOf: buffer[index..<(index + take)])
                index += take
                if take == remaining { return complete(body: body, trailers: [:]) }
                state = .fixed(remaining: remaining - take, body: body)
                return nil
            case .chunked(var decoder):
                let start = index
                let result: Result<Int, ParseError> = buffer.withUnsafeBytes { raw in
                    do throws(ParseError) {
                        return .success(try decoder.decode(UnsafeRawBufferPointer(rebasing: raw[start...])))
                    } catch {
                        return .failure(error)
                    }
                }
                let used: Int
                switch result {
                case .success(let count): used = count
                case .failure(let error):
                    throw error.status == .payloadTooLarge
                        ? .responseTooLarge(limit: maxBodyBytes)
                        : .malformedResponse("chunked body: \(error.message)")
                }
                index += used
                if decoder.isComplete {
                    let trailers = decoder.trailers
                    return complete(body: decoder.takeBody(), trailers: trailers)
                }
                state = .chunked(decoder)
                return nil
            case .untilClose(var body):
                state = .head
                body.append(contentsOf: buffer[index...])
                index = buffer.count
                if body.count > maxBodyBytes { throw .responseTooLarge(limit: maxBodyBytes) }
                state = .untilClose(body: body)
                return nil
            }
        }
    }

    /// The server closed the connection: completes a body read until close, or fails.
    public mutating func finish() throws(HTTPClientError) -> ClientResponse {
        if let response = try next() { return response }
        if case .untilClose(let body) = state { return complete(body: body, trailers: [:]) }
        throw .closedEarly(receivedBytes: buffer.count)
    }

    // MARK: Private

    private mutating func complete(body: [UInt8], trailers: HTTPHeaders) -> ClientResponse {
        let head = self.head!
        self.head = nil
        state = .head
        return ClientResponse(status: head.status, version: head.version, headers: head.headers,
                              body: body, trailers: trailers)
    }

    /// RFC 9112 §6.3, in its order of precedence.
    private func framing(for head: Head) throws(HTTPClientError) -> State {
        let code = head.status.code
        if requestMethod == .head || code == 204 || code == 304 || code / 100 == 1 {
            return .fixed(remaining: 0, body: [])
        }
        if let coding = head.headers["Transfer-Encoding"] {
            let last = coding.split(separator: ",").last.map { $0.trimmingSpaces().lowercased() }
            guard last == "chunked" else { return .untilClose(body: []) }
            return .chunked(ChunkedDecoder(maxBodyBytes: maxBodyBytes))
        }
        let lengths = head.headers.values(for: "Content-Length")
        if let first = lengths.first {
            guard lengths.allSatisfy({ $0 == first }), let length = Int(first), length >= 0 else {
                throw .malformedResponse("invalid Content-Length \(lengths)")
            }
            if length > maxBodyBytes { throw .responseTooLarge(limit: maxBodyBytes) }
            return .fixed(remaining: length, body: [])
        }
        return .untilClose(body: [])
    }

    /// Parses a status line and header section once the empty line has arrived. Lines may end in
    /// CRLF or, leniently, a bare LF (RFC 9112 §2.2 allows recipients to accept it).
    private mutating func parseHead() throws(HTTPClientError) -> Head? {
        guard let end = headEnd() else {
            if bufferedByteCount > maxHeadBytes { throw .malformedResponse("head larger than \(maxHeadBytes) bytes") }
            return nil
        }
        // Split on LF bytes, not on Characters: in a Swift String "\r\n" is one Character.
        var lines: [Substring] = []
        for line in buffer[index..<end.headEnd].split(separator: 0x0A, omittingEmptySubsequences: false) {
            let trimmed = line.last == 0x0D ? line.dropLast() : line
            lines.append(Substring(String(decoding: trimmed, as: UTF8.self)))
        }
        index = end.bodyStart
        guard let statusLine = lines.first else { throw .malformedResponse("empty head") }
        // status-line = HTTP-version SP status-code SP [ reason-phrase ]  (RFC 9112 §4)
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), parts[0].count == 8,
              let major = parts[0].dropFirst(5).first?.wholeNumberValue,
              let minor = parts[0].last?.wholeNumberValue,
              parts[1].count == 3, let code = Int(parts[1])
        else { throw .malformedResponse("bad status line \"\(statusLine)\"") }
        let reason = parts.count > 2 ? String(parts[2]) : nil
        var headers = HTTPHeaders()
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw .malformedResponse("header line without colon") }
            headers.add(String(line[..<colon]), String(line[line.index(after: colon)...].trimmingSpaces()))
        }
        return Head(status: HTTPStatus(code, reason), version: HTTPVersion(major: major, minor: minor), headers: headers)
    }

    /// Where the head ends (before its final empty line) and the body starts.
    private func headEnd() -> (headEnd: Int, bodyStart: Int)? {
        var i = index
        while i < buffer.count {
            if buffer[i] == 0x0A {
                // An LF followed by LF or CRLF ends the head.
                if i + 1 < buffer.count, buffer[i + 1] == 0x0A { return (i, i + 2) }
                if i + 2 < buffer.count, buffer[i + 1] == 0x0D, buffer[i + 2] == 0x0A { return (i, i + 3) }
            }
            i += 1
        }
        return nil
    }

    private mutating func compact() {
        if index > 0 && index == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            index = 0
        } else if index > 4096 && index > buffer.count / 2 {
            buffer.removeSubrange(0..<index)
            index = 0
        }
    }
}
