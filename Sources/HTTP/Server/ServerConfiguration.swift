/// Everything an `HTTPServer` can be told: where to listen, limits, timeouts and shutdown grace.
public struct ServerConfiguration: Sendable {
    /// A numeric IPv4 or IPv6 address (`127.0.0.1`, `::1`, `0.0.0.0`).
    public var host: String
    /// 0 lets the kernel pick a free port; `HTTPServer.start()` returns the one bound.
    public var port: Int
    public var limits: ParserLimits
    /// Seconds from the first byte of a request until it is complete (slowloris guard); 408, then close.
    public var headerReadTimeout: Double
    /// Seconds a keep-alive connection may stay idle between requests before it is closed.
    public var idleTimeout: Double
    /// Open connections beyond which new ones get a 503 `too_many_connections` and are closed.
    public var maxConnections: Int
    public var backlog: Int
    public var serverName: String
    public var gzipMinimumBytes: Int
    /// Seconds `shutdown()` waits for in-flight requests before closing their connections anyway.
    public var shutdownGracePeriod: Double

    public init(host: String = "127.0.0.1", port: Int = 8080, limits: ParserLimits = ParserLimits(),
                headerReadTimeout: Double = 10, idleTimeout: Double = 60,
                maxConnections: Int = 16384, backlog: Int = 1024, serverName: String = "buildermock",
                gzipMinimumBytes: Int = 1024, shutdownGracePeriod: Double = 10) {
        self.host = host
        self.port = port
        self.limits = limits
        self.headerReadTimeout = headerReadTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.backlog = backlog
        self.serverName = serverName
        self.gzipMinimumBytes = gzipMinimumBytes
        self.shutdownGracePeriod = shutdownGracePeriod
    }
}
