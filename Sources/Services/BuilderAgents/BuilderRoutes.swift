import Engine
import HTTP
import JSON

/// `/api/v1/builders`: create a builder from your own code (seed 003) and operate it — list, get,
/// delete, stop/start, logs, files, exec, auto-stop (API.md §A, inferred from the vendor's tools).
struct BuilderRoutes: Sendable {
    let engine: Engine
    static let path = "/api/v1/builders"
    /// The most builders a namespace is searched through for a duplicate name.
    static let nameScanLimit = 100_000

    func register(on router: inout Router) {
        let engine = self.engine
        func add(_ method: HTTPMethod, _ suffix: String, _ body: @escaping @Sendable (MihuContext) async throws -> HTTPResponse) {
            router.add(method, Self.path + suffix, MihuHTTP.authenticated(engine: engine, body))
        }
        add(.post, "") { try await create($0) }
        add(.get, "") { try await list($0) }
        add(.get, "/:uuid") { try await show($0) }
        add(.delete, "/:uuid") { try await delete($0) }
        add(.post, "/:uuid/stop") { try await stop($0) }
        add(.post, "/:uuid/start") { try await start($0) }
        add(.get, "/:uuid/logs") { try await logs($0) }
        add(.get, "/:uuid/files") { try await files($0) }
        add(.post, "/:uuid/exec") { try await exec($0) }
        add(.post, "/:uuid/auto-stop") { try await autoStop($0) }
    }

    // MARK: Handlers

    func create(_ context: MihuContext) async throws -> HTTPResponse {
        let spec = try BuilderSpec(body: try MihuHTTP.object(context.request))
        // Unique per namespace (issue 4). Checked before the insert rather than in its transaction:
        // two simultaneous creates of one name can both pass, which a mock may allow.
        let existing = try await engine.jobs(namespace: context.namespace, service: BuilderDocument.service,
                                             kind: BuilderDocument.kind, limit: Self.nameScanLimit)
        if existing.jobs.contains(where: { $0.data["name"]?.stringValue == spec.name }) {
            throw MihuError.validation("name", "A builder named \(spec.name) already exists")
        }
        var data = spec.json.objectValue ?? [:]
        // Seed 003's example of this very call shows both checks passed.
        data["review_passed"] = .bool(true)
        data["qa_passed"] = .bool(true)
        let job = try await engine.createJob(NewJob(
            namespace: context.namespace, service: BuilderDocument.service, kind: BuilderDocument.kind,
            request: spec.json, data: data, scenarioName: MihuHTTP.scenarioName(context.request)))
        return MihuHTTP.success(.created, message: "Builder created successfully",
                                data: BuilderDocument.render(job, now: context.now))
    }

    func list(_ context: MihuContext) async throws -> HTTPResponse {
        let (page, perPage) = try MihuHTTP.page(context.request)
        let result = try await engine.jobs(namespace: context.namespace, service: BuilderDocument.service,
                                           kind: BuilderDocument.kind, newestFirst: true, limit: perPage,
                                           offset: (page - 1) * perPage)
        let items = result.jobs.map { BuilderDocument.render($0, now: context.now) }
        return MihuHTTP.success(message: "Builders retrieved successfully",
                                data: MihuHTTP.paginator(items: items, page: page, perPage: perPage, total: result.total))
    }

    func show(_ context: MihuContext) async throws -> HTTPResponse {
        let job = try await builder(context)
        return MihuHTTP.success(message: "Builder retrieved successfully", data: BuilderDocument.render(job, now: context.now))
    }

    func delete(_ context: MihuContext) async throws -> HTTPResponse {
        let job = try await builder(context)
        guard try await engine.deleteJob(id: job.id, namespace: context.namespace) else {
            throw MihuError.notFound("Builder", job.id)
        }
        return MihuHTTP.success(message: "Builder deleted successfully", data: ["uuid": .string(job.id)])
    }

    func stop(_ context: MihuContext) async throws -> HTTPResponse {
        let job = try await settle(try await builder(context), context: context)
        guard job.state == "running" else { throw MihuError.invalidState("The builder is already stopped") }
        let stopped = try await send("stop", to: job, context: context, refusal: "The builder cannot be stopped now")
        return MihuHTTP.success(message: "Builder stopped successfully", data: BuilderDocument.render(stopped, now: context.now))
    }

    func start(_ context: MihuContext) async throws -> HTTPResponse {
        let job = try await settle(try await builder(context), context: context)
        guard job.state == "stopped" else { throw MihuError.invalidState("The builder is already running") }
        let started = try await send("start", to: job, context: context, refusal: "The builder cannot be started now")
        return MihuHTTP.success(message: "Builder started successfully", data: BuilderDocument.render(started, now: context.now))
    }

    func logs(_ context: MihuContext) async throws -> HTTPResponse {
        let job = try await builder(context)
        var lines: [JSONValue] = []
        if case .array(let stored)? = job.data["logs"] { lines = stored }
        let run = BuilderDocument.run(job, at: context.now)
        if let stoppedAt = run.autoStoppedAt {
            // Not stored yet (see BuilderDocument): shown as the stored line will read.
            let minutes = BuilderDocument.int(job.data, "auto_stop_interval") ?? 0
            lines.append(.string("\(Timestamp(unixMilliseconds: stoppedAt).iso8601) Stopped after \(minutes) idle minutes (auto-stop)"))
        }
        return MihuHTTP.success(message: nil, data: ["uuid": .string(job.id), "logs": .array(lines)])
    }

    func files(_ context: MihuContext) async throws -> HTTPResponse {
        let job = try await builder(context)
        return MihuHTTP.success(message: nil, data: ["uuid": .string(job.id), "files": job.data["files"] ?? .object([:])])
    }

    func exec(_ context: MihuContext) async throws -> HTTPResponse {
        let fields = try MihuHTTP.object(context.request)
        let reader = FieldReader(fields: fields)
        let command = try reader.string("command", required: true)!
        let timeout = try reader.integer("timeout", range: 1...600) ?? 60
        let job = try await settle(try await builder(context), context: context)
        guard job.state == "running" else {
            throw MihuError.invalidState("Commands run only on a running builder; start it first")
        }
        let files = (job.data["files"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
        let env = (job.data["env"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
        let result = ExecScript.run(command, timeout: timeout, files: files, env: env,
                                    script: job.data["exec_script"]?.objectValue ?? [:])
        // A command is activity: it restarts the auto-stop idle count.
        let now = context.now.unixMilliseconds
        _ = try await engine.update(jobID: job.id, namespace: context.namespace) { job in
            job.data["last_activity_ms"] = .int(now)
        }
        return MihuHTTP.success(message: nil, data: ["exit_code": .int(result.exitCode), "output": .string(result.output)])
    }

    func autoStop(_ context: MihuContext) async throws -> HTTPResponse {
        let fields = try MihuHTTP.object(context.request)
        // An explicit null is as absent as a missing key (FieldReader reads both as nil).
        guard let minutes = try FieldReader(fields: fields).integer("auto_stop_interval", range: BuilderSpec.autoStopRange) else {
            throw MihuError.validation("auto_stop_interval", "The auto_stop_interval field is required")
        }
        let job = try await settle(try await builder(context), context: context)
        let now = context.now.unixMilliseconds
        let updated = try await engine.update(jobID: job.id, namespace: context.namespace) { job in
            job.data["auto_stop_interval"] = .int(minutes)
            // Changing the setting counts as activity, so the new interval runs from now.
            job.data["last_activity_ms"] = .int(now)
        }
        return MihuHTTP.success(message: "Auto-stop updated", data: BuilderDocument.render(updated, now: context.now))
    }

    // MARK: Helpers

    func builder(_ context: MihuContext) async throws -> Job {
        let uuid = context.request.pathParameters["uuid"] ?? ""
        guard let job = try await engine.job(id: uuid, namespace: context.namespace), job.kind == BuilderDocument.kind,
              job.service == BuilderDocument.service else {
            throw MihuError.notFound("Builder", uuid)
        }
        return job
    }

    /// Records an auto-stop that reads have only computed so far, before anything else changes the
    /// builder; the hook dates the stop at the auto-stop instant, not now.
    func settle(_ job: Job, context: MihuContext) async throws -> Job {
        guard job.state == "running", BuilderDocument.run(job, at: context.now).autoStoppedAt != nil else { return job }
        return try await send("stop", to: job, context: context, refusal: "The builder cannot be stopped now")
    }

    func send(_ event: String, to job: Job, context: MihuContext, refusal: String) async throws -> Job {
        do {
            return try await engine.send(event: event, payload: .object([:]), toJob: job.id, namespace: context.namespace)
        } catch EngineError.eventRejected {
            throw MihuError.invalidState(refusal)
        } catch EngineError.jobNotFound {
            throw MihuError.notFound("Builder", job.id)
        }
    }
}
