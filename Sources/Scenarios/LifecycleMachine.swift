public import JSON
/// The pure transition function of a scenario: (current step, input) → what happens next.
///
/// The engine persists exactly what this returns and nothing else, so lifecycle rules are tested as
/// a table here instead of through SQLite and a scheduler. Randomness (jittered durations) comes in
/// through the caller's generator, which the engine derives from the seed's jitter stream.
public struct LifecycleMachine: Sendable {
    public let scenario: Scenario
    private let stepsByID: [String: Step]

    public init(scenario: Scenario) {
        self.scenario = scenario
        var stepsByID: [String: Step] = [:]
        for step in scenario.steps where stepsByID[step.id] == nil { stepsByID[step.id] = step }
        self.stepsByID = stepsByID
    }

    /// Something that happens to a job.
    public enum Input: Sendable, Hashable {
        /// The current step's duration is over (the job's due time was reached).
        case timerFired
        /// An external event, with its request body (`answer` with `{"message": "EU"}`).
        case event(name: String, payload: JSONValue)
    }

    /// Entering a step: everything the engine writes for it.
    public struct Transition: Sendable, Hashable {
        public var step: String
        public var state: String
        /// When the step's timer fires, relative to the transition's time; nil when it only waits.
        public var dueAfterMs: Int64?
        public var effects: StepEffects
        /// The job is finished (set finishedAt, completion webhooks), though an event may reopen it.
        public var isTerminal: Bool
    }

    /// Why an input changed nothing.
    public enum Rejection: Sendable, Hashable, CustomStringConvertible {
        /// The job's stored step is not in the scenario (the file changed under a running job).
        case unknownStep(String)
        /// The step does not take this event; `accepted` lists the ones it does (for a 409's message).
        case eventNotAccepted(event: String, step: String, state: String, accepted: [String])
        /// The step takes the event but no route's condition held for this payload.
        case noRouteMatched(event: String, step: String)
        /// A timer fired for a step without one: a stale wake-up the engine must ignore.
        case noTimer(step: String)

        public var description: String {
            switch self {
            case .unknownStep(let step):
                return "the scenario has no step \"\(step)\""
            case .eventNotAccepted(let event, _, let state, let accepted):
                return "\"\(event)\" is not accepted while \(state)"
                    + (accepted.isEmpty ? "" : " (accepted: \(accepted.joined(separator: ", ")))")
            case .noRouteMatched(let event, let step):
                return "no route of step \"\(step)\" matches this \"\(event)\""
            case .noTimer(let step):
                return "step \"\(step)\" has no timer"
            }
        }
    }

    /// The result of one input.
    public enum Outcome: Sendable, Hashable {
        case moveTo(Transition)
        /// Accepted without moving (a route with `"stay": true`); the caller may still record the event.
        case stay
        case rejected(Rejection)
    }

    /// The transition a new job starts with: entering `initial`.
    public func start(request: JSONValue, using generator: inout some RandomNumberGenerator) -> Outcome {
        guard let step = stepsByID[scenario.initial] else { return .rejected(.unknownStep(scenario.initial)) }
        return .moveTo(enter(step, using: &generator))
    }

    /// What `input` does to a job in step `stepID` whose creating request was `request`.
    public func apply(_ input: Input, at stepID: String, request: JSONValue,
                      using generator: inout some RandomNumberGenerator) -> Outcome {
        guard let step = stepsByID[stepID] else { return .rejected(.unknownStep(stepID)) }
        let routes: [Route]
        let event: JSONValue?
        switch input {
        case .timerFired:
            guard step.duration != nil, !step.next.isEmpty else { return .rejected(.noTimer(step: step.id)) }
            routes = step.next
            event = nil
        case .event(let name, let payload):
            guard let eventRoutes = step.routes(for: name) else {
                return .rejected(.eventNotAccepted(event: name, step: step.id, state: step.state, accepted: step.acceptedEvents))
            }
            routes = eventRoutes
            event = payload
        }
        // The context the conditions read is built only for a route that has conditions: most
        // routes have none, and a large advance applies a timer to every due job.
        var context: JSONValue?
        var chosen: Route?
        for route in routes {
            if !route.when.isEmpty {
                let facts = context ?? event.map { .object(["request": request, "event": $0]) } ?? .object(["request": request])
                context = facts
                guard route.when.allSatisfy({ $0.holds(on: facts) }) else { continue }
            }
            chosen = route
            break
        }
        guard let route = chosen else {
            if case .event(let name, _) = input { return .rejected(.noRouteMatched(event: name, step: step.id)) }
            return .rejected(.noTimer(step: step.id))
        }
        switch route.target {
        case .stay:
            return .stay
        case .step(let id):
            guard let target = stepsByID[id] else { return .rejected(.unknownStep(id)) }
            return .moveTo(enter(target, using: &generator))
        }
    }

    private func enter(_ step: Step, using generator: inout some RandomNumberGenerator) -> Transition {
        Transition(step: step.id, state: step.state, dueAfterMs: step.duration?.resolve(using: &generator),
                   effects: step.effects, isTerminal: step.isTerminal)
    }
}
