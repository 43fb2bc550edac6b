import Engine
import JSON

/// Keeps a branch's progress log: every step the agent enters adds `{at, state, step, message?}`
/// (and the error of a failing final step) to `progress`, which the editor page and the admin API
/// show. The engine keeps only the latest `message`; a user watching the agent wants the whole story.
struct BranchHooks: LifecycleHooks {
    func entered(_ entry: StepEntry, job: inout Job, context: inout HookContext) {
        var item: [String: JSONValue] = ["at": .string(entry.at.iso8601), "state": .string(entry.state),
                                         "step": .string(entry.step)]
        // The engine copies a step's `message` into the document before calling us (docs/ENGINE.md).
        // We move it into the log, so the next step without a message does not repeat this one; the
        // step's effects themselves are Scenarios types, which a service does not import.
        if let message = job.data.removeValue(forKey: "message") { item["message"] = message }
        if entry.isTerminal, let error = job.data["error"] { item["error"] = error }
        var progress: [JSONValue] = []
        if case .array(let earlier)? = job.data["progress"] { progress = earlier }
        progress.append(.object(item))
        job.data["progress"] = .array(progress)
        if entry.isTerminal { job.data["finishedAt"] = .string(entry.at.iso8601) }
    }
}
