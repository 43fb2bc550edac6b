public import Engine
public import HTTP
public import Logging
import JSON

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
    let limiter: RateLimiter?
    let links: DownloadLink

    static let service = "appbuilds"
    /// Both are documented by the vendor (API.md §D).
    static let buildPrefixes = ["/api/v1/builds", "/v1/builds"]
    /// *Inferred*: deploys are mounted beside builds under both prefixes too.
    static let deployPrefixes = ["/api/v1/deploys", "/v1/deploys"]
    static let scenarioHeader = "X-Buildermock-Scenario"

    public init(engine: Engine, settings: AppBuildsSettings, logger: Logger) {
        self.engine = engine
        self.settings = settings
        self.logger = logger
        limiter = settings.rateLimitPerSecond.flatMap { $0 > 0 ? RateLimiter(perSecond: $0) : nil }
        links = DownloadLink(engine: engine, ttlSeconds: settings.downloadTTLSeconds)
    }

    public func register(on router: inout Router) {
        engine.register(BuildLifecycle(slots: max(1, settings.buildSlots)), service: Self.service, kind: "build")
        for prefix in Self.buildPrefixes {
            router.add(.post, prefix) { request in await handle(request) { try await createBuild($0, $1) } }
            router.add(.get, prefix) { request in await handle(request) { try await listBuilds($0, $1) } }
            router.add(.get, prefix + "/:id") { request in await handle(request) { try await getBuild($0, $1) } }
        }
        for prefix in Self.deployPrefixes {
            router.add(.post, prefix) { request in await handle(request) { try await createDeploy($0, $1) } }
            router.add(.get, prefix + "/:id") { request in await handle(request) { try await getDeploy($0, $1) } }
        }
        router.add(.get, DownloadLink.pathPrefix + "/:namespace/:id/:file") { request in await download(request) }
        for prefix in Self.buildPrefixes + Self.deployPrefixes + [DownloadLink.pathPrefix] {
            router.setErrorRenderer(forPrefix: prefix) { status, code, message in
                AppBuildsError(status, code: code, message: message).response
            }
        }
    }

    /// Who is calling, resolved once per request.
    struct Caller {
        var token: String
        var namespace: String
        var now: Timestamp
    }

    /// Authenticates (documented: any non-empty bearer key), resolves the namespace, applies the rate
    /// limit, runs `body`, and dates every answer, errors included, by the namespace clock.
    func handle(_ request: HTTPRequest,
                _ body: (HTTPRequest, Caller) async throws -> HTTPResponse) async -> HTTPResponse {
        let namespace: String
        do {
            namespace = try NamespaceResolver.namespace(for: request.headers)
        } catch {
            return AppBuildsError.invalid("\(error)").response
        }
        let now = engine.now(namespace: namespace)
        let date = now.httpDate
        do {
            guard let token = NamespaceResolver.bearerToken(request.headers) else { throw AppBuildsError.unauthorized }
            if let limiter, let wait = limiter.take(key: namespace + " " + token, nowMs: now.unixMilliseconds) {
                throw AppBuildsError(.tooManyRequests, code: "rate_limited",
                                     message: "Too many requests for this API key; retry after \(wait) s.",
                                     headers: ["Retry-After": String(wait)])
            }
            var response = try await body(request, Caller(token: token, namespace: namespace, now: now))
            response.headers.set("Date", date)
            return response
        } catch let error as AppBuildsError {
            return error.dated(date).response
        } catch let error as EngineError {
            return Self.map(error).dated(date).response
        } catch {
            logger.error("app builds request failed", metadata: ["error": "\(error)", "http.path": .string(request.path)])
            return AppBuildsError(.internalServerError, code: "internal_error", message: "The request failed unexpectedly.")
                .dated(date).response
        }
    }

    static func map(_ error: EngineError) -> AppBuildsError {
        switch error {
        case .jobNotFound(let id): .buildNotFound(id)
        case .unknownScenario(let name, _, let available):
            .invalid("Unknown scenario \"\(name)\" in \(scenarioHeader); available: \(available.joined(separator: ", ")).")
        case .invalidNamespace: .invalid(error.description)
        case .eventRejected(_, _, let reason): AppBuildsError(.conflict, code: "conflict", message: reason)
        case .noScenario, .clock, .storage:
            AppBuildsError(.internalServerError, code: "internal_error", message: error.description)
        }
    }

    static func json(_ status: HTTPStatus, _ value: JSONValue) -> HTTPResponse {
        .json(status, bytes: value.serializedBytes())
    }

    // MARK: - Builds

    func createBuild(_ request: HTTPRequest, _ caller: Caller) async throws -> HTTPResponse {
        guard let body = JSONValue.parse(request.body) else { throw AppBuildsError.malformed }
        let build = try BuildRequest(body: body, settings: settings)
        let job = try await engine.createJob(NewJob(
            namespace: caller.namespace, service: Self.service, kind: "build", idStyle: .prefixed("bld_"),
            request: build.json, scenarioName: request.headers[Self.scenarioHeader]))
        return Self.json(.created, buildDocument(job, now: caller.now))
    }

    func getBuild(_ request: HTTPRequest, _ caller: Caller) async throws -> HTTPResponse {
        let id = request.pathParameters["id"] ?? ""
        guard let job = try await engine.job(id: id, namespace: caller.namespace),
              job.service == Self.service, job.kind == "build" else { throw AppBuildsError.buildNotFound(id) }
        return Self.json(.ok, buildDocument(job, now: engine.now(namespace: caller.namespace)))
    }

    /// Documented: default 20, maximum 100, offset default 0. *Inferred*: over 100, under 1,
    /// negative or non-numeric → 400 rather than clamping, so a client's paging bug shows.
    func listBuilds(_ request: HTTPRequest, _ caller: Caller) async throws -> HTTPResponse {
        let limit = try Self.integer(request.queryValue("limit"), name: "limit", default: 20, range: 1...100)
        let offset = try Self.integer(request.queryValue("offset"), name: "offset", default: 0, range: 0...Int(Int32.max))
        let page = try await engine.jobs(namespace: caller.namespace, service: Self.service, kind: "build",
                                         newestFirst: true, limit: limit, offset: offset)
        let now = engine.now(namespace: caller.namespace)
        return Self.json(.ok, [
            "builds": .array(page.jobs.map { buildDocument($0, now: now) }),
            "total": .int(Int64(page.total)), "limit": .int(Int64(limit)), "offset": .int(Int64(offset)),
        ])
    }

    static func integer(_ text: String?, name: String, default value: Int, range: ClosedRange<Int>) throws(AppBuildsError) -> Int {
        guard let text else { return value }
        guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit), let number = Int(text), range.contains(number) else {
            let bound = range.upperBound == Int(Int32.max) ? "a whole number ≥ \(range.lowerBound)"
                : "a whole number from \(range.lowerBound) to \(range.upperBound)"
            throw AppBuildsError.invalidField(name, "`\(name)` must be \(bound), got \"\(text)\".")
        }
        return number
    }

    /// The build object: the request's fields, then id, status, createdAt; finishedAt only once
    /// finished, downloadUrl only on success, error only on failure.
    func buildDocument(_ job: Job, now: Timestamp) -> JSONValue {
        var document = job.request.objectValue ?? [:]
        document["id"] = .string(job.id)
        document["status"] = .string(job.state)
        document["createdAt"] = .string(job.createdAt.iso8601)
        if job.state == "success" || job.state == "failed", let finishedAt = job.finishedAt {
            document["finishedAt"] = .string(finishedAt.iso8601)
        }
        if job.state == "success" {
            let fileName = BuildArtifact.fileName(appName: job.request[path: "appName"]?.stringValue ?? "",
                                                  platform: job.request[path: "platform"]?.stringValue ?? "android")
            document["downloadUrl"] = .string(links.url(namespace: job.namespace, id: job.id, fileName: fileName, now: now))
        }
        if job.state == "failed" {
            document["error"] = job.data["error"]
                ?? ["code": "BUILD_FAILED", "message": "The build failed."]
        }
        return .object(document)
    }
}
