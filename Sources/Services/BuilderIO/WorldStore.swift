import Engine
import JSON

/// The one live copy of the world, and the only writer of its durable half.
///
/// Why documents and an actor: spaces, users and projects are not lifecycles, so they are not jobs;
/// they are small JSON documents in the engine's key–value store (namespace `builderio.world`,
/// untouched by `POST /__admin/reset` of API namespaces), read once at first use and kept in memory.
/// Every document is written once and never edited (branches are separate documents), so writes
/// racing each other cannot leave an older version on disk. Check-and-reserve steps (a lenient
/// space's first use, a branch name) happen between two suspension points, so two concurrent runs
/// never take the same name.
actor WorldStore {
    /// Where the documents live. Not a space's namespace: a run may be filed under any namespace
    /// (`X-Buildermock-Namespace`), but the world is one.
    static let namespace = "builderio.world"

    let engine: Engine
    /// The parsed fixture, or why it could not be read (then every request answers 500 saying so).
    let fixture: Result<World, WorldFileError>
    // Internal, not private: the admin operations in WorldStore+Admin.swift change it too.
    var world = World()
    private var loading: Task<World, any Error>?
    private var isLoaded = false

    init(engine: Engine, fixture: Result<World, WorldFileError>) {
        self.engine = engine
        self.fixture = fixture
    }

    /// The fixture plus everything stored, loaded on first use: services are built synchronously,
    /// before the store can be read asynchronously.
    func loaded() async throws -> World {
        if isLoaded { return world }
        let task: Task<World, any Error>
        if let loading {
            task = loading
        } else {
            let engine = self.engine
            let fixture = self.fixture
            task = Task {
                var world = try fixture.get()
                try world.restore(try await engine.documents(namespace: Self.namespace))
                return world
            }
            loading = task
        }
        do {
            let loadedWorld = try await task.value
            if !isLoaded {
                world = loadedWorld
                isLoaded = true
            }
            return world
        } catch {
            loading = nil
            throw error
        }
    }

    // MARK: Runs

    /// Everything a run was granted, with the documents that make it durable.
    struct RunPlan: Sendable {
        let space: Space
        var user: User
        var project: Project
        var isNewProject: Bool
        var branch: Branch
        /// Runtime entities the run relies on. Writing them again with the branch is idempotent, and
        /// makes a lenient space durable with the first run that succeeds, even if an earlier run
        /// that created it failed before storing anything.
        var documents: [StoredDocument]
    }

    /// Checks the keys before the body is read: 403 for a key that does not fit, and nothing is
    /// created yet. Returns nothing: `plan` repeats the check where it may create the space.
    func authenticate(apiKey: String, privateKey: String, strict: Bool) async throws {
        let world = try await loaded()
        _ = try Self.access(world, apiKey: apiKey, privateKey: privateKey, strict: strict)
    }

    /// The space `apiKey` names if `privateKey` opens it; nil when lenient auth may create it.
    static func access(_ world: World, apiKey: String, privateKey: String, strict: Bool) throws -> Space? {
        if let space = world.spaces[apiKey] {
            if space.privateKeys.contains(privateKey) { return space }
            throw world.space(forPrivateKey: privateKey) != nil ? BuilderIOError.mismatchedSpace : BuilderIOError.invalidPrivateKey
        }
        // A key of another space never opens (or creates) this one.
        if world.space(forPrivateKey: privateKey) != nil { throw BuilderIOError.mismatchedSpace }
        guard !strict, Identifiers.isPrivateKey(privateKey) else { throw BuilderIOError.invalidPrivateKey }
        return nil
    }

    /// Authenticates, finds or creates the user and the project, and reserves a unique branch name,
    /// all without suspending. The branch has no job yet: `commit` or `abandon` follows.
    func plan(apiKey: String, privateKey: String, request: RunRequest, strict: Bool, namespace: String,
              now: String) async throws -> RunPlan {
        _ = try await loaded()
        let seed = engine.seed
        var documents: [StoredDocument] = []
        // Space.
        let space: Space
        if let existing = try Self.access(world, apiKey: apiKey, privateKey: privateKey, strict: strict) {
            space = existing
        } else {
            let owner = Self.newUser(in: world, email: "owner@\(apiKey.lowercased()).spaces.buildermock.local",
                                     name: "Space owner", admin: true, seed: seed)
            if world.users[owner.id] == nil { world.insert(owner) }
            space = Space(id: apiKey, name: "Space \(apiKey)", privateKeys: [privateKey], ownerID: owner.id,
                          autoCreated: true, isRuntime: true)
            world.insert(space)
            world.insert(Membership(spaceID: space.id, userID: owner.id))
        }
        if space.isRuntime {
            documents.append(World.document(space))
            if let owner = world.users[space.ownerID] {
                if owner.isRuntime { documents.append(World.document(owner)) }
                documents.append(World.document(Membership(spaceID: space.id, userID: owner.id)))
            }
        }
        // User.
        let user = try resolveUser(request, in: space, strict: strict, seed: seed)
        if user.isRuntime { documents.append(World.document(user)) }
        // The membership may be a fixture's or one made at runtime; storing it again costs one row.
        documents.append(World.document(Membership(spaceID: space.id, userID: user.id)))
        // Project.
        var project: Project
        var isNewProject = false
        if let projectID = request.projectID {
            guard let existing = world.projects[projectID], existing.spaceID == space.id else {
                throw BuilderIOError.projectNotInSpace(projectID)
            }
            project = existing
        } else {
            var counter = UInt64(world.projects(of: space.id).count)
            var id: String
            repeat {
                id = IDGenerator.hexToken(stream: "builderio/project", seed: seed, namespace: space.id, counter: counter, length: 12)
                counter += 1
            } while world.projects[id] != nil
            project = Project(id: id, spaceID: space.id,
                              name: request.friendlyName ?? BranchNaming.projectName(prompt: request.prompt),
                              createdAt: now, isRuntime: true)
            world.insert(project)
            isNewProject = true
        }
        if project.isRuntime { documents.append(World.document(project)) }
        // Branch: the slug and four hex digits, drawn again until the name is free in the project.
        let slug = request.friendlyName.flatMap(BranchNaming.friendlySlug) ?? BranchNaming.promptSlug(request.prompt)
        let existing = world.branches[project.id] ?? []
        var counter = UInt64(existing.count)
        var name: String
        repeat {
            name = slug + "-" + IDGenerator.hexToken(stream: "builderio/branch/" + project.id, seed: seed,
                                                     namespace: space.id, counter: counter, length: 4)
            counter += 1
        } while world.branch(project: project.id, name: name) != nil
        let branch = Branch(projectID: project.id, name: name, jobID: "", namespace: namespace, createdAt: now,
                            sequence: (existing.map(\.sequence).max() ?? -1) + 1)
        world.insert(branch)
        return RunPlan(space: space, user: user, project: project, isNewProject: isNewProject, branch: branch,
                       documents: documents)
    }

    /// Who the run acts for: `userId`, else `userEmail`, else (lenient) the space's owner.
    private func resolveUser(_ request: RunRequest, in space: Space, strict: Bool, seed: UInt64) throws -> User {
        // Lenient auth lets anyone into a space it created itself; declared spaces keep their members.
        let openSpace = !strict && space.autoCreated
        var user: User
        if let id = request.userID {
            guard let found = world.users[id] else { throw BuilderIOError.userNotFound }
            if let email = request.userEmail, email.lowercased() != found.email.lowercased() {
                throw BuilderIOError.invalid("Invalid field: userEmail does not belong to the user in userId")
            }
            user = found
        } else if let email = request.userEmail {
            if let found = world.user(email: email) {
                user = found
            } else if openSpace {
                user = Self.newUser(in: world, email: email, name: nil, admin: false, seed: seed)
                world.insert(user)
            } else {
                throw BuilderIOError.userNotFound
            }
        } else {
            guard !strict else { throw BuilderIOError.noUserIdentifier }
            guard let owner = world.users[space.ownerID] else { throw BuilderIOError.userNotFound }
            user = owner
        }
        if !world.isMember(user.id, of: space.id) {
            guard openSpace else { throw BuilderIOError.userNotInSpace }
            world.insert(Membership(spaceID: space.id, userID: user.id))
        }
        return user
    }

    /// A runtime user whose id derives from the email, so the same email gets the same id in every
    /// run with the same seed, whatever happened before.
    static func newUser(in world: World, email: String, name: String?, admin: Bool, seed: UInt64) -> User {
        if let existing = world.user(email: email) { return existing }
        var counter: UInt64 = 0
        var id: String
        repeat {
            id = IDGenerator.hexToken(stream: "builderio/user/" + email.lowercased(), seed: seed, namespace: namespace,
                                      counter: counter, length: 24)
            counter += 1
        } while world.users[id] != nil
        return User(id: id, email: email, name: name, admin: admin, isRuntime: true)
    }

    /// Attaches the job to the reserved branch and stores the run's documents in one transaction.
    func commit(_ plan: RunPlan, jobID: String) async throws {
        var branch = plan.branch
        branch.jobID = jobID
        world.insert(branch)
        try await engine.putDocuments(plan.documents + [World.document(branch)], namespace: Self.namespace)
    }

    /// Releases what `plan` reserved for a run that did not start. Spaces and users it created stay:
    /// another run may already rely on them, and the next run that succeeds stores them.
    func abandon(_ plan: RunPlan) {
        world.remove(branch: plan.branch.name, project: plan.project.id)
        if plan.isNewProject { world.remove(project: plan.project.id) }
    }
}
