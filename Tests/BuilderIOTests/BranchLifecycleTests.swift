import Engine
import App
import BuildermockTesting
import HTTP
import JSON
import Testing

/// The agent's work in the background: a job per branch, moved only by the manual clock.
@Suite struct BranchLifecycleTests {
    func start(_ app: TestApp, scenario: String? = nil) async throws -> (project: String, branch: String) {
        let response = await app.run(runBody(), headers: scenario.map { ["X-Buildermock-Scenario": $0] } ?? [:])
        let json = try #require(response.json)
        let project = try #require(json.string("projectId"))
        let branch = try #require(json.string("branchName"))
        return (project, branch)
    }

    func branchState(_ app: TestApp, _ project: String) async -> JSONValue? {
        await app.project(project)?[path: "branches.0"]
    }

    @Test func defaultScenario_processingThenCompleted_withProgressMessages() async throws {
        let app = try TestApp()
        let (project, _) = try await start(app)
        var branch = try #require(await branchState(app, project))
        #expect(branch.string("state") == "processing")
        #expect(branch.string("step") == "planning")
        #expect(branch["progress"]?.arrayCount == 1)

        try await app.advance("29s", namespace: Demo.space)
        #expect(await branchState(app, project)?.string("step") == "planning")
        let moved = try await app.advance("1s", namespace: Demo.space)
        #expect(moved.map(\.step) == ["editing"])
        branch = try #require(await branchState(app, project))
        #expect(branch.string("state") == "processing")
        #expect(branch.string("message") == "Editing components and checking the preview")

        try await app.advance("2m", namespace: Demo.space)
        branch = try #require(await branchState(app, project))
        #expect(branch.string("state") == "completed")
        #expect(branch.string("finishedAt") == "2026-01-01T00:02:30.000Z")
        guard case .array(let progress)? = branch["progress"] else { Issue.record("no progress"); return }
        #expect(progress.compactMap { $0.string("state") } == ["processing", "processing", "completed"])
        #expect(progress.compactMap { $0.string("at") }
            == ["2026-01-01T00:00:00.000Z", "2026-01-01T00:00:30.000Z", "2026-01-01T00:02:30.000Z"])
        #expect(progress.last?.string("message")?.hasPrefix("Done.") == true)
    }

    @Test func failsScenario_endsFailedWithTheAgentsError() async throws {
        let app = try TestApp()
        let (project, _) = try await start(app, scenario: "fails")
        try await app.advance("30s", namespace: Demo.space)
        let branch = try #require(await branchState(app, project))
        #expect(branch.string("state") == "failed")
        #expect(branch[path: "error.code"]?.stringValue == "agent_failed")
        #expect(branch[path: "progress.1.error.message"]?.stringValue?.contains("could not complete") == true)
    }

    @Test func editorPage_showsStateAndProgress_andRefreshesUntilDone() async throws {
        let app = try TestApp()
        let response = await app.run(runBody())
        let url = try #require(response.json?.string("url"))
        let path = String(url.dropFirst("http://127.0.0.1:8080".count))

        var page = await app.request(.get, path, token: nil)
        #expect(page.status == .ok)
        #expect(page.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(page.text.contains(#"<span class="state state-processing" id="state">processing</span>"#))
        #expect(page.text.contains("Reading the project and planning the change"))
        #expect(page.text.contains("http-equiv=\"refresh\""))
        #expect(page.text.contains("Build a landing page with a hero section"))

        try await app.advance("3m", namespace: Demo.space)
        page = await app.request(.get, path, token: nil)
        #expect(page.text.contains(#"id="state">completed</span>"#))
        #expect(page.text.contains("Editing components and checking the preview"))
        #expect(!page.text.contains("http-equiv=\"refresh\""))
        #expect(page.headers["Date"] == "Thu, 01 Jan 2026 00:03:00 GMT")
    }

    @Test func editorPage_escapesThePrompt_andUnknownBranchIs404() async throws {
        let app = try TestApp()
        let response = await app.run(runBody(prompt: "Add <script>alert('x')</script> & more"))
        let url = try #require(response.json?.string("url"))
        let page = await app.request(.get, String(url.dropFirst("http://127.0.0.1:8080".count)), token: nil)
        #expect(page.text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"))
        #expect(!page.text.contains("<script>"))
        let missing = await app.request(.get, "/app/projects/\(Demo.project)/no-such-branch", token: nil)
        #expect(missing.status == .notFound)
    }

    @Test func spacesHaveTheirOwnClocks() async throws {
        let app = try TestApp()
        let (demoProject, _) = try await start(app)
        let other = await app.run(runBody(email: Demo.outsider), apiKey: Demo.otherSpace, key: Demo.otherKey)
        let otherProject = try #require(other.json?.string("projectId"))
        try await app.advance("10m", namespace: Demo.space)
        #expect(await branchState(app, demoProject)?.string("state") == "completed")
        #expect(await branchState(app, otherProject)?.string("state") == "processing")
    }

    @Test func resetNamespace_clearsTheWorkButKeepsTheBranchNameTaken() async throws {
        let app = try TestApp()
        let (project, branch) = try await start(app)
        try await app.engine.reset(namespace: Demo.space)
        let listed = try #require(await branchState(app, project))
        #expect(listed.string("name") == branch)
        #expect(listed["state"] == .null)
        let page = await app.request(.get, "/app/projects/\(project)/\(branch)", token: nil)
        #expect(page.text.contains("was reset"))
    }
}
