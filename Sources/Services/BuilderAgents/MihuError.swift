import HTTP
import JSON

/// An error in the Mihu platform's documented shape (API.md §A):
/// `{"success": false, "message", "error": {"code", "details", "field"?}}`, `field` only on
/// validation errors.
struct MihuError: HTTPResponseError, Sendable {
    var status: HTTPStatus
    var code: String
    var message: String
    var details: String
    var field: String?

    init(_ status: HTTPStatus, code: String, message: String, details: String, field: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.field = field
    }

    var json: JSONValue {
        var error: [String: JSONValue] = ["code": .string(code), "details": .string(details)]
        if let field { error["field"] = .string(field) }
        return .object(["success": false, "message": .string(message), "error": .object(error)])
    }

    var response: HTTPResponse { .json(status, bytes: json.serializedBytes()) }

    // MARK: The documented and inferred cases

    /// Documented body for a request without `Authorization`.
    static let missingToken = MihuError(.unauthorized, code: "MISSING_AUTH_TOKEN", message: "Authentication required",
                                        details: "No authorization header provided")

    /// Documented code and message; the details are ours.
    static let invalidToken = MihuError(.unauthorized, code: "INVALID_AUTH_TOKEN", message: "Invalid authentication token",
                                        details: "The Authorization header must be \"Bearer <token>\" with a non-empty token")

    static func validation(_ field: String, _ details: String) -> MihuError {
        MihuError(.unprocessableContent, code: "VALIDATION_ERROR", message: "Validation failed", details: details, field: field)
    }

    static func invalidJSON(_ details: String = "The request body is not valid JSON") -> MihuError {
        MihuError(.badRequest, code: "INVALID_JSON", message: "Malformed request", details: details)
    }

    static func notFound(_ what: String, _ uuid: String) -> MihuError {
        MihuError(.notFound, code: "NOT_FOUND", message: "\(what) not found", details: "No \(what.lowercased()) with uuid \(uuid)")
    }

    static func invalidState(_ details: String) -> MihuError {
        MihuError(.conflict, code: "INVALID_STATE", message: "This action is not allowed in the current state", details: details)
    }

    /// Router-level 404/405 under our prefixes, in our shape.
    static func routing(_ status: HTTPStatus, _ message: String) -> MihuError {
        switch status.code {
        case 404: MihuError(status, code: "NOT_FOUND", message: "Not found", details: message)
        case 405: MihuError(status, code: "METHOD_NOT_ALLOWED", message: "Method not allowed", details: message)
        // Any other status reaches here from an injected fault (`status`): name it after the status.
        default:
            MihuError(status, code: status.reason.uppercased().split(separator: " ").joined(separator: "_"),
                      message: status.reason, details: message)
        }
    }

    static func internalError(_ details: String) -> MihuError {
        MihuError(.internalServerError, code: "INTERNAL_ERROR", message: "Internal server error", details: details)
    }
}
