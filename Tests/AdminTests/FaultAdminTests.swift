import App
import BuildermockTesting
import Engine
import Foundation
import HTTP
import JSON
import Testing

/// `/__admin/faults`: create, list with counters, delete, clear; bad input; reset; restart.
@Suite struct FaultAdminTests {
    @Test func create_returnsTheRuleWithIdAndZeroCounters() async throws {
        let app = try TestApp()
        let response = await app.addFault(#"{"kind":"status","params":{"code":503},"target":{"service":"buildprint","method":"get"},"calls":{"nth":2},"description":"flaky poll"}"#)
        #expect(response.status.code == 201)
        let rule = try #require(response.json)
        #expect(rule[path: "id"]?.stringValue?.hasPrefix("flt_") == true)
        #expect(rule[path: "kind"] == "status")
        #expect(rule[path: "params.code"] == .int(503))
        #expect(rule[path: "params.retry-after"] == .int(1))
        #expect(rule[path: "target.method"] == "GET")
        #expect(rule[path: "calls.nth"] == .int(2))
        #expect(rule[path: "hits"] == .int(0))
        #expect(rule[path: "matched"] == .int(0))
        #expect(rule[path: "source"] == "admin")
        #expect(rule[path: "description"] == "flaky poll")
    }

    @Test func list_countsMatchedCallsAndHits() async throws {
        let app = try TestApp()
        let id = try await app.createAgent()
        await app.addFault(#"{"kind":"status","params":{"code":503},"target":{"method":"GET","route":"/api/public/v1/agents/*"},"calls":{"nth":2}}"#)
        var statuses: [Int] = []
        for _ in 0..<4 { statuses.append(await app.getAgent(id).status.code) }
        #expect(statuses == [200, 503, 200, 200])
        let listed = await app.listFaults()
        #expect(listed.count == 1)
        #expect(listed.first?[path: "matched"] == .int(4))
        #expect(listed.first?[path: "hits"] == .int(1))
        let totals = await app.request(.get, "/__admin/faults?namespace=\(testNamespace)").json?[path: "injected_totals"]
        #expect(totals?[path: "status"] == .int(1))
        #expect(try app.engine.injectedFaultTotals() == ["status": 1])
    }

    @Test func deleteOne_andClear() async throws {
        let app = try TestApp()
        let first = await app.addFault(#"{"kind":"reset"}"#).json?[path: "id"]?.stringValue ?? ""
        await app.addFault(#"{"kind":"empty","calls":{"every":3}}"#)
        await app.addFault(#"{"kind":"hang"}"#)
        #expect(await app.listFaults().count == 3)
        let deleted = await app.request(.delete, "/__admin/faults/\(first)?namespace=\(testNamespace)")
        #expect(deleted.status.code == 200)
        #expect(await app.listFaults().map { $0[path: "kind"] } == ["empty", "hang"])
        let again = await app.request(.delete, "/__admin/faults/\(first)?namespace=\(testNamespace)")
        #expect(again.status.code == 404)
        #expect(again.json?[path: "error.code"] == "not_found")
        let cleared = await app.request(.delete, "/__admin/faults?namespace=\(testNamespace)")
        #expect(cleared.json?[path: "cleared"] == .int(2))
        #expect(await app.listFaults().isEmpty)
    }

    @Test(arguments: [
        ("", "invalid_fault", "the body must be a fault rule"),
        ("{nope", "invalid_json", "not valid JSON"),
        (#"{"kind":"teleport"}"#, "invalid_fault", "unknown fault kind \"teleport\""),
        (#"{"kind":"status","params":{"code":302}}"#, "invalid_fault", "params.code: must be an integer from 400 to 599"),
        (#"{"kind":"latency","params":{"duration":"-1s"}}"#, "invalid_fault", "params.duration"),
        (#"{"kind":"status","calls":{"every":0}}"#, "invalid_fault", "calls.every"),
        (#"{"kind":"reset","target":{"route":"no-slash"}}"#, "invalid_fault", "target.route"),
    ])
    func create_rejectsBadInputWithA400(body: String, code: String, fragment: String) async throws {
        let app = try TestApp()
        let response = await app.addFault(body)
        #expect(response.status.code == 400)
        #expect(response.json?[path: "error.code"] == .string(code))
        #expect(response.json?[path: "error.message"]?.stringValue?.contains(fragment) == true,
                "\(response.text)")
        #expect(await app.listFaults().isEmpty)
    }

    @Test func badNamespace_isA400() async throws {
        let app = try TestApp()
        let response = await app.addFault(#"{"kind":"reset"}"#, namespace: "bad%20name")
        #expect(response.status.code == 400)
        #expect(response.json?[path: "error.code"] == "invalid_namespace")
    }

    @Test func rules_belongToTheirNamespace() async throws {
        let app = try TestApp()
        await app.addFault(#"{"kind":"status","params":{"code":500}}"#, namespace: "other")
        let id = try await app.createAgent()
        #expect(await app.getAgent(id).status.code == 200)
        #expect(await app.listFaults().isEmpty)
        #expect(await app.listFaults(namespace: "other").count == 1)
    }

    @Test func reset_clearsTheNamespacesFaults() async throws {
        let app = try TestApp()
        await app.addFault(#"{"kind":"status","params":{"code":500}}"#)
        await app.addFault(#"{"kind":"status","params":{"code":500}}"#, namespace: "other")
        _ = await app.request(.post, "/__admin/reset?namespace=\(testNamespace)")
        #expect(await app.listFaults().isEmpty)
        #expect(await app.listFaults(namespace: "other").count == 1)
        let id = try await app.createAgent()
        #expect(await app.getAgent(id).status.code == 200)
    }

    @Test func rulesAndCounters_surviveARestart() async throws {
        let path = NSTemporaryDirectory() + "faults-\(UUID().uuidString).sqlite"
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let ruleID: String
        do {
            let app = try TestApp { $0.databasePath = path }
            ruleID = await app.addFault(#"{"kind":"status","params":{"code":502},"target":{"method":"GET"},"calls":{"first":1}}"#)
                .json?[path: "id"]?.stringValue ?? ""
            let id = try await app.createAgent()
            #expect(await app.getAgent(id).status.code == 502)
            await app.application.shutdown()
        }
        let app = try TestApp { $0.databasePath = path }
        let listed = await app.listFaults()
        #expect(listed.first?[path: "id"] == .string(ruleID))
        #expect(listed.first?[path: "hits"] == .int(1))
        #expect(listed.first?[path: "matched"] == .int(1))
        // The first call is used up, so the next GET goes through.
        let id = try await app.createAgent()
        #expect(await app.getAgent(id).status.code == 200)
        #expect(try app.engine.injectedFaultTotals()["status"] == 1)
        await app.application.shutdown()
    }

    @Test func adminRoutes_areNeverFaulted() async throws {
        let app = try TestApp()
        await app.addFault(#"{"kind":"status","params":{"code":500}}"#, namespace: "default")
        let health = await app.request(.get, "/__admin/health", headers: ["X-Buildermock-Fault": "reset"])
        #expect(health.status.code == 200)
        #expect(health.delivery == .normal)
    }
}

/// Which calls a rule hits, with a fixed seed: the same pattern every run, a different one per seed.
@Suite struct FaultTargetingTests {
    static func pattern(seed: UInt64, rule: String, calls: Int = 30) async throws -> [Bool] {
        let app = try TestApp { $0.seed = seed }
        let id = try await app.createAgent()
        let added = await app.addFault(rule)
        #expect(added.status.code == 201, "\(added.text)")
        var hits: [Bool] = []
        for _ in 0..<calls {
            let response = await app.getAgent(id)
            #expect(response.status.code == (response.appliedFault == nil ? 200 : 503), "\(response.text)")
            hits.append(response.appliedFault != nil)
        }
        return hits
    }

    static func numbers(_ hits: [Bool]) -> [Int] { hits.indices.filter { hits[$0] }.map { $0 + 1 } }

    @Test func nth_firstN_everyN_after() async throws {
        let base = #"{"kind":"status","params":{"code":503},"target":{"method":"GET"},"calls":"#
        #expect(Self.numbers(try await Self.pattern(seed: 1, rule: base + #"{"nth":3}}"#, calls: 8)) == [3])
        #expect(Self.numbers(try await Self.pattern(seed: 1, rule: base + #"{"first":2}}"#, calls: 8)) == [1, 2])
        #expect(Self.numbers(try await Self.pattern(seed: 1, rule: base + #"{"every":3}}"#, calls: 8)) == [3, 6])
        #expect(Self.numbers(try await Self.pattern(seed: 1, rule: base + #"{"after":6}}"#, calls: 8)) == [7, 8])
    }

    @Test func probability_sameSeedSameCalls() async throws {
        let rule = #"{"kind":"status","params":{"code":503},"target":{"method":"GET"},"calls":{"probability":0.4}}"#
        let first = try await Self.pattern(seed: 42, rule: rule)
        let second = try await Self.pattern(seed: 42, rule: rule)
        let otherSeed = try await Self.pattern(seed: 43, rule: rule)
        #expect(first == second)
        #expect(first != otherSeed)
        #expect(first.contains(true) && first.contains(false))
    }

    @Test func faults_doNotShiftIds() async throws {
        func ids(withFault: Bool) async throws -> [String] {
            let app = try TestApp()
            if withFault {
                await app.addFault(#"{"kind":"latency","params":{"min":0,"max":1},"calls":{"probability":0.5}}"#)
            }
            var ids: [String] = []
            for _ in 0..<3 { ids.append(try await app.createAgent()) }
            return ids
        }
        #expect(try await ids(withFault: true) == (try await ids(withFault: false)))
    }
}
