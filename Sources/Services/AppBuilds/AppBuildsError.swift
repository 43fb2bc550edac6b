public import HTTP

/// An error of the Capwrapper API, rendered in its (inferred) shape
/// `{"error": {"code": "…", "message": "…"}}` with the documented status codes.
public struct AppBuildsError: Error, HTTPResponseError, Sendable, Equatable {
    public var status: HTTPStatus
    public var code: String
    public var message: String
    /// Extra headers (`Retry-After` on 429, `Content-Range` on 416).
    public var headers: HTTPHeaders = [:]
    /// The `Date` header, from the namespace clock when the request had one.
    var date: String?

    public init(_ status: HTTPStatus, code: String, message: String, headers: HTTPHeaders = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public var response: HTTPResponse {
        var headers = self.headers
        if let date { headers.set("Date", date) }
        return .coreError(status, code: code, message: message, headers: headers)
    }

    func dated(_ date: String) -> AppBuildsError {
        var copy = self
        copy.date = date
        return copy
    }

    static func invalid(_ message: String) -> AppBuildsError {
        AppBuildsError(.badRequest, code: "invalid_request", message: message)
    }

    static func invalidField(_ field: String, _ message: String) -> AppBuildsError {
        AppBuildsError(.badRequest, code: "invalid_\(field)", message: message)
    }

    static let malformed = AppBuildsError(.badRequest, code: "malformed_json",
                                          message: "The request body is not valid JSON.")
    static let notAnObject = AppBuildsError(.badRequest, code: "invalid_request",
                                            message: "The request body must be a JSON object.")
    static let unauthorized = AppBuildsError(.unauthorized, code: "unauthorized",
                                             message: "Missing or invalid API key: send `Authorization: Bearer API_KEY`.")

    static func buildNotFound(_ id: String) -> AppBuildsError {
        AppBuildsError(.notFound, code: "not_found", message: "No build with id \"\(id)\".")
    }

    static func deployNotFound(_ id: String) -> AppBuildsError {
        AppBuildsError(.notFound, code: "not_found", message: "No deploy with id \"\(id)\".")
    }
}
