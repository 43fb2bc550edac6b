public import App
public import HTTP
public import JSON
public import Engine
import Foundation

/// A whole buildermock (every API, the engine, an in-memory database, the shipped fixtures) on a
/// manual clock, for service tests. `request` goes straight to the router (no sockets); `live()`
/// serves the same application on an ephemeral loopback port when a test needs real sockets.
public final class TestApp: Sendable {
    public let application: Application

    /// - Parameter configure: adjust the configuration (strict mode, a seed…) before it starts.
    public init(_ configure: (inout AppConfiguration) -> Void = { _ in }) throws {
        var configuration = AppConfiguration()
        configuration.port = 0
        configuration.databasePath = ":memory:"
        configuration.clockMode = .manual
        configuration.fixturesPath = FixturePaths.root
        configuration.publicURL = "http://127.0.0.1:8080"
        configure(&configuration)
        application = try Application(configuration: configuration, logger: LiveServer.silentLogger)
    }

    public var engine: Engine { application.engine }

    /// Sends a request through the middleware and router, as the server would.
    public func request(_ method: HTTPMethod, _ target: String, headers: HTTPHeaders = [:],
                        body: [UInt8] = []) async -> HTTPResponse {
        var headers = headers
        if !headers.contains("Host") { headers.add("Host", "127.0.0.1") }
        if !body.isEmpty && !headers.contains("Content-Length") { headers.add("Content-Length", String(body.count)) }
        return await application.responder.respond(to: HTTPRequest(method: method, target: target, headers: headers, body: body))
    }

    /// Sends a JSON body (given as a value) with a bearer token.
    public func request(_ method: HTTPMethod, _ target: String, token: String? = "test-token",
                        json: JSONValue? = nil, headers extra: HTTPHeaders = [:]) async -> HTTPResponse {
        var headers = extra
        if let token { headers.add("Authorization", "Bearer \(token)") }
        var body: [UInt8] = []
        if let json {
            headers.add("Content-Type", "application/json")
            body = Array(json.serialized().utf8)
        }
        return await request(method, target, headers: headers, body: body)
    }

    /// Moves the clock of `namespace` forward and returns the transitions that ran.
    @discardableResult
    public func advance(_ span: String, namespace: String) async throws -> [AppliedTransition] {
        guard let ms = Self.milliseconds(span) else { throw TestAppError.badSpan(span) }
        return try await engine.advance(namespace: namespace, by: ms)
    }

    /// The namespace a bearer token maps to.
    public static func namespace(forToken token: String) -> String { NamespaceResolver.namespace(forToken: token) }

    static func milliseconds(_ span: String) -> Int64? {
        var total: Int64 = 0
        var number = ""
        var rest = Substring(span)
        while let c = rest.first {
            if c.isNumber { number.append(c); rest.removeFirst(); continue }
            guard let value = Int64(number) else { return nil }
            number = ""
            if rest.hasPrefix("ms") { total += value; rest.removeFirst(2) }
            else if rest.hasPrefix("s") { total += value * 1000; rest.removeFirst() }
            else if rest.hasPrefix("m") { total += value * 60_000; rest.removeFirst() }
            else if rest.hasPrefix("h") { total += value * 3_600_000; rest.removeFirst() }
            else { return nil }
        }
        return number.isEmpty ? total : nil
    }
}

/// Why a test helper refused.
public enum TestAppError: Error { case badSpan(String) }

/// Where the checkout's fixtures are, found from this file's path.
public enum FixturePaths {
    public static var root: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures").path
    }
}

extension HTTPResponse {
    /// The body parsed as JSON (nil if it is not JSON).
    public var json: JSONValue? { JSONValue.parse(body) }
    public var text: String { String(decoding: body, as: UTF8.self) }
}
