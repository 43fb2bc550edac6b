/// One row of `jobs`, every column; what the values mean is the engine's business.
public struct JobRecord: Sendable, Hashable {
    public var id: String
    public var namespace: String
    public var service: String
    public var kind: String
    public var state: String
    public var step: Int
    /// Milliseconds on the namespace clock; nil while the job waits for an event.
    public var dueAt: Int64?
    public var scenario: String
    /// JSON text.
    public var payload: String
    public var createdAt: Int64
    public var updatedAt: Int64
    /// Bumped by every applied update; the optimistic-concurrency guard.
    public var version: Int

    public init(id: String, namespace: String, service: String, kind: String, state: String, step: Int = 0,
                dueAt: Int64?, scenario: String, payload: String = "{}", createdAt: Int64, updatedAt: Int64,
                version: Int = 1) {
        self.id = id
        self.namespace = namespace
        self.service = service
        self.kind = kind
        self.state = state
        self.step = step
        self.dueAt = dueAt
        self.scenario = scenario
        self.payload = payload
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    static let columns = "id, namespace, service, kind, state, step, due_at, scenario, payload, created_at, updated_at, version"

    /// Decodes the row a statement selecting `columns` sits on.
    init(row s: Statement) {
        self.init(id: s.string(0), namespace: s.string(1), service: s.string(2), kind: s.string(3),
                  state: s.string(4), step: s.int(5), dueAt: s.optionalInt64(6), scenario: s.string(7),
                  payload: s.string(8), createdAt: s.int64(9), updatedAt: s.int64(10), version: s.int(11))
    }
}

/// A page of a listing plus the total number of matching rows.
public struct Page<Element: Sendable>: Sendable {
    public var items: [Element]
    public var total: Int

    public init(items: [Element], total: Int) {
        self.items = items
        self.total = total
    }
}

extension Page: Equatable where Element: Equatable {}
