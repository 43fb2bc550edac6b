import App
import BuildermockTesting
import Engine
import HTTP
import JSON
import Testing

@Suite struct BuildLifecycleTests {
    @Test func androidBuild_queuedThenBuildingThenSuccess_onTheManualClock() async throws {
        let app = try TestApp()
        let id = try await app.createdBuildID()
        #expect(await app.status(id) == "queued")
        try await app.advance("9s", namespace: namespaceT)
        #expect(await app.status(id) == "queued")
        try await app.advance("1s", namespace: namespaceT)
        #expect(await app.status(id) == "building")
        try await app.advance("2m59s", namespace: namespaceT)
        #expect(await app.status(id) == "building")
        try await app.advance("1s", namespace: namespaceT)
        let build = try #require(await app.build(id))
        #expect(build[path: "status"] == "success")
        #expect(build[path: "finishedAt"] == "2026-01-01T00:03:10.000Z")
        #expect(build[path: "createdAt"] == "2026-01-01T00:00:00.000Z")
        let url = try #require(build[path: "downloadUrl"]?.stringValue)
        #expect(url.hasPrefix("http://127.0.0.1:8080/downloads/builds/\(namespaceT)/\(id)/Demo.apk?expires="))
        #expect(build[path: "error"] == nil)
    }

    @Test func iosBuild_isSlowerThanAndroid() async throws {
        let app = try TestApp()
        let android = try await app.createdBuildID(buildBody(["bundleId": "com.example.a"]))
        let ios = try await app.createdBuildID(buildBody(["bundleId": "com.example.i", "platform": "ios"]))
        try await app.advance("3m10s", namespace: namespaceT)
        #expect(await app.status(android) == "success")
        #expect(await app.status(ios) == "building")
        try await app.advance("3m", namespace: namespaceT)
        #expect(await app.status(ios) == "success")
        #expect(await app.build(ios)?[path: "downloadUrl"]?.stringValue?.contains("/Demo.ipa?") == true)
    }

    @Test func threeBuildsTwoSlots_theThirdWaitsUntilASlotFrees() async throws {
        let app = try TestApp()
        let first = try await app.createdBuildID(buildBody(["bundleId": "com.example.one"]))
        let second = try await app.createdBuildID(buildBody(["bundleId": "com.example.two"]))
        let third = try await app.createdBuildID(buildBody(["bundleId": "com.example.three"]))
        try await app.advance("10s", namespace: namespaceT)
        #expect(await app.status(first) == "building")
        #expect(await app.status(second) == "building")
        #expect(await app.status(third) == "queued")
        try await app.advance("2m59s", namespace: namespaceT)
        #expect(await app.status(third) == "queued")
        // Both finish at 3m10s; the third starts at that very instant, in the same advance.
        let transitions = try await app.advance("1s", namespace: namespaceT)
        #expect(await app.status(first) == "success")
        #expect(await app.status(second) == "success")
        let start = try #require(transitions.first { $0.jobID == third && $0.trigger == "event:start" })
        #expect(start.at.iso8601 == "2026-01-01T00:03:10.000Z")
        #expect(await app.status(third) == "queued")  // provisioning a build machine
        try await app.advance("10s", namespace: namespaceT)
        #expect(await app.status(third) == "building")
        try await app.advance("3m", namespace: namespaceT)
        let done = try #require(await app.build(third))
        #expect(done[path: "status"] == "success")
        #expect(done[path: "finishedAt"] == "2026-01-01T00:06:20.000Z")
    }

    @Test func queue_isFirstInFirstOut_andSurvivesALongBacklog() async throws {
        let app = try TestApp()
        var ids: [String] = []
        for index in 0..<6 {
            ids.append(try await app.createdBuildID(buildBody(["bundleId": .string("com.example.b\(index)")])))
        }
        // A single advance across the whole backlog: three waves of two builds, 3m10s each.
        let transitions = try await app.advance("30m", namespace: namespaceT)
        // The first two took free slots when they were created; the rest start in creation order.
        let starts = transitions.filter { $0.trigger == "event:start" }.map(\.jobID)
        #expect(starts == Array(ids[2...]))
        for id in ids { #expect(await app.status(id) == "success") }
        let finished = await app.build(ids[5])?[path: "finishedAt"]
        #expect(finished == "2026-01-01T00:09:30.000Z")
    }

    @Test func slotsArePerNamespace() async throws {
        let app = try TestApp()
        _ = try await app.createdBuildID(buildBody(["bundleId": "com.example.one"]))
        _ = try await app.createdBuildID(buildBody(["bundleId": "com.example.two"]))
        let other = try await app.createdBuildID(token: "other")
        try await app.advance("10s", namespace: TestApp.namespace(forToken: "other"))
        #expect(await app.status(other, token: "other") == "building")
    }

    @Test func failedBuild_freesItsSlotAndShowsTheError() async throws {
        let app = try TestApp()
        let failing = try await app.createdBuildID(buildBody(["bundleId": "com.example.f"]), scenario: "url-unreachable")
        _ = try await app.createdBuildID(buildBody(["bundleId": "com.example.two"]))
        let waiting = try await app.createdBuildID(buildBody(["bundleId": "com.example.three"]))
        try await app.advance("40s", namespace: namespaceT)
        let failed = try #require(await app.build(failing))
        #expect(failed[path: "status"] == "failed")
        #expect(failed[path: "error.code"] == "URL_UNREACHABLE")
        #expect(failed[path: "finishedAt"] == "2026-01-01T00:00:40.000Z")
        #expect(failed[path: "downloadUrl"] == nil)
        try await app.advance("10s", namespace: namespaceT)
        #expect(await app.status(waiting) == "building")
    }

    @Test(arguments: [("ios-signing-failure", "ios", "SIGNING_FAILED", "4m10s"),
                      ("permissions-rejected", "android", "PERMISSIONS_REJECTED", "1m10s")])
    func namedFailureScenarios(_ scenario: String, _ platform: String, _ code: String, _ after: String) async throws {
        let app = try TestApp()
        let id = try await app.createdBuildID(buildBody(["platform": .string(platform)]), scenario: scenario)
        try await app.advance(after, namespace: namespaceT)
        let build = try #require(await app.build(id))
        #expect(build[path: "status"] == "failed")
        #expect(build[path: "error.code"] == .string(code))
    }

    @Test func slowQueue_waitsInTheBacklogWithoutHoldingASlot() async throws {
        let app = try TestApp()
        let slow = try await app.createdBuildID(buildBody(["bundleId": "com.example.slow"]), scenario: "slow-queue")
        let fast = try await app.createdBuildID(buildBody(["bundleId": "com.example.fast"]))
        let another = try await app.createdBuildID(buildBody(["bundleId": "com.example.another"]))
        try await app.advance("10s", namespace: namespaceT)
        #expect(await app.status(slow) == "queued")
        #expect(await app.status(fast) == "building")
        #expect(await app.status(another) == "building")
        try await app.advance("19m50s", namespace: namespaceT)  // 20m: backlog over, slots free
        #expect(await app.status(slow) == "queued")
        try await app.advance("10s", namespace: namespaceT)
        #expect(await app.status(slow) == "building")
        try await app.advance("3m", namespace: namespaceT)
        #expect(await app.status(slow) == "success")
    }

    @Test func benchmarkRequests_areAccepted_andReadBack() async throws {
        let app = try TestApp { $0.strict = true }
        let body: JSONValue = ["url": "https://example.com", "appName": "Demo",
                               "bundleId": "com.example.bench.r1735689600.t0.n17", "version": "1.0.0", "platform": "android"]
        let response = await app.request(.post, "/api/v1/builds", token: "bench-token", json: body)
        #expect(response.status.code == 201)
        let id = try #require(response.json?[path: "id"]?.stringValue)
        let fetched = await app.request(.get, "/api/v1/builds/\(id)", token: "bench-token")
        #expect(fetched.status.code == 200)
        #expect(fetched.text.contains(id))
        #expect(await app.request(.get, "/api/v1/builds/bld_missing", token: "bench-token").status.code == 404)
        var windows = body
        if case .object(var fields) = windows { fields["platform"] = "windows"; windows = .object(fields) }
        #expect(await app.request(.post, "/api/v1/builds", token: "bench-token", json: windows).status.code == 400)
    }

    @Test func sameSeedAndClock_giveIdenticalResponses() async throws {
        func run() async throws -> [String] {
            let app = try TestApp()
            let id = try await app.createdBuildID()
            try await app.advance("4m", namespace: namespaceT)
            return [await app.request(.get, "/api/v1/builds/\(id)", token: "t").text,
                    await app.request(.get, "/api/v1/builds", token: "t").text]
        }
        #expect(try await run() == run())
    }
}

@Suite struct BuildReadTests {
    @Test func unknownBuild_is404InTheAPIShape() async throws {
        let app = try TestApp()
        let response = await app.request(.get, "/api/v1/builds/bld_nope", token: "t")
        #expect(response.status.code == 404)
        #expect(response.errorCode == "not_found")
        #expect(response.headers["Date"] == "Thu, 01 Jan 2026 00:00:00 GMT")
    }

    @Test func buildOfAnotherNamespace_isNotVisible() async throws {
        let app = try TestApp()
        let id = try await app.createdBuildID()
        #expect(await app.request(.get, "/api/v1/builds/\(id)", token: "intruder").status.code == 404)
    }

    @Test func unroutedPaths_answerInTheAPIShape() async throws {
        let app = try TestApp()
        let notFound = await app.request(.get, "/api/v1/builds/x/y", token: "t")
        #expect(notFound.status.code == 404)
        #expect(notFound.errorCode == "not_found")
        let notAllowed = await app.request(.delete, "/api/v1/builds", token: "t")
        #expect(notAllowed.status.code == 405)
        #expect(notAllowed.errorCode == "method_not_allowed")
        #expect(notAllowed.headers["Allow"] != nil)
        #expect(await app.request(.put, "/v1/builds/bld_x", token: "t").errorCode == "method_not_allowed")
    }

    @Test func list_isNewestFirst_withTotalLimitOffset() async throws {
        let app = try TestApp()
        var ids: [String] = []
        for index in 0..<5 {
            ids.append(try await app.createdBuildID(buildBody(["bundleId": .string("com.example.l\(index)")])))
            try await app.advance("1s", namespace: namespaceT)
        }
        let all = try #require(await app.request(.get, "/api/v1/builds", token: "t").json)
        #expect(all[path: "total"] == 5)
        #expect(all[path: "limit"] == 20)
        #expect(all[path: "offset"] == 0)
        guard case .array(let builds)? = all[path: "builds"] else { Issue.record("no builds"); return }
        #expect(builds.compactMap { $0[path: "id"]?.stringValue } == ids.reversed())
        #expect(builds.first?[path: "status"] == "queued")

        let page = try #require(await app.request(.get, "/api/v1/builds?limit=2&offset=1", token: "t").json)
        guard case .array(let paged)? = page[path: "builds"] else { Issue.record("no builds"); return }
        #expect(paged.compactMap { $0[path: "id"]?.stringValue } == [ids[3], ids[2]])
        #expect(page[path: "total"] == 5 && page[path: "limit"] == 2 && page[path: "offset"] == 1)

        let past = try #require(await app.request(.get, "/api/v1/builds?offset=5", token: "t").json)
        #expect(past[path: "builds"] == [] && past[path: "total"] == 5)
        let max = await app.request(.get, "/api/v1/builds?limit=100", token: "t")
        #expect(max.status.code == 200)
    }

    @Test(arguments: ["limit=101", "limit=0", "limit=-1", "limit=abc", "limit=", "limit=1.5", "offset=-1",
                      "offset=x", "offset=", "limit=99999999999999999999"])
    func list_badPaging_is400(_ query: String) async throws {
        let app = try TestApp()
        let response = await app.request(.get, "/api/v1/builds?\(query)", token: "t")
        #expect(response.status.code == 400, "\(query)")
        #expect(response.errorCode?.hasPrefix("invalid_") == true)
    }

    @Test func list_isPerNamespace() async throws {
        let app = try TestApp()
        _ = try await app.createdBuildID()
        let other = await app.request(.get, "/api/v1/builds", token: "other").json
        #expect(other?[path: "total"] == 0)
    }
}
