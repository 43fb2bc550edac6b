extension LifecycleMachine {
    /// States that read as failure in the four APIs' vocabularies.
    static let failureStates: Set<String> = ["failed", "error", "errored", "failure", "cancelled"]

    /// The step a `fail` fault sends a job to: the first terminal step that reports an error, else the
    /// first terminal step in a failure state. Nil when the scenario has neither (nothing to fail to).
    public var failureStep: Step? {
        scenario.steps.first { $0.isTerminal && $0.effects.error != nil }
            ?? scenario.steps.first { $0.isTerminal && Self.failureStates.contains($0.state) }
    }

    /// Entering the failure step with the fault's error in place of the scenario's own (either part
    /// left nil keeps the scenario's, or a generic one when it has none).
    public func failure(code: String?, message: String?) -> Transition? {
        guard let step = failureStep else { return nil }
        var effects = step.effects
        let base = effects.error ?? StepError(code: "injected_failure", message: "Failed by an injected fault.")
        effects.error = StepError(code: code ?? base.code, message: message ?? base.message)
        // A terminal step's own timer would reopen nothing, so the failure keeps none.
        return Transition(step: step.id, state: step.state, dueAfterMs: nil, effects: effects, isTerminal: true)
    }
}

extension Scenario {
    /// The id of the step `withFailureStep(from:)` adds.
    public static let faultFailureStepID = "fault-failed"

    /// This scenario, with a terminal failed step borrowed from a sibling (same kind) when it has
    /// none of its own, so a `fail` fault can fail a job that runs the kind's happy path. The copy
    /// keeps the sibling's state, error and emissions (a completion webhook reports the failure).
    public func withFailureStep(from siblings: [Scenario]) -> Scenario {
        guard LifecycleMachine(scenario: self).failureStep == nil, step(Self.faultFailureStepID) == nil else { return self }
        for sibling in siblings where sibling.name != name {
            guard var borrowed = LifecycleMachine(scenario: sibling).failureStep else { continue }
            borrowed.id = Self.faultFailureStepID
            borrowed.duration = nil
            borrowed.next = []
            borrowed.on = [:]
            borrowed.wait = []
            var copy = self
            copy.steps.append(borrowed)
            return copy
        }
        return self
    }
}
