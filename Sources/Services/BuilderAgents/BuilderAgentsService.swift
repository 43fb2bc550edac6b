public import Engine
public import HTTP
public import Logging
import JSON

/// Settings of this emulated API that `buildermock serve` flags control.
public struct BuilderAgentsSettings: Sendable {
    /// Reserved for stricter validation modes.
    public var strict = false
    public init() {}
}

/// The Mihu AI API (seeds 000 and 003): build conversations and the builders they deploy, over the
/// engine's jobs (`builderagents/conversation`, `builderagents/builder`) and namespace clocks.
public struct BuilderAgentsService: Sendable {
    let engine: Engine
    let settings: BuilderAgentsSettings
    let logger: Logger

    /// Registers the lifecycle hooks at once, so they are in place before the first request.
    public init(engine: Engine, settings: BuilderAgentsSettings, logger: Logger) {
        self.engine = engine
        self.settings = settings
        self.logger = logger
        engine.register(ConversationHooks(), service: ConversationHooks.service, kind: ConversationHooks.kind)
        engine.register(BuilderHooks(), service: BuilderDocument.service, kind: BuilderDocument.kind)
    }

    public func register(on router: inout Router) {
        for prefix in [ConversationRoutes.path, BuilderRoutes.path, PreviewPage.prefix] {
            router.setErrorRenderer(forPrefix: prefix) { status, _, message in MihuError.routing(status, message).response }
        }
        ConversationRoutes(engine: engine).register(on: &router)
        BuilderRoutes(engine: engine).register(on: &router)
        let engine = self.engine
        router.add(.get, PreviewPage.prefix + "/:namespace/:uuid") { request in
            let namespace = request.pathParameters["namespace"] ?? ""
            let uuid = request.pathParameters["uuid"] ?? ""
            guard NamespaceResolver.isValid(namespace) else {
                return HTTPResponse(status: .notFound, contentType: "text/html; charset=utf-8", text: PreviewPage.notFound(uuid))
            }
            let now = engine.now(namespace: namespace)
            var response: HTTPResponse
            if let job = try await engine.job(id: uuid, namespace: namespace), job.kind == BuilderDocument.kind {
                response = HTTPResponse(contentType: "text/html; charset=utf-8", text: PreviewPage.html(builder: job, now: now))
            } else {
                response = HTTPResponse(status: .notFound, contentType: "text/html; charset=utf-8", text: PreviewPage.notFound(uuid))
            }
            response.headers.set("Date", now.httpDate)
            return response
        }
    }
}
