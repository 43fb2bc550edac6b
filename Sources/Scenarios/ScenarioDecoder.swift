import JSON
/// Turns a parsed scenario file into a `Scenario`, collecting every error rather than stopping at the first.
///
/// Strict on purpose: a typo'd key (`"durration"`) would otherwise be silently ignored and the step would
/// run with a default, which is the hardest kind of fixture bug to spot.
struct ScenarioDecoder {
    let file: String
    private(set) var errors: [ScenarioError] = []
    /// Line of every key or array element seen, by JSON path, for errors found later by the validator.
    private(set) var lines: [String: Int] = [:]

    init(file: String) { self.file = file }

    static let scenarioKeys = ["name", "service", "kind", "description", "default", "match", "initial", "steps",
                               "faults", "webhook", "comment"]
    static let stepKeys = ["id", "state", "duration", "wait", "next", "on", "set", "questions", "message", "error",
                           "emit", "terminal", "comment"]
    static let ruleKeys = ["field", "contains", "equals", "matches-prefix", "affirmative"]
    static let ruleTests = ["contains", "equals", "matches-prefix", "affirmative"]
    static let routeKeys = ["to", "stay", "when"]
    static let webhookKeys = ["max-attempts", "backoff", "backoff-factor", "max-backoff", "timeout"]

    mutating func report(_ path: String, _ line: Int?, _ message: String) {
        errors.append(ScenarioError(file: file, jsonPath: path, line: line, message: message))
    }

    // MARK: Generic readers

    /// The members of an object by key, after reporting duplicates and keys outside `allowed`.
    private mutating func object(_ node: JSONNode, _ path: String, allowed: [String]) -> [String: JSONNode.Member]? {
        guard case .object(let members) = node.kind else {
            report(path, node.line, "expected an object, found \(node.typeName)")
            return nil
        }
        var byKey: [String: JSONNode.Member] = [:]
        for member in members {
            let memberPath = path + "." + member.key
            lines[memberPath] = member.line
            if byKey[member.key] != nil {
                report(memberPath, member.line, "duplicate key \"\(member.key)\"")
            } else if !allowed.contains(member.key) {
                var message = "unknown field \"\(member.key)\""
                if let suggestion = Self.closest(to: member.key, in: allowed) { message += " (did you mean \"\(suggestion)\"?)" }
                report(memberPath, member.line, message + "; allowed: " + allowed.joined(separator: ", "))
            }
            byKey[member.key] = member
        }
        return byKey
    }

    private mutating func string(_ member: JSONNode.Member?, _ path: String, required: Bool) -> String? {
        guard let member else {
            if required { report(Self.parent(of: path), lines[Self.parent(of: path)], "missing required field \"\(Self.last(of: path))\"") }
            return nil
        }
        guard case .string(let text) = member.value.kind else {
            report(path, member.line, "expected a string, found \(member.value.typeName)")
            return nil
        }
        if required && text.isEmpty { report(path, member.line, "must not be empty") }
        return text
    }

    private mutating func bool(_ member: JSONNode.Member?, _ path: String) -> Bool? {
        guard let member else { return nil }
        guard case .bool(let value) = member.value.kind else {
            report(path, member.line, "expected true or false, found \(member.value.typeName)")
            return nil
        }
        return value
    }

    private mutating func stringList(_ node: JSONNode, _ path: String, line: Int, allowSingle: Bool) -> [String]? {
        switch node.kind {
        case .string(let text) where allowSingle:
            return [text]
        case .array(let items):
            var result: [String] = []
            for (index, item) in items.enumerated() {
                lines["\(path)[\(index)]"] = item.line
                guard case .string(let text) = item.kind else {
                    report("\(path)[\(index)]", item.line, "expected a string, found \(item.typeName)")
                    continue
                }
                result.append(text)
            }
            return result
        default:
            report(path, line, "expected \(allowSingle ? "a string or " : "")an array of strings, found \(node.typeName)")
            return nil
        }
    }

    private mutating func timeSpan(_ node: JSONNode, _ path: String, line: Int) -> TimeSpan? {
        guard case .string(let text) = node.kind else {
            report(path, line, "expected a duration string such as \"90s\", found \(node.typeName)")
            return nil
        }
        guard let span = TimeSpan(parsing: text) else {
            report(path, line, "invalid duration \"\(text)\"; write whole numbers with units largest first, e.g. \"250ms\", \"90s\", \"1m30s\", \"2h\"")
            return nil
        }
        return span
    }

    // MARK: Scenario

    mutating func decode(_ root: JSONNode) -> Scenario? {
        lines["$"] = root.line
        guard let fields = object(root, "$", allowed: Self.scenarioKeys) else { return nil }
        let name = string(fields["name"], "$.name", required: true)
        if let name, !name.isEmpty, !name.allSatisfy(Self.isNameCharacter) {
            report("$.name", fields["name"]?.line, "\"\(name)\" may use only lowercase letters, digits, '-', '_' and '.' (it travels in an HTTP header)")
        }
        let service = string(fields["service"], "$.service", required: true)
        let kind = string(fields["kind"], "$.kind", required: true)
        let description = string(fields["description"], "$.description", required: false) ?? ""
        let isDefault = bool(fields["default"], "$.default") ?? false
        _ = string(fields["comment"], "$.comment", required: false)
        var match: [MatchRule] = []
        if let member = fields["match"] { match = rules(member.value, "$.match", line: member.line) ?? [] }
        let initial = string(fields["initial"], "$.initial", required: true)
        var steps: [Step] = []
        if let member = fields["steps"] {
            if case .array(let items) = member.value.kind {
                if items.isEmpty { report("$.steps", member.line, "a scenario needs at least one step") }
                for (index, item) in items.enumerated() {
                    let path = "$.steps[\(index)]"
                    lines[path] = item.line
                    if let step = self.step(item, path) { steps.append(step) }
                }
            } else {
                report("$.steps", member.line, "expected an array of steps, found \(member.value.typeName)")
            }
        } else {
            report("$", root.line, "missing required field \"steps\"")
        }
        var faults = FaultPlan()
        if let member = fields["faults"] {
            if case .array(let items) = member.value.kind {
                for (index, item) in items.enumerated() {
                    lines["$.faults[\(index)]"] = item.line
                    guard case .object = item.kind else {
                        report("$.faults[\(index)]", item.line, "expected a fault object, found \(item.typeName)")
                        continue
                    }
                    do {
                        let rule = try FaultRule.parse(item.value)
                        if rule.target.job != nil {
                            report("$.faults[\(index)].target.job", item.line,
                                   "a scenario's faults concern the jobs that run it; target.job belongs in POST /__admin/faults")
                        }
                        if case .fail(at: .step(let id), _, _) = rule.kind, !steps.contains(where: { $0.id == id }) {
                            report("$.faults[\(index)].params.step", item.line,
                                   "no step \"\(id)\" in this scenario; steps: " + steps.map(\.id).joined(separator: ", "))
                        }
                        faults.rules.append(rule)
                    } catch {
                        let path = "$.faults[\(index)]" + (error.path.isEmpty ? "" : "." + error.path)
                        report(path, item.line, error.message)
                    }
                }
            } else {
                report("$.faults", member.line, "expected an array of fault objects, found \(member.value.typeName)")
            }
        }
        var webhook: WebhookSettings?
        if let member = fields["webhook"] { webhook = webhookSettings(member.value, "$.webhook") }
        guard let name, let service, let kind, let initial else { return nil }
        return Scenario(name: name, service: service, kind: kind, description: description, isDefault: isDefault,
                        match: match, initial: initial, steps: steps, faults: faults, webhook: webhook, file: file)
    }

    private mutating func step(_ node: JSONNode, _ path: String) -> Step? {
        guard let fields = object(node, path, allowed: Self.stepKeys) else { return nil }
        let id = string(fields["id"], path + ".id", required: true)
        let state = string(fields["state"], path + ".state", required: true)
        _ = string(fields["comment"], path + ".comment", required: false)
        var duration: DurationSpec?
        if let member = fields["duration"] { duration = durationSpec(member.value, path + ".duration", line: member.line) }
        var wait: [String] = []
        if let member = fields["wait"] {
            wait = stringList(member.value, path + ".wait", line: member.line, allowSingle: true) ?? []
            if wait.isEmpty { report(path + ".wait", member.line, "name at least one event to wait for") }
        }
        var next: [Route] = []
        if let member = fields["next"] { next = routes(member.value, path + ".next", line: member.line) ?? [] }
        var on: [String: [Route]] = [:]
        if let member = fields["on"] {
            if case .object(let members) = member.value.kind {
                for event in members {
                    let eventPath = path + ".on." + event.key
                    lines[eventPath] = event.line
                    if on[event.key] != nil { report(eventPath, event.line, "duplicate key \"\(event.key)\""); continue }
                    on[event.key] = routes(event.value, eventPath, line: event.line) ?? []
                }
            } else {
                report(path + ".on", member.line, "expected an object of event → route, found \(member.value.typeName)")
            }
        }
        var effects = StepEffects()
        if let member = fields["set"] {
            if case .object = member.value.kind {
                effects.set = member.value.value.objectValue ?? [:]
            } else {
                report(path + ".set", member.line, "expected an object of payload fields, found \(member.value.typeName)")
            }
        }
        if let member = fields["questions"] {
            effects.questions = stringList(member.value, path + ".questions", line: member.line, allowSingle: false)
        }
        effects.message = string(fields["message"], path + ".message", required: false)
        if let member = fields["error"] {
            let errorPath = path + ".error"
            if let errorFields = object(member.value, errorPath, allowed: ["code", "message"]) {
                let code = string(errorFields["code"], errorPath + ".code", required: true)
                let message = string(errorFields["message"], errorPath + ".message", required: true)
                if let code, let message { effects.error = StepError(code: code, message: message) }
            }
        }
        if let member = fields["emit"] {
            effects.emit = stringList(member.value, path + ".emit", line: member.line, allowSingle: true) ?? []
        }
        let isTerminal = bool(fields["terminal"], path + ".terminal") ?? false
        guard let id, let state else { return nil }
        return Step(id: id, state: state, duration: duration, wait: wait, next: next, on: on, effects: effects,
                    isTerminal: isTerminal)
    }

    private mutating func durationSpec(_ node: JSONNode, _ path: String, line: Int) -> DurationSpec? {
        if case .object = node.kind {
            guard let fields = object(node, path, allowed: ["min", "max"]) else { return nil }
            guard let minMember = fields["min"], let maxMember = fields["max"] else {
                report(path, line, "a jittered duration needs both \"min\" and \"max\"")
                return nil
            }
            guard let min = timeSpan(minMember.value, path + ".min", line: minMember.line),
                  let max = timeSpan(maxMember.value, path + ".max", line: maxMember.line) else { return nil }
            if min > max {
                report(path + ".max", maxMember.line, "max (\(max)) is shorter than min (\(min))")
                return nil
            }
            return .uniform(min: min, max: max)
        }
        return timeSpan(node, path, line: line).map(DurationSpec.fixed)
    }

    /// `"step-id"`, `{"to": "step-id", "when": rule(s)}`, `{"stay": true, "when": …}`, or an array of those.
    private mutating func routes(_ node: JSONNode, _ path: String, line: Int) -> [Route]? {
        switch node.kind {
        case .string(let target):
            return [.to(target)]
        case .object:
            return route(node, path, line: line).map { [$0] }
        case .array(let items):
            if items.isEmpty { report(path, line, "an empty route list leads nowhere") }
            var result: [Route] = []
            for (index, item) in items.enumerated() {
                let itemPath = "\(path)[\(index)]"
                lines[itemPath] = item.line
                if case .string(let target) = item.kind {
                    result.append(.to(target))
                } else if let route = route(item, itemPath, line: item.line) {
                    result.append(route)
                }
            }
            return result
        default:
            report(path, line, "expected a step id, a route object or an array of routes, found \(node.typeName)")
            return nil
        }
    }

    private mutating func route(_ node: JSONNode, _ path: String, line: Int) -> Route? {
        guard let fields = object(node, path, allowed: Self.routeKeys) else { return nil }
        var conditions: [MatchRule] = []
        if let member = fields["when"] { conditions = rules(member.value, path + ".when", line: member.line) ?? [] }
        let target = string(fields["to"], path + ".to", required: false)
        let stay = bool(fields["stay"], path + ".stay") ?? false
        switch (target, stay) {
        case (let target?, false):
            return Route(when: conditions, to: .step(target))
        case (nil, true):
            return Route(when: conditions, to: .stay)
        case (_?, true):
            report(path, line, "a route has either \"to\" or \"stay\": true, not both")
        case (nil, false):
            if fields["stay"] != nil { report(path + ".stay", fields["stay"]?.line, "\"stay\" can only be true") }
            else { report(path, line, "a route needs \"to\" (a step id) or \"stay\": true") }
        }
        return nil
    }

    /// One rule object or an array of them.
    private mutating func rules(_ node: JSONNode, _ path: String, line: Int) -> [MatchRule]? {
        switch node.kind {
        case .object:
            return rule(node, path, line: line).map { [$0] }
        case .array(let items):
            var result: [MatchRule] = []
            for (index, item) in items.enumerated() {
                lines["\(path)[\(index)]"] = item.line
                if let rule = rule(item, "\(path)[\(index)]", line: item.line) { result.append(rule) }
            }
            return result
        default:
            report(path, line, "expected a rule object or an array of rules, found \(node.typeName)")
            return nil
        }
    }

    private mutating func rule(_ node: JSONNode, _ path: String, line: Int) -> MatchRule? {
        guard let fields = object(node, path, allowed: Self.ruleKeys) else { return nil }
        let field = string(fields["field"], path + ".field", required: true)
        let tests = Self.ruleTests.filter { fields[$0] != nil }
        guard tests.count == 1, let testKey = tests.first, let member = fields[testKey] else {
            report(path, line, "a rule needs exactly one of " + Self.ruleTests.joined(separator: ", ")
                + (tests.isEmpty ? "" : "; found " + tests.joined(separator: ", ")))
            return nil
        }
        let testPath = path + "." + testKey
        let test: MatchRule.Test
        switch testKey {
        case "contains":
            test = .contains(member.value.value)
        case "equals":
            test = .equals(member.value.value)
        case "matches-prefix":
            guard case .string(let prefix) = member.value.kind else {
                report(testPath, member.line, "expected a string, found \(member.value.typeName)")
                return nil
            }
            test = .matchesPrefix(prefix)
        default:
            guard let flag = bool(member, testPath) else { return nil }
            test = .affirmative(flag)
        }
        guard let field else { return nil }
        return MatchRule(field: field, test)
    }

    private mutating func webhookSettings(_ node: JSONNode, _ path: String) -> WebhookSettings? {
        guard let fields = object(node, path, allowed: Self.webhookKeys) else { return nil }
        var settings = WebhookSettings()
        if let member = fields["max-attempts"] {
            if case .number(.int(let count)) = member.value.kind, count >= 1, count <= 100 {
                settings.maxAttempts = Int(count)
            } else {
                report(path + ".max-attempts", member.line, "expected a whole number from 1 to 100")
            }
        }
        if let member = fields["backoff-factor"] {
            if case .number(.int(let factor)) = member.value.kind, factor >= 1, factor <= 10 {
                settings.backoffFactor = Int(factor)
            } else {
                report(path + ".backoff-factor", member.line, "expected a whole number from 1 to 10")
            }
        }
        if let member = fields["backoff"], let span = timeSpan(member.value, path + ".backoff", line: member.line) {
            settings.backoff = span
        }
        if let member = fields["max-backoff"], let span = timeSpan(member.value, path + ".max-backoff", line: member.line) {
            settings.maxBackoff = span
        }
        if let member = fields["timeout"], let span = timeSpan(member.value, path + ".timeout", line: member.line) {
            settings.timeout = span
        }
        return settings
    }

    // MARK: Helpers

    static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLowercase || character.isNumber || "-_.".contains(character))
    }

    static func parent(of path: String) -> String {
        guard let dot = path.lastIndex(of: ".") else { return "$" }
        return String(path[..<dot])
    }

    static func last(of path: String) -> String {
        guard let dot = path.lastIndex(of: ".") else { return path }
        return String(path[path.index(after: dot)...])
    }

    /// The allowed key nearest to a typo, if it is plausibly one (edit distance ≤ 2).
    static func closest(to key: String, in allowed: [String]) -> String? {
        let scored = allowed.map { ($0, editDistance(key, $0)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
