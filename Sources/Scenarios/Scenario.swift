public import JSON
/// How one job of one kind unfolds: a graph of steps, each showing a public state, left by a timer or
/// by an external event, and producing payload changes, questions, messages, errors and emissions.
///
/// Scenario files are JSON (reference: docs/SCENARIOS.md). A job enters `initial`, then every step
/// either waits a `duration` and follows `next`, or waits for an event named in `wait` and follows
/// `on[event]` (or `next`). Routes may be conditional on the event's content or the creating request;
/// the first route whose conditions hold wins. `terminal` steps end the job but may still list events
/// in `on` that reopen it (a rebuild, a follow-up message).
public struct Scenario: Sendable, Hashable {
    public var name: String
    public var service: String
    public var kind: String
    public var description: String
    /// The scenario used when nothing else selects one; exactly one per kind.
    public var isDefault: Bool
    /// All rules must hold on the creating request for this scenario to be selected by match.
    public var match: [MatchRule]
    public var initial: String
    public var steps: [Step]
    public var faults: FaultPlan
    public var webhook: WebhookSettings?
    /// The file it was loaded from, relative to the catalog's root; empty when built in code.
    public var file: String

    public init(name: String, service: String, kind: String, description: String = "", isDefault: Bool = false,
                match: [MatchRule] = [], initial: String, steps: [Step], faults: FaultPlan = FaultPlan(),
                webhook: WebhookSettings? = nil, file: String = "") {
        self.name = name
        self.service = service
        self.kind = kind
        self.description = description
        self.isDefault = isDefault
        self.match = match
        self.initial = initial
        self.steps = steps
        self.faults = faults
        self.webhook = webhook
        self.file = file
    }

    public var kindKey: ScenarioKind { ScenarioKind(service: service, kind: kind) }

    /// The step with this id; linear, since scenarios have a handful of steps.
    public func step(_ id: String) -> Step? { steps.first { $0.id == id } }
}

/// A job kind: the service that owns it and its name within that service (`appbuilds`/`build`).
public struct ScenarioKind: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var service: String
    public var kind: String

    public init(service: String, kind: String) {
        self.service = service
        self.kind = kind
    }

    public var description: String { "\(service)/\(kind)" }

    public static func < (lhs: ScenarioKind, rhs: ScenarioKind) -> Bool {
        (lhs.service, lhs.kind) < (rhs.service, rhs.kind)
    }
}

/// One node of a scenario's graph.
public struct Step: Sendable, Hashable {
    public var id: String
    /// The public status a job shows while in this step (`queued`, `gathering`).
    public var state: String
    /// How long the step lasts before `next` is followed; nil for steps that only wait for events.
    public var duration: DurationSpec?
    /// Events this step waits for (it has no timer unless `duration` is also given, as a timeout).
    public var wait: [String]
    /// Where the timer leads (or, for a wait step without a duration, where every waited event leads).
    public var next: [Route]
    /// Per-event routes; also lets timed and terminal steps accept events.
    public var on: [String: [Route]]
    public var effects: StepEffects
    public var isTerminal: Bool

    public init(id: String, state: String, duration: DurationSpec? = nil, wait: [String] = [], next: [Route] = [],
                on: [String: [Route]] = [:], effects: StepEffects = StepEffects(), isTerminal: Bool = false) {
        self.id = id
        self.state = state
        self.duration = duration
        self.wait = wait
        self.next = next
        self.on = on
        self.effects = effects
        self.isTerminal = isTerminal
    }

    /// The routes an event follows here, or nil when the step does not accept it.
    public func routes(for event: String) -> [Route]? {
        if let routes = on[event] { return routes }
        if duration == nil, wait.contains(event), !next.isEmpty { return next }
        return nil
    }

    /// Every event this step accepts, sorted.
    public var acceptedEvents: [String] { Array(Set(wait).union(on.keys)).sorted() }
}

/// A fixed duration, or one drawn uniformly from `[min, max]` out of the jitter stream.
public enum DurationSpec: Sendable, Hashable {
    case fixed(TimeSpan)
    case uniform(min: TimeSpan, max: TimeSpan)

    /// The duration in milliseconds; draws from `generator` only for `.uniform`, so a fixed scenario
    /// consumes no randomness.
    public func resolve(using generator: inout some RandomNumberGenerator) -> Int64 {
        switch self {
        case .fixed(let span):
            return span.milliseconds
        case .uniform(let min, let max):
            guard max.milliseconds > min.milliseconds else { return min.milliseconds }
            return Int64.random(in: min.milliseconds...max.milliseconds, using: &generator)
        }
    }
}

/// Where to go, when the conditions hold.
public struct Route: Sendable, Hashable {
    /// A step to enter, or `.stay` to accept the event without moving.
    public enum Target: Sendable, Hashable {
        case step(String)
        case stay
    }

    /// All must hold; an empty list always holds.
    public var when: [MatchRule]
    public var target: Target

    public init(when: [MatchRule] = [], to target: Target) {
        self.when = when
        self.target = target
    }

    public static func to(_ step: String) -> Route { Route(to: .step(step)) }
}

/// What a step produces when a job enters it.
public struct StepEffects: Sendable, Hashable {
    /// Top-level payload fields to set (`null` clears one).
    public var set: [String: JSONValue]
    /// The questions the job now asks; nil when the step asks none.
    public var questions: [String]?
    public var message: String?
    public var error: StepError?
    /// Names of webhooks/notifications to send on entry (`completion`).
    public var emit: [String]

    public init(set: [String: JSONValue] = [:], questions: [String]? = nil, message: String? = nil,
                error: StepError? = nil, emit: [String] = []) {
        self.set = set
        self.questions = questions
        self.message = message
        self.error = error
        self.emit = emit
    }
}

/// The error a failing step reports, in the service's own vocabulary.
public struct StepError: Sendable, Hashable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}

/// A test on one field of a JSON document: the creating request for `match`, or
/// `{"event": payload, "request": creating request}` for route conditions.
public struct MatchRule: Sendable, Hashable {
    /// The comparison; string comparisons in `contains` and `matchesPrefix` ignore case.
    public enum Test: Sendable, Hashable {
        /// Substring of a string field, or an element of an array field.
        case contains(JSONValue)
        /// Exactly this JSON value.
        case equals(JSONValue)
        case matchesPrefix(String)
        /// The field reads as consent ("yes", "ok, go ahead", "approve") when true, or not when false.
        case affirmative(Bool)
    }

    /// Dot-separated path; numeric segments index arrays.
    public var field: String
    public var test: Test

    public init(field: String, _ test: Test) {
        self.field = field
        self.test = test
    }

    /// Whether the rule holds on `document`; a missing field never holds (except `affirmative: false`).
    public func holds(on document: JSONValue) -> Bool {
        let value = document[path: field]
        switch test {
        case .equals(let expected):
            return value == expected
        case .contains(let needle):
            switch value {
            case .string(let text)?:
                guard let needle = needle.stringValue else { return false }
                return text.lowercased().contains(needle.lowercased())
            case .array(let items)?:
                return items.contains(needle)
            default:
                return false
            }
        case .matchesPrefix(let prefix):
            guard let text = value?.stringValue else { return false }
            return text.lowercased().hasPrefix(prefix.lowercased())
        case .affirmative(let expected):
            return Affirmation.isAffirmative(value?.stringValue ?? "") == expected
        }
    }
}

/// Settings for the completion webhook of a kind, and for the delivery jobs that carry it.
public struct WebhookSettings: Sendable, Hashable {
    /// Attempts including the first; the delivery gives up after the last.
    public var maxAttempts: Int
    /// Delay before the second attempt; each later delay is multiplied by `backoffFactor`.
    public var backoff: TimeSpan
    public var backoffFactor: Int
    public var maxBackoff: TimeSpan
    /// How long one attempt may take before it counts as failed.
    public var timeout: TimeSpan

    public init(maxAttempts: Int = 5, backoff: TimeSpan = .seconds(2), backoffFactor: Int = 2,
                maxBackoff: TimeSpan = .minutes(5), timeout: TimeSpan = .seconds(10)) {
        self.maxAttempts = maxAttempts
        self.backoff = backoff
        self.backoffFactor = backoffFactor
        self.maxBackoff = maxBackoff
        self.timeout = timeout
    }

    /// The delay after failed attempt `attempt` (1-based), capped at `maxBackoff`.
    public func delay(afterAttempt attempt: Int) -> TimeSpan {
        var delay = backoff.milliseconds
        for _ in 1..<max(attempt, 1) {
            let (next, overflow) = delay.multipliedReportingOverflow(by: Int64(backoffFactor))
            if overflow || next >= maxBackoff.milliseconds { return maxBackoff }
            delay = next
        }
        return TimeSpan(milliseconds: min(delay, maxBackoff.milliseconds))
    }
}
