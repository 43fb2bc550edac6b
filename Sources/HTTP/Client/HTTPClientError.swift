/// Why an `HTTPClient` exchange produced no response.
public enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The exchange phase a timeout or failure happened in.
    public enum Phase: String, Sendable {
        case connect, send, receive
    }

    case invalidAddress(String)
    /// The connection could not be established (refused, unreachable…).
    case connectFailed(SocketError)
    case timedOut(Phase)
    /// The connection failed after it was established (a reset shows up here).
    case io(Phase, SocketError)
    /// The server closed the connection before the response was complete.
    case closedEarly(receivedBytes: Int)
    case malformedResponse(String)
    case responseTooLarge(limit: Int)
    case cancelled

    public var description: String {
        switch self {
        case .invalidAddress(let host): "invalid address \(host)"
        case .connectFailed(let error): "connect failed: \(error)"
        case .timedOut(let phase): "timed out during \(phase.rawValue)"
        case let .io(phase, error): "\(phase.rawValue) failed: \(error)"
        case .closedEarly(let received): "connection closed before the response was complete (\(received) bytes received)"
        case .malformedResponse(let reason): "malformed response: \(reason)"
        case .responseTooLarge(let limit): "response larger than \(limit) bytes"
        case .cancelled: "cancelled"
        }
    }
}
