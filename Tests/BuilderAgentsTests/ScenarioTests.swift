import BuildermockTesting
import HTTP
import JSON
import Testing

/// Each named conversation scenario in fixtures/scenarios/builderagents/conversation.
@Suite struct ScenarioTests {
    @Test func twoRounds_asksForRuntimeDetailsInASecondRound() async throws {
        let mihu = try Mihu()
        let uuid = try await mihu.start(scenario: "two-rounds")
        try await mihu.advance("5s")
        #expect(try await mihu.conversation(uuid)[path: "questions.0"] == "Use your stored Zoho credentials, or paste new ones?")
        _ = await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": "stored, EU"])
        try await mihu.advance("4s")
        let round2 = try await mihu.conversation(uuid)
        #expect(round2[path: "status"] == "gathering")
        #expect(round2[path: "questions"] == ["Which lead fields do you need?",
                                               "Which VM size: default (1 vCPU, 1 GB, 3 GB) or larger?",
                                               "Run it one-time, or always-on?",
                                               "How often should I back it up — never, daily or hourly?"])
        _ = await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": "name and email; larger; always-on; daily"])
        try await mihu.advance("5s")
        _ = await mihu.post("/api/v1/builder-agents/\(uuid)/approve")
        try await mihu.advance("80s")
        let deployed = try await mihu.conversation(uuid)
        #expect(deployed[path: "status"] == "deployed")
        #expect(deployed[path: "builder.backup_interval_hours"] == 24)
        // A larger VM: 2 vCPU, 2 GB, 6 GB → 0.24 + 0.12 + 0.033.
        #expect(deployed[path: "builder.cost.hourly_rate"] == .double(0.393))
    }

    @Test func twoRounds_leavesOutTheFieldsQuestion_whenThePromptNamesNoRecords() async throws {
        let mihu = try Mihu()
        let uuid = try await mihu.start("Build me a weather dashboard", scenario: "two-rounds")
        try await mihu.advance("5s")
        #expect(try await mihu.conversation(uuid)[path: "questions"] == ["Use your stored credentials, or paste new ones?",
                                                                           "Which region should I run it in — EU or US?"])
        _ = await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": "new, US"])
        try await mihu.advance("4s")
        let questions = try await mihu.conversation(uuid)[path: "questions"]
        #expect(questions?[path: "0"] == "Which VM size: default (1 vCPU, 1 GB, 3 GB) or larger?")
        #expect(questions?[path: "3"] == nil)
    }

    @Test func failsInReview_endsFailedWithAMessageAndNoBuilder() async throws {
        let mihu = try Mihu()
        let uuid = try await mihu.start(scenario: "fails-in-review")
        try await mihu.advance("45s")
        #expect(try await mihu.conversation(uuid)[path: "message"] == "Running the pre-deploy review")
        try await mihu.advance("10s")
        let failed = try await mihu.conversation(uuid)
        #expect(failed[path: "status"] == "failed")
        #expect(failed[path: "builder"] == .null)
        #expect(failed[path: "message"]?.stringValue?.contains("ModuleNotFoundError") == true)
        expectError(await mihu.post("/api/v1/builder-agents/\(uuid)/rebuild", ["message": "fix it"]), .conflict, code: "INVALID_STATE")
        #expect(await mihu.get("/api/v1/builders").json?[path: "data.total"] == 0)
    }

    @Test func failsAtDeploy_failsAfterTheGate() async throws {
        let mihu = try Mihu()
        let uuid = try await mihu.start(scenario: "fails-at-deploy")
        try await mihu.advance("5s")
        _ = await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": "EU"])
        try await mihu.advance("5s")
        _ = await mihu.post("/api/v1/builder-agents/\(uuid)/approve")
        try await mihu.advance("69s")
        #expect(try await mihu.status(uuid) == "processing")
        try await mihu.advance("1s")
        let failed = try await mihu.conversation(uuid)
        #expect(failed[path: "status"] == "failed")
        #expect(failed[path: "message"]?.stringValue?.hasPrefix("The deploy failed.") == true)
        #expect(failed[path: "message"]?.stringValue?.contains("exited with code 1") == true)
        #expect(failed[path: "builder"] == .null)
        expectError(await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": "retry"]), .conflict, code: "INVALID_STATE")
    }

    @Test func answerRejected_asksTheSameQuestionsAgain() async throws {
        let mihu = try Mihu()
        let uuid = try await mihu.start(scenario: "answer-rejected")
        try await mihu.advance("5s")
        let first = try await mihu.conversation(uuid)
        _ = await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": "paste: sk-wrong"])
        try await mihu.advance("3s")
        let again = try await mihu.conversation(uuid)
        #expect(again[path: "status"] == "gathering")
        #expect(again[path: "questions"] == first[path: "questions"])
        #expect(again[path: "message"]?.stringValue?.hasPrefix("I could not use that answer") == true)
        _ = await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": "use the stored ones, EU"])
        try await mihu.advance("5s")
        #expect(try await mihu.conversation(uuid)[path: "questions"] == ["Approve this plan and deploy?"])
        _ = await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": "approve"])
        try await mihu.advance("80s")
        #expect(try await mihu.status(uuid) == "deployed")
    }

    @Test func neverEndingGathering_keepsAsking() async throws {
        let mihu = try Mihu()
        let uuid = try await mihu.start(scenario: "never-ending-gathering")
        for round in 0..<5 {
            try await mihu.advance("5s")
            let conversation = try await mihu.conversation(uuid)
            #expect(conversation[path: "status"] == "gathering", "round \(round)")
            #expect(conversation[path: "questions"] == ["Could you clarify which lead fields you need?"])
            #expect(await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": "all of them"]).status == .ok)
        }
        try await mihu.advance("1h")
        #expect(try await mihu.status(uuid) == "gathering")
    }

    @Test func unknownScenario_is400NamingTheValidOnes() async throws {
        let mihu = try Mihu()
        let response = await mihu.post("/api/v1/builder-agents", ["prompt": "x"], headers: ["X-Buildermock-Scenario": "nope"])
        let error = expectError(response, .badRequest, code: "UNKNOWN_SCENARIO")
        let details = error?[path: "details"]?.stringValue ?? ""
        for name in ["default", "two-rounds", "fails-in-review", "fails-at-deploy", "answer-rejected", "never-ending-gathering"] {
            #expect(details.contains(name), "\(details)")
        }
    }
}
