import JSON
import Engine

/// What an agent run does on entering each step: lifecycle fields per API.md's inferred mapping,
/// deterministic history for the turn, the completion webhook at a terminal state.
struct AgentHooks: LifecycleHooks {
    func entered(_ entry: StepEntry, job: inout Job, context: inout HookContext) {
        let at = entry.at
        job.data[AgentField.lastLifecycleEventAt] = .int(at.unixMilliseconds)
        if entry.trigger == "create" {
            // The service wrote the user's prompt before the id existed: give it its stable id now.
            let items = job.data[AgentField.history].flatMap(AgentDocument.array) ?? []
            job.data[AgentField.history] = .array(items.enumerated().map { index, item in
                guard case .object(var fields) = item else { return item }
                fields["id"] = .string(AgentDocument.historyID(agentID: job.id, sequence: Int64(index + 1)))
                return .object(fields)
            })
        }
        switch entry.state {
        case "queued":
            if entry.fromState == "running" {
                // The running turn finished and a follow-up was waiting behind it: it starts now.
                let behind = max((AgentDocument.int(job.data[AgentField.queuedTurns]) ?? 0) - 1, 0)
                job.data[AgentField.queuedTurns] = .int(behind)
                setQueuedFlag(&job, behind > 0)
                job.data[AgentField.turn] = .int((AgentDocument.int(job.data[AgentField.turn]) ?? 1) + 1)
                var prompts = job.data["pendingPrompts"].flatMap(AgentDocument.array) ?? []
                if !prompts.isEmpty { job.data["currentPrompt"] = prompts.removeFirst() }
                job.data["pendingPrompts"] = .array(prompts)
            }
            job.data[AgentField.conversationState] = .string("ready")
            // Inferred: a fresh sandbox is provisioned; one that was online before is booted again.
            job.data[AgentField.sandboxState] = .string(job.data[AgentField.sandboxWasOnline] == .bool(true) ? "booting" : "provisioning")
            job.data[AgentField.completedAt] = .null
            job.data[AgentField.lastError] = .null
            job.data["error"] = nil
        case "running":
            job.data[AgentField.conversationState] = .string("running_turn")
            job.data[AgentField.sandboxState] = .string("online")
            job.data[AgentField.sandboxWasOnline] = .bool(true)
            runTurn(&job, at: at)
        case "completed":
            job.data[AgentField.conversationState] = .string("ready")
            job.data[AgentField.sandboxState] = .string("paused")
            job.data[AgentField.completedAt] = .int(at.unixMilliseconds)
            job.data[AgentField.lastError] = .null
            let summary = job.data["message"]?.stringValue ?? "Done."
            let prompt = currentPrompt(job)
            AgentDocument.appendHistory(to: &job.data, agentID: job.id, role: "assistant",
                                        content: "\(summary) You asked: \u{201C}\(Self.excerpt(prompt, 120))\u{201D}. "
                                            + answer(for: job, prompt: prompt), at: at)
        case "error":
            job.data[AgentField.conversationState] = .string("errored")
            job.data[AgentField.sandboxState] = .string("dead")
            job.data[AgentField.completedAt] = .int(at.unixMilliseconds)
            let message = job.data["error"]?[path: "message"]?.stringValue ?? "The run failed."
            job.data[AgentField.lastError] = .string(message)
            // Turns queued behind a failed run are dropped with it (inferred).
            job.data[AgentField.queuedTurns] = .int(0)
            setQueuedFlag(&job, false)
            AgentDocument.appendHistory(to: &job.data, agentID: job.id, role: "error", content: message, at: at)
        default:
            break
        }
        if entry.isTerminal, entry.emits.contains("completion"),
           let url = job.data["completionWebhookUrl"]?.stringValue {
            let payload = AgentDocument.render(job, historyLimit: nil)
            context.spawn(.webhookDelivery(for: job, url: url, event: "agent.\(entry.state)", payload: payload,
                                           simulate: job.data["webhookSimulate"]?.stringValue))
        }
    }

    /// Scenario routes read `request.hasQueuedTurn` to start the next turn instead of finishing.
    private func setQueuedFlag(_ job: inout Job, _ value: Bool) {
        guard var request = job.request.objectValue else { return }
        request["hasQueuedTurn"] = .bool(value)
        job.request = .object(request)
    }

    private func currentPrompt(_ job: Job) -> String {
        job.data["currentPrompt"]?.stringValue ?? job.request[path: "prompt"]?.stringValue ?? ""
    }

    /// Thinking and tool calls for the turn, chosen from a hash of the prompt: same prompt, same run.
    private func runTurn(_ job: inout Job, at: Timestamp) {
        let prompt = currentPrompt(job)
        let appId = job.data["appId"]?.stringValue ?? ""
        let plan = job.data["message"]?.stringValue ?? "Working on the request"
        AgentDocument.appendHistory(to: &job.data, agentID: job.id, role: "thinking",
                                    content: "\(plan). The user wants: \(Self.excerpt(prompt, 160))", at: at)
        let hash = StableHash.fnv1a64(prompt)
        let words = prompt.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(4).joined(separator: " ")
        let tools: [(String, JSONValue)] = [
            ("get_app_overview", .object(["appId": .string(appId)])),
            ("list_data_types", .object(["appId": .string(appId)])),
            ("search_workflows", .object(["appId": .string(appId), "query": .string(words)])),
            ("read_page", .object(["appId": .string(appId), "page": .string(hash % 2 == 0 ? "index" : "dashboard")])),
        ]
        // Always the overview, then two of the other three, picked by the hash.
        let skipped = Int(hash % 3) + 1
        for (index, tool) in tools.enumerated() where index != skipped {
            AgentDocument.appendHistory(to: &job.data, agentID: job.id, role: "tool", content: nil,
                                        toolName: tool.0, toolParameters: tool.1, at: at)
        }
        if job.data["permission"]?.stringValue == "allow_edits" {
            // Edits land only on a permitted branch; with no restriction, on the development version.
            let branches = job.data["permittedBranches"].flatMap(AgentDocument.array)?.compactMap(\.stringValue) ?? []
            let branch = branches.first ?? "test"
            let edit: JSONValue = .object(["appId": .string(appId), "branch": .string(branch),
                                           "change": .string("Update workflow for: \(Self.excerpt(prompt, 60))")])
            AgentDocument.appendHistory(to: &job.data, agentID: job.id, role: "tool", content: nil,
                                        toolName: "apply_edit", toolParameters: edit, at: at)
            var edits = job.data[AgentField.edits].flatMap(AgentDocument.array) ?? []
            edits.append(edit)
            job.data[AgentField.edits] = .array(edits)
        }
    }

    private func answer(for job: Job, prompt: String) -> String {
        let name = job.data["projectName"]?.stringValue ?? "the app"
        if job.data["permission"]?.stringValue == "allow_edits" {
            return "I applied the change to \(name) on the permitted branch; review it before deploying."
        }
        return "I only inspected \(name) (read_only): no changes were made."
    }

    static func excerpt(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}
