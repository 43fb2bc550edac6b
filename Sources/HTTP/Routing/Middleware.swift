/// A cross-cutting step around the responder (logging, namespaces, journal, faults): it may
/// answer itself or call `next`.
public protocol HTTPMiddleware: Sendable {
    func handle(_ request: HTTPRequest, next: any HTTPResponder) async -> HTTPResponse
}

/// Middlewares in order (the first sees the request first) around a responder.
public struct MiddlewareChain: HTTPResponder {
    private let entry: any HTTPResponder

    public init(_ middlewares: [any HTTPMiddleware], responder: any HTTPResponder) {
        // Composed once here, so a request walks prebuilt links rather than an index.
        var next = responder
        for middleware in middlewares.reversed() {
            next = Link(middleware: middleware, next: next)
        }
        entry = next
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        await entry.respond(to: request)
    }

    private struct Link: HTTPResponder {
        let middleware: any HTTPMiddleware
        let next: any HTTPResponder
        func respond(to request: HTTPRequest) async -> HTTPResponse {
            await middleware.handle(request, next: next)
        }
    }
}
