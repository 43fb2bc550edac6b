public import JSON

/// Everything needed to create a job.
public struct NewJob: Sendable {
    /// How the job's id looks.
    public enum IDStyle: Sendable, Hashable {
        /// A v4-shaped UUID.
        case uuid
        /// A prefix and 12 base-36 characters, e.g. `bld_k3v9x0q2m7ab`.
        case prefixed(String)
    }

    public var namespace: String
    public var service: String
    public var kind: String
    public var idStyle: IDStyle
    /// The creating request, as the service normalised it; scenario match rules read it.
    public var request: JSONValue
    /// The service's initial document.
    public var data: [String: JSONValue]
    /// A scenario asked for by name (`X-Buildermock-Scenario`); nil lets pins, match rules and the
    /// default decide.
    public var scenarioName: String?
    /// An id the caller chose instead of the next one of `idStyle`: a hook that spawns a job and must
    /// write the child's id into its own document in the same transaction (a conversation's builder).
    /// It must be unique across the store; the insert fails otherwise.
    public var id: String?

    public init(namespace: String, service: String, kind: String, idStyle: IDStyle = .uuid,
                request: JSONValue = .object([:]), data: [String: JSONValue] = [:], scenarioName: String? = nil,
                id: String? = nil) {
        self.namespace = namespace
        self.service = service
        self.kind = kind
        self.idStyle = idStyle
        self.request = request
        self.data = data
        self.scenarioName = scenarioName
        self.id = id
    }
}

/// Why the engine refused an operation. Services map these to their own error shapes.
public enum EngineError: Error, Sendable, CustomStringConvertible {
    case jobNotFound(id: String)
    case unknownScenario(name: String, kind: String, available: [String])
    case noScenario(kind: String)
    /// The job's current step does not take this event (answer outside gathering → 409).
    case eventRejected(event: String, state: String, reason: String)
    case invalidNamespace(String)
    case clock(String)
    case storage(String)

    public var description: String {
        switch self {
        case .jobNotFound(let id): "no job \(id)"
        case .unknownScenario(let name, let kind, let available):
            "no scenario \"\(name)\" for \(kind); available: \(available.joined(separator: ", "))"
        case .noScenario(let kind): "no scenario is defined for \(kind)"
        case .eventRejected(_, _, let reason): reason
        case .invalidNamespace(let name): "invalid namespace \"\(name)\": use 1–64 letters, digits, '.', '_' or '-'"
        case .clock(let message): message
        case .storage(let message): "storage error: \(message)"
        }
    }
}
