/// Something that happened in a namespace, told to subscribers only after it is committed, so no one
/// ever sees a state that was rolled back: what `GET /__admin/events/stream` carries.
public enum EngineEvent: Sendable, Hashable {
    /// A job entered a step; creation is the transition from no state.
    case transition(AppliedTransition)
    /// A namespace's clock was moved (`clock/advance`, `run-until`).
    case clockMoved(namespace: String, now: Timestamp)
    /// A webhook delivery attempt was made and recorded.
    case webhookAttempt(WebhookAttemptEvent)
    /// A job's document changed outside its lifecycle (a builder stopped, settings edited).
    case jobUpdated(namespace: String, jobID: String)
    case jobDeleted(namespace: String, jobID: String)
    /// A namespace's state was wiped; nil: every namespace.
    case reset(namespace: String?)

    /// The namespace it happened in; nil for a reset of every namespace, which concerns them all.
    public var namespace: String? {
        switch self {
        case .transition(let transition): transition.namespace
        case .clockMoved(let namespace, _): namespace
        case .webhookAttempt(let attempt): attempt.namespace
        case .jobUpdated(let namespace, _), .jobDeleted(let namespace, _): namespace
        case .reset(let namespace): namespace
        }
    }
}

/// One recorded webhook attempt, as subscribers and metrics see it.
public struct WebhookAttemptEvent: Sendable, Hashable {
    public var namespace: String
    public var deliveryID: String
    public var service: String
    public var attempt: Int64
    /// The attempt's due time on the namespace clock.
    public var at: Timestamp
    /// `delivered`, `retrying` or `gave_up`.
    public var outcome: String
    /// The receiver's status code, when it answered.
    public var status: Int64?
    public var error: String?
}

/// An event with its place among those its subscription was handed (1, 2, 3…): a gap means the
/// subscriber read too slowly and lost events from its buffer.
public struct PublishedEvent: Sendable, Hashable {
    public let sequence: UInt64
    public let event: EngineEvent
}
