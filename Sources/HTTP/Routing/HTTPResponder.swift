/// Anything that turns a request into a response: the router, a middleware chain, a test double.
/// The server calls it once per request, in order per connection.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) async -> HTTPResponse
}

/// A responder made from a closure.
public struct ClosureResponder: HTTPResponder {
    let body: @Sendable (HTTPRequest) async -> HTTPResponse
    public init(_ body: @escaping @Sendable (HTTPRequest) async -> HTTPResponse) { self.body = body }
    public func respond(to request: HTTPRequest) async -> HTTPResponse { await body(request) }
}

/// An error that knows how it looks on the wire, so each emulated API answers in its own error shape.
public protocol HTTPResponseError: Error {
    var response: HTTPResponse { get }
}
