import Synchronization

/// Running totals of what the engine did since start, for `GET /__admin/metrics`: transitions by
/// kind and target state, webhook attempts by outcome, faults injected by kind. Counted after commit.
public final class EngineCounters: Sendable {
    /// A transition's labels: bounded by the scenario library, never by ids or namespaces.
    public struct TransitionKey: Hashable, Sendable {
        public var service: String
        public var kind: String
        public var state: String
    }

    /// A service and one more label: a webhook attempt's outcome, a fault's kind.
    public struct ServiceKey: Hashable, Sendable {
        public var service: String
        public var name: String
    }

    /// Everything at one moment.
    public struct Snapshot: Sendable {
        public var transitions: [TransitionKey: UInt64] = [:]
        /// By service and outcome (`delivered`, `retrying`, `gave_up`).
        public var webhookAttempts: [ServiceKey: UInt64] = [:]
        /// By service and fault kind.
        public var faultsInjected: [ServiceKey: UInt64] = [:]
    }

    private let state = Mutex(Snapshot())

    public init() {}

    public func snapshot() -> Snapshot {
        state.withLock { $0 }
    }

    func recordTransitions(_ transitions: [AppliedTransition]) {
        guard !transitions.isEmpty else { return }
        state.withLock { state in
            for transition in transitions {
                state.transitions[TransitionKey(service: transition.service, kind: transition.kind,
                                                state: transition.toState), default: 0] += 1
            }
        }
    }

    func recordWebhookAttempt(service: String, outcome: String) {
        state.withLock { $0.webhookAttempts[ServiceKey(service: service, name: outcome), default: 0] += 1 }
    }

    /// METRICS HOOK for fault injection: whatever applies a fault (the HTTP fault middleware, a
    /// lifecycle `fail`, a webhook `drop`) calls this once per injected fault, with the emulated
    /// service (`appbuilds`, …; `admin` or `other` outside them) and the fault kind (`status`,
    /// `latency`, `reset`, …). It feeds `buildermock_faults_injected_total{service,kind}`.
    public func recordFaultInjected(service: String, kind: String) {
        state.withLock { $0.faultsInjected[ServiceKey(service: service, name: kind), default: 0] += 1 }
    }
}
