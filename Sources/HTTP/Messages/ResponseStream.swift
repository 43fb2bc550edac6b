/// A response body produced over time (server-sent events): the connection writes each chunk as the
/// producer yields it, framed with chunked transfer coding (close-delimited for an HTTP/1.0 client,
/// which does not know chunked, RFC 9112 §6.1), and closes the connection when the stream finishes.
///
/// The connection stops iterating — which runs the `AsyncStream`'s `onTermination`, where a producer
/// lets go of what it holds — when the client goes away, when the client stops reading for the
/// server's idle timeout, and on graceful shutdown, which ends the body properly (the last chunk)
/// rather than cutting it off. A streamed response is never compressed and never kept alive.
public struct ResponseStream: Sendable {
    public let chunks: AsyncStream<[UInt8]>

    public init(_ chunks: AsyncStream<[UInt8]>) {
        self.chunks = chunks
    }

    /// Ends the stream without reading it, so its producer is released (a HEAD request, a fault, an
    /// in-process caller that does not want the body). A stream nobody reads or discards keeps its
    /// producer alive.
    public func discard() {
        let chunks = self.chunks
        let reader = Task {
            for await _ in chunks {}
        }
        reader.cancel()
    }
}

extension HTTPResponse {
    /// A response whose body is `stream`, written as it comes; see `ResponseStream`.
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], stream: ResponseStream) {
        self.init(status: status, headers: headers)
        self.stream = stream
    }
}
