import ArgumentParser
import App

/// The flags of `buildermock serve`. Each is optional here so that an unset flag can fall back to
/// its `BUILDERMOCK_*` variable and then to the default (see `AppConfiguration.init(options:environment:)`).
struct ServeOptions: ParsableArguments {
    @Option(help: "Address to bind (BUILDERMOCK_HOST; default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on; 0 picks a free one and the first log line names it (BUILDERMOCK_PORT; default 8080).")
    var port: Int?

    @Option(help: "SQLite database file, or :memory: for a throwaway run (BUILDERMOCK_DB; default ./buildermock.sqlite).")
    var db: String?

    @Option(name: .customLong("public-url"),
            help: "Base URL of generated links such as preview_url and downloadUrl (BUILDERMOCK_PUBLIC_URL; default http://HOST:PORT).")
    var publicURL: String?

    @Option(name: .customLong("log-format"), help: "text or json (BUILDERMOCK_LOG_FORMAT; default text).")
    var logFormat: String?

    @Option(name: .customLong("log-level"),
            help: "trace, debug, info, notice, warning, error or critical; info logs one line per request (BUILDERMOCK_LOG_LEVEL; default info).")
    var logLevel: String?

    @Option(name: .customLong("max-body"), help: "Largest request body in bytes, after decoding; larger → 413 (BUILDERMOCK_MAX_BODY; default 10485760).")
    var maxBody: Int?

    @Option(name: .customLong("max-header"), help: "Largest request header section in bytes; larger → 431 (BUILDERMOCK_MAX_HEADER; default 16384).")
    var maxHeader: Int?

    @Option(name: .customLong("header-timeout"), help: "Seconds a client may take to send a request's headers (BUILDERMOCK_HEADER_TIMEOUT; default 10).")
    var headerTimeout: Double?

    @Option(name: .customLong("idle-timeout"), help: "Seconds an idle keep-alive connection stays open (BUILDERMOCK_IDLE_TIMEOUT; default 60).")
    var idleTimeout: Double?

    @Option(name: .customLong("max-connections"), help: "Open connections allowed at once; more → 503 and close (BUILDERMOCK_MAX_CONNECTIONS; default 16384).")
    var maxConnections: Int?

    @Option(help: "real (wall time × --time-scale) or manual (frozen; moved by POST /__admin/clock/advance) (BUILDERMOCK_CLOCK; default real).")
    var clock: String?

    @Option(name: .customLong("time-scale"), help: "Speed of the real clock's virtual time: 0.01 makes a 1-minute step take 0.6 s (BUILDERMOCK_TIME_SCALE; default 1).")
    var timeScale: Double?

    @Option(name: .customLong("start-time"), help: "Where manual clocks start, ISO 8601 UTC (BUILDERMOCK_START_TIME; default 2026-01-01T00:00:00Z).")
    var startTime: String?

    @Option(help: "Seed of every generated id and random draw; same seed, same ids (BUILDERMOCK_SEED; default 42).")
    var seed: UInt64?

    @Option(help: "Scenario library directory (BUILDERMOCK_FIXTURES; default: the fixtures/ directory shipped with buildermock).")
    var fixtures: String?

    @Flag(help: "Strict emulation: current Buildprint models only, the vendors' documented character sets, unknown enum values rejected (BUILDERMOCK_STRICT=1).")
    var strict = false

    @Option(help: "Builder.io auth: lenient (unknown spaces with a well-formed bpk- key create themselves) or strict (the world fixture exactly) (BUILDERMOCK_AUTH; default lenient).")
    var auth: String?

    @Flag(name: .customLong("allow-private-urls"), help: "Accept app-build URLs on localhost or private networks (BUILDERMOCK_ALLOW_PRIVATE_URLS=1).")
    var allowPrivateURLs = false

    @Option(name: .customLong("rate-limit"), help: "App-builds rate limit per API key, e.g. 10/s; answers 429 with Retry-After beyond it (BUILDERMOCK_RATE_LIMIT; default off).")
    var rateLimit: String?

    @Option(name: .customLong("max-concurrent-agents"), help: "Buildprint agents running at once per workspace; more → 409 (BUILDERMOCK_MAX_CONCURRENT_AGENTS; default unlimited).")
    var maxConcurrentAgents: Int?

    @Option(name: .customLong("webhook-allow"), help: "A host webhooks may target besides loopback; repeatable (BUILDERMOCK_WEBHOOK_ALLOW, comma-separated).")
    var webhookAllow: [String] = []

    @Option(name: .customLong("admin-token"),
            help: "Require Authorization: Bearer TOKEN on /__admin (health excepted); needed to bind a non-loopback address (BUILDERMOCK_ADMIN_TOKEN).")
    var adminToken: String?

    @Flag(name: .customLong("insecure-admin"),
          help: "Bind a non-loopback address without --admin-token, leaving /__admin open to the network (BUILDERMOCK_INSECURE_ADMIN=1).")
    var insecureAdmin = false
    @Option(name: .customLong("journal-limit"), help: "Requests kept in each namespace's journal, oldest pruned; 0 turns the journal off (BUILDERMOCK_JOURNAL_LIMIT; default 10000).")
    var journalLimit: Int?
}
