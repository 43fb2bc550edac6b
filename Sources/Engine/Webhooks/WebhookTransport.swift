import HTTP

/// One signed POST the dispatcher wants made.
public struct WebhookRequest: Sendable {
    public var target: WebhookTarget
    /// In the order they are sent.
    public var headers: [WebhookHeader]
    public var body: [UInt8]
    /// Real seconds the whole exchange may take (network time is never virtual).
    public var timeoutSeconds: Double
}

/// A header field of an outgoing webhook.
public struct WebhookHeader: Sendable, Hashable {
    public var name: String
    public var value: String
}

/// What one attempt produced: a status from the receiver, or no response at all.
public enum WebhookAttemptResult: Sendable, Hashable {
    case response(status: Int)
    case failure(String)

    /// 2xx is success (the vendor documents "non-2xx triggers retries").
    public var isSuccess: Bool {
        if case .response(let status) = self { return (200..<300).contains(status) }
        return false
    }
}

/// Carries webhook requests to receivers. The engine's default goes over the network with our
/// `HTTPClient`; tests of the engine alone substitute one that records requests.
public protocol WebhookTransport: Sendable {
    func post(_ request: WebhookRequest) async -> WebhookAttemptResult
}

/// The network transport: one connection per attempt, `Connection: close`.
public struct HTTPWebhookTransport: WebhookTransport {
    let client = HTTPClient(connectTimeout: 5, maxResponseBytes: 1 << 20, userAgent: "buildermock-webhooks/1")

    public init() {}

    public func post(_ request: WebhookRequest) async -> WebhookAttemptResult {
        var headers = HTTPHeaders()
        for header in request.headers { headers.add(header.name, header.value) }
        let message = ClientRequest(method: .post, target: request.target.requestTarget, headers: headers, body: request.body)
        do {
            let response = try await client.send(message, to: request.target.host, port: request.target.port,
                                                 timeout: request.timeoutSeconds)
            return .response(status: response.status.code)
        } catch {
            return .failure("\(error)")
        }
    }
}
