import Engine
import JSON

/// A builder job's bookkeeping as it enters steps: links and secrets at creation, runtime accrual
/// on every start and stop, and a log line for each (what `GET …/logs` shows).
struct BuilderHooks: LifecycleHooks {
    func entered(_ entry: StepEntry, job: inout Job, context: inout HookContext) {
        let at = entry.at.unixMilliseconds
        if entry.trigger == "create" {
            // Both the token and the preview link are functions of the id, so they survive restarts and
            // replay byte for byte.
            job.data["service_token"] = .string("mst_" + IDGenerator.hexToken(
                stream: "mihu/service-token", seed: context.seed, namespace: job.namespace,
                counter: StableHash.fnv1a64(job.id), length: 32))
            job.data["preview_url"] = .string(PreviewPage.url(base: context.publicURL, namespace: job.namespace, uuid: job.id))
            job.data["runtime_ms"] = .int(0)
            let files = job.data["files"]?.objectValue ?? [:]
            if files["requirements.txt"] != nil {
                BuilderDocument.appendLog(&job.data, at: entry.at, "Installing requirements.txt with pip")
            }
        }
        switch entry.state {
        case "running":
            job.data["running_since_ms"] = .int(at)
            job.data["last_activity_ms"] = .int(at)
            let entrypoint = job.data["entrypoint"]?.stringValue ?? ""
            let port = BuilderDocument.int(job.data, "port") ?? 8000
            BuilderDocument.appendLog(&job.data, at: entry.at, "Starting: \(entrypoint)")
            BuilderDocument.appendLog(&job.data, at: entry.at, "Listening on 0.0.0.0:\(port)")
        case "stopped":
            if let stopAt = BuilderDocument.autoStopAt(job.data), stopAt < at {
                let minutes = BuilderDocument.int(job.data, "auto_stop_interval") ?? 0
                BuilderDocument.appendLog(&job.data, at: Timestamp(unixMilliseconds: stopAt),
                                          "Stopped after \(minutes) idle minutes (auto-stop)")
            } else if entry.trigger == "timer" {
                BuilderDocument.appendLog(&job.data, at: entry.at, job.data["message"]?.stringValue ?? "Run finished")
            } else {
                BuilderDocument.appendLog(&job.data, at: entry.at, "Stopped on request")
            }
            BuilderDocument.endRun(&job.data, at: at)
        default:
            break
        }
    }
}
