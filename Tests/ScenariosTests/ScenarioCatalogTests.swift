import Foundation
import JSON
import Testing
@testable import Scenarios

@Suite struct ScenarioCatalogTests {
    // MARK: The shipped library

    @Test func shippedFixtures_validateCleanly() throws {
        let errors = ScenarioCatalog.validate(path: shippedScenariosPath())
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
        let catalog = try ScenarioCatalog.load(directory: shippedScenariosPath())
        let expectedKinds = ["appbuilds/build", "appbuilds/deploy", "builderagents/builder", "builderagents/conversation", "builderio/branch",
                             "buildprint/agent", "buildprint/webhook"]
        #expect(catalog.kinds.map(\.description) == expectedKinds)
        for kind in catalog.kinds {
            #expect(catalog.defaultScenario(for: kind)?.name == "default")
        }
        #expect(catalog.scenario(named: "ios-signing-failure", for: ScenarioKind(service: "appbuilds", kind: "build")) != nil)
    }

    @Test func shippedFixtures_everyNonTerminalPathReachesAnEnd() throws {
        // Each default must be able to finish without anyone answering except through its own events.
        let catalog = try ScenarioCatalog.load(directory: shippedScenariosPath())
        for scenario in catalog.all where scenario.name != "never-ending-gathering" {
            let terminals = Set(scenario.steps.filter(\.isTerminal).map(\.id))
            #expect(!terminals.isEmpty, "\(scenario.file) has no terminal step")
        }
    }

    // MARK: One file, one error

    /// (label, document, expected JSON path, expected line, a fragment of the message)
    static let invalidDocuments: [(String, String, String, Int?, String)] = [
        ("bad JSON", "{\n  \"name\": \"x\",\n  \"steps\": [\n}", "$", 4, "invalid JSON"),
        ("unknown step reference", """
            {
              "name": "default", "service": "appbuilds", "kind": "build", "default": true, "initial": "queued",
              "steps": [
                { "id": "queued", "state": "queued", "duration": "10s", "next": "bulding" },
                { "id": "success", "state": "success", "terminal": true }
              ]
            }
            """, "$.steps[0].next", 4, "unknown step \"bulding\""),
        ("unknown initial", buildScenario().replacingOccurrences(of: "\"initial\": \"queued\"", with: "\"initial\": \"start\""),
         "$.initial", 3, "unknown step \"start\""),
        ("unreachable step", """
            {
              "name": "default", "service": "appbuilds", "kind": "build", "default": true, "initial": "queued",
              "steps": [
                { "id": "queued", "state": "queued", "duration": "10s", "next": "success" },
                { "id": "building", "state": "building", "duration": "3m", "next": "success" },
                { "id": "success", "state": "success", "terminal": true }
              ]
            }
            """, "$.steps[1]", 5, "unreachable"),
        ("neither duration nor wait", """
            {
              "name": "default", "service": "appbuilds", "kind": "build", "default": true, "initial": "queued",
              "steps": [
                { "id": "queued", "state": "queued", "next": "success" },
                { "id": "success", "state": "success", "terminal": true }
              ]
            }
            """, "$.steps[0]", 4, "neither \"duration\" nor \"wait\""),
        ("terminal with next", """
            {
              "name": "default", "service": "appbuilds", "kind": "build", "default": true, "initial": "queued",
              "steps": [
                { "id": "queued", "state": "queued", "duration": "1s", "next": "success" },
                { "id": "success", "state": "success", "terminal": true,
                  "next": "queued" }
              ]
            }
            """, "$.steps[1].next", 6, "terminal step cannot have a next"),
        ("duplicate step ids", """
            {
              "name": "default", "service": "appbuilds", "kind": "build", "default": true, "initial": "queued",
              "steps": [
                { "id": "queued", "state": "queued", "duration": "1s", "next": "success" },
                { "id": "success", "state": "success", "terminal": true },
                { "id": "queued", "state": "failed", "terminal": true }
              ]
            }
            """, "$.steps[2].id", 6, "duplicate step id \"queued\""),
        ("bad duration", buildScenario().replacingOccurrences(of: "\"3m\"", with: "\"3 minutes\""),
         "$.steps[1].duration", 6, "invalid duration \"3 minutes\""),
        ("jitter min above max", buildScenario().replacingOccurrences(of: "\"3m\"", with: "{\"min\": \"4m\", \"max\": \"2m\"}"),
         "$.steps[1].duration.max", 6, "shorter than min"),
        ("typo'd step key", buildScenario().replacingOccurrences(of: "\"duration\": \"3m\"", with: "\"durration\": \"3m\""),
         "$.steps[1].durration", 6, "did you mean \"duration\""),
        ("typo'd top-level key", buildScenario(extra: "\n  \"descripton\": \"x\","),
         "$.descripton", 3, "unknown field \"descripton\""),
        ("missing name", buildScenario().replacingOccurrences(of: "\"name\": \"default\", ", with: ""),
         "$", 1, "missing required field \"name\""),
        ("wrong type", buildScenario().replacingOccurrences(of: "\"default\": true", with: "\"default\": \"yes\""),
         "$.default", 2, "expected true or false"),
        ("unknown state", buildScenario().replacingOccurrences(of: "\"state\": \"building\"", with: "\"state\": \"compiling\""),
         "$.steps[1].state", 6, "unknown state \"compiling\""),
        ("unknown kind", buildScenario().replacingOccurrences(of: "\"kind\": \"build\"", with: "\"kind\": \"bulid\""),
         "$.kind", 2, "unknown kind \"appbuilds/bulid\""),
        ("unknown event", buildScenario().replacingOccurrences(of: "\"state\": \"success\", \"terminal\": true",
                                                               with: "\"state\": \"success\", \"terminal\": true, \"on\": {\"answer\": \"queued\"}"),
         "$.steps[2].on.answer", 7, "unknown event \"answer\""),
        ("match rule with two tests", buildScenario(extra: "\n  \"match\": {\"field\": \"platform\", \"equals\": \"ios\", \"contains\": \"i\"},"),
         "$.match", 3, "exactly one of"),
        ("timed step with a conditional last route", buildScenario().replacingOccurrences(
            of: "\"next\": \"building\"", with: "\"next\": [{\"when\": {\"field\": \"request.platform\", \"equals\": \"ios\"}, \"to\": \"building\"}]"),
         "$.steps[0].next", 5, "must have no \"when\""),
        ("route condition without a root", buildScenario().replacingOccurrences(
            of: "\"next\": \"building\"", with: "\"next\": [{\"when\": {\"field\": \"platform\", \"equals\": \"ios\"}, \"to\": \"building\"}, \"success\"]"),
         "$.steps[0].next[0].when.field", 5, "starts with \"request.\""),
        ("waited event without a route", """
            {
              "name": "default", "service": "builderagents", "kind": "conversation", "default": true, "initial": "asking",
              "steps": [
                { "id": "asking", "state": "gathering", "wait": ["answer", "approve"], "on": { "answer": "done" } },
                { "id": "done", "state": "deployed", "terminal": true }
              ]
            }
            """, "$.steps[0].wait", 4, "event \"approve\" is waited for but has no route"),
        ("terminal step in a non-final state", buildScenario().replacingOccurrences(of: "\"state\": \"success\"", with: "\"state\": \"building\""),
         "$.steps[2].state", 7, "terminal step must show a final state"),
        ("name not header-safe", buildScenario(name: "Slow Build"), "$.name", 2, "lowercase letters"),
        ("duplicate key", buildScenario(extra: "\n  \"kind\": \"build\","), "$.kind", 3, "duplicate key"),
    ]

    @Test(arguments: invalidDocuments.indices)
    func parse_reportsEachErrorWithPathAndLine(index: Int) {
        let (label, document, path, line, fragment) = Self.invalidDocuments[index]
        let (scenario, errors) = ScenarioCatalog.parse(document, file: "case.json")
        #expect(scenario == nil, "\(label): should not produce a scenario")
        let match = errors.first { $0.jsonPath == path }
        #expect(match != nil, "\(label): expected an error at \(path), got \(errors.map(\.description))")
        #expect(match?.line == line, "\(label): line")
        #expect(match?.message.contains(fragment) == true, "\(label): message \(match?.message ?? "-")")
        #expect(match?.file == "case.json")
    }

    @Test func parse_collectsEveryErrorOfAFile() {
        let document = buildScenario()
            .replacingOccurrences(of: "\"3m\"", with: "\"3x\"")
            .replacingOccurrences(of: "\"next\": \"success\"", with: "\"next\": \"sucess\"")
            .replacingOccurrences(of: "\"state\": \"queued\"", with: "\"state\": \"waiting\"")
        let errors = ScenarioCatalog.parse(document, file: "many.json").errors
        #expect(Set(errors.map(\.jsonPath)).isSuperset(of: ["$.steps[1].duration", "$.steps[0].state", "$.steps[1].next"]))
    }

    @Test func errorDescription_namesFileLineAndPath() {
        let error = ScenarioError(file: "appbuilds/build/x.json", jsonPath: "$.steps[2].next", line: 14, message: "unknown step \"y\"")
        #expect(error.description == "appbuilds/build/x.json:14: $.steps[2].next: unknown step \"y\"")
    }

    // MARK: Directory rules

    @Test func load_reportsCrossFileErrors() throws {
        let directory = try ScenarioDirectory(files: [
            "appbuilds/build/a.json": buildScenario(name: "fast"),
            "appbuilds/build/b.json": buildScenario(name: "fast"),
            "appbuilds/build/c.json": buildScenario(name: "slow"),
            "appbuilds/deploy/x.json": """
                {"name": "only", "service": "appbuilds", "kind": "deploy", "initial": "q",
                 "steps": [{"id": "q", "state": "queued", "duration": "1s", "next": "l"}, {"id": "l", "state": "live", "terminal": true}]}
                """,
            "buildprint/agent/misplaced.json": buildScenario(name: "misplaced", isDefault: false),
            "appbuilds/build/broken.json": "{ \"name\": ",
            "stray.json": buildScenario(name: "stray"),
        ])
        #expect(throws: ScenarioValidationFailure.self) { try ScenarioCatalog.load(directory: directory.path) }
        let errors = ScenarioCatalog.validate(path: directory.path)
        func has(_ file: String, _ path: String, _ fragment: String) -> Bool {
            errors.contains { $0.file == file && $0.jsonPath == path && $0.message.contains(fragment) }
        }
        #expect(has("appbuilds/build/b.json", "$.name", "duplicate scenario name \"fast\""), "\(errors)")
        #expect(has("appbuilds/build/b.json", "$.default", "already has a default"))
        #expect(has("appbuilds/build/c.json", "$.default", "already has a default"))
        #expect(has("appbuilds/deploy/x.json", "$.default", "no default"))
        #expect(has("buildprint/agent/misplaced.json", "$.service", "does not match the folder"))
        #expect(has("appbuilds/build/broken.json", "$", "invalid JSON"))
        #expect(has("stray.json", "$", "<service>/<kind>/<name>.json"))
        #expect(errors.first { $0.file == "appbuilds/build/b.json" && $0.jsonPath == "$.name" }?.line == 2)
    }

    @Test func load_ordersScenariosByFileName() throws {
        let directory = try ScenarioDirectory(files: [
            "appbuilds/build/20-second.json": buildScenario(name: "second", isDefault: false),
            "appbuilds/build/10-first.json": buildScenario(name: "first", isDefault: false),
            "appbuilds/build/default.json": buildScenario(name: "default"),
        ])
        let catalog = try ScenarioCatalog.load(directory: directory.path)
        #expect(catalog.scenarios(for: ScenarioKind(service: "appbuilds", kind: "build")).map(\.name) == ["first", "second", "default"])
    }

    @Test func validate_singleFileSkipsTheDefaultRule() throws {
        let directory = try ScenarioDirectory(files: ["one.json": buildScenario(name: "named", isDefault: false)])
        #expect(ScenarioCatalog.validate(path: directory.path + "/one.json").isEmpty)
        #expect(ScenarioCatalog.validate(path: directory.path + "/missing").first?.message == "no such file or directory")
    }
}
