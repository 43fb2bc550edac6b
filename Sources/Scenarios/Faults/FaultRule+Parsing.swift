public import JSON

/// A fault rule or header that does not parse, with where (`params.code`, relative to the rule).
public struct FaultRuleError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

extension FaultRule {
    static let ruleKeys = ["id", "kind", "params", "target", "calls", "description", "hits", "matched", "source", "created_at", "comment"]
    static let targetKeys = ["service", "route", "method", "job", "job-kind"]
    static let selectorKeys = ["nth", "first", "every", "after", "probability"]
    /// Parameters each kind accepts; anything else is an error, so a typo never silently does nothing.
    static let parameterKeys: [String: [String]] = [
        "status": ["code", "retry-after", "message"], "latency": ["duration", "min", "max", "median", "sigma"],
        "reset": [], "empty": [], "malformed": ["body"], "truncate": ["bytes"], "drip": ["chunk", "interval"],
        "hang": ["max"], "fail": ["step", "code", "message"], "drop": [], "delay": ["by"], "duplicate": [],
        "receiver-5xx": ["status"],
    ]

    /// Reads a rule as `POST /__admin/faults` and scenario files write it:
    /// `{"kind", "params": {…}, "target": {…}, "calls": {"nth": 3}, "description"}`.
    public static func parse(_ value: JSONValue) throws(FaultRuleError) -> FaultRule {
        guard case .object(let fields) = value else { throw FaultRuleError(path: "", "a fault rule must be a JSON object") }
        try checkKeys(fields, allowed: ruleKeys, path: "")
        guard let kindValue = fields["kind"] else {
            throw FaultRuleError(path: "kind", "missing; one of: " + FaultKind.allNames.joined(separator: ", "))
        }
        guard case .string(let name) = kindValue else { throw FaultRuleError(path: "kind", "must be a string") }
        var params: [String: JSONValue] = [:]
        if let member = fields["params"] {
            guard case .object(let object) = member else { throw FaultRuleError(path: "params", "must be an object") }
            params = object
        }
        let kind = try FaultKind.parse(name: name, params: params, path: "params")
        var target = FaultTarget()
        if let member = fields["target"] {
            guard case .object(let object) = member else { throw FaultRuleError(path: "target", "must be an object") }
            try checkKeys(object, allowed: targetKeys, path: "target")
            target.service = try string(object["service"], "target.service")
            target.route = try string(object["route"], "target.route")
            if let route = target.route, !route.hasPrefix("/") {
                throw FaultRuleError(path: "target.route", "must start with \"/\" (e.g. \"/api/v1/builds/*\")")
            }
            target.method = try string(object["method"], "target.method")?.uppercased()
            target.job = try string(object["job"], "target.job")
            target.jobKind = try string(object["job-kind"], "target.job-kind")
        }
        switch kind.layer {
        case .http where target.jobKind != nil:
            throw FaultRuleError(path: "target.job-kind", "targets lifecycle and webhook faults; an HTTP fault names a route or a job id")
        case .lifecycle, .webhook:
            if target.route != nil { throw FaultRuleError(path: "target.route", "only HTTP faults have a route") }
            if target.method != nil { throw FaultRuleError(path: "target.method", "only HTTP faults have a method") }
        default:
            break
        }
        var calls = CallSelector.always
        if let member = fields["calls"] {
            guard case .object(let object) = member else { throw FaultRuleError(path: "calls", "must be an object") }
            calls = try CallSelector.parse(object)
        }
        var description: String?
        if let member = fields["description"] { description = try string(member, "description") }
        return FaultRule(kind: kind, target: target, calls: calls, description: description)
    }

    /// The kind of an `X-Buildermock-Fault: KIND[;param=value…]` header (HTTP kinds only).
    public static func parseHeader(_ text: String) throws(FaultRuleError) -> FaultKind {
        var parts = text.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmed() }
        let name = parts.removeFirst().lowercased()
        guard !name.isEmpty else { throw FaultRuleError(path: "", "the header names no fault kind; e.g. \"status;code=503\"") }
        guard FaultKind.httpNames.contains(name) else {
            throw FaultRuleError(path: "", "\"\(name)\" is not a per-request fault; one of: " + FaultKind.httpNames.joined(separator: ", "))
        }
        var params: [String: JSONValue] = [:]
        for part in parts where !part.isEmpty {
            guard let equals = part.firstIndex(of: "=") else {
                throw FaultRuleError(path: part, "expected param=value")
            }
            let key = part[..<equals].trimmed().lowercased()
            guard params[key] == nil else { throw FaultRuleError(path: key, "given twice") }
            params[key] = .string(part[part.index(after: equals)...].trimmed())
        }
        return try FaultKind.parse(name: name, params: params, path: "")
    }

    static func checkKeys(_ fields: [String: JSONValue], allowed: [String], path: String) throws(FaultRuleError) {
        for key in fields.keys.sorted() where !allowed.contains(key) {
            throw FaultRuleError(path: join(path, key),
                                 "unknown field; allowed: " + (allowed.isEmpty ? "none" : allowed.joined(separator: ", ")))
        }
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    static func string(_ value: JSONValue?, _ path: String) throws(FaultRuleError) -> String? {
        guard let value else { return nil }
        guard case .string(let text) = value, !text.isEmpty else { throw FaultRuleError(path: path, "must be a non-empty string") }
        return text
    }
}

extension CallSelector {
    static func parse(_ object: [String: JSONValue]) throws(FaultRuleError) -> CallSelector {
        try FaultRule.checkKeys(object, allowed: FaultRule.selectorKeys, path: "calls")
        guard object.count <= 1 else {
            throw FaultRuleError(path: "calls", "give one of nth, first, every, after, probability; found \(object.keys.sorted().joined(separator: ", "))")
        }
        guard let (key, value) = object.first else { return .always }
        if key == "probability" {
            guard let p = FaultValue.double(value), p >= 0, p <= 1 else {
                throw FaultRuleError(path: "calls.probability", "must be a number from 0 to 1")
            }
            return .probability(p)
        }
        let minimum = key == "after" ? 0 : 1
        guard let n = FaultValue.int(value), n >= minimum, n <= 1_000_000_000 else {
            throw FaultRuleError(path: "calls." + key, "must be an integer from \(minimum) to 1000000000")
        }
        switch key {
        case "nth": return .nth(n)
        case "first": return .first(n)
        case "every": return .every(n)
        default: return .after(n)
        }
    }

    public var json: JSONValue {
        switch self {
        case .always: .object([:])
        case .nth(let n): .object(["nth": .int(Int64(n))])
        case .first(let n): .object(["first": .int(Int64(n))])
        case .every(let n): .object(["every": .int(Int64(n))])
        case .after(let n): .object(["after": .int(Int64(n))])
        case .probability(let p): .object(["probability": .double(p)])
        }
    }
}

extension FaultKind {
    /// Reads a kind's parameters; numbers may also be given as text (the header has only text).
    static func parse(name: String, params: [String: JSONValue], path: String) throws(FaultRuleError) -> FaultKind {
        guard let allowed = FaultRule.parameterKeys[name] else {
            throw FaultRuleError(path: path.isEmpty ? "" : "kind",
                                 "unknown fault kind \"\(name)\"; one of: " + FaultKind.allNames.joined(separator: ", "))
        }
        try FaultRule.checkKeys(params, allowed: allowed, path: path)
        let reader = FaultValue.Reader(params: params, path: path)
        switch name {
        case "status":
            let code = try reader.int("code", range: 400...599) ?? 503
            var retryAfter = try reader.int("retry-after", range: 0...86_400)
            // RFC 9110 §10.2.3: Retry-After is what a 429 or 503 client needs to back off politely.
            if retryAfter == nil, code == 429 || code == 503 { retryAfter = 1 }
            return .status(code: code, retryAfterSeconds: retryAfter, message: try reader.string("message"))
        case "latency":
            if let fixed = try reader.duration("duration", max: LatencySpec.ceilingMs) {
                guard params["min"] == nil, params["max"] == nil, params["median"] == nil else {
                    throw FaultRuleError(path: path, "give duration, or min and max, or median and sigma")
                }
                return .latency(.fixed(fixed))
            }
            if let min = try reader.duration("min", max: LatencySpec.ceilingMs) {
                guard let max = try reader.duration("max", max: LatencySpec.ceilingMs) else {
                    throw FaultRuleError(path: FaultRule.join(path, "max"), "required with min")
                }
                guard max >= min else { throw FaultRuleError(path: FaultRule.join(path, "max"), "must not be less than min") }
                return .latency(.uniform(min: min, max: max))
            }
            if let median = try reader.duration("median", max: LatencySpec.ceilingMs) {
                guard let sigma = try reader.double("sigma", range: 0...5) else {
                    throw FaultRuleError(path: FaultRule.join(path, "sigma"), "required with median (a number from 0 to 5)")
                }
                return .latency(.lognormal(median: median, sigma: sigma))
            }
            throw FaultRuleError(path: path, "latency needs duration, or min and max, or median and sigma")
        case "reset": return .reset
        case "empty": return .empty
        case "malformed": return .malformed(body: try reader.string("body"))
        case "truncate": return .truncate(bytes: try reader.int("bytes", range: 0...100_000_000))
        case "drip":
            return .drip(chunkBytes: try reader.int("chunk", range: 1...65_536) ?? 16,
                         intervalMs: try reader.duration("interval", max: 60_000) ?? 100)
        case "hang": return .hang(maxMs: try reader.duration("max", max: 600_000) ?? 30_000)
        case "fail":
            var point = FailPoint.move(1)
            if let value = params["step"] {
                if let n = FaultValue.int(value) {
                    guard n >= 1, n <= 10_000 else {
                        throw FaultRuleError(path: FaultRule.join(path, "step"), "must be a move number from 1 to 10000 or a step id")
                    }
                    point = .move(n)
                } else if case .string(let id) = value, !id.isEmpty {
                    point = .step(id)
                } else {
                    throw FaultRuleError(path: FaultRule.join(path, "step"), "must be a move number from 1 or a step id")
                }
            }
            return .fail(at: point, code: try reader.string("code"), message: try reader.string("message"))
        case "drop": return .drop
        case "delay":
            guard let by = try reader.duration("by", max: 7 * 86_400_000) else {
                throw FaultRuleError(path: FaultRule.join(path, "by"), "required: how much later the attempt goes out (e.g. \"30s\")")
            }
            return .delay(ms: by)
        case "duplicate": return .duplicate
        default: return .receiver5xx(status: try reader.int("status", range: 500...599) ?? 503)
        }
    }

    /// The parameters as JSON, with every default filled in.
    public var parametersJSON: JSONValue {
        switch self {
        case .status(let code, let retryAfter, let message):
            var object: [String: JSONValue] = ["code": .int(Int64(code))]
            if let retryAfter { object["retry-after"] = .int(Int64(retryAfter)) }
            if let message { object["message"] = .string(message) }
            return .object(object)
        case .latency(.fixed(let ms)): return .object(["duration": .int(ms)])
        case .latency(.uniform(let min, let max)): return .object(["min": .int(min), "max": .int(max)])
        case .latency(.lognormal(let median, let sigma)): return .object(["median": .int(median), "sigma": .double(sigma)])
        case .malformed(let body?): return .object(["body": .string(body)])
        case .truncate(let bytes?): return .object(["bytes": .int(Int64(bytes))])
        case .drip(let chunk, let interval): return .object(["chunk": .int(Int64(chunk)), "interval": .int(interval)])
        case .hang(let max): return .object(["max": .int(max)])
        case .fail(let at, let code, let message):
            var object: [String: JSONValue] = [:]
            switch at {
            case .move(let n): object["step"] = .int(Int64(n))
            case .step(let id): object["step"] = .string(id)
            }
            if let code { object["code"] = .string(code) }
            if let message { object["message"] = .string(message) }
            return .object(object)
        case .delay(let ms): return .object(["by": .int(ms)])
        case .receiver5xx(let status): return .object(["status": .int(Int64(status))])
        default: return .object([:])
        }
    }
}

extension FaultRule {
    /// The rule as JSON (durations in milliseconds, defaults filled in); parses back to itself.
    public var json: JSONValue {
        var target: [String: JSONValue] = [:]
        if let service = self.target.service { target["service"] = .string(service) }
        if let route = self.target.route { target["route"] = .string(route) }
        if let method = self.target.method { target["method"] = .string(method) }
        if let job = self.target.job { target["job"] = .string(job) }
        if let jobKind = self.target.jobKind { target["job-kind"] = .string(jobKind) }
        var object: [String: JSONValue] = ["kind": .string(kind.name), "params": kind.parametersJSON,
                                           "target": .object(target), "calls": calls.json]
        if !id.isEmpty { object["id"] = .string(id) }
        if let description { object["description"] = .string(description) }
        return .object(object)
    }
}

/// Coercions shared by rule and header parsing.
enum FaultValue {
    static func int(_ value: JSONValue) -> Int? {
        switch value {
        case .int(let n): return Int(exactly: n)
        case .double(let d) where d.rounded() == d && abs(d) < 1e15: return Int(d)
        case .string(let text): return Int(text)
        default: return nil
        }
    }

    static func double(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let n): return Double(n)
        case .double(let d): return d.isFinite ? d : nil
        case .string(let text): return Double(text).flatMap { $0.isFinite ? $0 : nil }
        default: return nil
        }
    }

    /// Milliseconds: a number, or duration text (`"250ms"`, `"2s"`).
    static func milliseconds(_ value: JSONValue) -> Int64? {
        if let n = int(value) { return Int64(n) }
        if case .string(let text) = value { return TimeSpan(parsing: text)?.milliseconds }
        return nil
    }

    struct Reader {
        let params: [String: JSONValue]
        let path: String

        func int(_ key: String, range: ClosedRange<Int>) throws(FaultRuleError) -> Int? {
            guard let value = params[key] else { return nil }
            guard let n = FaultValue.int(value), range.contains(n) else {
                throw FaultRuleError(path: FaultRule.join(path, key), "must be an integer from \(range.lowerBound) to \(range.upperBound)")
            }
            return n
        }

        func double(_ key: String, range: ClosedRange<Double>) throws(FaultRuleError) -> Double? {
            guard let value = params[key] else { return nil }
            guard let d = FaultValue.double(value), range.contains(d) else {
                throw FaultRuleError(path: FaultRule.join(path, key), "must be a number from \(range.lowerBound) to \(range.upperBound)")
            }
            return d
        }

        func duration(_ key: String, max: Int64) throws(FaultRuleError) -> Int64? {
            guard let value = params[key] else { return nil }
            guard let ms = FaultValue.milliseconds(value), ms >= 0, ms <= max else {
                throw FaultRuleError(path: FaultRule.join(path, key),
                                     "must be a duration up to \(TimeSpan(milliseconds: max)) (milliseconds, or text such as \"250ms\", \"2s\")")
            }
            return ms
        }

        func string(_ key: String) throws(FaultRuleError) -> String? {
            guard let value = params[key] else { return nil }
            guard case .string(let text) = value else { throw FaultRuleError(path: FaultRule.join(path, key), "must be a string") }
            return text
        }
    }
}

extension Substring {
    func trimmed() -> String {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
