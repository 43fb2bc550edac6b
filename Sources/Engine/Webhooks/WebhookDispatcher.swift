import Synchronization

/// The engine's outbound side for webhook deliveries: which hosts may be called, how requests are
/// carried, and which attempts are in flight in this process.
///
/// Deliveries are ordinary jobs (`<service>/webhook`). Their scenario's `delivering` step emits
/// `attempt` and waits for `delivered`/`failed`; the hook marks the job with a pending attempt and
/// its virtual due time. The engine's due-work loop (`runDue`, used by clock advances, run-until and
/// the real-clock scheduler) calls the dispatcher after each committed batch: it claims due attempts
/// here (in memory, so a concurrent loop never sends one twice), sends them outside any transaction,
/// and records each outcome as an event at the attempt's due time, which moves the job to
/// `delivered`, `retrying` (timer = backoff) or `failed`.
public final class WebhookDispatcher: Sendable {
    private let transportBox = Mutex<any WebhookTransport>(HTTPWebhookTransport())
    private let allowBox = Mutex<[String]>([])
    /// `jobID#attempt` of attempts being sent now. A crash forgets them, so their jobs are attempted
    /// again after a restart (at-least-once, as webhooks are everywhere).
    private let inFlight = Mutex<Set<String>>([])

    init() {}

    /// Replaces how requests are carried (tests of the engine alone).
    public func use(_ transport: any WebhookTransport) { transportBox.withLock { $0 = transport } }

    var transport: any WebhookTransport { transportBox.withLock { $0 } }

    /// Widens the SSRF guard to these hosts, beyond loopback (`--webhook-allow`).
    public func allow(hosts: [String]) {
        allowBox.withLock { list in
            for host in hosts where !list.contains(host.lowercased()) { list.append(host.lowercased()) }
        }
    }

    public var allowedHosts: [String] { allowBox.withLock { $0 } }

    /// Parses `url` and checks it against loopback and the allow list.
    public func validate(_ url: String) throws(WebhookTarget.Problem) -> WebhookTarget {
        try WebhookTarget.validate(url, allow: allowedHosts)
    }

    func claim(_ key: String) -> Bool { inFlight.withLock { $0.insert(key).inserted } }
    func release(_ key: String) { _ = inFlight.withLock { $0.remove(key) } }
}
