import Engine
import HTTP
import JSON

/// `/__admin/builderio/…`: the world a test sets up (spaces, users, memberships, projects) and the
/// branches it can inspect. Registered here rather than in Admin, which must not know this API.
/// Errors use the admin API's shape, `{"error": {"code", "message"}}`.
extension BuilderIOService {
    static let adminPrefix = "/__admin/builderio"

    func registerAdmin(on router: inout Router) {
        router.setErrorRenderer(forPrefix: Self.adminPrefix) { status, code, message in
            BuilderIOAdminError(status, code, message).response
        }
        router.add(.get, Self.adminPrefix + "/spaces") { _ in
            try await admin {
                let snapshot = try await world.loaded()
                let spaces = snapshot.spaces.values.sorted { $0.id < $1.id }
                return (.ok, .object(["spaces": .array(spaces.map { Self.spaceJSON($0, in: snapshot) })]))
            }
        }
        router.add(.get, Self.adminPrefix + "/spaces/:id") { request in
            try await admin {
                let snapshot = try await world.loaded()
                let id = request.pathParameters["id"] ?? ""
                guard let space = snapshot.spaces[id] else { throw BuilderIOAdminError(.notFound, "not_found", "no space \(id)") }
                return (.ok, Self.spaceJSON(space, in: snapshot))
            }
        }
        router.add(.post, Self.adminPrefix + "/spaces") { request in
            try await admin {
                let body = try Self.adminBody(request)
                var keys: [String]?
                if let single = try AdminField.string(body["privateKey"], "privateKey") { keys = [single] }
                if case .array(let items)? = body["privateKeys"] {
                    keys = try items.map { item in
                        guard let key = item.stringValue else { throw BuilderIOAdminError.invalid("privateKeys must be strings") }
                        return key
                    }
                }
                let owner = try body["owner"].flatMap { $0 == .null ? nil : try UserSpec.parse($0, path: "owner", defaultAdmin: true) }
                var members: [UserSpec] = []
                if case .array(let items)? = body["members"] {
                    members = try items.enumerated().map { try UserSpec.parse($1, path: "members[\($0)]") }
                }
                let id = try AdminField.string(body["id"], "id")
                let space = try await world.createSpace(
                    id: id, name: try AdminField.string(body["name"], "name"), privateKeys: keys, owner: owner,
                    members: members, now: engine.now(namespace: id ?? NamespaceResolver.fallback).iso8601)
                return (.created, Self.spaceJSON(space, in: try await world.loaded()))
            }
        }
        router.add(.post, Self.adminPrefix + "/users") { request in
            try await admin {
                let body = try Self.adminBody(request)
                var spaces: [String] = []
                if case .array(let items)? = body["spaces"] { spaces = items.compactMap(\.stringValue) }
                let user = try await world.createUser(try UserSpec.parse(.object(body), path: "user"), spaces: spaces)
                return (.created, Self.userJSON(user))
            }
        }
        router.add(.post, Self.adminPrefix + "/memberships") { request in
            try await admin {
                let body = try Self.adminBody(request)
                guard let spaceID = try AdminField.string(body["spaceId"], "spaceId") else {
                    throw BuilderIOAdminError.invalid("spaceId is required")
                }
                let userID = try AdminField.string(body["userId"], "userId")
                let email = try AdminField.string(body["userEmail"], "userEmail")
                guard userID != nil || email != nil else { throw BuilderIOAdminError.invalid("userId or userEmail is required") }
                let user = try await world.addMembership(spaceID: spaceID, userID: userID, userEmail: email)
                return (.created, .object(["spaceId": .string(spaceID), "user": Self.userJSON(user)]))
            }
        }
        router.add(.post, Self.adminPrefix + "/projects") { request in
            try await admin {
                let body = try Self.adminBody(request)
                guard let spaceID = try AdminField.string(body["spaceId"], "spaceId") else {
                    throw BuilderIOAdminError.invalid("spaceId is required")
                }
                let project = try await world.createProject(
                    spaceID: spaceID, id: try AdminField.string(body["id"], "id"),
                    name: try AdminField.string(body["name"], "name"),
                    now: engine.now(namespace: Identifiers.isSpaceID(spaceID) ? spaceID : NamespaceResolver.fallback).iso8601)
                return (.created, try await projectJSON(project, in: try await world.loaded()))
            }
        }
        router.add(.get, Self.adminPrefix + "/projects/:id") { request in
            try await admin {
                let snapshot = try await world.loaded()
                let id = request.pathParameters["id"] ?? ""
                guard let project = snapshot.projects[id] else {
                    throw BuilderIOAdminError(.notFound, "not_found", "no project \(id)")
                }
                return (.ok, try await projectJSON(project, in: snapshot))
            }
        }
    }

    /// Runs an admin handler, turning storage and fixture failures into the admin error shape.
    func admin(_ body: () async throws -> (HTTPStatus, JSONValue)) async throws -> HTTPResponse {
        do {
            let (status, value) = try await body()
            return .json(status, bytes: value.serializedBytes())
        } catch let error as BuilderIOAdminError {
            throw error
        } catch let error as WorldFileError {
            throw BuilderIOAdminError(.internalServerError, "invalid_world", error.message)
        } catch {
            throw BuilderIOAdminError(.internalServerError, "internal_error", "\(error)")
        }
    }

    static func adminBody(_ request: HTTPRequest) throws -> [String: JSONValue] {
        guard case .object(let fields)? = JSONValue.parse(request.body) else {
            throw BuilderIOAdminError(.badRequest, "invalid_json", "the body must be a JSON object")
        }
        return fields
    }

    static func userJSON(_ user: User) -> JSONValue {
        var fields: [String: JSONValue] = ["id": .string(user.id), "email": .string(user.email), "admin": .bool(user.admin)]
        if let name = user.name { fields["name"] = .string(name) }
        return .object(fields)
    }

    static func spaceJSON(_ space: Space, in world: World) -> JSONValue {
        .object([
            "id": .string(space.id), "name": .string(space.name),
            "privateKeys": .array(space.privateKeys.map(JSONValue.string)), "ownerId": .string(space.ownerID),
            "autoCreated": .bool(space.autoCreated),
            "members": .array(world.members(of: space.id).map(userJSON)),
            "projects": .array(world.projects(of: space.id).map { .object(["id": .string($0.id), "name": .string($0.name)]) }),
        ])
    }

    /// A project and each branch with its job's state at its namespace's current time.
    func projectJSON(_ project: Project, in world: World) async throws -> JSONValue {
        var branches: [JSONValue] = []
        for branch in world.branches[project.id] ?? [] where !branch.jobID.isEmpty {
            var fields: [String: JSONValue] = [
                "name": .string(branch.name), "jobId": .string(branch.jobID), "namespace": .string(branch.namespace),
                "createdAt": .string(branch.createdAt),
                "url": .string(Self.editorURL(base: engine.publicURL, project: project.id, branch: branch.name)),
            ]
            if let job = try await engine.job(id: branch.jobID, namespace: branch.namespace) {
                fields["state"] = .string(job.state)
                fields["step"] = .string(job.step)
                fields["scenario"] = .string(job.scenario)
                var progress: [JSONValue] = []
                if case .array(let items)? = job.data["progress"] { progress = items }
                // The latest thing the agent said (its steps' messages live in `progress`).
                fields["message"] = progress.last(where: { $0["message"] != nil })?["message"] ?? .null
                fields["error"] = job.data["error"] ?? .null
                fields["finishedAt"] = job.finishedAt.map { .string($0.iso8601) } ?? .null
                fields["progress"] = .array(progress)
            } else {
                // The namespace was reset: the branch's name stays taken, its work is gone.
                fields["state"] = .null
            }
            branches.append(.object(fields))
        }
        return .object([
            "id": .string(project.id), "spaceId": .string(project.spaceID), "name": .string(project.name),
            "createdAt": project.createdAt.map(JSONValue.string) ?? .null, "branches": .array(branches),
        ])
    }
}
