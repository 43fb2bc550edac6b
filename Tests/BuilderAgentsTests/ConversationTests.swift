import BuildermockTesting
import Dispatch
import HTTP
import JSON
import Testing

@Suite struct ConversationTests {
    /// Polls of an unchanged conversation are answered from the kept body; every change shows at once.
    @Test func polls_seeEveryChange_throughTheKeptBody() async throws {
        let mihu = try Mihu()
        let uuid = try await mihu.start()
        let first = await mihu.get("/api/v1/builder-agents/\(uuid)")
        let second = await mihu.get("/api/v1/builder-agents/\(uuid)")
        #expect(first.status == .ok && second.status == .ok)
        #expect(first.body == second.body)
        #expect(second.headers["Date"] == "Thu, 01 Jan 2026 00:00:00 GMT")
        #expect(second.json?[path: "data.status"] == "processing")

        // A clock move short of the timer changes nothing; past it, the next poll sees gathering.
        try await mihu.advance("1s")
        #expect(await mihu.get("/api/v1/builder-agents/\(uuid)").body == first.body)
        try await mihu.advance("9s")
        #expect(try await mihu.status(uuid) == "gathering")
        #expect(try await mihu.status(uuid) == "gathering")
        // Another tenant never gets this namespace's kept body.
        let other = await mihu.app.request(.get, "/api/v1/builder-agents/\(uuid)", token: "someone-else")
        #expect(other.status == .notFound)

        let answered = await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": "Stored ones, EU"])
        #expect(answered.status == .ok)
        #expect(try await mihu.status(uuid) == "processing")

        let reset = await mihu.app.request(.post, "/__admin/reset?namespace=\(mihu.namespace)")
        #expect(reset.status == .ok, "\(reset.text)")
        #expect(await mihu.get("/api/v1/builder-agents/\(uuid)").status == .notFound)
    }

    @Test func wholeConversation_reachesDeployedWithARunningBuilder() async throws {
        let mihu = try Mihu()
        let started = DispatchTime.now()
        let create = await mihu.post("/api/v1/builder-agents", ["prompt": "Watch my Zoho CRM leads every 5 minutes"])
        #expect(create.status == .created)
        #expect(create.json?[path: "success"] == .bool(true))
        #expect(create.json?[path: "message"] == "Build conversation started")
        let data = try #require(create.json?[path: "data"])
        #expect(data[path: "status"] == "processing")
        #expect(data[path: "name"] == "zoho-lead-watcher")
        #expect(data[path: "builder"] == .null)
        #expect(data[path: "questions"] == .array([]))
        #expect(data[path: "created_at"] == "2026-01-01T00:00:00Z")
        let uuid = try #require(data[path: "uuid"]?.stringValue)
        #expect(create.headers["Date"] == "Thu, 01 Jan 2026 00:00:00 GMT")

        try await mihu.advance("10s")
        let gathering = try await mihu.conversation(uuid)
        #expect(gathering[path: "status"] == "gathering")
        #expect(gathering[path: "message"] == "A couple of things before I build this:")
        #expect(gathering[path: "questions"] == ["Use your stored Zoho credentials, or paste new ones?",
                                                  "Which region should I poll — EU or US?"])

        let answered = await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": "Stored ones, EU"])
        #expect(answered.status == .ok)
        #expect(answered.json?[path: "data.status"] == "processing")
        #expect(answered.json?[path: "data.questions"] == .array([]))

        try await mihu.advance("10s")
        let gate = try await mihu.conversation(uuid)
        #expect(gate[path: "status"] == "gathering")
        #expect(gate[path: "questions"] == ["Approve this plan and deploy?"])
        let plan = try #require(gate[path: "message"]?.stringValue)
        #expect(plan.hasPrefix("Here is the plan: an always-on Python worker, zoho-lead-watcher"))
        #expect(plan.contains("EU region"))

        let approved = await mihu.post("/api/v1/builder-agents/\(uuid)/approve")
        #expect(approved.status == .ok)
        #expect(approved.json?[path: "data.status"] == "processing")
        #expect(approved.json?[path: "data.message"] == "Approved; building.")

        try await mihu.advance("79s")
        #expect(try await mihu.status(uuid) == "processing")
        try await mihu.advance("1s")
        let deployed = try await mihu.conversation(uuid)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
        print("wholeConversation: create → deployed in \(elapsed) ms of wall time")
        #expect(deployed[path: "status"] == "deployed")
        #expect(deployed[path: "questions"] == .array([]))
        let builder = try #require(deployed[path: "builder"]?.objectValue)
        #expect(builder["name"] == "zoho-lead-watcher")
        #expect(builder["status"] == "running")
        #expect(builder["review_passed"] == .bool(true))
        #expect(builder["qa_passed"] == .bool(true))
        #expect(builder["entrypoint"] == "python3 main.py")
        #expect(builder["port"] == 8000)
        #expect(builder["cost"]?[path: "hourly_rate"] == .double(0.1965))
        #expect(builder["service_token"]?.stringValue?.hasPrefix("mst_") == true)
        let builderUUID = try #require(builder["uuid"]?.stringValue)

        // The same builder through the builders API, in its list, and behind its preview URL.
        let list = await mihu.get("/api/v1/builders")
        #expect(list.json?[path: "data.total"] == 1)
        #expect(list.json?[path: "data.data.0.uuid"]?.stringValue == builderUUID)
        let one = await mihu.get("/api/v1/builders/\(builderUUID)")
        #expect(one.json?[path: "data"] == .object(builder))
        let preview = try #require(builder["preview_url"]?.stringValue)
        #expect(preview == "http://127.0.0.1:8080/mihu/preview/\(mihu.namespace)/\(builderUUID)")
        let page = await mihu.app.request(.get, String(preview.dropFirst("http://127.0.0.1:8080".count)), token: nil)
        #expect(page.status == .ok)
        #expect(page.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(page.text.contains("<h1>zoho-lead-watcher</h1>"))
        #expect(page.text.contains("running"))
    }

    @Test func flags_skipTheGateAndTheChecks() async throws {
        let mihu = try Mihu()
        let uuid = try await mihu.start(extra: ["skip_approval": true, "skip_qa": true])
        try await mihu.advance("5s")
        _ = await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": "stored, US"])
        // 5 s planning, 40 s build, 20 s deploy: no gate, no review, no QA.
        try await mihu.advance("65s")
        let deployed = try await mihu.conversation(uuid)
        #expect(deployed[path: "status"] == "deployed")
        #expect(deployed[path: "builder.review_passed"] == .bool(false))
        #expect(deployed[path: "builder.qa_passed"] == .bool(false))
    }

    @Test func affirmativeAnswer_releasesTheGate_andANegativeOneRevisesThePlan() async throws {
        let mihu = try Mihu()
        let uuid = try await mihu.start()
        try await mihu.advance("5s")
        _ = await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": "stored; EU"])
        try await mihu.advance("5s")
        let no = await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": "no, make it one-time"])
        #expect(no.json?[path: "data.status"] == "processing")
        try await mihu.advance("5s")
        let revised = try await mihu.conversation(uuid)
        #expect(revised[path: "questions"] == ["Approve this plan and deploy?"])
        #expect(revised[path: "message"]?.stringValue?.contains("a one-time Python worker") == true)
        let yes = await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": "yes, go ahead"])
        #expect(yes.json?[path: "data.status"] == "processing")
        try await mihu.advance("80s")
        let deployed = try await mihu.conversation(uuid)
        #expect(deployed[path: "status"] == "deployed")
        // The answers shaped the builder: one-time, and its region.
        let builderUUID = try #require(deployed[path: "builder.uuid"]?.stringValue)
        try await mihu.advance("10m")
        #expect(try await mihu.conversation(uuid)[path: "builder.status"] == "stopped")
        let files = await mihu.get("/api/v1/builders/\(builderUUID)/files")
        // Not a path lookup: the file name has a dot in it.
        #expect(files.json?[path: "data.files"]?.objectValue?["main.py"]?.stringValue?.contains("Watch my Zoho CRM leads") == true)
    }

    @Test func answersApproveAndRebuild_inTheWrongState_are409() async throws {
        let mihu = try Mihu()
        let uuid = try await mihu.start()
        expectError(await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": "EU"]), .conflict, code: "INVALID_STATE")
        expectError(await mihu.post("/api/v1/builder-agents/\(uuid)/approve"), .conflict, code: "INVALID_STATE")
        expectError(await mihu.post("/api/v1/builder-agents/\(uuid)/rebuild", ["message": "x"]), .conflict, code: "INVALID_STATE")
        try await mihu.advance("5s")
        // Gathering questions, but no plan to approve yet.
        expectError(await mihu.post("/api/v1/builder-agents/\(uuid)/approve"), .conflict, code: "INVALID_STATE")
        _ = await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": "EU"])
        try await mihu.advance("5s")
        #expect(await mihu.post("/api/v1/builder-agents/\(uuid)/approve").status == .ok)
        // At most once.
        expectError(await mihu.post("/api/v1/builder-agents/\(uuid)/approve"), .conflict, code: "INVALID_STATE")
        expectError(await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": "EU"]), .conflict, code: "INVALID_STATE")
    }

    @Test func rebuild_reopensADeployedConversation_withoutTheGate_andKeepsItsBuilder() async throws {
        let mihu = try Mihu()
        let uuid = try await mihu.start(extra: ["auto_approve": true])
        try await mihu.advance("5s")
        _ = await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": "EU"])
        try await mihu.advance("90s")
        let first = try await mihu.conversation(uuid)
        #expect(first[path: "status"] == "deployed")
        let builderUUID = first[path: "builder.uuid"]

        let rebuild = await mihu.post("/api/v1/builder-agents/\(uuid)/rebuild", ["message": "Also watch contacts"])
        #expect(rebuild.status == .ok)
        #expect(rebuild.json?[path: "data.status"] == "processing")
        #expect(rebuild.json?[path: "data.message"] == "Rebuild accepted; conversation reopened.")
        #expect(rebuild.json?[path: "data.prompt"] == "Watch my Zoho CRM leads every 5 minutes\n\nAlso watch contacts")
        try await mihu.advance("85s")
        let again = try await mihu.conversation(uuid)
        #expect(again[path: "status"] == "deployed")
        #expect(again[path: "builder.uuid"] == builderUUID)
        #expect(await mihu.get("/api/v1/builders").json?[path: "data.total"] == 1)

        let replace = await mihu.post("/api/v1/builder-agents/\(uuid)/rebuild",
                                      ["message": "Watch HubSpot deals hourly", "replace_prompt": true])
        #expect(replace.json?[path: "data.prompt"] == "Watch HubSpot deals hourly")
    }

    @Test func list_isPaginatedNewestFirst() async throws {
        let mihu = try Mihu()
        var uuids: [String] = []
        for index in 0..<3 { uuids.append(try await mihu.start("Sync my Stripe payments number \(index)")) }
        let page = await mihu.get("/api/v1/builder-agents?page=1&per_page=2")
        #expect(page.status == .ok)
        #expect(page.json?[path: "message"] == "Build conversations retrieved successfully")
        #expect(page.json?[path: "data.total"] == 3)
        #expect(page.json?[path: "data.current_page"] == 1)
        #expect(page.json?[path: "data.per_page"] == 2)
        let listed = (page.json?[path: "data.data"].flatMap { value -> [JSONValue]? in
            if case .array(let items) = value { return items }
            return nil
        } ?? []).compactMap { $0[path: "uuid"]?.stringValue }
        #expect(listed.count == 2)
        #expect(Set(listed).isSubset(of: Set(uuids)))
        let second = await mihu.get("/api/v1/builder-agents?page=2&per_page=2")
        #expect(second.json?[path: "data.data.0.uuid"] != nil)
        #expect(second.json?[path: "data.data.1"] == nil)
        expectError(await mihu.get("/api/v1/builder-agents?per_page=0"), .unprocessableContent, code: "VALIDATION_ERROR", field: "per_page")
        expectError(await mihu.get("/api/v1/builder-agents?page=x"), .unprocessableContent, code: "VALIDATION_ERROR", field: "page")
    }

    @Test func sameSeedAndMoves_giveByteIdenticalResponses() async throws {
        func run() async throws -> [String] {
            let mihu = try Mihu()
            let uuid = try await mihu.start()
            try await mihu.advance("5s")
            let a = await mihu.get("/api/v1/builder-agents/\(uuid)").text
            _ = await mihu.post("/api/v1/builder-agents/\(uuid)/answers", ["message": "EU"])
            try await mihu.advance("10s")
            _ = await mihu.post("/api/v1/builder-agents/\(uuid)/approve")
            try await mihu.advance("2m")
            return [a, await mihu.get("/api/v1/builder-agents/\(uuid)").text]
        }
        #expect(try await run() == run())
    }
}
