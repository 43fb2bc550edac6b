public import HTTP
public import JSON

/// Talks to one running buildermock over loopback HTTP: a JSON body out, the status and JSON body back.
/// The demo drives the server only through its public and admin APIs, exactly as a user's test would.
public struct DemoClient: Sendable {
    public let host: String
    public let port: Int
    let client = HTTPClient(userAgent: "buildermock-demo")
    /// Seconds allowed for one exchange; the manual clock makes every call quick.
    let timeout: Double = 10

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `http://HOST:PORT` with an optional path, or nil when it is not such a URL.
    public init?(url: String) {
        guard url.hasPrefix("http://") else { return nil }
        var rest = url.dropFirst("http://".count)
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let port = Int(parts[1]), (1...65535).contains(port) else { return nil }
        self.init(host: String(parts[0]), port: port)
    }

    /// One request. `headers` are sent as given; a JSON body adds `Content-Type: application/json`.
    public func send(_ method: HTTPMethod, _ target: String, headers: [(String, String)] = [],
                     json: JSONValue? = nil) async throws(DemoError) -> DemoReply {
        var fields = HTTPHeaders(headers.map { (name: $0.0, value: $0.1) })
        var body: [UInt8] = []
        if let json {
            fields.set("Content-Type", "application/json")
            body = Array(json.serialized().utf8)
        }
        let response: ClientResponse
        do {
            response = try await client.send(ClientRequest(method: method, target: target, headers: fields, body: body),
                                             to: host, port: port, timeout: timeout)
        } catch {
            throw DemoError.transport("\(method.rawValue) \(target): \(error)")
        }
        return DemoReply(status: response.status.code, body: JSONValue.parse(response.body), text: response.text,
                         byteCount: response.body.count)
    }

    /// Like `send`, but anything other than a 2xx is an error naming the call and the answer.
    public func expectSuccess(_ method: HTTPMethod, _ target: String, headers: [(String, String)] = [],
                              json: JSONValue? = nil) async throws(DemoError) -> JSONValue {
        let reply = try await send(method, target, headers: headers, json: json)
        guard (200..<300).contains(reply.status), let body = reply.body else {
            throw DemoError.unexpected("\(method.rawValue) \(target) answered \(reply.status): \(reply.text.prefix(300))")
        }
        return body
    }
}

/// What the server answered to one demo call.
public struct DemoReply: Sendable {
    public var status: Int
    /// The body parsed as JSON, or nil when it is not JSON.
    public var body: JSONValue?
    public var text: String
    public var byteCount: Int
}

/// Why a demo tour stopped.
public enum DemoError: Error, CustomStringConvertible {
    case transport(String)
    case unexpected(String)
    case stuck(String)
    case unknownTour(String)

    public var description: String {
        switch self {
        case .transport(let message): "cannot reach the server: \(message)"
        case .unexpected(let message): "unexpected answer: \(message)"
        case .stuck(let message): "the lifecycle did not finish: \(message)"
        case .unknownTour(let name): "no tour named \"\(name)\"; tours: \(DemoTour.all.map(\.name).joined(separator: ", "))"
        }
    }
}
