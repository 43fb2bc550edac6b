public import HTTP
public import Logging
public import Engine
import Admin
import AppBuilds
import BuilderAgents
import BuilderIO
import Buildprint
import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON
import Scenarios
import Store

/// The whole server wired together: store, scenario catalog, engine and scheduler behind the HTTP
/// core and the router table. `start()` and `shutdown()` are what the CLI and the tests call.
public final class Application: Sendable {
    public let configuration: AppConfiguration
    public let engine: Engine
    let logger: Logger
    let server: HTTPServer
    /// The whole request pipeline (middleware and router), for in-process tests that skip sockets.
    public let responder: any HTTPResponder
    let scheduler: JobScheduler
    let store: Store
    /// Every route the router answers, for checks that documents describe exactly these.
    public let routes: [Router.Route]

    /// Opens the database and loads the scenario library; throws `StartupError` when either fails,
    /// so a server never starts on invalid fixtures.
    public init(configuration: AppConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        if let problem = configuration.adminExposureProblem { throw StartupError.adminExposed(problem) }
        let startedAt = DispatchTime.now()
        let fixtures = try FixtureLocator.root(configured: configuration.fixturesPath)
        let catalog: ScenarioCatalog
        do {
            catalog = try ScenarioCatalog.load(directory: fixtures + "/scenarios")
        } catch {
            throw StartupError.invalidScenarios(directory: fixtures + "/scenarios", errors: error.errors.map(\.description))
        }
        do {
            store = try Store(path: configuration.databasePath)
        } catch {
            throw StartupError.database(path: configuration.databasePath, message: "\(error)")
        }
        let clock = ClockSettings(mode: configuration.clockMode == .manual ? .manual : .real,
                                  timeScale: configuration.timeScale,
                                  manualStart: Timestamp(unixMilliseconds: configuration.startTimeMs))
        engine = Engine(store: store, catalog: catalog,
                        configuration: EngineConfiguration(clock: clock, seed: configuration.seed,
                                                           publicURL: configuration.resolvedPublicURL(boundPort: configuration.port),
                                                           journal: JournalSettings(limit: configuration.journalLimit)),
                        logger: logger)
        scheduler = JobScheduler(engine: engine)
        var router = Router()
        AdminRoutes(engine: engine, health: HealthInfo(version: BuildInfo.version, startedAt: startedAt)).register(on: &router)
        let engine = self.engine
        JournalRoutes(engine: engine, sessionSettings: { configuration.sessionSettings(publicURL: engine.publicURL) })
            .register(on: &router)
        let requestMetrics = RequestMetrics()
        MetricsRoutes(engine: engine, requests: requestMetrics, startedAt: startedAt).register(on: &router)
        let (registrations, buildprintOpenAPI) = Self.services(configuration: configuration, fixtures: fixtures,
                                                               engine: engine, logger: logger)
        registrations.forEach { $0(&router) }
        OpenAPIRoutes(documents: OpenAPIDocuments.all.map { entry in
            let name = entry.name
            let text = name == "buildprint" ? buildprintOpenAPI : LazyJSONText { OpenAPIDocuments.document(named: name) }
            return (name, entry.title, text ?? LazyJSONText { nil })
        }).register(on: &router)
        routes = router.routes
        // Metrics sit outside auth, journal and faults, so refused and faulted answers are counted too.
        var middlewares: [any HTTPMiddleware] = [RequestLogMiddleware(logger: logger),
                                                 MetricsMiddleware(router: router, metrics: requestMetrics)]
        if let token = configuration.adminToken { middlewares.append(AdminAuthMiddleware(token: token)) }
        middlewares.append(JournalMiddleware(engine: engine))
        middlewares.append(FaultMiddleware(engine: engine, router: router))
        responder = MiddlewareChain(middlewares, responder: router)
        server = HTTPServer(configuration: configuration.serverConfiguration, responder: responder, logger: logger)
    }

    /// Each emulated API, configured from the serve options, as a function that adds its routes.
    /// Also returns Buildprint's OpenAPI document as it serves it, for `/__admin/openapi`.
    static func services(configuration: AppConfiguration, fixtures: String, engine: Engine,
                         logger: Logger) -> ([(inout Router) -> Void], LazyJSONText?) {
        var appBuilds = AppBuildsSettings()
        appBuilds.strict = configuration.strict
        appBuilds.allowPrivateURLs = configuration.allowPrivateURLs
        appBuilds.rateLimitPerSecond = configuration.rateLimitPerSecond
        var builderAgents = BuilderAgentsSettings()
        builderAgents.strict = configuration.strict
        var builderIO = BuilderIOSettings()
        builderIO.strictAuth = configuration.strictAuth
        builderIO.worldFile = fixtures + "/world/builderio.json"
        var buildprint = BuildprintSettings()
        buildprint.strictModels = configuration.strict
        buildprint.maxConcurrentAgents = configuration.maxConcurrentAgents
        buildprint.worldFile = fixtures + "/world/buildprint.json"
        buildprint.webhookAllow = configuration.webhookAllow
        buildprint.openAPIDocument = { OpenAPIDocuments.document(named: "buildprint") }
        let appBuildsService = AppBuildsService(engine: engine, settings: appBuilds, logger: logger)
        let builderAgentsService = BuilderAgentsService(engine: engine, settings: builderAgents, logger: logger)
        let builderIOService = BuilderIOService(engine: engine, settings: builderIO, logger: logger)
        let buildprintService = BuildprintService(engine: engine, settings: buildprint, logger: logger)
        return ([
            { appBuildsService.register(on: &$0) },
            { builderAgentsService.register(on: &$0) },
            { builderIOService.register(on: &$0) },
            { buildprintService.register(on: &$0) },
        ], buildprintService.openAPIText)
    }

    /// Binds and starts serving; returns the bound port.
    @discardableResult
    public func start() throws -> Int {
        let port: Int
        do {
            port = try server.start()
        } catch {
            throw StartupError.bind(host: configuration.host, port: configuration.port, message: "\(error)")
        }
        let publicURL = configuration.resolvedPublicURL(boundPort: port)
        engine.setPublicURL(publicURL)
        scheduler.start()
        var metadata: Logger.Metadata = [
            "http.host": .string(configuration.host),
            "http.port": .stringConvertible(port),
            "public_url": .string(publicURL),
            "db": .string(configuration.databasePath),
            "clock": .string(configuration.clockMode.rawValue),
            // Never the token itself: logs get shipped and shared.
            "admin.auth": .string(configuration.adminToken.map { "token " + AppConfiguration.redacted($0) }
                ?? (AppConfiguration.isLoopback(configuration.host) ? "none (loopback)" : "none (--insecure-admin)")),
        ]
        if !configuration.webhookAllow.isEmpty {
            metadata["webhook.allow"] = .string(configuration.webhookAllow.joined(separator: ","))
        }
        logger.info("listening", metadata: metadata)
        return port
    }

    /// Stops accepting, finishes in-flight requests, stops the scheduler, closes the database.
    public func shutdown() async {
        await server.shutdown()
        scheduler.stop()
        do {
            // Entries still in the journal's buffer would otherwise miss the last commit.
            try await engine.journal.flush()
        } catch {
            logger.error("flushing the request journal failed", metadata: ["error": "\(error)"])
        }
        do {
            try store.close()
        } catch {
            logger.error("closing the database failed", metadata: ["error": "\(error)"])
        }
        logger.info("stopped")
    }
}

/// Why the server could not start.
public enum StartupError: Error, CustomStringConvertible {
    case invalidScenarios(directory: String, errors: [String])
    case noFixtures(searched: [String])
    case database(path: String, message: String)
    case bind(host: String, port: Int, message: String)
    case adminExposed(String)

    public var description: String {
        switch self {
        case .invalidScenarios(let directory, let errors):
            "invalid scenario files in \(directory):\n" + errors.map { "  " + $0 }.joined(separator: "\n")
        case .noFixtures(let searched):
            "no scenario library found; looked in: \(searched.joined(separator: ", ")). Pass --fixtures DIR."
        case .database(let path, let message): "cannot open database \(path): \(message)"
        case .bind(let host, let port, let message): "cannot listen on \(host):\(port): \(message)"
        case .adminExposed(let problem): "refusing to start: \(problem)"
        }
    }
}

/// Finds the fixtures root (the folder holding `scenarios/` and `world/`): the configured path, else
/// `fixtures/` in the working directory, else `../share/buildermock/fixtures` beside the running
/// binary (an installed copy, see scripts/install.sh), else the checkout the binary was built in (so
/// `swift run` works from anywhere).
public enum FixtureLocator {
    public static func root(configured: String?) throws -> String {
        var candidates: [String] = []
        if let configured {
            candidates = [configured]
        } else {
            candidates.append(FileManager.default.currentDirectoryPath + "/fixtures")
            // The executable's real path: argv[0] is a bare name when the binary was found through PATH.
            if let binary = executablePath() {
                candidates.append(URL(fileURLWithPath: binary).deletingLastPathComponent().deletingLastPathComponent().path
                                  + "/share/buildermock/fixtures")
            }
            // #filePath is Sources/App/Application.swift in the checkout this binary came from.
            let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            candidates.append(checkout.path + "/fixtures")
        }
        // Listing it tests for a directory (ObjCBool on Darwin, Bool in FoundationEssentials otherwise).
        for candidate in candidates
        where (try? FileManager.default.contentsOfDirectory(atPath: candidate + "/scenarios")) != nil {
            return candidate
        }
        throw StartupError.noFixtures(searched: candidates)
    }

    /// The running binary with symlinks resolved: /proc/self/exe on Linux (Bundle is not in
    /// FoundationEssentials), Bundle elsewhere.
    static func executablePath() -> String? {
        #if canImport(FoundationEssentials)
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        #else
        return Bundle.main.executableURL?.resolvingSymlinksInPath().path
        #endif
    }
}

/// Time text the CLI parses without seeing the engine's types.
public enum TimeText {
    /// Unix milliseconds of an ISO 8601 UTC time, or nil.
    public static func parseISO8601Milliseconds(_ text: String) -> Int64? {
        Timestamp(iso8601: text)?.unixMilliseconds
    }
}
