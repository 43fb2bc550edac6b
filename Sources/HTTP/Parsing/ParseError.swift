/// Why a request could not be parsed, with the status the server answers before closing.
public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 400, 413, 414, 431, 501 (unsupported Transfer-Encoding) or 505.
    public let status: HTTPStatus
    /// Machine-readable code for the JSON error body, e.g. "header_too_large".
    public let code: String
    public let message: String

    public init(status: HTTPStatus, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// The core's JSON error answer; the server adds `Connection: close` and then closes.
    public var response: HTTPResponse {
        .coreError(status, code: code, message: message)
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    static func badRequest(_ code: String, _ message: String) -> ParseError {
        ParseError(status: .badRequest, code: code, message: message)
    }
    static func bodyTooLarge(limit: Int) -> ParseError {
        ParseError(status: .payloadTooLarge, code: "body_too_large",
                   message: "The request body exceeds the limit of \(limit) bytes.")
    }
    static func headersTooLarge(_ message: String) -> ParseError {
        ParseError(status: .headerFieldsTooLarge, code: "header_too_large", message: message)
    }
    static func uriTooLong(limit: Int) -> ParseError {
        ParseError(status: .uriTooLong, code: "uri_too_long",
                   message: "The request target makes the request line longer than \(limit) bytes.")
    }
}

/// Every limit the parser enforces; each one is configurable because tests and operators need
/// different values from the defaults.
public struct ParserLimits: Sendable, Equatable {
    /// A longer request line is answered 414 (when the target made it long) or 431.
    public var maxRequestLineBytes: Int
    /// The whole header section (field lines and the empty line), 431 beyond it.
    public var maxHeaderBytes: Int
    /// Field lines per request, 431 beyond it.
    public var maxHeaderCount: Int
    /// The body after chunked and gzip decoding, 413 beyond it.
    public var maxBodyBytes: Int

    public init(maxRequestLineBytes: Int = 8192, maxHeaderBytes: Int = 16384,
                maxHeaderCount: Int = 100, maxBodyBytes: Int = 10 << 20) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
    }
}

/// What `RequestParser.next()` found.
public enum ParseEvent: Sendable {
    /// Nothing complete is buffered; append more bytes.
    case needMoreData
    /// The head is done, it carried `Expect: 100-continue`, and the body is not here yet: the server
    /// writes "HTTP/1.1 100 Continue\r\n\r\n" once, then keeps reading. Emitted at most once per request.
    case expectContinue
    /// A complete request; chunked and `Content-Encoding: gzip` bodies are already decoded.
    case request(HTTPRequest)
    /// The parser is dead: write `error.response` with `Connection: close`, then close.
    case error(ParseError)
}
