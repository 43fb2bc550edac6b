public import Engine
public import HTTP
public import Logging

/// Settings of this emulated API that `buildermock serve` flags control.
public struct BuildprintSettings: Sendable {
    /// Accept only the current model list (not the legacy ids).
    public var strictModels = false
    /// Concurrent agents per workspace; nil means unlimited (the default).
    public var maxConcurrentAgents: Int? = nil
    /// The world fixture (workspaces, tokens, apps); nil uses none.
    public var worldFile: String? = nil
    /// Hosts webhook deliveries may target besides loopback.
    public var webhookAllow: [String] = []
    public init() {}
}

/// The emulated API: its routes, validation and lifecycle hooks over the engine.
public struct BuildprintService: Sendable {
    let engine: Engine
    let settings: BuildprintSettings
    let logger: Logger

    public init(engine: Engine, settings: BuildprintSettings, logger: Logger) {
        self.engine = engine
        self.settings = settings
        self.logger = logger
    }

    public func register(on router: inout Router) {
        // Not built yet: see its issue. No route is registered, so its paths answer 404.
    }
}
