import Synchronization

/// Namespaces known to hold no scenario pin, so creating a job there skips the pin lookup (a `kv`
/// search on the single writer, about 5 % of a create's writer time, for what is nearly always no
/// pin).
///
/// Sound because a namespace joins only after a create's transaction has committed having looked
/// and found no pin, and only if no pin was written anywhere between that lookup and the commit
/// (`pinWrites` counts every set, use and removal of a pin, including ones later rolled back). Every
/// pin write also empties the set. So in doubt the set says "look it up"; it never hides a pin.
final class UnpinnedNamespaces: Sendable {
    /// A lookup that found no pin in `namespace`, while `pinWrites` pin writes had happened.
    struct Observation: Sendable {
        let namespace: String
        let pinWrites: UInt64
    }

    private struct State {
        var pinWrites: UInt64 = 0
        var names: Set<String> = []
    }

    private let state = Mutex(State())
    /// Past this many namespaces the set starts over: bounded memory for servers that see many tokens.
    static let capacity = 10_000

    func contains(_ namespace: String) -> Bool {
        state.withLock { $0.names.contains(namespace) }
    }

    /// Called on the writer when a lookup in `namespace` found no pin.
    func observeNoPin(in namespace: String) -> Observation {
        Observation(namespace: namespace, pinWrites: state.withLock { $0.pinWrites })
    }

    /// Called once the transaction of `observation` has committed.
    func committed(_ observation: Observation) {
        state.withLock { state in
            guard state.pinWrites == observation.pinWrites else { return }
            if state.names.count >= Self.capacity { state.names.removeAll(keepingCapacity: true) }
            state.names.insert(observation.namespace)
        }
    }

    /// Called on the writer before any write of a pin (set, used, removed).
    func pinWillChange() {
        state.withLock { state in
            state.pinWrites &+= 1
            state.names.removeAll(keepingCapacity: true)
        }
    }
}
