import Scenarios
import JSON

/// Field names of a delivery job's document, shared by the hooks, the dispatcher and the admin view.
enum DeliveryField {
    static let url = "url"
    static let body = "body"
    static let event = "event"
    static let source = "source"
    static let attempts = "attempts"
    /// Attempts since the delivery was created or last redelivered; the limit applies to these.
    static let seriesAttempts = "seriesAttempts"
    /// `{"number", "dueMs"}` while an attempt waits for the dispatcher.
    static let pending = "pendingAttempt"
    static let settings = "settings"
    /// A scenario's simulated receiver failure (`connection_refused`): attempts fail without a send.
    static let simulate = "simulate"
}

/// The engine's own hooks for delivery jobs: resolve the retry settings, mark attempts for the
/// dispatcher and stretch each retry wait by the backoff.
struct WebhookDeliveryHooks: LifecycleHooks {
    /// Webhook settings of every scenario that declares them, keyed `service/kind/scenario`.
    let settingsByScenario: [String: WebhookSettings]

    func entered(_ entry: StepEntry, job: inout Job, context: inout HookContext) {
        if entry.trigger == "create" {
            let source = job.data[DeliveryField.source]
            let key = ["service", "kind", "scenario"].compactMap { source?[path: $0]?.stringValue }.joined(separator: "/")
            let settings = settingsByScenario[key] ?? WebhookSettings()
            job.data[DeliveryField.settings] = .object([
                "maxAttempts": .int(Int64(settings.maxAttempts)), "backoffMs": .int(settings.backoff.milliseconds),
                "backoffFactor": .int(Int64(settings.backoffFactor)), "maxBackoffMs": .int(settings.maxBackoff.milliseconds),
                "timeoutMs": .int(settings.timeout.milliseconds),
            ])
            job.data[DeliveryField.attempts] = job.data[DeliveryField.attempts] ?? .array([])
            job.data[DeliveryField.seriesAttempts] = .int(0)
        } else if entry.trigger == "event:redeliver" {
            // A redelivery is a fresh series: the limit counts again, and a simulated outage is over.
            job.data[DeliveryField.seriesAttempts] = .int(0)
            job.data[DeliveryField.simulate] = nil
        }
        if entry.effects.emit.contains("attempt") {
            let number = Int64((job.data[DeliveryField.attempts].flatMap(Self.array)?.count ?? 0) + 1)
            job.data[DeliveryField.pending] = .object(["number": .int(number), "dueMs": .int(entry.at.unixMilliseconds)])
        }
        if entry.state == "retrying" {
            let done = Int(Self.int(job.data[DeliveryField.seriesAttempts]) ?? 1)
            job.dueAt = entry.at.adding(milliseconds: Self.settings(job.data).delay(afterAttempt: max(done, 1)).milliseconds)
        }
    }

    static func settings(_ data: [String: JSONValue]) -> WebhookSettings {
        let object = data[DeliveryField.settings]
        var settings = WebhookSettings()
        if let value = int(object?[path: "maxAttempts"]) { settings.maxAttempts = Int(value) }
        if let value = int(object?[path: "backoffMs"]) { settings.backoff = TimeSpan(milliseconds: value) }
        if let value = int(object?[path: "backoffFactor"]) { settings.backoffFactor = Int(value) }
        if let value = int(object?[path: "maxBackoffMs"]) { settings.maxBackoff = TimeSpan(milliseconds: value) }
        if let value = int(object?[path: "timeoutMs"]) { settings.timeout = TimeSpan(milliseconds: value) }
        return settings
    }

    static func int(_ value: JSONValue?) -> Int64? {
        if case .int(let number)? = value { return number }
        return nil
    }

    static func array(_ value: JSONValue) -> [JSONValue]? {
        if case .array(let items) = value { return items }
        return nil
    }
}
