/// A request for `HTTPClient`: the client adds Host, Content-Length, User-Agent and `Connection: close`.
public struct ClientRequest: Sendable {
    public var method: HTTPMethod
    /// Origin-form target: path and query.
    public var target: String
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(method: HTTPMethod = .get, target: String = "/", headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
    }
}

/// A complete response as received: chunked bodies are already decoded, content codings are not.
public struct ClientResponse: Sendable {
    public var status: HTTPStatus
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Trailer fields of a chunked body (RFC 9112 §7.1.2).
    public var trailers: HTTPHeaders

    public init(status: HTTPStatus, version: HTTPVersion = .http1_1, headers: HTTPHeaders = [:],
                body: [UInt8] = [], trailers: HTTPHeaders = [:]) {
        self.status = status
        self.version = version
        self.headers = headers
        self.body = body
        self.trailers = trailers
    }

    /// The body as UTF-8 text (invalid sequences repaired).
    public var text: String { String(decoding: body, as: UTF8.self) }
}
