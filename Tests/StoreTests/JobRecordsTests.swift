import Testing
import Store

@Suite struct JobRecordsTests {
    @Test func insertAndGet_respectNamespaces() throws {
        let db = try makeMigratedConnection()
        let job = JobRecord.make(id: "job_1", namespace: "alpha", dueAt: nil)
        try db.jobs.insert(job)
        #expect(try db.jobs.get(id: "job_1") == job)
        #expect(try db.jobs.get(id: "job_1", namespace: "alpha") == job)
        #expect(try db.jobs.get(id: "job_1", namespace: "beta") == nil)
        #expect(try db.jobs.get(id: "missing") == nil)
        try db.close()
    }

    @Test func update_appliesOnlyOnTheExpectedVersion() throws {
        let db = try makeMigratedConnection()
        var job = JobRecord.make(id: "job_1")
        try db.jobs.insert(job)

        var first = job
        first.state = "building"
        first.step = 1
        first.dueAt = nil
        #expect(try db.jobs.update(first))

        // A second writer that read version 1 too loses.
        job.state = "failed"
        #expect(try db.jobs.update(job) == false)

        let stored = try #require(try db.jobs.get(id: "job_1"))
        #expect(stored.state == "building")
        #expect(stored.dueAt == nil)
        #expect(stored.version == 2)
        #expect(try db.jobs.update(JobRecord.make(id: "missing")) == false)
        try db.close()
    }

    @Test func dueJobs_comeInDueAtThenIdOrder() throws {
        let db = try makeMigratedConnection()
        // Inserted out of order, with ties on due_at broken by id.
        let rows: [(String, Int64?)] = [("c", 200), ("b", 100), ("z", nil), ("a", 200), ("d", 100), ("late", 999)]
        for (id, due) in rows {
            try db.jobs.insert(.make(id: id, dueAt: due))
        }
        try db.jobs.insert(.make(id: "other", namespace: "elsewhere", dueAt: 50))

        #expect(try db.jobs.due(namespace: "ns", at: 200, limit: 10).map(\.id) == ["b", "d", "a", "c"])
        #expect(try db.jobs.due(namespace: "ns", at: 200, limit: 3).map(\.id) == ["b", "d", "a"])
        #expect(try db.jobs.due(namespace: "ns", at: 99, limit: 10).isEmpty)
        #expect(try db.jobs.due(at: 200, limit: 10).map(\.id) == ["other", "b", "d", "a", "c"])
        #expect(try db.jobs.upcoming(namespace: "ns", limit: 10).map(\.id) == ["b", "d", "a", "c", "late"])

        #expect(try db.jobs.nextDueTime(namespace: "ns") == 100)
        #expect(try db.jobs.nextDueTime(namespace: "nobody") == nil)
        #expect(try db.jobs.nextDueTime() == 50)
        #expect(try db.jobs.nextDueTimes() == ["ns": 100, "elsewhere": 50])
        try db.close()
    }

    @Test func inState_listsOneKindsJobsInAState_inCreationOrder() throws {
        let db = try makeMigratedConnection()
        try db.jobs.insert(.make(id: "late", kind: "webhook", state: "delivering", createdAt: 9))
        try db.jobs.insert(.make(id: "early", kind: "webhook", state: "delivering", createdAt: 1))
        try db.jobs.insert(.make(id: "done", kind: "webhook", state: "delivered", createdAt: 0))
        try db.jobs.insert(.make(id: "build", kind: "build", state: "delivering", createdAt: 0))
        try db.jobs.insert(.make(id: "other", namespace: "elsewhere", kind: "webhook", state: "delivering"))
        try db.jobs.insert(.make(id: "agents", service: "agents", kind: "webhook", state: "delivering"))
        #expect(try db.jobs.inState(namespace: "ns", service: "builds", kind: "webhook", state: "delivering", limit: 10)
            .map(\.id) == ["early", "late"])
        #expect(try db.jobs.inState(namespace: "ns", service: "builds", kind: "webhook", state: "delivering", limit: 1)
            .map(\.id) == ["early"])
        try db.close()
    }

    @Test func dueQuery_usesThePartialIndex() throws {
        let db = try makeMigratedConnection()
        let plan = try db.query("""
            EXPLAIN QUERY PLAN SELECT id FROM jobs
            WHERE namespace = 'ns' AND due_at IS NOT NULL AND due_at <= 5 ORDER BY due_at, id LIMIT 10
            """) { $0.string(3) }
        #expect(plan.contains { $0.contains("jobs_due_by_namespace") })
        #expect(!plan.contains { $0.contains("TEMP B-TREE") })
        try db.close()
    }

    @Test func updateIDs_movesOnlyTheJobsAtThatVersion_acrossChunks_andKeepsTheirPayloads() throws {
        let db = try makeMigratedConnection()
        // 300 ids: chunks of 256, 32, 8 and 4.
        let ids = (0..<300).map { "job_" + String(String(1_000 + $0).dropFirst()) }
        for id in ids { try db.jobs.insert(.make(id: id)) }
        var moved = try #require(try db.jobs.get(id: "job_007"))
        moved.version = 1
        #expect(try db.jobs.update(moved))
        #expect(try db.jobs.update(ids: ids, version: 1, state: "building", step: 2, dueAt: 9_000, updatedAt: 500) == 299)
        for id in ids where id != "job_007" {
            let job = try #require(try db.jobs.get(id: id))
            #expect(job.state == "building" && job.step == 2 && job.dueAt == 9_000 && job.updatedAt == 500)
            #expect(job.version == 2 && job.payload == #"{"n":1}"# && job.scenario == "default")
        }
        #expect(try db.jobs.get(id: "job_007")?.state == "queued")
        #expect(try db.jobs.update(ids: ["job_000", "job_001"], version: 1, state: "x", step: 0, dueAt: nil, updatedAt: 0) == 0)
        #expect(try db.jobs.update(ids: [], version: 1, state: "x", step: 0, dueAt: nil, updatedAt: 0) == 0)
        let timerless = try #require(try db.jobs.update(ids: ["job_000"], version: 2, state: "done", step: 3, dueAt: nil,
                                                        updatedAt: 600) == 1 ? db.jobs.get(id: "job_000") : nil)
        #expect(timerless.dueAt == nil && timerless.version == 3)
        // Each chunk finds its rows through the id index, not by walking the table.
        let plan = try db.query("""
            EXPLAIN QUERY PLAN UPDATE jobs SET state = 'x', version = version + 1 WHERE version = 1 AND id IN ('a', 'b')
            """) { $0.string(3) }
        #expect(plan.contains { $0.contains("jobs_id") })
        #expect(!plan.contains { $0.hasPrefix("SCAN") })
        try db.close()
    }

    @Test func list_filtersPagesAndCounts() throws {
        let db = try makeMigratedConnection()
        for i in 0..<5 {
            try db.jobs.insert(.make(id: "b\(i)", state: i.isMultiple(of: 2) ? "queued" : "success", createdAt: Int64(i)))
        }
        try db.jobs.insert(.make(id: "agent", service: "agents", kind: "run", createdAt: 10))
        try db.jobs.insert(.make(id: "foreign", namespace: "other", createdAt: 10))

        let all = try db.jobs.list(namespace: "ns", limit: 10)
        #expect(all.total == 6)
        #expect(all.items.map(\.id) == ["b0", "b1", "b2", "b3", "b4", "agent"])

        let page = try db.jobs.list(namespace: "ns", service: "builds", kind: "build", newestFirst: true, limit: 2, offset: 1)
        #expect(page.total == 5)
        #expect(page.items.map(\.id) == ["b3", "b2"])

        let queued = try db.jobs.list(namespace: "ns", service: "builds", state: "queued", limit: 10)
        #expect(queued.items.map(\.id) == ["b0", "b2", "b4"])
        #expect(queued.total == 3)
        try db.close()
    }

    @Test func deleteAll_removesOnlyThatNamespace_andCascadesEvents() throws {
        let db = try makeMigratedConnection()
        try db.jobs.insert(.make(id: "mine"))
        try db.jobs.insert(.make(id: "theirs", namespace: "other"))
        try db.events.append(JobEventRecord(jobID: "mine", namespace: "ns", at: 0, fromState: nil, toState: "queued"))
        try db.events.append(JobEventRecord(jobID: "theirs", namespace: "other", at: 0, fromState: nil, toState: "queued"))

        #expect(try db.jobs.deleteAll(namespace: "ns") == 1)
        #expect(try db.jobs.get(id: "mine") == nil)
        #expect(try db.events.list(jobID: "mine").isEmpty)
        #expect(try db.jobs.get(id: "theirs") != nil)
        #expect(try db.events.list(jobID: "theirs").count == 1)
        try db.close()
    }
}
