@testable import BuilderAgents
import Testing

@Suite struct PromptTraitsTests {
    @Test(arguments: [
        ("Watch my Zoho CRM leads every 5 minutes", "zoho-lead-watcher"),
        ("Watch my CRM for new leads every 5 minutes and expose them", "lead-watcher"),
        ("Sync Google Sheets rows to Airtable hourly", "google-sheets-row-sync"),
        ("Send a Slack message when a Stripe payment fails", "slack-message-sender"),
        ("Build me a weather dashboard", "build-weather-dashboard"),
        ("!!!", "builder"),
    ])
    func derivedName(_ prompt: String, _ expected: String) {
        #expect(PromptTraits.derivedName(from: prompt) == expected)
    }

    @Test func derivedNames_arePlausibleBuilderNames() throws {
        for prompt in ["Ünïcödé prompt über alles", String(repeating: "verylongword ", count: 20), "123 456"] {
            let name = PromptTraits.derivedName(from: prompt)
            #expect(throws: Never.self) { try BuilderSpec.checkName(name, field: "name") }
        }
    }

    @Test func fill_leavesOutQuestionsThePromptCannotAnswer() {
        let plan = BuildPlan(answers: [])
        let zoho = PromptTraits(prompt: "Watch my Zoho CRM leads every 5 minutes")
        #expect(zoho.fill("Which {records} fields?", name: "n", plan: plan) == "Which lead fields?")
        #expect(zoho.fill("Use {credentials}, or paste new ones?", name: "n", plan: plan)
            == "Use your stored Zoho credentials, or paste new ones?")
        let plain = PromptTraits(prompt: "Make a landing page")
        #expect(plain.fill("Which {records} fields?", name: "n", plan: plan) == nil)
        #expect(plain.fill("Which region should I {region-verb} — EU or US?", name: "n", plan: plan)
            == "Which region should I run it in — EU or US?")
    }

    @Test func plan_readsTheAnswers() {
        let plan = BuildPlan(answers: ["EU please", "larger VM, one-time, hourly backups"])
        #expect(plan.oneTime)
        #expect(plan.larger)
        #expect(plan.backupHours == 1)
        #expect(plan.region == "eu")
        let summary = plan.summary(traits: PromptTraits(prompt: "Watch my Zoho CRM leads every 5 minutes"), name: "zoho-lead-watcher")
        #expect(summary == "a one-time Python worker, zoho-lead-watcher, that polls your Zoho CRM leads every 5 minutes, keeps the last cursor, and exposes new records at /leads. It runs on a larger VM (2 vCPU, 2 GB, 6 GB) in the EU region with hourly backups.")
    }

    @Test func cost_roundsLikeTheSeed() {
        #expect(BuilderSpec.rateTenThousandths(cpu: 1, memory: 1, disk: 3) == 1_965)
    }
}
