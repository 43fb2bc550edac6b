import JSON
import Engine

/// Field names of an agent job's document.
enum AgentField {
    static let workspace = "workspaceId"
    static let history = "history"
    static let queuedTurns = "queuedTurns"
    static let turn = "turn"
    static let sandboxState = "sandboxState"
    static let conversationState = "conversationState"
    static let lastLifecycleEventAt = "lastLifecycleEventAt"
    static let completedAt = "completedAt"
    static let lastError = "lastError"
    static let credits = "creditsCharged"
    static let sandboxWasOnline = "sandboxWasOnline"
    static let edits = "edits"
}

/// The documented Agent object, rendered from an agent job.
enum AgentDocument {
    static let historyDefault = 100
    static let historyMax = 500

    /// - Parameter historyLimit: the newest items to include; nil leaves `history` out (webhook payloads).
    static func render(_ job: Job, historyLimit: Int?) -> JSONValue {
        let data = job.data
        var object: [String: JSONValue] = [
            "agentId": .string(job.id), "kind": .string("agent"), "status": .string(job.state),
            "appId": data["appId"] ?? .null, "projectId": data["projectId"] ?? .null,
            "projectName": data["projectName"] ?? .null, "reviewId": .null,
            "model": data["model"] ?? .null, "reasoningEffort": data["reasoningEffort"] ?? .null,
            "permission": data["permission"] ?? .string("read_only"),
            "permittedBranches": data["permittedBranches"] ?? .array([]),
            "createdAt": .int(job.createdAt.unixMilliseconds), "updatedAt": .int(job.updatedAt.unixMilliseconds),
            "completedAt": data[AgentField.completedAt] ?? .null, "lastError": data[AgentField.lastError] ?? .null,
            "lifecycle": lifecycle(job),
        ]
        if let historyLimit {
            let items = data[AgentField.history].flatMap(array) ?? []
            object["history"] = .array(Array(items.suffix(historyLimit)))
        }
        return .object(object)
    }

    /// `{conversationState, sandboxState, queuedTurnCount, lastLifecycleEventAt}`, kept by the hooks.
    static func lifecycle(_ job: Job) -> JSONValue {
        .object([
            "conversationState": job.data[AgentField.conversationState] ?? .string("ready"),
            "sandboxState": job.data[AgentField.sandboxState] ?? .string("none"),
            "queuedTurnCount": .int(queuedTurnCount(job)),
            "lastLifecycleEventAt": job.data[AgentField.lastLifecycleEventAt] ?? .null,
        ])
    }

    /// Turns waiting to run: the queued turn itself while `queued`, plus follow-ups queued behind.
    static func queuedTurnCount(_ job: Job) -> Int64 {
        let behind = int(job.data[AgentField.queuedTurns]) ?? 0
        return behind + (job.state == "queued" ? 1 : 0)
    }

    static func int(_ value: JSONValue?) -> Int64? {
        if case .int(let number)? = value { return number }
        return nil
    }

    static func array(_ value: JSONValue) -> [JSONValue]? {
        if case .array(let items) = value { return items }
        return nil
    }

    static func historyID(agentID: String, sequence: Int64) -> String {
        "msg_" + String(StableHash.fnv1a64(parts: [agentID, String(sequence)]), radix: 36)
    }

    /// Appends a history item `{id, sequence, role, content, toolName, toolParameters, attachments, createdAt}`.
    static func appendHistory(to data: inout [String: JSONValue], agentID: String, role: String, content: String?,
                              toolName: String? = nil, toolParameters: JSONValue? = nil, at: Timestamp) {
        var items = data[AgentField.history].flatMap(array) ?? []
        let sequence = Int64(items.count + 1)
        let id = historyID(agentID: agentID, sequence: sequence)
        items.append(.object([
            "id": .string(id), "sequence": .int(sequence), "role": .string(role),
            "content": content.map(JSONValue.string) ?? .null, "toolName": toolName.map(JSONValue.string) ?? .null,
            "toolParameters": toolParameters ?? .null, "attachments": .array([]),
            "createdAt": .int(at.unixMilliseconds),
        ]))
        data[AgentField.history] = .array(items)
    }
}
