import App
import BuildermockTesting
import Engine
import HTTP
import JSON
import Testing

/// `POST /agents/run`: the 202 answer, new and existing projects, branch names.
@Suite struct AgentsRunTests {
    @Test func minimalRequest_answers202WithBranchProjectAndEditorURL() async throws {
        let app = try TestApp()
        let response = await app.run(runBody())
        #expect(response.status == .accepted)
        let json = try #require(response.json)
        let branch = try #require(json.string("branchName"))
        let project = try #require(json.string("projectId"))
        #expect(json.string("status") == "processing")
        // The seed's example: "landing-page-hero-a1b2" — slug of the prompt plus four hex digits.
        #expect(branch.hasPrefix("landing-page-hero-"))
        #expect(branch.count == "landing-page-hero-".count + 4)
        #expect(branch.suffix(4).allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(project.count == 12 && project.allSatisfy(\.isHexDigit))
        #expect(json.string("url") == "http://127.0.0.1:8080/app/projects/\(project)/\(branch)")
        #expect(response.headers["Content-Type"] == "application/json")
    }

    @Test func dateHeader_comesFromTheSpaceClock() async throws {
        let app = try TestApp()
        try await app.advance("1h", namespace: Demo.space)
        let response = await app.run(runBody())
        #expect(response.headers["Date"] == "Thu, 01 Jan 2026 01:00:00 GMT")
        let error = await app.run(runBody(), key: "bpk-wrong")
        #expect(error.headers["Date"] == "Thu, 01 Jan 2026 01:00:00 GMT")
    }

    @Test func sameRequestsWithTheSameSeed_giveTheSameNames() async throws {
        var answers: [[String]] = []
        for _ in 0..<2 {
            let app = try TestApp()
            var names: [String] = []
            for prompt in ["Add a pricing table", "Add a pricing table"] {
                let json = try #require(await app.run(runBody(prompt: prompt)).json)
                names += [json.string("projectId") ?? "", json.string("branchName") ?? ""]
            }
            answers.append(names)
        }
        #expect(answers[0] == answers[1])
    }

    @Test func withoutProjectID_eachRunCreatesANewProjectNamedFromThePrompt() async throws {
        let app = try TestApp()
        let first = try #require(await app.run(runBody()).json?.string("projectId"))
        let second = try #require(await app.run(runBody()).json?.string("projectId"))
        #expect(first != second)
        let project = try #require(await app.project(first))
        #expect(project.string("name") == "Landing Page Hero")
        #expect(project.string("spaceId") == Demo.space)
        #expect(project["branches"]?.arrayCount == 1)
    }

    @Test func friendlyBranchName_namesTheBranchAndTheNewProject() async throws {
        let app = try TestApp()
        let json = try #require(await app.run(runBody(extra: ["branchName": "Dark Mode Toggle"])).json)
        let branch = try #require(json.string("branchName"))
        #expect(branch.hasPrefix("dark-mode-toggle-") && branch.count == "dark-mode-toggle-".count + 4)
        let projectID = try #require(json.string("projectId"))
        let project = try #require(await app.project(projectID))
        #expect(project.string("name") == "Dark Mode Toggle")
    }

    @Test func existingProject_getsAnotherBranch() async throws {
        let app = try TestApp()
        let body = runBody(prompt: "Add a dark mode toggle to the settings page", extra: ["projectId": .string(Demo.project)])
        let first = try #require(await app.run(body).json)
        let second = try #require(await app.run(body).json)
        #expect(first.string("projectId") == Demo.project)
        #expect(second.string("projectId") == Demo.project)
        let project = try #require(await app.project(Demo.project))
        #expect(project.string("name") == "Marketing Site")
        guard case .array(let branches)? = project["branches"] else { Issue.record("no branches"); return }
        #expect(branches.compactMap { $0.string("name") } == [first.string("branchName"), second.string("branchName")].compactMap { $0 })
    }

    @Test func branchNames_areUniqueInTheirProject() async throws {
        let app = try TestApp()
        let body = runBody(prompt: "Fix the footer", extra: ["projectId": .string(Demo.project), "branchName": "footer"])
        var names = Set<String>()
        for _ in 0..<40 {
            let response = await app.run(body)
            #expect(response.status == .accepted)
            let name = try #require(response.json?.string("branchName"))
            #expect(name.hasPrefix("footer-"))
            names.insert(name)
        }
        #expect(names.count == 40)
        #expect(await app.project(Demo.project)?["branches"]?.arrayCount == 40)
    }

    @Test func concurrentRuns_neverShareABranchName() async throws {
        let app = try TestApp()
        let body = runBody(prompt: "Same prompt", extra: ["projectId": .string(Demo.project)])
        let names = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<20 { group.addTask { await app.run(body).json?.string("branchName") } }
            var names: [String] = []
            for await name in group { if let name { names.append(name) } }
            return names
        }
        #expect(names.count == 20)
        #expect(Set(names).count == 20)
    }

    @Test func unknownFieldsAreIgnored_andNullCountsAsAbsent() async throws {
        let app = try TestApp()
        let response = await app.run(runBody(extra: ["projectId": .null, "branchName": .null, "somethingNew": 1]))
        #expect(response.status == .accepted)
    }

    @Test func scenarioHeader_picksTheScenario_andAnUnknownOneIsA400NamingTheChoices() async throws {
        let app = try TestApp()
        let ok = await app.run(runBody(), headers: ["X-Buildermock-Scenario": "fails"])
        #expect(ok.status == .accepted)
        let projectID = try #require(ok.json?.string("projectId"))
        let project = try #require(await app.project(projectID))
        #expect(project[path: "branches.0.scenario"]?.stringValue == "fails")
        let bad = await app.run(runBody(), headers: ["X-Buildermock-Scenario": "nope"])
        #expect(bad.status == .badRequest)
        #expect(bad.errorMessage?.contains("default") == true)
        #expect(bad.errorMessage?.contains("fails") == true)
    }

    @Test func namespaceHeader_overridesTheSpaceNamespace() async throws {
        let app = try TestApp()
        let response = await app.run(runBody(), headers: ["X-Buildermock-Namespace": "suite-a"])
        let projectID = try #require(response.json?.string("projectId"))
        let project = try #require(await app.project(projectID))
        #expect(project[path: "branches.0.namespace"]?.stringValue == "suite-a")
        let jobs = try await app.engine.jobs(namespace: "suite-a", service: "builderio")
        #expect(jobs.total == 1)
        #expect(try await app.engine.jobs(namespace: Demo.space, service: "builderio").total == 0)
        let invalid = await app.run(runBody(), headers: ["X-Buildermock-Namespace": "bad name!"])
        #expect(invalid.status == .badRequest)
    }

    @Test func jobKeepsTheRequestWithoutUploadData() async throws {
        let app = try TestApp()
        let response = await app.run(runBody(attachments: [upload(bytes: 30)]))
        #expect(response.status == .accepted)
        let job = try #require(try await app.engine.jobs(namespace: Demo.space, service: "builderio").jobs.first)
        #expect(job.request[path: "userMessage.attachments.0.size"] == .int(30))
        #expect(job.request[path: "userMessage.attachments.0.dataUrl"] == nil)
        #expect(job.data["userId"] == .string(Demo.developerID))
        #expect(job.kind == "branch" && job.state == "processing")
    }
}
