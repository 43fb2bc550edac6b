import Foundation
import JSON
import Testing
@testable import Scenarios

/// Parsing fault rules and headers: every kind, its defaults, and a clear error at a path for bad input.
@Suite struct FaultRuleTests {
    static func rule(_ text: String) throws -> FaultRule {
        try FaultRule.parse(try #require(JSONValue.parse(text)))
    }

    static func error(_ text: String) -> FaultRuleError? {
        guard let value = JSONValue.parse(text) else { return nil }
        do {
            _ = try FaultRule.parse(value)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        (#"{"kind":"status","params":{"code":429}}"#, FaultKind.status(code: 429, retryAfterSeconds: 1, message: nil)),
        (#"{"kind":"status","params":{"code":500}}"#, .status(code: 500, retryAfterSeconds: nil, message: nil)),
        (#"{"kind":"status"}"#, .status(code: 503, retryAfterSeconds: 1, message: nil)),
        (#"{"kind":"status","params":{"code":503,"retry-after":"30","message":"down"}}"#, .status(code: 503, retryAfterSeconds: 30, message: "down")),
        (#"{"kind":"latency","params":{"duration":"250ms"}}"#, .latency(.fixed(250))),
        (#"{"kind":"latency","params":{"min":100,"max":"1s"}}"#, .latency(.uniform(min: 100, max: 1000))),
        (#"{"kind":"latency","params":{"median":"200ms","sigma":0.5}}"#, .latency(.lognormal(median: 200, sigma: 0.5))),
        (#"{"kind":"reset"}"#, .reset),
        (#"{"kind":"empty"}"#, .empty),
        (#"{"kind":"malformed"}"#, .malformed(body: nil)),
        (#"{"kind":"truncate","params":{"bytes":10}}"#, .truncate(bytes: 10)),
        (#"{"kind":"drip"}"#, .drip(chunkBytes: 16, intervalMs: 100)),
        (#"{"kind":"hang","params":{"max":"2s"}}"#, .hang(maxMs: 2000)),
        (#"{"kind":"fail","params":{"step":"running","code":"boom"}}"#, .fail(at: .step("running"), code: "boom", message: nil)),
        (#"{"kind":"fail","params":{"step":2}}"#, .fail(at: .move(2), code: nil, message: nil)),
        (#"{"kind":"drop"}"#, .drop),
        (#"{"kind":"delay","params":{"by":"30s"}}"#, .delay(ms: 30_000)),
        (#"{"kind":"duplicate"}"#, .duplicate),
        (#"{"kind":"receiver-5xx","params":{"status":502}}"#, .receiver5xx(status: 502)),
    ])
    func parse_readsEveryKind(text: String, kind: FaultKind) throws {
        let rule = try Self.rule(text)
        #expect(rule.kind == kind)
        // The stored form parses back to the same rule.
        #expect(try FaultRule.parse(rule.json) == rule)
    }

    @Test(arguments: [
        (#"{"params":{}}"#, "kind", "missing"),
        (#"{"kind":"explode"}"#, "kind", "unknown fault kind"),
        (#"{"kind":"status","params":{"code":200}}"#, "params.code", "from 400 to 599"),
        (#"{"kind":"status","params":{"cod":503}}"#, "params.cod", "unknown field"),
        (#"{"kind":"latency"}"#, "params", "needs duration"),
        (#"{"kind":"latency","params":{"min":"2s","max":"1s"}}"#, "params.max", "not be less than min"),
        (#"{"kind":"latency","params":{"median":"1s"}}"#, "params.sigma", "required"),
        (#"{"kind":"drip","params":{"interval":"soon"}}"#, "params.interval", "duration"),
        (#"{"kind":"delay"}"#, "params.by", "required"),
        (#"{"kind":"fail","params":{"step":0}}"#, "params.step", "move number"),
        (#"{"kind":"receiver-5xx","params":{"status":404}}"#, "params.status", "from 500 to 599"),
        (#"{"kind":"status","calls":{"nth":0}}"#, "calls.nth", "from 1"),
        (#"{"kind":"status","calls":{"nth":1,"first":2}}"#, "calls", "give one of"),
        (#"{"kind":"status","calls":{"probability":1.5}}"#, "calls.probability", "from 0 to 1"),
        (#"{"kind":"status","target":{"route":"api"}}"#, "target.route", "must start with"),
        (#"{"kind":"status","target":{"job-kind":"build"}}"#, "target.job-kind", "lifecycle and webhook"),
        (#"{"kind":"drop","target":{"method":"GET"}}"#, "target.method", "only HTTP"),
        (#"{"kind":"status","target":{"servce":"x"}}"#, "target.servce", "unknown field"),
        (#"{"kind":"status","colour":"red"}"#, "colour", "unknown field"),
        (#"[1]"#, "", "JSON object"),
    ])
    func parse_rejectsBadRulesAtAPath(text: String, path: String, fragment: String) {
        let error = Self.error(text)
        #expect(error?.path == path, "\(text): \(error?.description ?? "accepted")")
        #expect(error?.message.contains(fragment) == true, "\(text): \(error?.message ?? "accepted")")
    }

    @Test func header_readsKindAndTextParameters() throws {
        #expect(try FaultRule.parseHeader("status;code=429;retry-after=7") == .status(code: 429, retryAfterSeconds: 7, message: nil))
        #expect(try FaultRule.parseHeader(" Latency ; duration = 150ms ") == .latency(.fixed(150)))
        #expect(try FaultRule.parseHeader("drip;chunk=8;interval=20") == .drip(chunkBytes: 8, intervalMs: 20))
        #expect(try FaultRule.parseHeader("reset") == .reset)
        #expect(throws: FaultRuleError.self) { try FaultRule.parseHeader("drop") }
        #expect(throws: FaultRuleError.self) { try FaultRule.parseHeader("") }
        #expect(throws: FaultRuleError.self) { try FaultRule.parseHeader("status;code") }
        #expect(throws: FaultRuleError.self) { try FaultRule.parseHeader("status;code=1;code=2") }
        #expect(throws: FaultRuleError.self) { try FaultRule.parseHeader("hang;max=forever") }
    }
}

/// The pure decision: targeting and call selection.
@Suite struct FaultPlanTests {
    static func pattern(_ selector: CallSelector, calls: Int = 12, draw: (Int) -> Double = { _ in 0.99 }) -> [Bool] {
        let plan = FaultPlan(rules: [FaultRule(kind: .reset, calls: selector)])
        var counted = 0
        var hits: [Bool] = []
        for _ in 0..<calls {
            let decision = plan.decide(.http(service: "appbuilds", method: "GET", path: "/api/v1/builds/b1"),
                                       previousCalls: [counted]) { _, number in draw(number) }
            counted += decision.counted.count
            hits.append(decision.hit == 0)
        }
        return hits
    }

    @Test func selectors_hitTheCallsTheyName() {
        func numbers(_ hits: [Bool]) -> [Int] { hits.indices.filter { hits[$0] }.map { $0 + 1 } }
        #expect(numbers(Self.pattern(.nth(3))) == [3])
        #expect(numbers(Self.pattern(.first(2))) == [1, 2])
        #expect(numbers(Self.pattern(.every(5))) == [5, 10])
        #expect(numbers(Self.pattern(.after(10))) == [11, 12])
        #expect(numbers(Self.pattern(.always)).count == 12)
        // Probability compares the draw of each call number.
        #expect(numbers(Self.pattern(.probability(0.5), draw: { $0 % 4 == 0 ? 0.1 : 0.9 })) == [4, 8, 12])
    }

    @Test func probability_sameDrawsGiveTheSamePattern() {
        func draw(seed: UInt64) -> (Int) -> Double {
            { number in FaultPlan.unitInterval(SplitMix64Reference.output(seed: seed, index: UInt64(number))) }
        }
        let first = Self.pattern(.probability(0.3), calls: 64, draw: draw(seed: 7))
        let second = Self.pattern(.probability(0.3), calls: 64, draw: draw(seed: 7))
        let other = Self.pattern(.probability(0.3), calls: 64, draw: draw(seed: 8))
        #expect(first == second)
        #expect(first != other)
        let rate = Double(first.filter { $0 }.count) / 64
        #expect(rate > 0.1 && rate < 0.55)
    }

    @Test func targeting_filtersByServiceRouteMethodAndJob() {
        let call = FaultCall.http(service: "appbuilds", method: "GET", path: "/api/v1/builds/bld_1/logs")
        #expect(FaultTarget(service: "appbuilds").matches(call))
        #expect(!FaultTarget(service: "buildprint").matches(call))
        #expect(FaultTarget(method: "GET").matches(call))
        #expect(!FaultTarget(method: "POST").matches(call))
        #expect(FaultTarget(route: "/api/v1/builds/*/logs").matches(call))
        #expect(FaultTarget(route: "/api/v1/builds/:id/logs").matches(call))
        #expect(FaultTarget(route: "/api/**").matches(call))
        #expect(FaultTarget(route: "/api/v1/builds/bld_*/**").matches(call))
        #expect(!FaultTarget(route: "/api/v1/builds/*").matches(call))
        #expect(!FaultTarget(route: "/api/v1/deploys/**").matches(call))
        #expect(FaultTarget(job: "bld_1").matches(call))
        #expect(!FaultTarget(job: "bld_2").matches(call))
    }

    @Test func decide_everyMatchingRuleCountsButTheFirstHitWins() {
        let plan = FaultPlan(rules: [
            FaultRule(kind: .status(code: 503, retryAfterSeconds: 1, message: nil), target: FaultTarget(method: "GET"), calls: .nth(2)),
            FaultRule(kind: .reset, target: FaultTarget(method: "GET"), calls: .always),
            FaultRule(kind: .drop),
            FaultRule(kind: .empty, target: FaultTarget(method: "POST")),
        ])
        let call = FaultCall.http(service: nil, method: "GET", path: "/x")
        let second = plan.decide(call, previousCalls: [1, 1, 0, 0]) { _, _ in 0 }
        #expect(second.counted == [0, 1])
        #expect(second.hit == 0)
        let third = plan.decide(call, previousCalls: [2, 2, 0, 0]) { _, _ in 0 }
        #expect(third.hit == 1)
    }

    @Test func scenarioFile_faultsAreParsedAndCheckedWithPaths() {
        let good = buildScenario(extra: """

              "faults": [ { "kind": "fail", "params": { "step": "building", "code": "oom" } },
                          { "kind": "status", "params": { "code": 503 }, "target": { "method": "GET" }, "calls": { "nth": 2 } } ],
            """)
        let (scenario, errors) = ScenarioCatalog.parse(good, file: "ok.json")
        #expect(errors.isEmpty, "\(errors)")
        #expect(scenario?.faults.rules.map(\.kind.name) == ["fail", "status"])

        let bad = buildScenario(extra: """

              "faults": [ { "kind": "fail", "params": { "step": "bulding" } },
                          { "kind": "status", "params": { "code": 99 } },
                          { "kind": "reset", "target": { "job": "bld_1" } } ],
            """)
        let badErrors = ScenarioCatalog.parse(bad, file: "bad.json").errors
        #expect(badErrors.contains { $0.jsonPath == "$.faults[0].params.step" && $0.message.contains("no step \"bulding\"") })
        #expect(badErrors.contains { $0.jsonPath == "$.faults[1].params.code" && $0.line == 4 })
        #expect(badErrors.contains { $0.jsonPath == "$.faults[2].target.job" })
    }

    @Test func failureStep_isBorrowedFromASiblingWhenMissing() throws {
        let happy = try #require(ScenarioCatalog.parse(buildScenario(), file: "a.json").scenario)
        let failingText = buildScenario(name: "fails", isDefault: false)
            .replacingOccurrences(of: #"{ "id": "success", "state": "success", "terminal": true }"#,
                                  with: #"{ "id": "failed", "state": "failed", "terminal": true, "error": { "code": "x", "message": "y" } }"#)
            .replacingOccurrences(of: #""next": "success""#, with: #""next": "failed""#)
        let parsed = ScenarioCatalog.parse(failingText, file: "b.json")
        let failing = try #require(parsed.scenario, "\(parsed.errors)")
        #expect(LifecycleMachine(scenario: happy).failureStep == nil)
        let extended = happy.withFailureStep(from: [happy, failing])
        let machine = LifecycleMachine(scenario: extended)
        #expect(machine.failureStep?.id == Scenario.faultFailureStepID)
        let transition = try #require(machine.failure(code: "oom", message: nil))
        #expect(transition.state == "failed")
        #expect(transition.effects.error == StepError(code: "oom", message: "y"))
        #expect(transition.isTerminal)
    }
}

/// SplitMix64's output function, as the engine's streams use it, for draws in these pure tests.
enum SplitMix64Reference {
    static func output(seed: UInt64, index: UInt64) -> UInt64 {
        var z = seed &+ (index &+ 1) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Latency shapes: fixed is fixed, uniform stays in range, lognormal centres on its median; all seeded.
@Suite struct LatencySpecTests {
    @Test func shapes_drawAsTheySay() {
        var generator = CountingGenerator()
        #expect(LatencySpec.fixed(250).resolve(using: &generator) == 250)
        let uniform = (0..<200).map { _ in LatencySpec.uniform(min: 100, max: 300).resolve(using: &generator) }
        #expect(uniform.allSatisfy { (100...300).contains($0) })
        #expect(Set(uniform).count > 50)

        var seeded = SplitMixForTests(state: 99)
        let draws = (0..<1001).map { _ in LatencySpec.lognormal(median: 200, sigma: 0.5).resolve(using: &seeded) }.sorted()
        #expect((170...230).contains(draws[500]), "median \(draws[500])")
        #expect(draws.last! > 400)  // the long tail
        var again = SplitMixForTests(state: 99)
        #expect(LatencySpec.lognormal(median: 200, sigma: 0.5).resolve(using: &again) == {
            var first = SplitMixForTests(state: 99)
            return LatencySpec.lognormal(median: 200, sigma: 0.5).resolve(using: &first)
        }())
        var wild = SplitMixForTests(state: 1)
        #expect((0..<100).allSatisfy { _ in LatencySpec.lognormal(median: 500_000, sigma: 5).resolve(using: &wild) <= LatencySpec.ceilingMs })
    }
}

struct SplitMixForTests: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64Reference.output(seed: state, index: 0)
    }
}
