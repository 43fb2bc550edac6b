public import Engine
public import HTTP
public import Logging
public import JSON

/// Settings of this emulated API that `buildermock serve` flags control.
public struct BuildprintSettings: Sendable {
    /// `--strict`: accept only the current model list, and only the world fixture's tokens and apps.
    public var strictModels = false
    /// Concurrent agents per workspace; nil means unlimited (the default). A workspace's
    /// `maxConcurrentAgents` in the world fixture takes precedence.
    public var maxConcurrentAgents: Int? = nil
    /// The world fixture (workspaces, tokens, apps); nil uses none.
    public var worldFile: String? = nil
    /// Hosts webhook deliveries may target besides loopback.
    public var webhookAllow: [String] = []
    /// The OpenAPI document to serve at `/api/public/v1/openapi.json` (its model enum is replaced by
    /// the accepted models), made on first request; nil serves none.
    public var openAPIDocument: (@Sendable () -> JSONValue?)? = nil
    public init() {}
}

/// The emulated Buildprint public API (../shared/API.md §C): agent runs over the engine, with
/// completion webhooks delivered by the engine's dispatcher.
public struct BuildprintService: Sendable {
    static let prefix = "/api/public/v1"
    let engine: Engine
    let settings: BuildprintSettings
    let logger: Logger
    let world: BuildprintWorld
    /// The OpenAPI document's text, built on first request; nil when the settings name none. One
    /// instance serves both this API's route and the admin API's copy.
    public let openAPIText: LazyJSONText?

    public init(engine: Engine, settings: BuildprintSettings, logger: Logger) {
        self.engine = engine
        self.settings = settings
        self.logger = logger
        let world: BuildprintWorld
        do {
            world = try BuildprintWorld.load(path: settings.worldFile)
        } catch {
            logger.error("buildprint world fixture unreadable; using none", metadata: ["error": "\(error)"])
            world = BuildprintWorld()
        }
        self.world = world
        openAPIText = settings.openAPIDocument.map { base in
            let models = Self.models(strict: settings.strictModels, world: world)
            return LazyJSONText { base().map { Self.openAPIDocument(base: $0, models: models) } }
        }
    }

    /// Every model id this server accepts, in the order the 400 and the OpenAPI document list them.
    var models: [String] { Self.models(strict: settings.strictModels, world: world) }

    static func models(strict: Bool, world: BuildprintWorld) -> [String] {
        strict ? world.currentModels : world.currentModels + world.legacyModels
    }

    public func register(on router: inout Router) {
        engine.register(AgentHooks(), service: "buildprint", kind: "agent")
        engine.enableWebhookDeliveries(service: "buildprint")
        engine.webhooks.allow(hosts: settings.webhookAllow)
        router.setErrorRenderer(forPrefix: Self.prefix) { status, code, message in
            BuildprintError(status, code, message).response
        }
        if let openAPI = openAPIText {
            router.add(.get, Self.prefix + "/openapi.json") { _ in
                guard let text = openAPI.text else { throw BuildprintError(.notFound, "not_found", "no OpenAPI document") }
                return .json(.ok, text)
            }
        }
        router.add(.post, Self.prefix + "/agents") { request in try await createAgent(request) }
        router.add(.get, Self.prefix + "/agents/:agentId") { request in try await getAgent(request) }
        router.add(.post, Self.prefix + "/agents/:agentId/messages") { request in try await sendMessage(request) }
    }

    // MARK: - Handlers

    func createAgent(_ request: HTTPRequest) async throws -> HTTPResponse {
        let (workspace, namespace) = try caller(request)
        let body = try AgentRequest(body: request.body, models: models)
        if let url = body.completionWebhookUrl { try checkWebhook(url) }
        try checkAccess(workspace)
        let project = try project(appId: body.appId, in: workspace)
        if let email = body.userEmail?.lowercased() {
            if let members = workspace.members, !members.contains(email) {
                throw BuildprintError(.forbidden, "user_not_workspace_member",
                                      "\(email) is not a member of workspace \(workspace.name)")
            }
            if let provider = BuildprintModels.provider(body.model), let credentials = workspace.providerCredentials,
               !(credentials[email] ?? []).contains(provider) {
                throw BuildprintError(.forbidden, "missing_provider_credentials",
                                      "\(email) has no \(provider) credentials connected in Buildprint for model \(body.model)")
            }
        }
        let cost = BuildprintModels.provider(body.model) == nil ? BuildprintModels.cost(effort: body.reasoningEffort) : 0
        try await checkCredits(cost, workspace: workspace, namespace: namespace)
        try await checkConcurrency(workspace: workspace, namespace: namespace)

        let now = engine.now(namespace: namespace)
        var data: [String: JSONValue] = [
            AgentField.workspace: .string(workspace.id), "appId": .string(project.appId),
            "projectId": .string(project.id), "projectName": .string(project.name), "model": .string(body.model),
            "reasoningEffort": .string(body.reasoningEffort), "permission": .string(body.permission),
            "permittedBranches": .array(body.permittedBranches.map(JSONValue.string)),
            "completionWebhookUrl": body.completionWebhookUrl.map(JSONValue.string) ?? .null,
            "userEmail": body.userEmail.map(JSONValue.string) ?? .null, "currentPrompt": .string(body.prompt),
            AgentField.turn: .int(1), AgentField.queuedTurns: .int(0), AgentField.credits: .int(cost),
            "pendingPrompts": .array([]),
        ]
        AgentDocument.appendHistory(to: &data, agentID: "", role: "user", content: body.prompt, at: now)
        let job = try await engineCall {
            try await engine.createJob(NewJob(namespace: namespace, service: "buildprint", kind: "agent",
                                              idStyle: .prefixed("agt_"), request: body.json, data: data,
                                              scenarioName: request.headers["X-Buildermock-Scenario"]))
        }
        return respond(.accepted, .object([
            "agentId": .string(job.id), "kind": .string("agent"), "status": .string(job.state),
            "appId": .string(project.appId), "projectId": .string(project.id),
            "createdAt": .int(job.createdAt.unixMilliseconds),
        ]), namespace: namespace)
    }

    func getAgent(_ request: HTTPRequest) async throws -> HTTPResponse {
        let (workspace, namespace) = try caller(request)
        var limit = AgentDocument.historyDefault
        if let text = request.queryValue("historyLimit") {
            guard let value = Int(text), (0...AgentDocument.historyMax).contains(value) else {
                throw BuildprintError.invalid("historyLimit must be an integer from 0 to \(AgentDocument.historyMax)")
            }
            limit = value
        }
        let job = try await agent(request.pathParameters["agentId"] ?? "", workspace: workspace, namespace: namespace)
        return respond(.ok, AgentDocument.render(job, historyLimit: limit), namespace: namespace)
    }

    func sendMessage(_ request: HTTPRequest) async throws -> HTTPResponse {
        let (workspace, namespace) = try caller(request)
        let body = try FollowUpRequest(body: request.body)
        if case .some(.some(let url)) = body.completionWebhookUrl { try checkWebhook(url) }
        let current = try await agent(request.pathParameters["agentId"] ?? "", workspace: workspace, namespace: namespace)
        try checkAccess(workspace)
        let model = current.data["model"]?.stringValue ?? ""
        let cost = BuildprintModels.provider(model) == nil
            ? BuildprintModels.cost(effort: current.data["reasoningEffort"]?.stringValue ?? "medium") : 0
        try await checkCredits(cost, workspace: workspace, namespace: namespace)
        let finished = current.finishedAt != nil
        if finished { try await checkConcurrency(workspace: workspace, namespace: namespace) }
        let now = engine.now(namespace: namespace)
        let job = try await engineCall {
            try await engine.send(event: "message", payload: .object(["prompt": .string(body.prompt)]),
                                  toJob: current.id, namespace: namespace) { job in
                AgentDocument.appendHistory(to: &job.data, agentID: job.id, role: "user", content: body.prompt, at: now)
                if let permission = body.permission { job.data["permission"] = .string(permission) }
                if let branches = body.permittedBranches { job.data["permittedBranches"] = .array(branches.map(JSONValue.string)) }
                if let url = body.completionWebhookUrl { job.data["completionWebhookUrl"] = url.map(JSONValue.string) ?? .null }
                job.data[AgentField.credits] = .int((AgentDocument.int(job.data[AgentField.credits]) ?? 0) + cost)
                if job.finishedAt != nil {
                    job.data["currentPrompt"] = .string(body.prompt)
                    job.data[AgentField.turn] = .int((AgentDocument.int(job.data[AgentField.turn]) ?? 1) + 1)
                } else {
                    // Queued behind the turn in progress; the scenario starts it when that one ends.
                    job.data[AgentField.queuedTurns] = .int((AgentDocument.int(job.data[AgentField.queuedTurns]) ?? 0) + 1)
                    var prompts = job.data["pendingPrompts"].flatMap(AgentDocument.array) ?? []
                    prompts.append(.string(body.prompt))
                    job.data["pendingPrompts"] = .array(prompts)
                    if var request = job.request.objectValue {
                        request["hasQueuedTurn"] = .bool(true)
                        job.request = .object(request)
                    }
                    job.data[AgentField.lastLifecycleEventAt] = .int(now.unixMilliseconds)
                }
            }
        }
        return respond(.accepted, .object(["agentId": .string(job.id), "kind": .string("agent"), "status": .string(job.state)]),
                       namespace: namespace)
    }

    // MARK: - Checks

    /// The caller's workspace and namespace; 401 unless the token is a `bp_` workspace token.
    func caller(_ request: HTTPRequest) throws -> (Workspace, String) {
        guard let token = NamespaceResolver.bearerToken(request.headers), token.hasPrefix("bp_"), token.count > 3,
              let workspace = world.workspace(token: token, lenient: !settings.strictModels) else {
            throw BuildprintError.unauthorized
        }
        do {
            return (workspace, try NamespaceResolver.namespace(for: request.headers))
        } catch {
            throw BuildprintError.invalid("\(error)")
        }
    }

    func checkWebhook(_ url: String) throws {
        do {
            _ = try engine.webhooks.validate(url)
        } catch let problem {
            switch problem {
            case .notAllowed: throw BuildprintError(.badRequest, "webhook_target_not_allowed", "completionWebhookUrl: \(problem)")
            case .invalidURL, .unsupportedScheme: throw BuildprintError.invalid("completionWebhookUrl: \(problem)")
            }
        }
    }

    func checkAccess(_ workspace: Workspace) throws {
        guard workspace.apiAccess else {
            throw BuildprintError(.paymentRequired, "api_access_required",
                                  "Workspace \(workspace.name) has no API access on its plan")
        }
    }

    func project(appId: String, in workspace: Workspace) throws -> Project {
        if let project = workspace.projects.first(where: { $0.appId == appId }) { return project }
        guard !settings.strictModels else {
            throw BuildprintError(.notFound, "not_found", "No verified project for appId \(appId) in this workspace")
        }
        // Lenient: the app becomes a verified project of the workspace on first use.
        return Project(id: BuildprintWorld.projectID(appId: appId, workspace: workspace.id), appId: appId, name: appId)
    }

    func workspaceAgents(_ workspace: Workspace, namespace: String, state: String? = nil) async throws -> [Job] {
        let page = try await engineCall {
            try await engine.jobs(namespace: namespace, service: "buildprint", kind: "agent", state: state, limit: 10_000)
        }
        return page.jobs.filter { $0.data[AgentField.workspace]?.stringValue == workspace.id }
    }

    func checkCredits(_ cost: Int64, workspace: Workspace, namespace: String) async throws {
        guard cost > 0, let paid = workspace.paidCredits else { return }
        let spent = try await workspaceAgents(workspace, namespace: namespace)
            .reduce(Int64(0)) { $0 + (AgentDocument.int($1.data[AgentField.credits]) ?? 0) }
        guard spent + cost <= paid else {
            throw BuildprintError(.paymentRequired, "insufficient_paid_credits",
                                  "This run needs \(cost) credits; workspace \(workspace.name) has \(max(paid - spent, 0)) left")
        }
    }

    func checkConcurrency(workspace: Workspace, namespace: String) async throws {
        guard let limit = workspace.maxConcurrentAgents ?? settings.maxConcurrentAgents else { return }
        let active = try await workspaceAgents(workspace, namespace: namespace, state: "queued").count
            + workspaceAgents(workspace, namespace: namespace, state: "running").count
        guard active < limit else {
            throw BuildprintError(.conflict, "concurrent_agent_limit",
                                  "Workspace \(workspace.name) already has \(active) agents running (limit \(limit))")
        }
    }

    func agent(_ id: String, workspace: Workspace, namespace: String) async throws -> Job {
        guard let job = try await engineCall({ try await engine.job(id: id, namespace: namespace) }),
              job.service == "buildprint", job.kind == "agent",
              job.data[AgentField.workspace]?.stringValue == workspace.id else {
            throw BuildprintError.agentNotFound
        }
        return job
    }

    func respond(_ status: HTTPStatus, _ value: JSONValue, namespace: String) -> HTTPResponse {
        var response = HTTPResponse.json(status, bytes: value.serializedBytes())
        response.headers.set("Date", engine.now(namespace: namespace).httpDate)
        return response
    }

    /// Engine errors in this API's shape.
    func engineCall<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as EngineError {
            switch error {
            case .jobNotFound: throw BuildprintError.agentNotFound
            case .unknownScenario, .noScenario, .invalidNamespace: throw BuildprintError.invalid(error.description)
            case .eventRejected(_, let state, _):
                throw BuildprintError(.conflict, "agent_busy", "The agent cannot take a message while \(state)")
            case .clock, .storage: throw BuildprintError(.internalServerError, "internal_error", error.description)
            }
        }
    }
}
