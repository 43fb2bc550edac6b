import JSON
import Testing
@testable import Scenarios

@Suite struct LifecycleMachineTests {
    typealias Input = LifecycleMachine.Input

    /// A conversation that exercises every kind of route: timers, a waited event, conditional routes on the
    /// event and on the creating request, stay, a timeout on a wait step, and a terminal step that reopens.
    static let conversation = Scenario(
        name: "default", service: "builderagents", kind: "conversation", isDefault: true, initial: "thinking",
        steps: [
            Step(id: "thinking", state: "processing", duration: .fixed(.seconds(5)), next: [.to("questions")],
                 effects: StepEffects(message: "Reading your request")),
            Step(id: "questions", state: "gathering", wait: ["answer"], next: [.to("planning")],
                 effects: StepEffects(questions: ["Which region?"], message: "A couple of things:")),
            Step(id: "planning", state: "processing", duration: .uniform(min: .seconds(2), max: .seconds(4)),
                 next: [Route(when: [MatchRule(field: "request.auto_approve", .equals(true))], to: .step("deploying")),
                        .to("approval")]),
            Step(id: "approval", state: "gathering", duration: .fixed(.minutes(30)), wait: ["answer", "approve"],
                 next: [.to("failed")],
                 on: ["approve": [.to("deploying")],
                      "answer": [Route(when: [MatchRule(field: "event.message", .affirmative(true))], to: .step("deploying")),
                                 Route(when: [MatchRule(field: "event.message", .contains("later"))], to: .stay)]],
                 effects: StepEffects(questions: ["Approve this plan and deploy?"])),
            Step(id: "deploying", state: "processing", duration: .fixed(.minutes(1)), next: [.to("deployed")],
                 effects: StepEffects(set: ["review_passed": true])),
            Step(id: "deployed", state: "deployed", on: ["rebuild": [.to("deploying")]],
                 effects: StepEffects(emit: ["conversation.deployed"]), isTerminal: true),
            Step(id: "failed", state: "failed", effects: StepEffects(error: StepError(code: "TIMEOUT", message: "No approval")),
                 isTerminal: true),
        ])
    static let machine = LifecycleMachine(scenario: conversation)

    enum Expect: Equatable {
        case move(step: String, state: String, due: Int64?)
        case stay
        case rejected(LifecycleMachine.Rejection)
    }

    static func answer(_ text: String) -> Input { .event(name: "answer", payload: ["message": .string(text)]) }

    /// (step, input, creating request, expected outcome)
    static let table: [(String, Input, JSONValue, Expect)] = [
        ("thinking", .timerFired, [:], .move(step: "questions", state: "gathering", due: nil)),
        ("thinking", answer("EU"), [:], .rejected(.eventNotAccepted(event: "answer", step: "thinking", state: "processing", accepted: []))),
        ("questions", .timerFired, [:], .rejected(.noTimer(step: "questions"))),
        ("questions", answer("EU"), [:], .move(step: "planning", state: "processing", due: 3_000)),
        ("questions", .event(name: "approve", payload: nil), [:],
         .rejected(.eventNotAccepted(event: "approve", step: "questions", state: "gathering", accepted: ["answer"]))),
        ("planning", .timerFired, [:], .move(step: "approval", state: "gathering", due: 1_800_000)),
        ("planning", .timerFired, ["auto_approve": true], .move(step: "deploying", state: "processing", due: 60_000)),
        ("planning", .timerFired, ["auto_approve": "yes"], .move(step: "approval", state: "gathering", due: 1_800_000)),
        ("approval", .event(name: "approve", payload: nil), [:], .move(step: "deploying", state: "processing", due: 60_000)),
        ("approval", answer("Yes, go ahead"), [:], .move(step: "deploying", state: "processing", due: 60_000)),
        ("approval", answer("maybe later"), [:], .stay),
        ("approval", answer("use EU instead"), [:], .rejected(.noRouteMatched(event: "answer", step: "approval"))),
        ("approval", .timerFired, [:], .move(step: "failed", state: "failed", due: nil)),
        ("deploying", .timerFired, [:], .move(step: "deployed", state: "deployed", due: nil)),
        ("deployed", .timerFired, [:], .rejected(.noTimer(step: "deployed"))),
        ("deployed", .event(name: "rebuild", payload: ["message": "add a /health route"]), [:],
         .move(step: "deploying", state: "processing", due: 60_000)),
        ("failed", .event(name: "rebuild", payload: [:]), [:],
         .rejected(.eventNotAccepted(event: "rebuild", step: "failed", state: "failed", accepted: []))),
        ("vanished", .timerFired, [:], .rejected(.unknownStep("vanished"))),
    ]

    @Test(arguments: table.indices)
    func apply_followsTheTable(index: Int) {
        let (step, input, request, expected) = Self.table[index]
        // 2⁶³ is the middle of the generator's range, so the stdlib's multiply-shift draw for 2s...4s
        // lands mid-range (3 s) and the row stays exact. (0 would make its rejection loop spin forever.)
        var generator = FixedGenerator(value: 1 << 63)
        let outcome = Self.machine.apply(input, at: step, request: request, using: &generator)
        let actual: Expect
        switch outcome {
        case .moveTo(let transition): actual = .move(step: transition.step, state: transition.state, due: transition.dueAfterMs)
        case .stay: actual = .stay
        case .rejected(let reason): actual = .rejected(reason)
        }
        #expect(actual == expected, "row \(index): \(step) + \(input)")
    }

    @Test func start_entersTheInitialStepWithItsEffects() {
        var generator = CountingGenerator()
        guard case .moveTo(let transition) = Self.machine.start(request: [:], using: &generator) else {
            Issue.record("start should move")
            return
        }
        #expect(transition == LifecycleMachine.Transition(step: "thinking", state: "processing", dueAfterMs: 5_000,
                                                          effects: StepEffects(message: "Reading your request"), isTerminal: false))
    }

    @Test func transition_carriesEffectsAndTerminality() {
        var generator = CountingGenerator()
        guard case .moveTo(let deployed) = Self.machine.apply(.timerFired, at: "deploying", request: [:], using: &generator),
              case .moveTo(let failed) = Self.machine.apply(.timerFired, at: "approval", request: [:], using: &generator) else {
            Issue.record("expected moves")
            return
        }
        #expect(deployed.isTerminal && deployed.effects.emit == ["conversation.deployed"])
        #expect(failed.isTerminal && failed.effects.error == StepError(code: "TIMEOUT", message: "No approval"))
    }

    @Test func jitteredDurations_stayInRangeAndFollowTheGenerator() {
        var first = CountingGenerator(), second = CountingGenerator()
        var seen: Set<Int64> = []
        for _ in 0..<200 {
            guard case .moveTo(let a) = Self.machine.apply(Self.answer("EU"), at: "questions", request: [:], using: &first),
                  case .moveTo(let b) = Self.machine.apply(Self.answer("EU"), at: "questions", request: [:], using: &second),
                  let due = a.dueAfterMs else {
                Issue.record("expected moves with a due time")
                return
            }
            #expect(a == b)
            #expect((2_000...4_000).contains(due))
            seen.insert(due)
        }
        #expect(seen.count > 50)
    }

    @Test func fixedDurations_drawNothing() {
        var generator = CountingGenerator()
        _ = Self.machine.apply(.timerFired, at: "thinking", request: [:], using: &generator)
        #expect(generator.state == 0)
    }

    @Test func shippedDefaultConversation_runsToDeployedWithApproval() throws {
        let catalog = try ScenarioCatalog.load(directory: shippedScenariosPath())
        let scenario = try #require(catalog.defaultScenario(for: ScenarioKind(service: "builderagents", kind: "conversation")))
        let machine = LifecycleMachine(scenario: scenario)
        var generator = CountingGenerator()
        guard case .moveTo(var current) = machine.start(request: ["prompt": "Watch my Zoho CRM leads"], using: &generator) else {
            Issue.record("start")
            return
        }
        var states = [current.state]
        var elapsed: Int64 = 0
        let answers: [Input] = [Self.answer("Stored credentials, EU"), .event(name: "approve", payload: nil)]
        var nextAnswer = 0
        while !current.isTerminal {
            let input: Input
            if let due = current.dueAfterMs { elapsed += due; input = .timerFired } else { input = answers[nextAnswer]; nextAnswer += 1 }
            guard case .moveTo(let next) = machine.apply(input, at: current.step, request: [:], using: &generator) else {
                Issue.record("stuck at \(current.step)")
                return
            }
            current = next
            states.append(next.state)
        }
        // build, pre-deploy review, deploy, post-deploy QA
        #expect(states == ["processing", "gathering", "processing", "gathering",
                           "processing", "processing", "processing", "processing", "deployed"])
        #expect(elapsed == 90_000)
        #expect(current.effects.emit == ["conversation.deployed"])
    }
}

/// Always returns the same value, so a jittered duration resolves to a known point of its range.
struct FixedGenerator: RandomNumberGenerator {
    var value: UInt64
    mutating func next() -> UInt64 { value }
}
