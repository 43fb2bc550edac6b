public import HTTP
public import Logging

/// Runs a real `HTTPServer` on 127.0.0.1 and a kernel-chosen port for the length of a test, and
/// always shuts it down, whatever the test body does.
public enum LiveServer {
    /// A logger that drops everything, for servers whose logs a test does not inspect.
    public static let silentLogger = Logger(label: "buildermock.test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A configuration for tests: port 0 and short shutdown grace.
    public static func configuration(_ adjust: (inout ServerConfiguration) -> Void = { _ in }) -> ServerConfiguration {
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0, shutdownGracePeriod: 2)
        adjust(&configuration)
        return configuration
    }

    /// Starts a server with `responder`, passes it and its port to `body`, then shuts it down.
    public static func run<T>(
        configuration: ServerConfiguration = LiveServer.configuration(),
        responder: any HTTPResponder,
        logger: Logger = LiveServer.silentLogger,
        _ body: (_ server: HTTPServer, _ port: Int) async throws -> T
    ) async throws -> T {
        let server = HTTPServer(configuration: configuration, responder: responder, logger: logger)
        let port = try server.start()
        do {
            let result = try await body(server, port)
            await server.shutdown()
            return result
        } catch {
            await server.shutdown()
            throw error
        }
    }

    /// The same with a closure as the responder.
    public static func run<T>(
        configuration: ServerConfiguration = LiveServer.configuration(),
        respond: @escaping @Sendable (HTTPRequest) async -> HTTPResponse,
        _ body: (_ server: HTTPServer, _ port: Int) async throws -> T
    ) async throws -> T {
        try await run(configuration: configuration, responder: ClosureResponder(respond), body)
    }
}
