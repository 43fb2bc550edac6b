import Scenarios
import JSON

/// A service's say in its jobs' lifecycles: called inside the engine's write transaction each time a
/// job of the registered kind enters a step (creation included), after the scenario's own effects
/// were applied to `job.data`. Runs on the store's writer queue: keep it quick and free of I/O.
public protocol LifecycleHooks: Sendable {
    func entered(_ entry: StepEntry, job: inout Job, context: inout HookContext)
}

/// What a hook may ask the engine to do in the same transaction.
public struct HookContext: Sendable {
    /// Jobs to create alongside this transition (webhook deliveries, follow-up work).
    public internal(set) var spawned: [NewJob] = []
    /// The server's public base URL, for links the hook writes into documents.
    public let publicURL: String
    public let seed: UInt64
    /// Events for jobs of the same namespace (this one included), delivered once this transition is
    /// stored, at its time and in the same transaction: how a finishing job hands its slot on.
    public internal(set) var events: [HookEvent] = []
    /// Set by `reject(_:)` while a job is being created: the creation is undone and this is thrown.
    public internal(set) var rejection: (any Error)?
    /// The transaction's connection, for the namespace values and queue reads below; nil in unit tests.
    let storeAccess: HookStoreAccess?

    init(publicURL: String, seed: UInt64, storeAccess: HookStoreAccess? = nil) {
        self.publicURL = publicURL
        self.seed = seed
        self.storeAccess = storeAccess
    }

    /// Creates `job` in the same transaction as the transition that spawned it.
    public mutating func spawn(_ job: NewJob) { spawned.append(job) }
}

/// The effects every job gets unless a hook changes them: `set` merged into the document, and
/// `message`, `questions` and `error` copied into it when the step has them.
enum DefaultEffects {
    static func apply(_ effects: StepEffects, to data: inout [String: JSONValue]) {
        for (key, value) in effects.set { data[key] = value }
        if let message = effects.message { data["message"] = .string(message) }
        if let questions = effects.questions { data["questions"] = .array(questions.map(JSONValue.string)) }
        if let error = effects.error {
            data["error"] = .object(["code": .string(error.code), "message": .string(error.message)])
        }
    }
}
