public import Engine
public import HTTP
public import Logging

/// Settings of this emulated API that `buildermock serve` flags control.
public struct BuilderIOSettings: Sendable {
    /// `strict`: the world fixture exactly; `lenient`: unknown spaces with well-formed keys create themselves.
    public var strictAuth = false
    /// The world fixture (spaces, users, keys, projects); nil uses none.
    public var worldFile: String? = nil
    public init() {}
}

/// The emulated API: its routes, validation and lifecycle hooks over the engine.
public struct BuilderIOService: Sendable {
    let engine: Engine
    let settings: BuilderIOSettings
    let logger: Logger

    public init(engine: Engine, settings: BuilderIOSettings, logger: Logger) {
        self.engine = engine
        self.settings = settings
        self.logger = logger
    }

    public func register(on router: inout Router) {
        // Not built yet: see its issue. No route is registered, so its paths answer 404.
    }
}
