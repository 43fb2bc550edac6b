public import HTTP
import Engine

/// Everything `buildermock serve` can be told, resolved and checked (see `BuildermockCLI` for how
/// flags, `BUILDERMOCK_*` variables and defaults are layered).
public struct AppConfiguration: Sendable, Equatable {
    /// How responses and lifecycle timestamps get their time.
    public enum ClockMode: String, Sendable, CaseIterable {
        /// Wall time scaled by `timeScale`.
        case real
        /// Frozen until moved through `/__admin/clock/advance`.
        case manual
    }

    /// How log lines are written.
    public enum LogFormat: String, Sendable, CaseIterable {
        case text
        case json
    }

    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    /// SQLite file; `:memory:` for a throwaway run.
    public var databasePath: String = "./buildermock.sqlite"
    /// Base of every URL the server hands out; nil means `http://HOST:PORT` with the bound port.
    public var publicURL: String?
    public var logFormat: LogFormat = .text
    public var logLevel: String = "info"
    public var maxBodyBytes: Int = 10 << 20
    public var maxHeaderBytes: Int = 16 << 10
    public var headerReadTimeout: Double = 10
    public var idleTimeout: Double = 60
    public var maxConnections: Int = 16_384
    public var clockMode: ClockMode = .real
    public var timeScale: Double = 1.0
    /// Start of every namespace's manual clock, in Unix milliseconds (default 2026-01-01T00:00:00Z).
    public var startTimeMs: Int64 = 1_767_225_600_000
    public var seed: UInt64 = 42
    /// Fixtures root (`scenarios/`, `world/`); nil means the fixtures shipped with this checkout or binary.
    public var fixturesPath: String?
    /// Strict emulation: only the vendors' current model lists, their documented character sets, and
    /// unknown enum values rejected; the default is lenient where the vendors' docs are loose.
    public var strict = false
    /// Builder.io auth: the world fixture exactly (`true`), or spaces created on first use.
    public var strictAuth = false
    /// Accept app-build URLs on localhost or private networks.
    public var allowPrivateURLs = false
    /// App-builds requests per second per API key; nil is off.
    public var rateLimitPerSecond: Double?
    /// Buildprint concurrent agents per workspace; nil is unlimited.
    public var maxConcurrentAgents: Int?
    /// Hosts webhooks may target besides loopback.
    public var webhookAllow: [String] = []
    /// When set, every `/__admin/*` request except health needs `Authorization: Bearer TOKEN`.
    public var adminToken: String?
    /// Serve `/__admin` without a token on a non-loopback address, on purpose.
    public var insecureAdmin = false
    /// Journal entries kept per namespace; the oldest are pruned.
    public var journalLimit: Int = 10_000

    public init() {}

    /// Why this configuration must not start, or nil: a non-loopback bind exposes `/__admin` (reset,
    /// clock, webhook secrets) to the network, so it needs a token or an explicit `--insecure-admin`.
    public var adminExposureProblem: String? {
        if let adminToken, adminToken.isEmpty { return "the admin token must not be empty" }
        guard !Self.isLoopback(host), adminToken == nil, !insecureAdmin else { return nil }
        return "binding \(host) exposes /__admin beyond this machine: pass --admin-token TOKEN "
            + "(or BUILDERMOCK_ADMIN_TOKEN) to require it, or --insecure-admin to serve /__admin unprotected"
    }

    /// Loopback addresses: `localhost`, 127.0.0.0/8 and `::1` — the same test the webhook guard uses.
    public static func isLoopback(_ host: String) -> Bool {
        WebhookTarget.isLoopback(host)
    }

    /// A secret as logs may show it: its first four characters and its length.
    public static func redacted(_ secret: String) -> String {
        "\(secret.prefix(4))… (\(secret.count) characters)"
    }

    /// The public base URL once the real port is known (port 0 is resolved at bind time).
    public func resolvedPublicURL(boundPort: Int) -> String {
        if let publicURL { return publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL }
        let shownHost = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
        return "http://\(shownHost.contains(":") ? "[\(shownHost)]" : shownHost):\(boundPort)"
    }

    /// The HTTP core's share of the configuration.
    public var serverConfiguration: ServerConfiguration {
        var server = ServerConfiguration()
        server.host = host
        server.port = port
        server.limits = ParserLimits(maxHeaderBytes: maxHeaderBytes, maxBodyBytes: maxBodyBytes)
        server.headerReadTimeout = headerReadTimeout
        server.idleTimeout = idleTimeout
        server.maxConnections = maxConnections
        server.serverName = "buildermock/\(BuildInfo.version)"
        return server
    }
}

/// The version this binary reports (`buildermock version`, the `Server` header, health).
public enum BuildInfo {
    public static let version = "0.1.0"
}
