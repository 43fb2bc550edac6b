public import Engine
public import HTTP
public import Logging

/// Settings of this emulated API that `buildermock serve` flags control.
public struct AppBuildsSettings: Sendable {
    /// Reject what the vendor docs forbid but the lenient default lets through (bundle id charset, unknown permissions).
    public var strict = false
    /// Accept build URLs on localhost or private networks.
    public var allowPrivateURLs = false
    /// Requests per second per API key; nil turns rate limiting off.
    public var rateLimitPerSecond: Double? = nil
    /// Lifetime of signed download URLs, in seconds of the namespace clock.
    public var downloadTTLSeconds: Int64 = 3_600
    /// Parallel build slots per namespace.
    public var buildSlots = 2
    public init() {}
}

/// The emulated API: its routes, validation and lifecycle hooks over the engine.
public struct AppBuildsService: Sendable {
    let engine: Engine
    let settings: AppBuildsSettings
    let logger: Logger

    public init(engine: Engine, settings: AppBuildsSettings, logger: Logger) {
        self.engine = engine
        self.settings = settings
        self.logger = logger
    }

    public func register(on router: inout Router) {
        // Not built yet: see its issue. No route is registered, so its paths answer 404.
    }
}
