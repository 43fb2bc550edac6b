import HTTP
import JSON

/// What an act sees of the resource it follows after each move of the clock.
struct Observation: Sendable {
    var state: String
    /// One line about the state (the API's message, an error, a URL).
    var detail: String?
    var terminal: Bool
    /// Questions the emulated builder is asking now (reported once per state change).
    var questions: [String] = []
    /// What the demo does instead of moving the clock (answer, approve); returns the line to report.
    var respond: (@Sendable () async throws -> String)?
    var fields: [String: JSONValue] = [:]
}

/// The tools an act uses: its client, the timeline, the webhook receiver, and the clock moves.
struct ActContext: Sendable {
    let client: DemoClient
    let act: String
    let emit: @Sendable (DemoEvent) -> Void
    let receiver: WebhookReceiver
    let webhookPort: Int

    func emit(_ kind: DemoEvent.Kind, at: String?, _ text: String, _ fields: [String: JSONValue] = [:]) {
        emit(DemoEvent(act: act, kind: kind, at: at, text: text, fields: fields))
    }

    /// Clears the namespace (jobs, clock, pins) so a tour starts from the clock's start every time.
    func reset(_ namespace: String) async throws -> String {
        _ = try await client.expectSuccess(.post, "/__admin/reset?namespace=\(namespace)")
        let clock = try await client.expectSuccess(.get, "/__admin/clock?namespace=\(namespace)")
        guard clock["mode"]?.stringValue == "manual" else {
            throw DemoError.unexpected("the demo needs a server on the manual clock (serve --clock manual)")
        }
        return clock["now"]?.stringValue ?? ""
    }

    /// Moves the namespace's clock to its next due job and returns the new time, or nil when nothing
    /// is due (the job is waiting for something only the user can do, or everything is finished).
    func advanceToNextDue(_ namespace: String) async throws -> String? {
        let schedule = try await client.expectSuccess(.get, "/__admin/schedule?namespace=\(namespace)&limit=1")
        guard case .array(let upcoming)? = schedule["upcoming"], let next = upcoming.first?["due_at"]?.stringValue else {
            return nil
        }
        let moved = try await client.expectSuccess(.post, "/__admin/clock/advance?namespace=\(namespace)",
                                                   json: .object(["to": .string(next)]))
        return moved["clock"]?["now"]?.stringValue
    }

    /// Follows one resource to its end state: report each new state (and its questions), respond
    /// when it asks, else move the clock to the next due job. Returns the final observation.
    @discardableResult
    func follow(namespace: String, startingAt start: String, maxSteps: Int = 80,
                observe: @Sendable () async throws -> Observation) async throws -> (Observation, String) {
        var now = start
        var lastState: String?
        for _ in 0..<maxSteps {
            let seen = try await observe()
            if seen.state != lastState {
                emit(.state, at: now, seen.detail.map { "\(seen.state) — \($0)" } ?? seen.state,
                     seen.fields.merging(["state": .string(seen.state)]) { new, _ in new })
                for question in seen.questions { emit(.question, at: now, question) }
                lastState = seen.state
            }
            reportWebhooks(at: now)
            if seen.terminal { return (seen, now) }
            if let respond = seen.respond {
                emit(.answer, at: now, try await respond())
                lastState = nil
                continue
            }
            guard let moved = try await advanceToNextDue(namespace) else {
                throw DemoError.stuck("\(act) stays \(seen.state) with nothing due")
            }
            now = moved
        }
        throw DemoError.stuck("\(act) did not finish within \(maxSteps) clock moves")
    }

    /// Runs the namespace's remaining due work (webhook deliveries and their retries) to the end.
    func drain(namespace: String, from start: String, maxSteps: Int = 20) async throws -> String {
        var now = start
        for _ in 0..<maxSteps {
            reportWebhooks(at: now)
            guard let moved = try await advanceToNextDue(namespace) else { return now }
            now = moved
        }
        reportWebhooks(at: now)
        return now
    }

    func reportWebhooks(at now: String) {
        for delivery in receiver.drain() {
            emit(.webhook, at: now,
                 "webhook \(delivery.event) received (attempt \(delivery.attempt), \(delivery.signed ? "signed" : "unsigned"))",
                 ["event": .string(delivery.event), "attempt": .string(delivery.attempt), "signed": .bool(delivery.signed)])
        }
    }
}
