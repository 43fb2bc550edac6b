import Engine
import HTTP
import JSON

/// A user as the admin routes describe one: an existing user is matched by id or email.
struct UserSpec: Sendable {
    var id: String?
    var email: String?
    var name: String?
    var admin: Bool

    /// `{"id"?, "email"?, "name"?, "admin"?}`, or a bare email string; `admin` defaults to
    /// `defaultAdmin` (true for a space's owner, who administers it).
    static func parse(_ value: JSONValue, path: String, defaultAdmin: Bool = false) throws -> UserSpec {
        if let email = value.stringValue { return UserSpec(id: nil, email: email, name: nil, admin: defaultAdmin) }
        guard case .object(let fields) = value else {
            throw BuilderIOAdminError.invalid("\(path) must be an object {id?, email, name?, admin?} or an email")
        }
        let admin: Bool
        switch fields["admin"] {
        case nil, .null?: admin = defaultAdmin
        case .bool(let flag)?: admin = flag
        default: throw BuilderIOAdminError.invalid("\(path).admin must be a boolean")
        }
        return UserSpec(id: try AdminField.string(fields["id"], path + ".id"),
                        email: try AdminField.string(fields["email"], path + ".email"),
                        name: try AdminField.string(fields["name"], path + ".name"), admin: admin)
    }
}

/// Reading admin request fields.
enum AdminField {
    static func string(_ value: JSONValue?, _ path: String) throws -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)? where !text.isEmpty: return text
        default: throw BuilderIOAdminError.invalid("\(path) must be a non-empty string")
        }
    }
}

extension WorldStore {
    /// Creates a space, its owner (found or made) and its members; generated id and key when absent.
    func createSpace(id: String?, name: String?, privateKeys: [String]?, owner: UserSpec?, members: [UserSpec],
                     now: String) async throws -> Space {
        _ = try await loaded()
        let seed = engine.seed
        var spaceID = id ?? ""
        if let id {
            guard Identifiers.isSpaceID(id) else {
                throw BuilderIOAdminError.invalid("id must be 1–64 letters, digits, '-' or '_' (it is the public API key)")
            }
            guard world.spaces[id] == nil else { throw BuilderIOAdminError(.conflict, "conflict", "space \(id) already exists") }
        } else {
            var counter = UInt64(world.spaces.count)
            repeat {
                spaceID = IDGenerator.hexToken(stream: "builderio/space", seed: seed, namespace: Self.namespace,
                                               counter: counter, length: 32)
                counter += 1
            } while world.spaces[spaceID] != nil
        }
        let keys = privateKeys ?? ["bpk-" + IDGenerator.hexToken(stream: "builderio/key/" + spaceID, seed: seed,
                                                                namespace: Self.namespace, counter: 0, length: 32)]
        guard !keys.isEmpty, keys.allSatisfy(Identifiers.isPrivateKey) else {
            throw BuilderIOAdminError.invalid("privateKeys must be keys of the form bpk-… (letters, digits, '-', '_')")
        }
        for key in keys where world.space(forPrivateKey: key) != nil {
            throw BuilderIOAdminError(.conflict, "conflict", "private key \(key) already belongs to another space")
        }
        // Check every user before creating any, so a bad member leaves nothing half made.
        let ownerSpec = owner ?? UserSpec(id: nil, email: "owner@\(spaceID.lowercased()).spaces.buildermock.local",
                                          name: "Space owner", admin: true)
        var created: [User] = []
        let ownerUser = try user(for: ownerSpec, path: "owner", created: &created, seed: seed)
        var memberUsers: [User] = []
        for (index, spec) in members.enumerated() {
            memberUsers.append(try user(for: spec, path: "members[\(index)]", created: &created, seed: seed))
        }
        let space = Space(id: spaceID, name: name ?? "Space \(spaceID)", privateKeys: keys, ownerID: ownerUser.id,
                          isRuntime: true)
        created.forEach { world.insert($0) }
        world.insert(space)
        var documents = created.map(World.document) + [World.document(space)]
        for member in [ownerUser] + memberUsers {
            let membership = Membership(spaceID: spaceID, userID: member.id)
            world.insert(membership)
            documents.append(World.document(membership))
        }
        try await engine.putDocuments(documents, namespace: Self.namespace)
        return space
    }

    /// The existing user a spec names, or a new one (added to `created`, not yet to the world).
    private func user(for spec: UserSpec, path: String, created: inout [User], seed: UInt64) throws -> User {
        if let id = spec.id, let found = world.users[id] ?? created.first(where: { $0.id == id }) {
            if let email = spec.email, email.lowercased() != found.email.lowercased() {
                throw BuilderIOAdminError(.conflict, "conflict", "\(path): user \(id) has the email \(found.email)")
            }
            return found
        }
        guard let email = spec.email else {
            throw BuilderIOAdminError(.notFound, "not_found", "\(path): no user \(spec.id ?? "") (give an email to create one)")
        }
        guard RunRequest.isEmailShaped(email) else { throw BuilderIOAdminError.invalid("\(path).email must be an email address") }
        if let found = world.user(email: email) ?? created.first(where: { $0.email.lowercased() == email.lowercased() }) {
            if let id = spec.id, id != found.id {
                throw BuilderIOAdminError(.conflict, "conflict", "\(path): \(email) belongs to user \(found.id)")
            }
            return found
        }
        var user = Self.newUser(in: world, email: email, name: spec.name, admin: spec.admin, seed: seed)
        if let id = spec.id { user.id = id }
        created.append(user)
        return user
    }

    /// Creates a user (409 if the id or email is taken) and adds it to `spaces`.
    func createUser(_ spec: UserSpec, spaces: [String]) async throws -> User {
        _ = try await loaded()
        guard let email = spec.email else { throw BuilderIOAdminError.invalid("email is required") }
        if let id = spec.id, world.users[id] != nil {
            throw BuilderIOAdminError(.conflict, "conflict", "user \(id) already exists")
        }
        guard world.user(email: email) == nil else {
            throw BuilderIOAdminError(.conflict, "conflict", "a user with the email \(email) already exists")
        }
        for space in spaces where world.spaces[space] == nil {
            throw BuilderIOAdminError(.notFound, "not_found", "no space \(space)")
        }
        var created: [User] = []
        let user = try self.user(for: spec, path: "user", created: &created, seed: engine.seed)
        world.insert(user)
        var documents = [World.document(user)]
        for space in spaces {
            let membership = Membership(spaceID: space, userID: user.id)
            world.insert(membership)
            documents.append(World.document(membership))
        }
        try await engine.putDocuments(documents, namespace: Self.namespace)
        return user
    }

    /// Makes an existing user a member of an existing space (idempotent).
    func addMembership(spaceID: String, userID: String?, userEmail: String?) async throws -> User {
        _ = try await loaded()
        guard world.spaces[spaceID] != nil else { throw BuilderIOAdminError(.notFound, "not_found", "no space \(spaceID)") }
        guard let user = userID.flatMap({ world.users[$0] }) ?? userEmail.flatMap({ world.user(email: $0) }) else {
            throw BuilderIOAdminError(.notFound, "not_found", "no user \(userID ?? userEmail ?? "")")
        }
        let membership = Membership(spaceID: spaceID, userID: user.id)
        world.insert(membership)
        try await engine.putDocuments([World.document(membership)], namespace: Self.namespace)
        return user
    }

    /// Creates an empty project in a space, so a test can run in an existing project.
    func createProject(spaceID: String, id: String?, name: String?, now: String) async throws -> Project {
        _ = try await loaded()
        guard world.spaces[spaceID] != nil else { throw BuilderIOAdminError(.notFound, "not_found", "no space \(spaceID)") }
        var projectID = id ?? ""
        if let id {
            guard Identifiers.isSpaceID(id) else {
                throw BuilderIOAdminError.invalid("id must be 1–64 letters, digits, '-' or '_'")
            }
            guard world.projects[id] == nil else {
                throw BuilderIOAdminError(.conflict, "conflict", "project \(id) already exists")
            }
        } else {
            var counter = UInt64(world.projects(of: spaceID).count)
            repeat {
                projectID = IDGenerator.hexToken(stream: "builderio/project", seed: engine.seed, namespace: spaceID,
                                                 counter: counter, length: 12)
                counter += 1
            } while world.projects[projectID] != nil
        }
        let project = Project(id: projectID, spaceID: spaceID, name: name ?? "Project \(projectID)", createdAt: now,
                              isRuntime: true)
        world.insert(project)
        try await engine.putDocuments([World.document(project)], namespace: Self.namespace)
        return project
    }
}
