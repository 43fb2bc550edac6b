import BuildermockTesting
import HTTP
import JSON
import Testing

@Suite struct BuilderTests {
    @Test func create_answersTheSeedEnvelopeWithDefaults() async throws {
        let mihu = try Mihu()
        let response = await mihu.post("/api/v1/builders", ["name": "lead-watcher", "entrypoint": "python3 main.py",
                                                             "files": ["main.py": "print(1)"]])
        #expect(response.status == .created, "\(response.text)")
        #expect(response.json?[path: "success"] == .bool(true))
        #expect(response.json?[path: "message"] == "Builder created successfully")
        let data = try #require(response.json?[path: "data"]?.objectValue)
        #expect(Set(data.keys) == ["uuid", "name", "preview_url", "service_token", "entrypoint", "port", "auto_stop_interval",
                                   "backup_interval_hours", "review_passed", "qa_passed", "cost", "created_at", "status"])
        #expect(data["port"] == 8000)
        #expect(data["auto_stop_interval"] == 0)
        #expect(data["backup_interval_hours"] == 0)
        #expect(data["status"] == "running")
        #expect(data["cost"] == ["currency": "EUR", "hourly_rate": .double(0.1965), "runtime_hours": 0, "cost": 0])
        #expect(data["created_at"] == "2026-01-01T00:00:00Z")
    }

    @Test func cost_after90Minutes_isTheSeedExample() async throws {
        let mihu = try Mihu()
        let created = await mihu.createBuilder()
        let uuid = try #require(created.json?[path: "data.uuid"]?.stringValue)
        try await mihu.advance("90m")
        let cost = await mihu.get("/api/v1/builders/\(uuid)").json?[path: "data.cost"]
        #expect(cost == ["currency": "EUR", "hourly_rate": .double(0.1965), "runtime_hours": .double(1.5), "cost": .double(0.29)])
    }

    @Test func oneTime_stopsAccruingWhenItsRunEnds() async throws {
        let mihu = try Mihu()
        let created = await mihu.createBuilder { $0["job_type"] = "one_time" }
        let uuid = try #require(created.json?[path: "data.uuid"]?.stringValue)
        try await mihu.advance("9m")
        #expect(await mihu.get("/api/v1/builders/\(uuid)").json?[path: "data.status"] == "running")
        try await mihu.advance("2h")
        let builder = await mihu.get("/api/v1/builders/\(uuid)").json?[path: "data"]
        #expect(builder?[path: "status"] == "stopped")
        #expect(builder?[path: "cost.runtime_hours"] == .double(0.1667))
        #expect(builder?[path: "cost.cost"] == .double(0.03))
        // Started again, it runs another 10 minutes.
        #expect(await mihu.post("/api/v1/builders/\(uuid)/start").status == .ok)
        try await mihu.advance("1h")
        #expect(await mihu.get("/api/v1/builders/\(uuid)").json?[path: "data.cost.runtime_hours"] == .double(0.3333))
        let logs = await mihu.get("/api/v1/builders/\(uuid)/logs").json?[path: "data.logs"]
        #expect(logs?[path: "0"]?.stringValue?.hasSuffix("Installing requirements.txt with pip") == true)
        #expect(logs?[path: "3"] == "2026-01-01T00:10:00.000Z Run finished (exit code 0)")
    }

    @Test func stopAndStart_pauseTheCost_andRefuseTheWrongState() async throws {
        let mihu = try Mihu()
        let uuid = try #require(await mihu.createBuilder().json?[path: "data.uuid"]?.stringValue)
        expectError(await mihu.post("/api/v1/builders/\(uuid)/start"), .conflict, code: "INVALID_STATE")
        try await mihu.advance("1h")
        let stopped = await mihu.post("/api/v1/builders/\(uuid)/stop")
        #expect(stopped.json?[path: "data.status"] == "stopped")
        expectError(await mihu.post("/api/v1/builders/\(uuid)/stop"), .conflict, code: "INVALID_STATE")
        expectError(await mihu.post("/api/v1/builders/\(uuid)/exec", ["command": "ls"]), .conflict, code: "INVALID_STATE")
        try await mihu.advance("5h")
        #expect(await mihu.get("/api/v1/builders/\(uuid)").json?[path: "data.cost.runtime_hours"] == 1)
        #expect(await mihu.post("/api/v1/builders/\(uuid)/start").json?[path: "data.status"] == "running")
        try await mihu.advance("30m")
        #expect(await mihu.get("/api/v1/builders/\(uuid)").json?[path: "data.cost.cost"] == .double(0.29))
    }

    @Test func exec_isScriptedFromTheBuildersFiles() async throws {
        let mihu = try Mihu()
        let uuid = try #require(await mihu.createBuilder().json?[path: "data.uuid"]?.stringValue)
        func exec(_ body: JSONValue) async -> HTTPResponse { await mihu.post("/api/v1/builders/\(uuid)/exec", body) }
        #expect(await exec(["command": "ls"]).json?[path: "data"] == ["exit_code": 0, "output": "main.py\nrequirements.txt\n"])
        #expect(await exec(["command": "cat requirements.txt"]).json?[path: "data.output"] == "flask")
        #expect(await exec(["command": "cat nope.txt"]).json?[path: "data.exit_code"] == 1)
        #expect(await exec(["command": "python3 --version"]).json?[path: "data.output"] == "Python 3.12.3\n")
        #expect(await exec(["command": "env"]).json?[path: "data.output"] == "MY_FLAG=1\n")
        #expect(await exec(["command": "make coffee"]).json?[path: "data"] == ["exit_code": 0, "output": ""])
        #expect(await exec(["command": "sleep 5", "timeout": 2]).json?[path: "data.exit_code"] == 124)
        expectError(await exec([:]), .unprocessableContent, code: "VALIDATION_ERROR", field: "command")
        expectError(await exec(["command": ""]), .unprocessableContent, code: "VALIDATION_ERROR", field: "command")
        expectError(await exec(["command": 3]), .unprocessableContent, code: "VALIDATION_ERROR", field: "command")
        expectError(await exec(["command": "ls", "timeout": 0]), .unprocessableContent, code: "VALIDATION_ERROR", field: "timeout")
        expectError(await exec(["command": "ls", "timeout": 601]), .unprocessableContent, code: "VALIDATION_ERROR", field: "timeout")
        expectError(await exec(["command": "ls", "timeout": "60"]), .unprocessableContent, code: "VALIDATION_ERROR", field: "timeout")
    }

    @Test func autoStop_stopsAnIdleBuilder_andExecCountsAsActivity() async throws {
        let mihu = try Mihu()
        let uuid = try #require(await mihu.createBuilder().json?[path: "data.uuid"]?.stringValue)
        let set = await mihu.post("/api/v1/builders/\(uuid)/auto-stop", ["auto_stop_interval": 30])
        #expect(set.json?[path: "data.auto_stop_interval"] == 30)
        try await mihu.advance("20m")
        _ = await mihu.post("/api/v1/builders/\(uuid)/exec", ["command": "ls"])
        try await mihu.advance("29m")
        #expect(await mihu.get("/api/v1/builders/\(uuid)").json?[path: "data.status"] == "running")
        try await mihu.advance("2h")
        let builder = await mihu.get("/api/v1/builders/\(uuid)").json?[path: "data"]
        #expect(builder?[path: "status"] == "stopped")
        #expect(builder?[path: "cost.runtime_hours"] == .double(0.8333))   // 20 + 30 minutes
        // Starting it records the stop at the idle limit, then runs again.
        #expect(await mihu.post("/api/v1/builders/\(uuid)/start").json?[path: "data.status"] == "running")
        #expect(await mihu.get("/api/v1/builders/\(uuid)").json?[path: "data.cost.runtime_hours"] == .double(0.8333))
        let logs = await mihu.get("/api/v1/builders/\(uuid)/logs").text
        #expect(logs.contains("2026-01-01T00:50:00.000Z Stopped after 30 idle minutes (auto-stop)"))
        expectError(await mihu.post("/api/v1/builders/\(uuid)/auto-stop", [:]), .unprocessableContent,
                    code: "VALIDATION_ERROR", field: "auto_stop_interval")
        expectError(await mihu.post("/api/v1/builders/\(uuid)/auto-stop", ["auto_stop_interval": -1]), .unprocessableContent,
                    code: "VALIDATION_ERROR", field: "auto_stop_interval")
    }

    @Test func filesLogsListAndDelete() async throws {
        let mihu = try Mihu()
        let uuid = try #require(await mihu.createBuilder().json?[path: "data.uuid"]?.stringValue)
        let files = await mihu.get("/api/v1/builders/\(uuid)/files")
        #expect(files.json?[path: "data.files"] == ["main.py": "...source...", "requirements.txt": "flask"])
        let logs = await mihu.get("/api/v1/builders/\(uuid)/logs")
        #expect(logs.json?[path: "data.logs.2"] == "2026-01-01T00:00:00.000Z Listening on 0.0.0.0:8000")
        #expect(await mihu.get("/api/v1/builders").json?[path: "data.total"] == 1)
        let deleted = await mihu.delete("/api/v1/builders/\(uuid)")
        #expect(deleted.status == .ok)
        #expect(deleted.json?[path: "message"] == "Builder deleted successfully")
        expectError(await mihu.get("/api/v1/builders/\(uuid)"), .notFound, code: "NOT_FOUND")
        expectError(await mihu.delete("/api/v1/builders/\(uuid)"), .notFound, code: "NOT_FOUND")
        #expect(await mihu.get("/api/v1/builders").json?[path: "data.total"] == 0)
        let preview = await mihu.app.request(.get, "/mihu/preview/\(mihu.namespace)/\(uuid)", token: nil)
        #expect(preview.status == .notFound)
    }

    @Test func previewPage_showsTheStoppedState() async throws {
        let mihu = try Mihu()
        let created = await mihu.createBuilder()
        let uuid = try #require(created.json?[path: "data.uuid"]?.stringValue)
        _ = await mihu.post("/api/v1/builders/\(uuid)/stop")
        let page = await mihu.app.request(.get, "/mihu/preview/\(mihu.namespace)/\(uuid)", token: nil)
        #expect(page.status == .ok)
        #expect(page.text.contains(#"<strong id="status">stopped</strong>"#))
    }
}

/// Every field of `POST /api/v1/builders`, one by one.
@Suite struct BuilderValidationTests {
    static let cases: [(String, @Sendable (inout [String: JSONValue]) -> Void, String)] = [
        ("missing name", { $0["name"] = nil }, "name"),
        ("empty name", { $0["name"] = "" }, "name"),
        ("name not a string", { $0["name"] = 7 }, "name"),
        ("uppercase name", { $0["name"] = "My-Api" }, "name"),
        ("underscore in name", { $0["name"] = "my_api" }, "name"),
        ("leading dash", { $0["name"] = "-api" }, "name"),
        ("name too long", { $0["name"] = .string(String(repeating: "a", count: 64)) }, "name"),
        ("missing entrypoint", { $0["entrypoint"] = nil }, "entrypoint"),
        ("blank entrypoint", { $0["entrypoint"] = "  " }, "entrypoint"),
        ("entrypoint names a missing file", { $0["entrypoint"] = "python3 app.py" }, "entrypoint"),
        ("uvicorn module missing", { $0["entrypoint"] = "uvicorn app:app" }, "entrypoint"),
        ("missing files", { $0["files"] = nil }, "files"),
        ("files not an object", { $0["files"] = ["main.py"] }, "files"),
        ("empty files", { $0["files"] = [:] }, "files"),
        ("file contents not a string", { $0["files"] = ["main.py": 1] }, "files"),
        ("absolute file path", { $0["files"] = ["main.py": "x", "/etc/passwd": "x"] }, "files"),
        ("parent file path", { $0["files"] = ["main.py": "x", "../x": "x"] }, "files"),
        ("port zero", { $0["port"] = 0 }, "port"),
        ("port too large", { $0["port"] = 65_536 }, "port"),
        ("port a string", { $0["port"] = "8000" }, "port"),
        ("port fractional", { $0["port"] = 80.5 }, "port"),
        ("env not an object", { $0["env"] = "A=1" }, "env"),
        ("env value not a string", { $0["env"] = ["A": 1] }, "env"),
        ("env bad name", { $0["env"] = ["1A": "x"] }, "env"),
        ("resources not an object", { $0["resources"] = 1 }, "resources"),
        ("cpu zero", { $0["resources"] = ["cpu": 0] }, "resources.cpu"),
        ("cpu too many", { $0["resources"] = ["cpu": 9] }, "resources.cpu"),
        ("memory too much", { $0["resources"] = ["memory": 33] }, "resources.memory"),
        ("disk zero", { $0["resources"] = ["disk": 0] }, "resources.disk"),
        ("disk a string", { $0["resources"] = ["disk": "3"] }, "resources.disk"),
        ("unknown job_type", { $0["job_type"] = "cron" }, "job_type"),
        ("job_type not a string", { $0["job_type"] = true }, "job_type"),
        ("negative backups", { $0["backup_interval_hours"] = -1 }, "backup_interval_hours"),
        ("backups a string", { $0["backup_interval_hours"] = "0" }, "backup_interval_hours"),
        ("negative auto-stop", { $0["auto_stop_interval"] = -5 }, "auto_stop_interval"),
    ]

    @Test(arguments: cases.indices)
    func invalidField_is422NamingIt(_ index: Int) async throws {
        let (label, edit, field) = Self.cases[index]
        let mihu = try Mihu()
        let response = await mihu.createBuilder(edit)
        let error = expectError(response, .unprocessableContent, code: "VALIDATION_ERROR", field: field)
        #expect(error != nil, "\(label)")
    }

    @Test func acceptedVariants() async throws {
        let mihu = try Mihu()
        let variants: [(inout [String: JSONValue]) -> Void] = [
            { $0["name"] = "a1"; $0["entrypoint"] = "npm start"; $0["files"] = ["package.json": "{}"] },
            { $0["name"] = "a2"; $0["entrypoint"] = "uvicorn main:app --host 0.0.0.0" },
            { $0["name"] = "a3"; $0["entrypoint"] = "./run.sh"; $0["files"] = ["run.sh": "#!/bin/sh"] },
            { $0["name"] = "a4"; $0["port"] = 8080.0; $0["resources"] = ["cpu": 8, "memory": 32, "disk": 100] },
            { $0["name"] = "a5"; $0["env"] = nil; $0["resources"] = nil; $0["job_type"] = nil; $0["port"] = nil },
        ]
        for (index, variant) in variants.enumerated() {
            let response = await mihu.createBuilder(variant)
            #expect(response.status == .created, "variant \(index): \(response.text)")
        }
    }

    @Test func duplicateName_inTheNamespace_is422_butAnotherNamespaceMayUseIt() async throws {
        let mihu = try Mihu()
        #expect(await mihu.createBuilder().status == .created)
        expectError(await mihu.createBuilder(), .unprocessableContent, code: "VALIDATION_ERROR", field: "name")
        let other = await mihu.app.request(.post, "/api/v1/builders", token: "someone-else", json: .object(Mihu.builderBody))
        #expect(other.status == .created)
    }

    @Test func malformedJSON_is400() async throws {
        let mihu = try Mihu()
        let response = await mihu.app.request(.post, "/api/v1/builders",
                                              headers: ["Authorization": "Bearer t", "Content-Type": "application/json"],
                                              body: Array(#"{"name": "x",}"#.utf8))
        expectError(response, .badRequest, code: "INVALID_JSON")
        let array = await mihu.app.request(.post, "/api/v1/builders", headers: ["Authorization": "Bearer t"],
                                           body: Array("[1]".utf8))
        expectError(array, .badRequest, code: "INVALID_JSON")
    }
}
