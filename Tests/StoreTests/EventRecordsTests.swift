import Testing
import Store

@Suite struct EventRecordsTests {
    @Test func events_listInAppendOrder_perJobAndPerNamespace() throws {
        let db = try makeMigratedConnection()
        try db.jobs.insert(.make(id: "j1"))
        try db.jobs.insert(.make(id: "j2"))
        let s1 = try db.events.append(JobEventRecord(jobID: "j1", namespace: "ns", at: 0, fromState: nil, toState: "queued"))
        let s2 = try db.events.append(JobEventRecord(jobID: "j2", namespace: "ns", at: 5, fromState: nil, toState: "queued"))
        let s3 = try db.events.append(JobEventRecord(jobID: "j1", namespace: "ns", at: 10, fromState: "queued",
                                                     toState: "building", detail: #"{"step":1}"#))
        #expect(s1 < s2 && s2 < s3)

        let history = try db.events.list(jobID: "j1")
        #expect(history == [
            JobEventRecord(seq: s1, jobID: "j1", namespace: "ns", at: 0, fromState: nil, toState: "queued"),
            JobEventRecord(seq: s3, jobID: "j1", namespace: "ns", at: 10, fromState: "queued", toState: "building",
                           detail: #"{"step":1}"#),
        ])
        #expect(try db.events.list(namespace: "ns", after: s1, limit: 10).map(\.seq) == [s2, s3])
        #expect(try db.events.list(namespace: "ns", limit: 1).map(\.seq) == [s1])
        try db.close()
    }
}
