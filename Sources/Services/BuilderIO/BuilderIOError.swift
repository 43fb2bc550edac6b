import HTTP
import JSON

/// A failure answered in Builder.io's shape, `{"error": "…"}` (API.md §B): the seed lost the example
/// bodies, and Builder.io's own client only passes the status and text through, so one string field
/// is all a caller can rely on.
struct BuilderIOError: HTTPResponseError, Equatable {
    let status: HTTPStatus
    let message: String

    init(_ status: HTTPStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    var response: HTTPResponse {
        .json(status, JSONValue.object(["error": .string(message)]).serialized())
    }

    /// Seed row "Missing or invalid fields."
    static func invalid(_ message: String) -> BuilderIOError { BuilderIOError(.badRequest, message) }
    static func missing(_ field: String) -> BuilderIOError { .invalid("Missing required field: \(field)") }

    /// Seed row "No user identifier provided." (strict auth only; lenient falls back to the owner).
    static let noUserIdentifier = BuilderIOError(.badRequest, "No user identifier provided")
    /// 401: there is no private key to check at all.
    static let missingAuthorization = BuilderIOError(
        .unauthorized, "Missing Authorization header: send Authorization: Bearer bpk-YOUR_PRIVATE_KEY")
    /// Seed row "Invalid private key, mismatched Space, or user not in space."
    static let invalidPrivateKey = BuilderIOError(.forbidden, "Invalid private key")
    static let mismatchedSpace = BuilderIOError(.forbidden, "Private key does not belong to the space in apiKey")
    static let userNotInSpace = BuilderIOError(.forbidden, "User is not a member of this space")
    /// Unknown and foreign projects get the same answer, so a key never learns what other spaces hold.
    static func projectNotInSpace(_ id: String) -> BuilderIOError {
        BuilderIOError(.forbidden, "Project \(id) does not belong to this space")
    }
    /// Seed row "User not found."
    static let userNotFound = BuilderIOError(.notFound, "User not found")
    /// Seed row "Unexpected server error." (storage failures; otherwise only through fault injection).
    static let internalError = BuilderIOError(.internalServerError, "Internal server error")
}

/// A failure of the `/__admin/builderio` routes, in the admin API's shape (the core's error body).
struct BuilderIOAdminError: HTTPResponseError {
    let status: HTTPStatus
    let code: String
    let message: String

    init(_ status: HTTPStatus, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    var response: HTTPResponse { .coreError(status, code: code, message: message) }

    static func invalid(_ message: String) -> BuilderIOAdminError { .init(.badRequest, "invalid_request", message) }
}
