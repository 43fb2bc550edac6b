public import Engine
public import HTTP
public import Logging
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON

/// Settings of this emulated API that `buildermock serve` flags control.
public struct BuilderIOSettings: Sendable {
    /// `strict`: the world fixture exactly; `lenient`: unknown spaces with well-formed keys create themselves.
    public var strictAuth = false
    /// The world fixture (spaces, users, keys, projects); nil uses none.
    public var worldFile: String? = nil
    public init() {}
}

/// The emulated Builder.io Agents Run API (seed 001, API.md §B): `POST /agents/run` starts an agent
/// on a new branch of a new or existing project; the branch is a job whose progress the editor page
/// at the returned `url` shows, and `/__admin/builderio/…` manages the world of spaces and users.
public struct BuilderIOService: Sendable {
    static let service = "builderio"
    static let branchKind = "branch"
    static let scenarioHeader = "X-Buildermock-Scenario"

    let engine: Engine
    let settings: BuilderIOSettings
    let logger: Logger
    let world: WorldStore

    public init(engine: Engine, settings: BuilderIOSettings, logger: Logger) {
        self.engine = engine
        self.settings = settings
        self.logger = logger
        let fixture = Self.readFixture(settings.worldFile)
        if case .failure(let error) = fixture {
            // The service cannot refuse to start from here (Application builds it without `try`);
            // every request answers 500 with this message instead, and the log says why.
            logger.error("invalid Builder.io world fixture", metadata: ["file": "\(settings.worldFile ?? "")",
                                                                       "error": "\(error.message)"])
        }
        world = WorldStore(engine: engine, fixture: fixture)
        engine.register(BranchHooks(), service: Self.service, kind: Self.branchKind)
    }

    /// The parsed world file; a missing file (or none configured) is an empty world.
    static func readFixture(_ path: String?) -> Result<World, WorldFileError> {
        guard let path, FileManager.default.fileExists(atPath: path) else { return .success(World()) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(WorldFileError(message: "\(path): cannot be read"))
        }
        guard let value = JSONValue.parse(Array(data)) else {
            return .failure(WorldFileError(message: "\(path): not valid JSON"))
        }
        do {
            return .success(try World.fixture(value))
        } catch let error as WorldFileError {
            return .failure(WorldFileError(message: "\(path): \(error.message)"))
        } catch {
            return .failure(WorldFileError(message: "\(path): \(error)"))
        }
    }

    public func register(on router: inout Router) {
        let render: Router.ErrorRenderer = { status, _, message in BuilderIOError(status, message).response }
        router.setErrorRenderer(forPrefix: "/agents", render)
        router.setErrorRenderer(forPrefix: "/app/projects", render)
        router.add(.post, "/agents/run") { request in await run(request) }
        router.add(.get, "/app/projects/:project/:branch") { request in await editorPage(request) }
        registerAdmin(on: &router)
    }

    // MARK: - POST /agents/run

    /// Answers every outcome with a `Date` from the namespace clock, errors included.
    func run(_ request: HTTPRequest) async -> HTTPResponse {
        let apiKey = request.queryValue("apiKey")
        let namespace: String
        do {
            namespace = try Self.namespace(headers: request.headers, apiKey: apiKey)
        } catch {
            return BuilderIOError.invalid("\(error)").response
        }
        var response: HTTPResponse
        do {
            response = try await startRun(request, apiKey: apiKey, namespace: namespace)
        } catch let error as BuilderIOError {
            response = error.response
        } catch EngineError.unknownScenario(let name, _, let available) {
            response = BuilderIOError.invalid("Unknown scenario \"\(name)\" in \(Self.scenarioHeader); available: "
                + available.joined(separator: ", ")).response
        } catch {
            logger.error("agents/run failed", metadata: ["error": "\(error)", "namespace": "\(namespace)"])
            response = BuilderIOError.internalError.response
        }
        response.headers.set("Date", engine.now(namespace: namespace).httpDate)
        return response
    }

    /// The namespace of a run: `X-Buildermock-Namespace` if given, else the space (its id is a valid
    /// namespace name by construction), so each space's branches and clock stay apart by default.
    static func namespace(headers: HTTPHeaders, apiKey: String?) throws -> String {
        if headers.contains(NamespaceResolver.headerName) { return try NamespaceResolver.namespace(for: headers) }
        if let apiKey, Identifiers.isSpaceID(apiKey) { return apiKey }
        return NamespaceResolver.fallback
    }

    func startRun(_ request: HTTPRequest, apiKey: String?, namespace: String) async throws -> HTTPResponse {
        // Authenticate first (401, then 400 for the key's own query field, then 403), then read the body.
        guard request.headers.contains("Authorization") else { throw BuilderIOError.missingAuthorization }
        guard let privateKey = NamespaceResolver.bearerToken(request.headers) else {
            throw BuilderIOError(.unauthorized, "Authorization header must be: Bearer bpk-YOUR_PRIVATE_KEY")
        }
        guard let apiKey, !apiKey.isEmpty else { throw BuilderIOError.missing("apiKey query parameter") }
        guard Identifiers.isSpaceID(apiKey) else {
            throw BuilderIOError.invalid("Invalid apiKey query parameter: use your Space's public API key")
        }
        try await world.authenticate(apiKey: apiKey, privateKey: privateKey, strict: settings.strictAuth)
        let body = try RunRequest.parse(request.body)
        let now = engine.now(namespace: namespace)
        let plan = try await world.plan(apiKey: apiKey, privateKey: privateKey, request: body,
                                        strict: settings.strictAuth, namespace: namespace, now: now.iso8601)
        let url = Self.editorURL(base: engine.publicURL, project: plan.project.id, branch: plan.branch.name)
        let job: Job
        do {
            job = try await engine.createJob(NewJob(
                namespace: namespace, service: Self.service, kind: Self.branchKind, idStyle: .prefixed("br_"),
                request: body.normalized,
                data: ["spaceId": .string(plan.space.id), "projectId": .string(plan.project.id),
                       "projectName": .string(plan.project.name), "branchName": .string(plan.branch.name),
                       "userId": .string(plan.user.id), "url": .string(url)],
                scenarioName: request.headers[Self.scenarioHeader]))
        } catch {
            await world.abandon(plan)
            throw error
        }
        do {
            try await world.commit(plan, jobID: job.id)
        } catch {
            // Not durable, so not accepted: take the job back rather than leave work nobody can find.
            await world.abandon(plan)
            do {
                _ = try await engine.deleteJob(id: job.id, namespace: namespace)
            } catch let cleanup {
                logger.error("could not delete the job of a failed run", metadata: ["job.id": "\(job.id)",
                                                                                     "error": "\(cleanup)"])
            }
            throw error
        }
        logger.debug("branch started", metadata: ["job.id": "\(job.id)", "builderio.project": "\(plan.project.id)",
                                                  "builderio.branch": "\(plan.branch.name)"])
        // The seed: "status — Always processing"; later states show on the editor page only.
        return .json(.accepted, JSONValue.object([
            "branchName": .string(plan.branch.name), "projectId": .string(plan.project.id),
            "url": .string(url), "status": "processing",
        ]).serialized())
    }

    /// Where a branch's editor page is: Builder.io's `/app/projects/{projectId}/{branchName}` shape,
    /// on this server.
    static func editorURL(base: String, project: String, branch: String) -> String {
        base + "/app/projects/" + project + "/" + branch
    }
}
