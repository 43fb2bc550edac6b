import Scenarios
import Store
import JSON

/// Job ⇄ row. The row's `step` is the index of the step in its scenario; `payload` holds the
/// request, the document and `finishedAt` as one JSON object.
enum JobRecordCoding {
    /// Shared by every engine in the process; entries are checked against the stored text, so
    /// sharing is safe (see `PayloadDecodeCache`).
    static let payloads = PayloadDecodeCache(capacity: 4096)

    /// The payload text a job was read from and what it decoded to: a move that leaves all three
    /// values as they were writes the text back instead of serialising the document again.
    struct StoredPayload {
        let text: String
        let request: JSONValue
        let data: [String: JSONValue]
        let finishedAt: Timestamp?

        init(text: String, decoded job: Job) {
            self.text = text
            request = job.request
            data = job.data
            finishedAt = job.finishedAt
        }

        func matches(_ job: Job) -> Bool {
            finishedAt == job.finishedAt && data == job.data && request == job.request
        }
    }

    static func record(from job: Job, machine: LifecycleMachine, reusing stored: StoredPayload? = nil) -> JobRecord {
        let payloadText: String
        if let stored, stored.matches(job) {
            payloadText = stored.text
        } else {
            var payload: [String: JSONValue] = ["request": job.request, "data": .object(job.data)]
            if let finishedAt = job.finishedAt { payload["finishedAt"] = .int(finishedAt.unixMilliseconds) }
            payloadText = JSONValue.object(payload).serialized()
        }
        let stepIndex = stepIndex(of: job.step, in: machine)
        return JobRecord(id: job.id, namespace: job.namespace, service: job.service, kind: job.kind, state: job.state,
                         step: stepIndex, dueAt: job.dueAt?.unixMilliseconds, scenario: job.scenario,
                         payload: payloadText,
                         createdAt: job.createdAt.unixMilliseconds, updatedAt: job.updatedAt.unixMilliseconds,
                         version: job.version)
    }

    /// - Parameter polled: a read on behalf of a client, which will likely read the same job again
    ///   soon: the decoded payload is looked up in and kept in `payloads`. Batch work (a due batch,
    ///   an export) would only churn the cache.
    static func job(from record: JobRecord, machines: [String: LifecycleMachine], polled: Bool = false) throws -> Job {
        try job(from: record, machine: machines[Engine.machineKey(record.service, record.kind, record.scenario)],
                polled: polled)
    }

    /// `machine` is the record's (service, kind, scenario) machine, or nil when there is none.
    static func job(from record: JobRecord, machine: LifecycleMachine?, polled: Bool = false) throws -> Job {
        let decoded = polled ? payloads.payload(id: record.id, text: record.payload)
                             : JSONValue.parse(record.payload)?.objectValue
        guard let payload = decoded else {
            throw EngineError.storage("job \(record.id) has an unreadable payload")
        }
        let steps = machine?.scenario.steps ?? []
        let step = steps.indices.contains(record.step) ? steps[record.step].id : "#\(record.step)"
        var finishedAt: Timestamp?
        if case .int(let ms)? = payload["finishedAt"] { finishedAt = Timestamp(unixMilliseconds: ms) }
        return Job(id: record.id, namespace: record.namespace, service: record.service, kind: record.kind,
                   state: record.state, step: step, dueAt: record.dueAt.map(Timestamp.init(unixMilliseconds:)),
                   scenario: record.scenario, request: payload["request"] ?? .object([:]),
                   data: payload["data"]?.objectValue ?? [:],
                   createdAt: Timestamp(unixMilliseconds: record.createdAt),
                   updatedAt: Timestamp(unixMilliseconds: record.updatedAt),
                   finishedAt: finishedAt, version: record.version)
    }

    /// The `step` column: the step's index in its scenario, -1 for a step the scenario lacks.
    static func stepIndex(of step: String, in machine: LifecycleMachine) -> Int {
        machine.scenario.steps.firstIndex { $0.id == step } ?? -1
    }
}
