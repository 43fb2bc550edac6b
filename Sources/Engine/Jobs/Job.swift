public import Scenarios
public import JSON

/// One asynchronous thing an emulated API does (a build, a conversation, an agent run, a webhook
/// delivery), as services see it: its public state, the request that created it and the document
/// the service renders from.
public struct Job: Sendable, Hashable {
    public var id: String
    public var namespace: String
    public var service: String
    public var kind: String
    /// The public status (`queued`, `gathering`, …) of the step the job is in.
    public var state: String
    /// The scenario step the job is in.
    public var step: String
    /// When the step's timer fires; nil while the job waits for an event or has finished.
    public var dueAt: Timestamp?
    public var scenario: String
    /// The body of the creating request, as the service normalised it.
    public var request: JSONValue
    /// The service's document: fields the service and the scenario's `set` effects write.
    public var data: [String: JSONValue]
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    /// When the job entered a terminal step; nil while it is still going.
    public var finishedAt: Timestamp?
    /// Bumped by every stored change; guards against applying a transition twice.
    public var version: Int

    public init(id: String, namespace: String, service: String, kind: String, state: String, step: String,
                dueAt: Timestamp?, scenario: String, request: JSONValue, data: [String: JSONValue],
                createdAt: Timestamp, updatedAt: Timestamp, finishedAt: Timestamp?, version: Int) {
        self.id = id
        self.namespace = namespace
        self.service = service
        self.kind = kind
        self.state = state
        self.step = step
        self.dueAt = dueAt
        self.scenario = scenario
        self.request = request
        self.data = data
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.finishedAt = finishedAt
        self.version = version
    }

    /// The (service, kind) pair scenarios and hooks are keyed by.
    public var kindKey: ScenarioKind { ScenarioKind(service: service, kind: kind) }
}

/// A transition the engine applied: what `clock/advance` answers with and what the event history holds.
public struct AppliedTransition: Sendable, Hashable {
    public var jobID: String
    public var namespace: String
    public var service: String
    public var kind: String
    public var at: Timestamp
    public var fromState: String?
    public var toState: String
    public var step: String
    /// What caused it: `create`, `timer`, or `event:NAME`.
    public var trigger: String

    public init(jobID: String, namespace: String, service: String, kind: String, at: Timestamp,
                fromState: String?, toState: String, step: String, trigger: String) {
        self.jobID = jobID
        self.namespace = namespace
        self.service = service
        self.kind = kind
        self.at = at
        self.fromState = fromState
        self.toState = toState
        self.step = step
        self.trigger = trigger
    }
}

/// What a job sees when it enters a step, handed to the service's hook so it can update its
/// document (set `finishedAt`, a `downloadUrl`, derived questions…).
public struct StepEntry: Sendable {
    public var step: String
    public var state: String
    public var fromState: String?
    public var isTerminal: Bool
    public var at: Timestamp
    public var trigger: String
    /// The step's effects from the scenario (message, questions, error, set, emit).
    public var effects: StepEffects
    /// The payload of the event that caused the move, if an event did.
    public var eventPayload: JSONValue?
}

/// One entry of a job's history.
public struct JobEvent: Sendable, Hashable {
    public var seq: Int64
    public var at: Timestamp
    public var fromState: String?
    public var toState: String
    /// `step`, `trigger` and the event's payload when an event caused it.
    public var detail: JSONValue
}
