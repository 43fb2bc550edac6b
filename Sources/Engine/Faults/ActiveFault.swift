public import Scenarios

/// A stored fault rule with its counters: how many calls it matched and how many it bent.
public struct ActiveFault: Sendable, Hashable {
    public var namespace: String
    public var rule: FaultRule
    /// `admin`, or `scenario:NAME` for a rule a scenario installed for one of its jobs.
    public var source: String
    public var matched: Int64
    public var hits: Int64
    public var createdAt: Timestamp
    var seq: Int64

    public var id: String { rule.id }
}

/// A fault the engine decided a call gets.
public struct InjectedFault: Sendable, Hashable {
    public var kind: FaultKind
    /// The rule that chose it; nil for an `X-Buildermock-Fault` header.
    public var ruleID: String?
    /// For `latency`: the drawn delay.
    public var latencyMs: Int64?

    public init(kind: FaultKind, ruleID: String?, latencyMs: Int64? = nil) {
        self.kind = kind
        self.ruleID = ruleID
        self.latencyMs = latencyMs
    }

    /// What the journal shows: `status:503`, `latency:250ms`.
    public var label: String {
        if let latencyMs { return "latency:\(latencyMs)ms" }
        return kind.label
    }
}
