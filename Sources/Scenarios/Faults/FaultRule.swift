public import JSON

/// One fault to inject: what it does, which calls it concerns, and which of those it hits.
public struct FaultRule: Sendable, Hashable {
    /// Assigned when the rule is stored (`flt_…`); empty while only parsed.
    public var id: String
    public var kind: FaultKind
    public var target: FaultTarget
    public var calls: CallSelector
    public var description: String?

    public init(id: String = "", kind: FaultKind, target: FaultTarget = FaultTarget(), calls: CallSelector = .always,
                description: String? = nil) {
        self.id = id
        self.kind = kind
        self.target = target
        self.calls = calls
        self.description = description
    }
}

/// Which calls a rule concerns; every field left nil matches anything.
public struct FaultTarget: Sendable, Hashable {
    /// The emulated API (`appbuilds`, `buildprint`, `builderio`, `builderagents`).
    public var service: String?
    /// A path pattern: `*` or `:name` is one segment, `**` any number of them, `*` inside a segment
    /// any characters (`/api/v1/builds/*`, `/api/**`).
    public var route: String?
    /// An HTTP method, upper case.
    public var method: String?
    /// A job id: a path segment of the request, the job itself, or (webhook faults) the job a delivery reports.
    public var job: String?
    /// A job kind (`build`, `agent`); lifecycle and webhook faults only.
    public var jobKind: String?

    public init(service: String? = nil, route: String? = nil, method: String? = nil, job: String? = nil,
                jobKind: String? = nil) {
        self.service = service
        self.route = route
        self.method = method
        self.job = job
        self.jobKind = jobKind
    }

    /// Whether `call` is one of the calls this target names.
    public func matches(_ call: FaultCall) -> Bool {
        if let service, call.service != service { return false }
        if let method, call.method != method { return false }
        if let route {
            guard let path = call.path, RoutePatternMatch.matches(pattern: route, path: path) else { return false }
        }
        if let job, !call.jobIDs.contains(job) { return false }
        if let jobKind, call.jobKind != jobKind { return false }
        return true
    }
}

/// Which of the calls a rule concerns it hits, counting them 1, 2, 3… as they arrive.
public enum CallSelector: Sendable, Hashable {
    case always
    /// Only call N.
    case nth(Int)
    /// Calls 1…N.
    case first(Int)
    /// Calls N, 2N, 3N…
    case every(Int)
    /// Calls N+1, N+2…
    case after(Int)
    /// Each call with probability p, decided by a seeded draw in [0, 1).
    case probability(Double)

    /// Whether call number `call` (1-based) is hit; `draw` is consulted only for `.probability`.
    public func hits(call: Int, draw: () -> Double) -> Bool {
        switch self {
        case .always: true
        case .nth(let n): call == n
        case .first(let n): call <= n
        case .every(let n): call % n == 0
        case .after(let n): call > n
        case .probability(let p): draw() < p
        }
    }
}

/// The attributes of one call a fault may concern: an HTTP request, a job's move, a delivery attempt.
public struct FaultCall: Sendable, Hashable {
    public var layer: FaultKind.Layer
    public var service: String?
    public var method: String?
    public var path: String?
    /// Ids the call concerns: every path segment of a request; the job (and its source job) otherwise.
    public var jobIDs: [String]
    public var jobKind: String?

    public init(layer: FaultKind.Layer, service: String? = nil, method: String? = nil, path: String? = nil,
                jobIDs: [String] = [], jobKind: String? = nil) {
        self.layer = layer
        self.service = service
        self.method = method
        self.path = path
        self.jobIDs = jobIDs
        self.jobKind = jobKind
    }

    /// An HTTP request: its path segments double as the job ids it may concern.
    public static func http(service: String?, method: String, path: String) -> FaultCall {
        FaultCall(layer: .http, service: service, method: method, path: path,
                  jobIDs: path.split(separator: "/").map(String.init))
    }
}

/// Path patterns for `FaultTarget.route`.
enum RoutePatternMatch {
    static func matches(pattern: String, path: String) -> Bool {
        let patternSegments = pattern.split(separator: "/")
        let pathSegments = path.split(separator: "/")
        return match(patternSegments[...], pathSegments[...])
    }

    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" {
            // Zero or more segments: try every split, shortest first.
            var rest = path
            while true {
                if match(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
        guard let segment = path.first else { return false }
        guard head.first == ":" || glob(Array(head.utf8)[...], Array(segment.utf8)[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// `*` is any run of characters within one segment.
    private static func glob(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        if first == UInt8(ascii: "*") {
            var rest = text
            while true {
                if glob(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
        guard let char = text.first, char == first else { return false }
        return glob(pattern.dropFirst(), text.dropFirst())
    }
}

/// Faults a scenario injects into the jobs that run it, in file order.
public struct FaultPlan: Sendable, Hashable {
    public var rules: [FaultRule]

    public init(rules: [FaultRule] = []) { self.rules = rules }

    /// What one call meets: the rules it counts towards, and the first of them (in order) that hits it.
    public struct Decision: Sendable, Hashable {
        /// Indices into `rules` of every rule whose target and layer match; each counts the call.
        public var counted: [Int]
        /// The index of the rule whose fault applies, if any.
        public var hit: Int?
    }

    /// Decides which fault, if any, `call` gets. Pure: `previousCalls[i]` is how many calls rule `i`
    /// has counted so far, and `draw(i, n)` is the seeded value in [0, 1) for rule `i`'s call `n`.
    public func decide(_ call: FaultCall, previousCalls: [Int], draw: (Int, Int) -> Double) -> Decision {
        var decision = Decision(counted: [], hit: nil)
        for (index, rule) in rules.enumerated()
        where rule.kind.layer == call.layer && rule.target.matches(call) {
            decision.counted.append(index)
            let number = (index < previousCalls.count ? previousCalls[index] : 0) + 1
            // Every matching rule counts the call, so "the 3rd GET" means the 3rd GET even when an
            // earlier rule bent the 2nd; only the first rule that hits applies.
            if decision.hit == nil, rule.calls.hits(call: number, draw: { draw(index, number) }) {
                decision.hit = index
            }
        }
        return decision
    }

    /// The draw for call `number` of rule `ruleID`: a value in [0, 1) from a 64-bit hash that the
    /// caller derives from the seed and namespace, so the same seed hits the same calls.
    public static func unitInterval(_ bits: UInt64) -> Double {
        Double(bits >> 11) * 0x1.0p-53
    }
}

extension FaultPlan {
    /// Rules as JSON, in the form they are read.
    public var json: JSONValue { .array(rules.map(\.json)) }
}
