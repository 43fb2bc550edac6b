/// The graph checks a well-formed scenario file must also pass: references resolve, every step is
/// reachable, every step can be left (or is terminal), and states and events belong to the kind.
struct ScenarioValidator {
    let file: String
    let lines: [String: Int]
    let vocabulary: KindVocabulary?
    private(set) var errors: [ScenarioError] = []

    init(file: String, lines: [String: Int], vocabulary: KindVocabulary?) {
        self.file = file
        self.lines = lines
        self.vocabulary = vocabulary
    }

    private mutating func report(_ path: String, _ message: String) {
        errors.append(ScenarioError(file: file, jsonPath: path, line: line(for: path), message: message))
    }

    /// The line of `path`, or of its nearest recorded ancestor.
    private func line(for path: String) -> Int? {
        var candidate = path
        while true {
            if let line = lines[candidate] { return line }
            if candidate == "$" { return nil }
            if candidate.hasSuffix("]"), let bracket = candidate.lastIndex(of: "[") {
                candidate = String(candidate[..<bracket])
            } else {
                candidate = ScenarioDecoder.parent(of: candidate)
            }
        }
    }

    /// The most precise recorded path for route `index` of a list written at `base`.
    private func routePath(_ base: String, _ index: Int) -> String {
        for candidate in ["\(base)[\(index)].to", "\(base)[\(index)]", "\(base).to"] where lines[candidate] != nil {
            return candidate
        }
        return base
    }

    private func whenPath(_ base: String, _ index: Int) -> String {
        lines["\(base)[\(index)]"] != nil ? "\(base)[\(index)].when" : base + ".when"
    }

    mutating func validate(_ scenario: Scenario) {
        var indexByID: [String: Int] = [:]
        for (index, step) in scenario.steps.enumerated() {
            if let first = indexByID[step.id] {
                report("$.steps[\(index)].id", "duplicate step id \"\(step.id)\" (first used by $.steps[\(first)])")
            } else {
                indexByID[step.id] = index
            }
        }
        if !scenario.initial.isEmpty, indexByID[scenario.initial] == nil {
            report("$.initial", "unknown step \"\(scenario.initial)\"; steps: " + scenario.steps.map(\.id).joined(separator: ", "))
        }

        for (index, step) in scenario.steps.enumerated() {
            validate(step, at: "$.steps[\(index)]", known: indexByID, all: scenario.steps)
        }

        // Reachability from the initial step over every route, timer or event.
        guard let start = indexByID[scenario.initial] else { return }
        var reached: Set<Int> = [start]
        var frontier = [start]
        while let current = frontier.popLast() {
            let step = scenario.steps[current]
            let routes = step.next + step.on.values.flatMap { $0 }
            for route in routes {
                guard case .step(let target) = route.target, let next = indexByID[target], !reached.contains(next) else { continue }
                reached.insert(next)
                frontier.append(next)
            }
        }
        for (index, step) in scenario.steps.enumerated() where !reached.contains(index) && indexByID[step.id] == index {
            report("$.steps[\(index)]", "step \"\(step.id)\" is unreachable from the initial step \"\(scenario.initial)\"")
        }
    }

    private mutating func validate(_ step: Step, at path: String, known: [String: Int], all steps: [Step]) {
        if let vocabulary {
            if !vocabulary.states.contains(step.state) {
                report(path + ".state", "unknown state \"\(step.state)\" for this kind; allowed: " + vocabulary.states.sorted().joined(separator: ", "))
            } else if step.isTerminal, !vocabulary.terminalStates.contains(step.state) {
                report(path + ".state", "a terminal step must show a final state (" + vocabulary.terminalStates.sorted().joined(separator: ", ") + "), not \"\(step.state)\"")
            }
            for event in step.acceptedEvents where !vocabulary.events.contains(event) {
                let eventPath = step.on[event] != nil ? path + ".on." + event : path + ".wait"
                let allowed = vocabulary.events.isEmpty ? "this kind takes no events" : "events: " + vocabulary.events.sorted().joined(separator: ", ")
                report(eventPath, "unknown event \"\(event)\"; \(allowed)")
            }
        }

        if step.isTerminal {
            if step.duration != nil { report(path + ".duration", "a terminal step has no duration: nothing follows it") }
            if !step.next.isEmpty { report(path + ".next", "a terminal step cannot have a next step (use \"on\" for events that reopen the job)") }
            if !step.wait.isEmpty { report(path + ".wait", "a terminal step does not wait (use \"on\" for events that reopen the job)") }
        } else if step.duration == nil && step.wait.isEmpty {
            report(path, "step \"\(step.id)\" has neither \"duration\" nor \"wait\" and is not terminal, so a job would stay in it forever")
        } else if step.duration != nil && step.next.isEmpty {
            report(path + ".duration", "a timed step needs \"next\": where to go when the duration is over")
        }

        if step.duration == nil, !step.wait.isEmpty {
            for event in step.wait where step.on[event] == nil && step.next.isEmpty {
                report(path + ".wait", "event \"\(event)\" is waited for but has no route: add \"on\": {\"\(event)\": …} or \"next\"")
            }
        }

        // A timer has no payload to test, so the last timer route must hold unconditionally.
        if step.duration != nil, let last = step.next.last, !last.when.isEmpty {
            report(path + ".next", "the last route of a timed step must have no \"when\", so the timer always leads somewhere")
        }
        for (index, route) in step.next.enumerated() {
            if step.duration != nil, route.target == .stay {
                report(routePath(path + ".next", index), "a timer cannot \"stay\"; route it to a step")
            }
            validate(route, at: routePath(path + ".next", index), conditionsAt: whenPath(path + ".next", index), known: known,
                     eventRoute: step.duration == nil)
        }
        for event in step.on.keys.sorted() {
            for (index, route) in (step.on[event] ?? []).enumerated() {
                validate(route, at: routePath(path + ".on." + event, index), conditionsAt: whenPath(path + ".on." + event, index),
                         known: known, eventRoute: true)
            }
        }
    }

    private mutating func validate(_ route: Route, at path: String, conditionsAt whenPath: String, known: [String: Int],
                                   eventRoute: Bool) {
        if case .step(let target) = route.target, known[target] == nil {
            report(path, "unknown step \"\(target)\"")
        }
        // Route conditions see {"event": payload, "request": creating request}; a bare field is a mistake.
        for (index, rule) in route.when.enumerated() {
            let allowedRoots = eventRoute ? ["event.", "request."] : ["request."]
            if !allowedRoots.contains(where: { rule.field.hasPrefix($0) }) {
                report(route.when.count == 1 ? whenPath + ".field" : "\(whenPath)[\(index)].field",
                       "a route condition's field starts with " + allowedRoots.map { "\"\($0)\"" }.joined(separator: " or ")
                       + ", not \"\(rule.field)\"")
            }
        }
    }
}
