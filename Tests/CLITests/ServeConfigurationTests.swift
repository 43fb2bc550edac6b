import BuildermockTesting
import Foundation
import App
import ArgumentParser
import Testing
@testable import BuildermockCLI

@Suite struct ServeConfigurationTests {
    func resolve(_ arguments: [String], _ environment: [String: String] = [:]) throws -> AppConfiguration {
        try AppConfiguration(options: ServeOptions.parse(arguments), environment: environment)
    }

    @Test func defaults_bindLoopbackWithTheDocumentedValues() throws {
        let configuration = try resolve([])
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.databasePath == "./buildermock.sqlite")
        #expect(configuration.clockMode == .real)
        #expect(configuration.timeScale == 1)
        #expect(configuration.seed == 42)
        #expect(configuration.maxBodyBytes == 10 << 20)
        #expect(configuration.startTimeMs == 1_767_225_600_000)
        #expect(configuration.resolvedPublicURL(boundPort: 8080) == "http://127.0.0.1:8080")
    }

    @Test func flag_winsOverVariable_variableOverDefault() throws {
        let environment = ["BUILDERMOCK_PORT": "9000", "BUILDERMOCK_DB": ":memory:", "BUILDERMOCK_CLOCK": "manual"]
        let fromEnvironment = try resolve([], environment)
        #expect(fromEnvironment.port == 9000)
        #expect(fromEnvironment.databasePath == ":memory:")
        #expect(fromEnvironment.clockMode == .manual)
        let fromFlag = try resolve(["--port", "9100"], environment)
        #expect(fromFlag.port == 9100)
    }

    @Test func everyServeFlag_parses() throws {
        let configuration = try resolve([
            "--host", "::1", "--port", "0", "--db", "/tmp/x.sqlite", "--public-url", "https://mock.example/",
            "--log-format", "json", "--log-level", "warning", "--max-body", "1024", "--max-header", "2048",
            "--header-timeout", "1.5", "--idle-timeout", "3", "--max-connections", "10", "--clock", "manual",
            "--time-scale", "0.01", "--start-time", "2026-02-01T00:00:00Z", "--seed", "7", "--fixtures", "/tmp/f",
            "--strict", "--auth", "strict", "--allow-private-urls", "--rate-limit", "5/s",
            "--max-concurrent-agents", "2", "--webhook-allow", "hooks.internal", "--webhook-allow", "10.0.0.5",
        ])
        #expect(configuration.host == "::1")
        #expect(configuration.port == 0)
        #expect(configuration.resolvedPublicURL(boundPort: 1234) == "https://mock.example")
        #expect(configuration.logFormat == .json)
        #expect(configuration.logLevel == "warning")
        #expect(configuration.maxBodyBytes == 1024)
        #expect(configuration.maxHeaderBytes == 2048)
        #expect(configuration.headerReadTimeout == 1.5)
        #expect(configuration.timeScale == 0.01)
        #expect(configuration.startTimeMs == 1_769_904_000_000)
        #expect(configuration.seed == 7)
        #expect(configuration.strict && configuration.strictAuth && configuration.allowPrivateURLs)
        #expect(configuration.rateLimitPerSecond == 5)
        #expect(configuration.maxConcurrentAgents == 2)
        #expect(configuration.webhookAllow == ["hooks.internal", "10.0.0.5"])
    }

    @Test(arguments: [
        (["--port", "70000"], [String: String]()),
        (["--clock", "sundial"], [:]),
        (["--log-format", "xml"], [:]),
        (["--time-scale", "0"], [:]),
        (["--start-time", "yesterday"], [:]),
        (["--public-url", "ftp://x"], [:]),
        (["--rate-limit", "fast"], [:]),
        (["--auth", "maybe"], [:]),
        ([], ["BUILDERMOCK_PORT": "eighty"]),
        ([], ["BUILDERMOCK_TIME_SCALE": "-1"]),
        (["--journal-limit", "-1"], [:]),
    ])
    func invalidSettings_failBeforeStarting(arguments: [String], environment: [String: String]) {
        #expect(throws: (any Error).self) { try resolve(arguments, environment) }
    }

    @Test func journalLimit_defaultsTo10000_zeroIsOff() throws {
        #expect(try resolve([]).journalLimit == 10_000)
        #expect(try resolve([], ["BUILDERMOCK_JOURNAL_LIMIT": "50"]).journalLimit == 50)
        #expect(try resolve(["--journal-limit", "0"], ["BUILDERMOCK_JOURNAL_LIMIT": "50"]).journalLimit == 0)
    }

    @Test func help_namesEveryVariable() {
        let help = Serve.helpMessage()
        for variable in ["BUILDERMOCK_HOST", "BUILDERMOCK_PORT", "BUILDERMOCK_DB", "BUILDERMOCK_CLOCK",
                         "BUILDERMOCK_TIME_SCALE", "BUILDERMOCK_SEED", "BUILDERMOCK_FIXTURES"] {
            #expect(help.contains(variable), "help lacks \(variable)")
        }
    }

    @Test func defaultSubcommand_isServe() throws {
        let command = try Buildermock.parseAsRoot([])
        #expect(command is Serve)
        #expect(try Buildermock.parseAsRoot(["version"]) is Version)
    }
}

@Suite struct ScenariosValidateTests {
    @Test func shippedFixtures_areValid() throws {
        let path = FixturePaths.root + "/scenarios"
        #expect(ScenarioValidation.problems(at: path).isEmpty)
        var command = try Buildermock.parseAsRoot(["scenarios", "validate", path])
        try command.run()
    }

    @Test func brokenFile_failsWithItsLineAndPath() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bm-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
            { "name": "x", "service": "appbuilds", "kind": "build", "default": true, "initial": "a",
              "steps": [ { "id": "a", "state": "queued", "next": "b" } ] }
            """.write(to: file, atomically: true, encoding: .utf8)
        let problems = ScenarioValidation.problems(at: file.path)
        #expect(!problems.isEmpty)
        #expect(problems.contains { $0.contains("$.steps[0]") })
        var command = try Buildermock.parseAsRoot(["scenarios", "validate", file.path])
        #expect(throws: (any Error).self) { try command.run() }
    }
}
