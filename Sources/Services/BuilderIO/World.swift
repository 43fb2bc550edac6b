import JSON

/// A Builder.io Space: its public API key is its id; its private keys (`bpk-…`) authenticate runs.
struct Space: Equatable, Sendable {
    var id: String
    var name: String
    var privateKeys: [String]
    /// The user runs act for when the caller names nobody (lenient auth).
    var ownerID: String
    /// Made by lenient auth on first use rather than declared: any email may join it.
    var autoCreated = false
    /// Created through the API or admin routes, so persisted; fixture entries are not.
    var isRuntime = false
}

/// A Builder user: may belong to several spaces.
struct User: Equatable, Sendable {
    var id: String
    var email: String
    var name: String?
    /// Space admin: Builder.io shows user ids only to admins.
    var admin = false
    var isRuntime = false
}

/// A project of one space; branches are added to it by runs.
struct Project: Equatable, Sendable {
    var id: String
    var spaceID: String
    var name: String
    /// ISO 8601, from the clock of the namespace the project was created in; nil for fixtures.
    var createdAt: String?
    var isRuntime = false
}

/// A branch of a project: the name is unique in its project, and the work on it is a job.
struct Branch: Equatable, Sendable {
    var projectID: String
    var name: String
    /// Empty while the run that reserved the name is still creating its job.
    var jobID: String
    /// Where the job lives (the space, or `X-Buildermock-Namespace`).
    var namespace: String
    var createdAt: String
    /// Creation order within the project, so listings survive a restart in the same order.
    var sequence: Int
}

/// Who may use which space.
struct Membership: Hashable, Sendable {
    var spaceID: String
    var userID: String
}

/// Every space, user, membership, project and branch the service knows: the fixture's plus those
/// created at runtime. A plain value: `WorldStore` owns the one live copy.
struct World: Sendable {
    private(set) var spaces: [String: Space] = [:]
    private(set) var users: [String: User] = [:]
    private(set) var memberships: Set<Membership> = []
    private(set) var projects: [String: Project] = [:]
    /// Branches by project id, in creation order.
    private(set) var branches: [String: [Branch]] = [:]
    private var spaceByKey: [String: String] = [:]
    private var userByEmail: [String: String] = [:]
    private var projectsBySpace: [String: [String]] = [:]

    init() {}

    // MARK: Lookups

    func space(forPrivateKey key: String) -> Space? { spaceByKey[key].flatMap { spaces[$0] } }
    func user(email: String) -> User? { userByEmail[email.lowercased()].flatMap { users[$0] } }
    func isMember(_ userID: String, of spaceID: String) -> Bool {
        memberships.contains(Membership(spaceID: spaceID, userID: userID))
    }
    func members(of spaceID: String) -> [User] {
        memberships.filter { $0.spaceID == spaceID }.compactMap { users[$0.userID] }.sorted { $0.email < $1.email }
    }
    func projects(of spaceID: String) -> [Project] { (projectsBySpace[spaceID] ?? []).compactMap { projects[$0] } }
    func branch(project projectID: String, name: String) -> Branch? {
        branches[projectID]?.first { $0.name == name }
    }

    // MARK: Changes (callers check for conflicts first; these only keep the indexes right)

    mutating func insert(_ space: Space) {
        if let old = spaces[space.id] { old.privateKeys.forEach { spaceByKey[$0] = nil } }
        spaces[space.id] = space
        for key in space.privateKeys { spaceByKey[key] = space.id }
    }

    mutating func insert(_ user: User) {
        if let old = users[user.id] { userByEmail[old.email.lowercased()] = nil }
        users[user.id] = user
        userByEmail[user.email.lowercased()] = user.id
    }

    mutating func insert(_ membership: Membership) { memberships.insert(membership) }

    mutating func insert(_ project: Project) {
        if projects[project.id] == nil { projectsBySpace[project.spaceID, default: []].append(project.id) }
        projects[project.id] = project
    }

    mutating func remove(project id: String) {
        guard let project = projects.removeValue(forKey: id) else { return }
        projectsBySpace[project.spaceID]?.removeAll { $0 == id }
        branches[id] = nil
    }

    mutating func insert(_ branch: Branch) {
        var list = branches[branch.projectID] ?? []
        if let index = list.firstIndex(where: { $0.name == branch.name }) {
            list[index] = branch
        } else {
            list.append(branch)
            list.sort { $0.sequence < $1.sequence }
        }
        branches[branch.projectID] = list
    }

    mutating func remove(branch name: String, project projectID: String) {
        branches[projectID]?.removeAll { $0.name == name }
    }
}

/// Well-formedness rules shared by the fixture, the admin routes and lenient auth.
enum Identifiers {
    /// A space id (the public API key): 1–64 letters, digits, `-` or `_`, so it is also a valid
    /// namespace name and a path segment.
    static func isSpaceID(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64 && text.utf8.allSatisfy(isWordByte)
    }

    /// A private key: `bpk-` and 1–128 letters, digits, `-` or `_` (Builder.io issues `bpk-` + 32 hex).
    static func isPrivateKey(_ text: String) -> Bool {
        guard text.hasPrefix("bpk-") else { return false }
        let rest = text.utf8.dropFirst(4)
        return !rest.isEmpty && rest.count <= 128 && rest.allSatisfy(isWordByte)
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}
