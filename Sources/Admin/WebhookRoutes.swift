public import HTTP
public import Engine
import JSON

/// `/__admin/webhooks`: the completion-webhook deliveries of a namespace with every attempt, the
/// namespace's signing secret, and redelivery.
public struct WebhookRoutes: Sendable {
    let engine: Engine

    public init(engine: Engine) {
        self.engine = engine
    }

    public func register(on router: inout Router) {
        router.add(.get, "/__admin/webhooks") { request in
            let namespace = try AdminRoutes.namespace(request)
            let limit = try AdminRoutes.intQuery(request, "limit", default: 50, range: 1...500)
            let offset = try AdminRoutes.intQuery(request, "offset", default: 0, range: 0...Int.max)
            let page = try await AdminRoutes.engineCall {
                try await engine.webhookDeliveries(namespace: namespace, state: request.queryValue("state"),
                                                   limit: limit, offset: offset)
            }
            return AdminRoutes.json(.ok, .object([
                "namespace": .string(namespace), "total": .int(Int64(page.total)),
                "deliveries": .array(page.jobs.map(Engine.webhookDeliveryJSON)),
            ]))
        }
        router.add(.get, "/__admin/webhooks/secret") { request in
            let namespace = try AdminRoutes.namespace(request)
            return AdminRoutes.json(.ok, .object([
                "namespace": .string(namespace), "secret": .string(engine.webhookSecret(namespace: namespace)),
                "header": .string(Engine.webhookSignatureHeader), "algorithm": "HMAC-SHA256",
                "format": "sha256=<lowercase hex of HMAC-SHA256(secret, raw request body)>",
                "allowedHosts": .array((["loopback"] + engine.webhooks.allowedHosts).map(JSONValue.string)),
            ]))
        }
        router.add(.get, "/__admin/webhooks/:id") { request in
            let namespace = try AdminRoutes.namespace(request)
            let id = request.pathParameters["id"] ?? ""
            guard let job = try await AdminRoutes.engineCall({ try await engine.job(id: id, namespace: namespace) }),
                  job.kind == "webhook" else {
                throw AdminError(.notFound, "not_found", "no webhook delivery \(id) in namespace \(namespace)")
            }
            return AdminRoutes.json(.ok, Engine.webhookDeliveryJSON(job))
        }
        router.add(.post, "/__admin/webhooks/:id/redeliver") { request in
            let namespace = try AdminRoutes.namespace(request)
            let id = request.pathParameters["id"] ?? ""
            let job = try await AdminRoutes.engineCall { try await engine.redeliverWebhook(id: id, namespace: namespace) }
            return AdminRoutes.json(.ok, Engine.webhookDeliveryJSON(job))
        }
    }
}
