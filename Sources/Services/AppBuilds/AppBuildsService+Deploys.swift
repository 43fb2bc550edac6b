import Engine
import HTTP
import JSON

/// `POST /api/v1/deploys` and `GET /api/v1/deploys/{id}`: undocumented by the vendor; our
/// *inferred* shape `{buildId, store: "play"|"app_store"}` and lifecycle queued → submitted → live | rejected.
extension AppBuildsService {
    /// Which platform's binary each store takes.
    static let storePlatforms = ["play": "android", "app_store": "ios"]

    func createDeploy(_ request: HTTPRequest, _ caller: Caller) async throws -> HTTPResponse {
        guard let body = JSONValue.parse(request.body) else { throw AppBuildsError.malformed }
        guard case .object(let fields) = body else { throw AppBuildsError.notAnObject }
        let buildId = try BuildRequest.requiredString(fields, "buildId")
        let store = try BuildRequest.requiredString(fields, "store")
        guard let platform = Self.storePlatforms[store] else {
            throw AppBuildsError.invalidField("store", "`store` must be \"play\" or \"app_store\", got \"\(store)\".")
        }
        guard let build = try await engine.job(id: buildId, namespace: caller.namespace),
              build.service == Self.service, build.kind == "build" else {
            throw AppBuildsError.invalidField("buildId", "No build with id \"\(buildId)\".")
        }
        let buildPlatform = build.request[path: "platform"]?.stringValue ?? "android"
        guard buildPlatform == platform else {
            throw AppBuildsError.invalidField("store",
                "Build \(buildId) is an \(buildPlatform) build; store \"\(store)\" takes \(platform) builds.")
        }
        guard build.state == "success" else {
            throw AppBuildsError(.conflict, code: "build_not_successful",
                                 message: "Build \(buildId) is \(build.state); only a successful build can be deployed.")
        }
        let job = try await engine.createJob(NewJob(
            namespace: caller.namespace, service: Self.service, kind: "deploy", idStyle: .prefixed("dep_"),
            request: ["buildId": .string(buildId), "store": .string(store), "platform": .string(platform),
                      "bundleId": build.request[path: "bundleId"] ?? .null, "version": build.request[path: "version"] ?? .null],
            scenarioName: request.headers[Self.scenarioHeader]))
        return Self.json(.created, deployDocument(job))
    }

    func getDeploy(_ request: HTTPRequest, _ caller: Caller) async throws -> HTTPResponse {
        let id = request.pathParameters["id"] ?? ""
        guard let job = try await engine.job(id: id, namespace: caller.namespace),
              job.service == Self.service, job.kind == "deploy" else { throw AppBuildsError.deployNotFound(id) }
        return Self.json(.ok, deployDocument(job))
    }

    func deployDocument(_ job: Job) -> JSONValue {
        var document = job.request.objectValue ?? [:]
        document["id"] = .string(job.id)
        document["status"] = .string(job.state)
        document["createdAt"] = .string(job.createdAt.iso8601)
        if job.state == "live" || job.state == "rejected", let finishedAt = job.finishedAt {
            document["finishedAt"] = .string(finishedAt.iso8601)
        }
        if job.state == "rejected" {
            document["error"] = job.data["error"] ?? ["code": "STORE_REJECTED", "message": "The store rejected the app."]
        }
        return .object(document)
    }
}
