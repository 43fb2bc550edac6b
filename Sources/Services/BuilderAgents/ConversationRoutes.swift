import Engine
import HTTP
import JSON

/// `/api/v1/builder-agents`: start a build conversation, poll it, answer, approve, rebuild, list
/// (seed 000, API.md §A).
struct ConversationRoutes: Sendable {
    let engine: Engine
    static let path = "/api/v1/builder-agents"
    static let maxPromptLength = 10_000

    func register(on router: inout Router) {
        let engine = self.engine
        router.add(.post, Self.path, MihuHTTP.authenticated(engine: engine) { try await create($0) })
        router.add(.get, Self.path, MihuHTTP.authenticated(engine: engine) { try await list($0) })
        router.add(.get, Self.path + "/:uuid", MihuHTTP.authenticated(engine: engine) { try await show($0) })
        router.add(.post, Self.path + "/:uuid/answers", MihuHTTP.authenticated(engine: engine) { try await answer($0) })
        router.add(.post, Self.path + "/:uuid/approve", MihuHTTP.authenticated(engine: engine) { try await approve($0) })
        router.add(.post, Self.path + "/:uuid/rebuild", MihuHTTP.authenticated(engine: engine) { try await rebuild($0) })
    }

    // MARK: Handlers

    func create(_ context: MihuContext) async throws -> HTTPResponse {
        let fields = try MihuHTTP.object(context.request)
        let reader = FieldReader(fields: fields)
        let prompt = try reader.string("prompt", required: true)!.trimmingWhitespace()
        guard prompt.count <= Self.maxPromptLength else {
            throw MihuError.validation("prompt", "The prompt may be at most \(Self.maxPromptLength) characters")
        }
        let name: String
        if let given = try reader.string("name", required: false) {
            try BuilderSpec.checkName(given, field: "name")
            name = given
        } else {
            name = PromptTraits.derivedName(from: prompt)
        }
        // API.md §A: the flags' real names were lost; both spellings of each are accepted and folded
        // into one canonical field that the scenario routes read.
        let autoApprove = try reader.bool("auto_approve") ?? false
        let skipApproval = try reader.bool("skip_approval") ?? false
        let skipReview = try reader.bool("skip_review") ?? false
        let skipQA = try reader.bool("skip_qa") ?? false
        let request: JSONValue = ["prompt": .string(prompt), "name": .string(name),
                                  "auto_approve": .bool(autoApprove || skipApproval), "skip_review": .bool(skipReview || skipQA)]
        let job = try await engine.createJob(NewJob(
            namespace: context.namespace, service: ConversationHooks.service, kind: ConversationHooks.kind,
            request: request, data: ["name": .string(name), "prompt": .string(prompt), "answers": .array([])],
            scenarioName: MihuHTTP.scenarioName(context.request)))
        return MihuHTTP.success(.created, message: "Build conversation started",
                                data: try await render(job, context: context))
    }

    /// A poll. Most polls find the conversation as the previous one did, so while it has no builder
    /// (whose cost moves with the clock) its body is kept and served again (`RenderedJobBodies`).
    func show(_ context: MihuContext) async throws -> HTTPResponse {
        let generation = engine.jobsGeneration
        let uuid = context.request.pathParameters["uuid"] ?? ""
        if let body = engine.renderedBodies.body(id: uuid, namespace: context.namespace, variant: Self.showVariant,
                                                 generation: generation, now: context.now) {
            return .json(.ok, bytes: body)
        }
        let job = try await conversation(context)
        let body = MihuHTTP.successBody(message: "Build conversation retrieved successfully",
                                        data: try await render(job, context: context))
        if !Self.rendersWithTheClock(job) {
            engine.renderedBodies.store(body, of: job, variant: Self.showVariant, generation: generation)
        }
        return .json(.ok, bytes: body)
    }

    static let showVariant = "builder-agents/show"

    func list(_ context: MihuContext) async throws -> HTTPResponse {
        let (page, perPage) = try MihuHTTP.page(context.request)
        let result = try await engine.jobs(namespace: context.namespace, service: ConversationHooks.service,
                                           kind: ConversationHooks.kind, newestFirst: true, limit: perPage,
                                           offset: (page - 1) * perPage)
        var items: [JSONValue] = []
        for job in result.jobs { items.append(try await render(job, context: context)) }
        return MihuHTTP.success(message: "Build conversations retrieved successfully",
                                data: MihuHTTP.paginator(items: items, page: page, perPage: perPage, total: result.total))
    }

    func answer(_ context: MihuContext) async throws -> HTTPResponse {
        let fields = try MihuHTTP.object(context.request)
        let message = try FieldReader(fields: fields).string("message", required: true)!
        let job = try await conversation(context)
        let moved = try await send("answer", ["message": .string(message)], to: job, context: context,
                                   refusal: "Answers are accepted only while the conversation is gathering; it is \(job.state)") { job in
            var answers: [JSONValue] = []
            if case .array(let existing)? = job.data["answers"] { answers = existing }
            answers.append(.string(message))
            job.data["answers"] = .array(answers)
        }
        return MihuHTTP.success(message: nil, data: try await render(moved, context: context))
    }

    func approve(_ context: MihuContext) async throws -> HTTPResponse {
        let job = try await conversation(context)
        let moved = try await send("approve", .object([:]), to: job, context: context,
                                   refusal: "No plan is waiting for approval (the gate opens at most once, and only while gathering); the conversation is \(job.state)")
        return MihuHTTP.success(message: nil, data: try await render(moved, context: context))
    }

    func rebuild(_ context: MihuContext) async throws -> HTTPResponse {
        let fields = try MihuHTTP.object(context.request)
        let reader = FieldReader(fields: fields)
        let message = try reader.string("message", required: true)!
        let replace = try reader.bool("replace_prompt") ?? false
        let job = try await conversation(context)
        let moved = try await send("rebuild", ["message": .string(message), "replace_prompt": .bool(replace)], to: job,
                                   context: context,
                                   refusal: "Only a deployed conversation can be rebuilt (failed is final: start a new one); it is \(job.state)") { job in
            // API.md §A: replace_prompt makes the message the stored prompt; otherwise it is appended
            // to the original intent.
            let prompt = job.data["prompt"]?.stringValue ?? ""
            job.data["prompt"] = .string(replace ? message : prompt + "\n\n" + message)
        }
        return MihuHTTP.success(message: nil, data: try await render(moved, context: context))
    }

    // MARK: Helpers

    func conversation(_ context: MihuContext) async throws -> Job {
        let uuid = context.request.pathParameters["uuid"] ?? ""
        guard let job = try await engine.job(id: uuid, namespace: context.namespace), job.kind == ConversationHooks.kind,
              job.service == ConversationHooks.service else {
            throw MihuError.notFound("Build conversation", uuid)
        }
        return job
    }

    func send(_ event: String, _ payload: JSONValue, to job: Job, context: MihuContext, refusal: String,
              update: (@Sendable (inout Job) -> Void)? = nil) async throws -> Job {
        do {
            return try await engine.send(event: event, payload: payload, toJob: job.id, namespace: context.namespace,
                                         update: update)
        } catch EngineError.eventRejected {
            throw MihuError.invalidState(refusal)
        } catch EngineError.jobNotFound {
            throw MihuError.notFound("Build conversation", job.id)
        }
    }

    /// The Conversation object (API.md §A), with its builder as the builders API shows it.
    /// Whether `render` depends on the clock, not the job alone: a conversation with a builder
    /// shows the builder, whose cost accrues with time.
    static func rendersWithTheClock(_ job: Job) -> Bool { job.data["builder_uuid"] != nil }

    func render(_ job: Job, context: MihuContext) async throws -> JSONValue {
        var builder = JSONValue.null
        if let uuid = job.data["builder_uuid"]?.stringValue,
           let builderJob = try await engine.job(id: uuid, namespace: context.namespace) {
            builder = BuilderDocument.render(builderJob, now: context.now)
        }
        return .object([
            "uuid": .string(job.id),
            "name": job.data["name"] ?? .null,
            "status": .string(job.state),
            "prompt": job.data["prompt"] ?? .null,
            "message": job.data["message"] ?? .string(""),
            "questions": job.state == "gathering" ? (job.data["questions"] ?? .array([])) : .array([]),
            "builder": builder,
            "created_at": .string(mihuDate(job.createdAt)),
        ])
    }
}
