/// The public states and events one job kind has, so scenario files cannot invent a status the API
/// never shows or route an event the service never sends.
public struct KindVocabulary: Sendable, Hashable {
    public var states: Set<String>
    /// States a terminal step may show (the API's "stop polling" statuses).
    public var terminalStates: Set<String>
    public var events: Set<String>

    public init(states: Set<String>, terminalStates: Set<String>, events: Set<String> = []) {
        self.states = states
        self.terminalStates = terminalStates
        self.events = events
    }

    /// Every kind the four emulated APIs define, from ../shared/API.md. A service that adds a kind adds it here.
    public static let builtIn: [ScenarioKind: KindVocabulary] = [
        // API.md §A: "exactly these four"; rebuild reopens a deployed conversation.
        ScenarioKind(service: "builderagents", kind: "conversation"): KindVocabulary(
            states: ["processing", "gathering", "deployed", "failed"],
            terminalStates: ["deployed", "failed"],
            events: ["answer", "approve", "rebuild"]),
        // API.md §A, builder object: `status` running | stopped is inferred.
        ScenarioKind(service: "builderagents", kind: "builder"): KindVocabulary(
            states: ["running", "stopped"],
            terminalStates: ["stopped"],
            events: ["start", "stop", "exec"]),
        // API.md §B: only "processing" is public; later branch states are ours.
        ScenarioKind(service: "builderio", kind: "branch"): KindVocabulary(
            states: ["processing", "completed", "failed"],
            terminalStates: ["completed", "failed"],
            events: ["message"]),
        // API.md §C: queued → running → completed | error; follow-up messages start a new turn.
        ScenarioKind(service: "buildprint", kind: "agent"): KindVocabulary(
            states: ["queued", "running", "completed", "error"],
            terminalStates: ["completed", "error"],
            events: ["message"]),
        // Our own delivery jobs for completion webhooks (issue 6); the engine reports each attempt's outcome.
        ScenarioKind(service: "buildprint", kind: "webhook"): KindVocabulary(
            states: ["pending", "delivering", "retrying", "delivered", "failed"],
            terminalStates: ["delivered", "failed"],
            events: ["delivered", "failed", "redeliver"]),
        // API.md §D: queued → building → success | failed. `start` is sent by the service when one
        // of the namespace's parallel build slots frees up (issue 7).
        ScenarioKind(service: "appbuilds", kind: "build"): KindVocabulary(
            states: ["queued", "building", "success", "failed"],
            terminalStates: ["success", "failed"],
            events: ["start"]),
        // API.md §D, inferred: queued → submitted → live | rejected.
        ScenarioKind(service: "appbuilds", kind: "deploy"): KindVocabulary(
            states: ["queued", "submitted", "live", "rejected"],
            terminalStates: ["live", "rejected"]),
    ]
}
