import JSON
import Testing
@testable import Scenarios

@Suite struct ScenarioSelectorTests {
    static let kind = ScenarioKind(service: "appbuilds", kind: "build")

    static func scenario(_ name: String, isDefault: Bool = false, match: [MatchRule] = []) -> Scenario {
        Scenario(name: name, service: "appbuilds", kind: "build", isDefault: isDefault, match: match, initial: "done",
                 steps: [Step(id: "done", state: "success", isTerminal: true)])
    }

    static let selector = ScenarioSelector(catalog: try! ScenarioCatalog(scenarios: [
        scenario("ios", match: [MatchRule(field: "platform", .equals("ios"))]),
        scenario("failing", match: [MatchRule(field: "appName", .contains("FAIL")), MatchRule(field: "platform", .equals("ios"))]),
        scenario("default", isDefault: true),
        scenario("signing-failure"),
    ]))

    /// (explicit name, pin, request, expected scenario, expected reason)
    static let table: [(String?, ScenarioSelector.Pin?, JSONValue, String, ScenarioSelector.Reason)] = [
        (nil, nil, ["platform": "android"], "default", .default),
        (nil, nil, [:], "default", .default),
        (nil, nil, ["platform": "ios"], "ios", .matched),
        (nil, nil, ["platform": "ios", "appName": "will fail"], "ios", .matched),  // catalog order: first match wins
        (nil, .init(name: "signing-failure", remaining: 2), ["platform": "ios"], "signing-failure", .pinned),
        (nil, .init(name: "signing-failure", remaining: 0), ["platform": "ios"], "ios", .matched),
        ("default", .init(name: "signing-failure", remaining: 1), ["platform": "ios"], "default", .explicit),
        ("", nil, ["platform": "ios"], "ios", .matched),
    ]

    @Test(arguments: table.indices)
    func select_followsPrecedence(index: Int) throws {
        let (name, pin, request, expected, reason) = Self.table[index]
        let selection = try Self.selector.select(Self.kind, request: request, explicitName: name, pin: pin).get()
        #expect(selection.scenario.name == expected)
        #expect(selection.reason == reason)
        #expect(selection.usedPin == (reason == .pinned))
    }

    @Test func select_unknownExplicitName_listsValidNames() {
        let result = Self.selector.select(Self.kind, request: [:], explicitName: "nope")
        #expect(result == .failure(.unknownScenario(name: "nope", kind: Self.kind,
                                                    valid: ["ios", "failing", "default", "signing-failure"])))
    }

    @Test func select_pinToAMissingScenario_isAnError() {
        let result = Self.selector.select(Self.kind, request: [:], pin: .init(name: "gone", remaining: 3))
        guard case .failure(.unknownPinnedScenario(let name, _, _)) = result else {
            Issue.record("expected unknownPinnedScenario, got \(result)")
            return
        }
        #expect(name == "gone")
    }

    @Test func select_kindWithoutScenarios_isAnError() {
        let other = ScenarioKind(service: "appbuilds", kind: "deploy")
        #expect(Self.selector.select(other, request: [:]) == .failure(.noScenario(kind: other)))
    }

    @Test func select_shippedCatalog_picksIOSByPlatform() throws {
        let selector = ScenarioSelector(catalog: try ScenarioCatalog.load(directory: shippedScenariosPath()))
        #expect(try selector.select(Self.kind, request: ["platform": "ios"]).get().scenario.name == "ios")
        #expect(try selector.select(Self.kind, request: ["platform": "android"]).get().scenario.name == "default")
    }
}

@Suite struct MatchRuleTests {
    static let request: JSONValue = [
        "prompt": "Watch my Zoho CRM leads every 5 minutes", "platform": "ios", "auto_approve": true,
        "permissions": ["camera", "gps"], "userMessage": ["userPrompt": "Add a dark mode toggle"],
    ]

    @Test(arguments: [
        (MatchRule(field: "prompt", .contains("zoho crm")), true),
        (MatchRule(field: "prompt", .contains("hubspot")), false),
        (MatchRule(field: "permissions", .contains("gps")), true),
        (MatchRule(field: "permissions", .contains("microphone")), false),
        (MatchRule(field: "platform", .equals("ios")), true),
        (MatchRule(field: "platform", .equals("IOS")), false),
        (MatchRule(field: "auto_approve", .equals(true)), true),
        (MatchRule(field: "auto_approve", .equals("true")), false),
        (MatchRule(field: "missing", .equals(nil)), false),
        (MatchRule(field: "prompt", .matchesPrefix("watch my")), true),
        (MatchRule(field: "prompt", .matchesPrefix("my")), false),
        (MatchRule(field: "userMessage.userPrompt", .contains("dark mode")), true),
        (MatchRule(field: "prompt", .affirmative(false)), true),
    ])
    func holds(rule: MatchRule, expected: Bool) {
        #expect(rule.holds(on: Self.request) == expected)
    }

    @Test(arguments: [
        ("yes", true), ("Yes, go ahead.", true), ("ok", true), ("LGTM", true), ("approve", true), ("👍", true),
        ("sure, deploy it", true), ("no", false), ("yes but not yet", false), ("don't deploy", false),
        ("EU please", false), ("", false), ("wait", false), ("okay let's wait", false),
    ])
    func affirmation(text: String, expected: Bool) {
        #expect(Affirmation.isAffirmative(text) == expected)
    }
}
