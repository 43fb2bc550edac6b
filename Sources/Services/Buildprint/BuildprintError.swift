public import HTTP

/// An error of the Buildprint API: `{"error": {"code", "message"}}` (the body shape is inferred;
/// the codes are documented).
public struct BuildprintError: HTTPResponseError {
    public let status: HTTPStatus
    public let code: String
    public let message: String

    public init(_ status: HTTPStatus, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public var response: HTTPResponse {
        .coreError(status, code: code, message: message)
    }

    static func invalid(_ message: String) -> BuildprintError { BuildprintError(.badRequest, "invalid_request", message) }
    static let unauthorized = BuildprintError(.unauthorized, "unauthorized",
                                              "Missing or invalid API token: send Authorization: Bearer bp_…")
    static let agentNotFound = BuildprintError(.notFound, "not_found", "Agent not found")
}
