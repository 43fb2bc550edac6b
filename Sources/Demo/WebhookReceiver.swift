import HTTP
import JSON
import Logging
import Synchronization

/// A loopback HTTP server that records the webhooks buildermock sends during the demo, so the
/// timeline can show each delivery as the receiver saw it. Answers 200 to everything.
final class WebhookReceiver: Sendable {
    /// One POST as it arrived.
    struct Delivery: Sendable {
        var event: String
        var attempt: String
        var signed: Bool
        var status: String?
    }

    private let server: HTTPServer
    private let box: ReceivedBox

    init() {
        var logger = Logger(label: "buildermock.demo.receiver")
        logger.logLevel = .critical
        // The responder needs the list before `self` exists, so it shares a box with the receiver.
        let box = ReceivedBox()
        server = HTTPServer(configuration: ServerConfiguration(host: "127.0.0.1", port: 0),
                            responder: ClosureResponder { request in
                                box.append(Delivery(event: request.headers["X-Buildermock-Event"] ?? "?",
                                                    attempt: request.headers["X-Buildermock-Attempt"] ?? "?",
                                                    signed: request.headers["X-Buildermock-Signature"]?.hasPrefix("sha256=") ?? false,
                                                    status: JSONValue.parse(request.body)?["status"]?.stringValue))
                                return .json(.ok, "{}")
                            },
                            logger: logger)
        self.box = box
    }

    /// Binds an ephemeral loopback port and returns it.
    func start() throws -> Int { try server.start() }

    func stop() async { await server.shutdown() }

    /// Deliveries received since the last call, oldest first.
    func drain() -> [Delivery] { box.drain() }
}

/// The receiver's list of deliveries, shared between its responder and its owner.
final class ReceivedBox: Sendable {
    private let items = Mutex<[WebhookReceiver.Delivery]>([])
    func append(_ delivery: WebhookReceiver.Delivery) { items.withLock { $0.append(delivery) } }
    func drain() -> [WebhookReceiver.Delivery] { items.withLock { items in defer { items = [] }; return items } }
}
