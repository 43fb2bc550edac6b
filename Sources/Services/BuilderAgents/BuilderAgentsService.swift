public import Engine
public import HTTP
public import Logging

/// Settings of this emulated API that `buildermock serve` flags control.
public struct BuilderAgentsSettings: Sendable {
    /// Reserved for stricter validation modes.
    public var strict = false
    public init() {}
}

/// The emulated API: its routes, validation and lifecycle hooks over the engine.
public struct BuilderAgentsService: Sendable {
    let engine: Engine
    let settings: BuilderAgentsSettings
    let logger: Logger

    public init(engine: Engine, settings: BuilderAgentsSettings, logger: Logger) {
        self.engine = engine
        self.settings = settings
        self.logger = logger
    }

    public func register(on router: inout Router) {
        // Not built yet: see its issue. No route is registered, so its paths answer 404.
    }
}
