import Engine
import JSON

/// A builder job's document and how it renders: the Builder object of seed 003 plus the inferred
/// `status`, with runtime and cost computed at the namespace's now.
///
/// Runtime is stored as a sum: `runtime_ms` accrued by finished runs, plus the current run from
/// `running_since_ms`. Auto-stop (`auto_stop_interval` idle minutes, inferred unit) is computed at read
/// time from `last_activity_ms`, so a poll at T sees the builder as it is at T without a timer per
/// builder; the next write on the builder records the stop (`BuilderRoutes.settle`).
enum BuilderDocument {
    static let service = "builderagents"
    static let kind = "builder"

    /// The run as it stands at `now`.
    struct Run: Sendable, Hashable {
        var isRunning: Bool
        var runtimeMs: Int64
        /// When an idle builder stopped itself, if it has and the stop is not stored yet.
        var autoStoppedAt: Int64?
    }

    static func int(_ data: [String: JSONValue], _ key: String) -> Int64? {
        switch data[key] {
        case .int(let value)?: value
        case .double(let value)?: Int64(value)
        default: nil
        }
    }

    /// When the current run stops by itself for idleness, if it does.
    static func autoStopAt(_ data: [String: JSONValue]) -> Int64? {
        guard let since = int(data, "running_since_ms"), let interval = int(data, "auto_stop_interval"), interval > 0 else {
            return nil
        }
        return max(since, int(data, "last_activity_ms") ?? since) + interval * 60_000
    }

    static func run(_ job: Job, at now: Timestamp) -> Run {
        let accrued = int(job.data, "runtime_ms") ?? 0
        guard job.state == "running", let since = int(job.data, "running_since_ms") else {
            return Run(isRunning: false, runtimeMs: accrued, autoStoppedAt: nil)
        }
        if let stopAt = autoStopAt(job.data), stopAt <= now.unixMilliseconds {
            return Run(isRunning: false, runtimeMs: accrued + max(0, stopAt - since), autoStoppedAt: stopAt)
        }
        return Run(isRunning: true, runtimeMs: accrued + max(0, now.unixMilliseconds - since), autoStoppedAt: nil)
    }

    /// Folds the current run into `runtime_ms` at `at` (or at the auto-stop, if that came first).
    static func endRun(_ data: inout [String: JSONValue], at: Int64) {
        guard let since = int(data, "running_since_ms") else { return }
        let end = min(at, autoStopAt(data) ?? at)
        data["runtime_ms"] = .int((int(data, "runtime_ms") ?? 0) + max(0, end - since))
        data["running_since_ms"] = .null
    }

    static func appendLog(_ data: inout [String: JSONValue], at: Timestamp, _ line: String) {
        var logs: [JSONValue] = []
        if case .array(let existing)? = data["logs"] { logs = existing }
        logs.append(.string("\(at.iso8601) \(line)"))
        // Bounded: a builder started and stopped all day must not grow without limit.
        if logs.count > 500 { logs.removeFirst(logs.count - 500) }
        data["logs"] = .array(logs)
    }

    /// The Builder object (API.md §A) at `now`.
    static func render(_ job: Job, now: Timestamp) -> JSONValue {
        let data = job.data
        let run = Self.run(job, at: now)
        let resources = data["resources"]?.objectValue ?? [:]
        let rate = BuilderSpec.rateTenThousandths(cpu: int(resources, "cpu") ?? 1, memory: int(resources, "memory") ?? 1,
                                                  disk: int(resources, "disk") ?? 3)
        // Integer arithmetic so 0.1965 × 1.5 h gives 0.29 exactly as the seed does, with no binary
        // rounding at the half cent: cents = round(rate[1e-4 EUR/h] × ms / 3.6e6 / 100).
        let cents = (rate * run.runtimeMs + 180_000_000) / 360_000_000
        let hours = Double((run.runtimeMs + 180) / 360) / 10_000
        return .object([
            "uuid": .string(job.id),
            "name": data["name"] ?? .null,
            "status": .string(run.isRunning ? "running" : "stopped"),
            "preview_url": data["preview_url"] ?? .null,
            "service_token": data["service_token"] ?? .null,
            "entrypoint": data["entrypoint"] ?? .null,
            "port": data["port"] ?? .int(8000),
            "auto_stop_interval": data["auto_stop_interval"] ?? .int(0),
            "backup_interval_hours": data["backup_interval_hours"] ?? .int(0),
            "review_passed": data["review_passed"] ?? .bool(false),
            "qa_passed": data["qa_passed"] ?? .bool(false),
            "cost": .object([
                "currency": "EUR",
                "hourly_rate": .double(Double(rate) / 10_000),
                "runtime_hours": .double(hours),
                "cost": .double(Double(cents) / 100),
            ]),
            "created_at": .string(mihuDate(job.createdAt)),
        ])
    }
}

/// Seed 003 shows whole seconds (`2023-11-07T05:31:56Z`); the engine's form carries milliseconds.
func mihuDate(_ timestamp: Timestamp) -> String {
    timestamp.iso8601Seconds
}
