import Engine
import JSON

/// Why the world fixture could not be read.
struct WorldFileError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

extension World {
    /// Reads the world fixture (`fixtures/world/builderio.json`):
    /// `{"users": [{id, email, name?, admin?}], "spaces": [{id, name?, privateKeys, owner, members?}],
    ///   "projects": [{id, space, name?}]}`. Every reference must resolve; an error names the entry.
    static func fixture(_ value: JSONValue) throws -> World {
        guard case .object(let root) = value else { throw WorldFileError(message: "the world must be a JSON object") }
        var world = World()
        for (index, item) in (root["users"].flatMap(Self.array) ?? []).enumerated() {
            let path = "users[\(index)]"
            let user = try decodeUser(item, path: path)
            guard world.users[user.id] == nil, world.user(email: user.email) == nil else {
                throw WorldFileError(message: "\(path): duplicate user \(user.id) / \(user.email)")
            }
            world.insert(user)
        }
        for (index, item) in (root["spaces"].flatMap(Self.array) ?? []).enumerated() {
            let path = "spaces[\(index)]"
            let space = try decodeSpace(item, path: path)
            guard world.spaces[space.id] == nil else { throw WorldFileError(message: "\(path): duplicate space \(space.id)") }
            for key in space.privateKeys where world.space(forPrivateKey: key) != nil {
                throw WorldFileError(message: "\(path): private key \(key) is already used by another space")
            }
            guard world.users[space.ownerID] != nil else {
                throw WorldFileError(message: "\(path).owner: no user \(space.ownerID)")
            }
            world.insert(space)
            world.insert(Membership(spaceID: space.id, userID: space.ownerID))
            for member in item["members"].flatMap(Self.array) ?? [] {
                guard let id = member.stringValue, world.users[id] != nil else {
                    throw WorldFileError(message: "\(path).members: \(member.serialized()) is not a user id")
                }
                world.insert(Membership(spaceID: space.id, userID: id))
            }
        }
        for (index, item) in (root["projects"].flatMap(Self.array) ?? []).enumerated() {
            let path = "projects[\(index)]"
            let project = try decodeProject(item, path: path)
            guard world.projects[project.id] == nil else {
                throw WorldFileError(message: "\(path): duplicate project \(project.id)")
            }
            guard world.spaces[project.spaceID] != nil else {
                throw WorldFileError(message: "\(path).space: no space \(project.spaceID)")
            }
            world.insert(project)
        }
        return world
    }

    /// Adds what earlier runs stored (see `documents(for:)`), after the fixture: a stored entry
    /// replaces a fixture entry with the same id.
    mutating func restore(_ documents: [StoredDocument]) throws {
        func kind(_ prefix: String) -> [StoredDocument] { documents.filter { $0.key.hasPrefix(prefix) } }
        for document in kind("user/") { var user = try Self.decodeUser(document.value, path: document.key); user.isRuntime = true; insert(user) }
        for document in kind("space/") {
            var space = try Self.decodeSpace(document.value, path: document.key)
            space.isRuntime = true
            space.autoCreated = document.value["autoCreated"] == .bool(true)
            insert(space)
        }
        for document in kind("member/") {
            guard let space = document.value["space"]?.stringValue, let user = document.value["user"]?.stringValue else {
                throw WorldFileError(message: "stored \(document.key): space and user are required")
            }
            insert(Membership(spaceID: space, userID: user))
        }
        for document in kind("project/") {
            var project = try Self.decodeProject(document.value, path: document.key)
            project.isRuntime = true
            insert(project)
        }
        var stored: [Branch] = []
        for document in kind("branch/") {
            let value = document.value
            guard let project = value["project"]?.stringValue, let name = value["name"]?.stringValue,
                  let job = value["job"]?.stringValue, let namespace = value["namespace"]?.stringValue,
                  case .int(let sequence)? = value["sequence"] else {
                throw WorldFileError(message: "stored \(document.key): project, name, job, namespace and sequence are required")
            }
            stored.append(Branch(projectID: project, name: name, jobID: job, namespace: namespace,
                                 createdAt: value["createdAt"]?.stringValue ?? "", sequence: Int(sequence)))
        }
        for branch in stored.sorted(by: { $0.sequence < $1.sequence }) { insert(branch) }
    }

    static func array(_ value: JSONValue) -> [JSONValue]? {
        if case .array(let items) = value { return items }
        return nil
    }

    static func decodeUser(_ value: JSONValue, path: String) throws -> User {
        guard let id = value["id"]?.stringValue, !id.isEmpty, let email = value["email"]?.stringValue,
              RunRequest.isEmailShaped(email) else {
            throw WorldFileError(message: "\(path): a user needs a non-empty id and an email")
        }
        return User(id: id, email: email, name: value["name"]?.stringValue, admin: value["admin"] == .bool(true))
    }

    static func decodeSpace(_ value: JSONValue, path: String) throws -> Space {
        guard let id = value["id"]?.stringValue, Identifiers.isSpaceID(id) else {
            throw WorldFileError(message: "\(path).id: 1–64 letters, digits, '-' or '_' required")
        }
        let keys = (value["privateKeys"].flatMap(array) ?? []).compactMap(\.stringValue)
        guard !keys.isEmpty, keys.allSatisfy(Identifiers.isPrivateKey) else {
            throw WorldFileError(message: "\(path).privateKeys: one or more keys of the form bpk-… required")
        }
        guard let owner = value["owner"]?.stringValue else { throw WorldFileError(message: "\(path).owner: a user id is required") }
        return Space(id: id, name: value["name"]?.stringValue ?? id, privateKeys: keys, ownerID: owner)
    }

    static func decodeProject(_ value: JSONValue, path: String) throws -> Project {
        guard let id = value["id"]?.stringValue, Identifiers.isSpaceID(id), let space = value["space"]?.stringValue else {
            throw WorldFileError(message: "\(path): a project needs an id (letters, digits, '-', '_') and a space")
        }
        return Project(id: id, spaceID: space, name: value["name"]?.stringValue ?? id,
                       createdAt: value["createdAt"]?.stringValue)
    }

    // MARK: Documents

    static func document(_ space: Space) -> StoredDocument {
        StoredDocument(key: "space/" + space.id, value: .object([
            "id": .string(space.id), "name": .string(space.name),
            "privateKeys": .array(space.privateKeys.map(JSONValue.string)), "owner": .string(space.ownerID),
            "autoCreated": .bool(space.autoCreated),
        ]))
    }

    static func document(_ user: User) -> StoredDocument {
        var fields: [String: JSONValue] = ["id": .string(user.id), "email": .string(user.email), "admin": .bool(user.admin)]
        if let name = user.name { fields["name"] = .string(name) }
        return StoredDocument(key: "user/" + user.id, value: .object(fields))
    }

    static func document(_ membership: Membership) -> StoredDocument {
        StoredDocument(key: "member/\(membership.spaceID)/\(membership.userID)",
                       value: .object(["space": .string(membership.spaceID), "user": .string(membership.userID)]))
    }

    static func document(_ project: Project) -> StoredDocument {
        var fields: [String: JSONValue] = ["id": .string(project.id), "space": .string(project.spaceID),
                                           "name": .string(project.name)]
        if let createdAt = project.createdAt { fields["createdAt"] = .string(createdAt) }
        return StoredDocument(key: "project/" + project.id, value: .object(fields))
    }

    static func document(_ branch: Branch) -> StoredDocument {
        StoredDocument(key: "branch/\(branch.projectID)/\(branch.name)", value: .object([
            "project": .string(branch.projectID), "name": .string(branch.name), "job": .string(branch.jobID),
            "namespace": .string(branch.namespace), "createdAt": .string(branch.createdAt),
            "sequence": .int(Int64(branch.sequence)),
        ]))
    }
}

extension JSONValue {
    /// The member `name` of an object.
    subscript(_ name: String) -> JSONValue? {
        if case .object(let members) = self { return members[name] }
        return nil
    }
}
