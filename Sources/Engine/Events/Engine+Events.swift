import Store

extension Engine {
    /// Counts and publishes transitions whose transaction has committed. Call it after `storeWrite`
    /// returns, never inside the closure: a transaction that rolls back must leave no trace here.
    func committed(_ transitions: [AppliedTransition]) {
        guard !transitions.isEmpty else { return }
        counters.recordTransitions(transitions)
        guard events.hasSubscribers else { return }
        events.publish(transitions.map(EngineEvent.transition))
    }

    /// Publishes one committed change that is not a transition.
    func committed(_ event: EngineEvent) {
        events.publish([event])
    }
}

/// How many jobs of one kind are in one state, over every namespace.
public struct JobCount: Sendable, Hashable {
    public var service: String
    public var kind: String
    public var state: String
    public var count: Int
}

extension Engine {
    /// Jobs by service, kind and state, as stored (a real-clock job whose timer is overdue by a
    /// moment still counts in its old state until the scheduler runs it).
    public func jobCounts() async throws -> [JobCount] {
        try await storeRead { db in
            try db.jobs.countsByState().map { JobCount(service: $0.service, kind: $0.kind, state: $0.state, count: $0.count) }
        }
    }
}

extension Engine {
    /// Every namespace that has state (a stored clock, jobs), by name.
    public func namespaceNames() async throws -> [String] {
        // A clock is stored only once it moves or is first loaded in a write, so jobs count too.
        try await storeRead { db in
            Array(Set(try db.namespaces.list().map(\.name)).union(try db.jobs.namespaces())).sorted()
        }
    }
}
