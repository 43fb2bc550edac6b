/// A response produced by a handler. The writer adds `Content-Length`, `Date` (unless the handler set
/// one: emulated APIs date responses by their namespace clock), `Server` and `Connection`.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// How the bytes go out: normally, or bent by an injected fault.
    public var delivery: Delivery
    /// The fault that bent this response, by name, for the journal; never sent to the client.
    public var appliedFault: String?
    /// The pattern of the route that answered ("/api/v1/builds/:id"), set by `Router`; nil when no
    /// route did (404, 405, or a middleware answered in its place). Never sent to the client.
    public var route: String?
    /// When set, the body is produced over time and `body` is ignored; see `ResponseStream`.
    public var stream: ResponseStream?

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: [UInt8] = [],
                delivery: Delivery = .normal) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delivery = delivery
    }

    /// A response with a UTF-8 body and the given content type.
    public init(status: HTTPStatus = .ok, contentType: String, text: String, headers: HTTPHeaders = [:]) {
        var headers = headers
        headers.set("Content-Type", contentType)
        self.init(status: status, headers: headers, body: Array(text.utf8))
    }

    /// A JSON response from already-encoded UTF-8 bytes.
    public static func json(_ status: HTTPStatus = .ok, bytes: [UInt8], headers: HTTPHeaders = [:]) -> HTTPResponse {
        var headers = headers
        headers.set("Content-Type", "application/json")
        return HTTPResponse(status: status, headers: headers, body: bytes)
    }

    /// A JSON response from already-encoded UTF-8 text.
    public static func json(_ status: HTTPStatus = .ok, _ text: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "application/json", text: text, headers: headers)
    }

    /// The core's own error body: `{"error":{"code":…,"message":…}}`.
    public static func coreError(_ status: HTTPStatus, code: String, message: String,
                                 headers: HTTPHeaders = [:]) -> HTTPResponse {
        .json(status, #"{"error":{"code":"\#(JSONText.escape(code))","message":"\#(JSONText.escape(message))"}}"#,
              headers: headers)
    }
}

/// How a response's bytes reach the client. Anything but `.normal` is an injected fault, carried
/// out by the connection (see BRIEF §6).
public enum Delivery: Sendable, Equatable {
    case normal
    /// Wait before writing anything.
    case delay(seconds: Double)
    /// Abort with a TCP RST (SO_LINGER 0, then close).
    case reset
    /// Close without writing a byte.
    case emptyClose
    /// Write the head (with the full Content-Length) and only `bytes` of the body, then close.
    case truncate(bytes: Int)
    /// Write the body in chunks of `chunkBytes`, waiting `intervalSeconds` between them.
    case drip(chunkBytes: Int, intervalSeconds: Double)
    /// Write nothing and keep the connection open until the client closes or `maxSeconds` pass.
    case hang(maxSeconds: Double)
}

/// Minimal JSON string escaping for bodies the core writes itself (RFC 8259 §7).
public enum JSONText {
    public static func escape(_ string: String) -> String {
        // Most text (header values, ids, messages) needs no escape at all: hand it back uncopied.
        guard string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            return string
        }
        var out = ""
        out.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
