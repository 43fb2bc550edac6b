import Engine
import HTTP
import JSON

/// What every authenticated handler works with: the request, its namespace and the namespace's now.
struct MihuContext: Sendable {
    var request: HTTPRequest
    var namespace: String
    var now: Timestamp
}

/// Authentication, namespaces, bodies and envelopes shared by the conversation and builder routes.
enum MihuHTTP {
    static let tenantHeader = "X-Mihu-Tenant"
    static let scenarioHeader = "X-Buildermock-Scenario"

    /// Wraps a handler: checks the bearer token (any non-empty token, API.md §A), resolves the
    /// namespace, maps engine errors to this API's shape, and dates the answer by the namespace clock.
    static func authenticated(engine: Engine, _ body: @escaping @Sendable (MihuContext) async throws -> HTTPResponse)
        -> Router.Handler
    {
        { request in
            var namespace = NamespaceResolver.fallback
            var response: HTTPResponse
            do {
                // An empty header is treated as none: the documented body says "No authorization header provided".
                guard let header = request.headers["Authorization"], !isBlank(header) else {
                    throw MihuError.missingToken
                }
                guard NamespaceResolver.hasBearerToken(request.headers) else { throw MihuError.invalidToken }
                do {
                    namespace = try NamespaceResolver.namespace(for: request.headers, tenantHeader: tenantHeader)
                } catch {
                    throw MihuError(.badRequest, code: "INVALID_NAMESPACE", message: "Malformed request", details: "\(error)")
                }
                response = try await body(MihuContext(request: request, namespace: namespace, now: engine.now(namespace: namespace)))
            } catch let error as MihuError {
                response = error.response
            } catch let error as EngineError {
                response = map(error).response
            } catch {
                response = MihuError.internalError("\(error)").response
            }
            // Read the clock after the work: a handler that moved the job did so at this instant.
            response.headers.set("Date", engine.now(namespace: namespace).httpDate)
            return response
        }
    }

    static func map(_ error: EngineError) -> MihuError {
        switch error {
        case .jobNotFound(let id):
            return .notFound("Resource", id)
        case .eventRejected(_, let state, let reason):
            return .invalidState("Not allowed while \(state): \(reason)")
        case .unknownScenario(let name, let kind, let available):
            return MihuError(.badRequest, code: "UNKNOWN_SCENARIO", message: "Unknown scenario \"\(name)\"",
                             details: "\(scenarioHeader) names no scenario of \(kind); valid: \(available.joined(separator: ", "))")
        case .invalidNamespace:
            return MihuError(.badRequest, code: "INVALID_NAMESPACE", message: "Malformed request", details: error.description)
        default:
            return .internalError(error.description)
        }
    }

    /// The JSON object body; an empty body reads as `{}` so that a missing field is a 422 that names it.
    static func object(_ request: HTTPRequest) throws -> [String: JSONValue] {
        if request.body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return [:] }
        guard let value = JSONValue.parse(request.body) else { throw MihuError.invalidJSON() }
        guard case .object(let members) = value else {
            throw MihuError.invalidJSON("The request body must be a JSON object")
        }
        return members
    }

    /// `{"success": true, "message"?, "data"}`.
    static func success(_ status: HTTPStatus = .ok, message: String?, data: JSONValue) -> HTTPResponse {
        .json(status, bytes: successBody(message: message, data: data))
    }

    /// The bytes of `success`'s body.
    static func successBody(message: String?, data: JSONValue) -> [UInt8] {
        var out = Array(#"{"data":"#.utf8)
        out.reserveCapacity(512)
        data.write(to: &out)
        if let message {
            out += #","message":"#.utf8
            JSONValue.string(message).write(to: &out)
        }
        out += #","success":true}"#.utf8
        return out
    }

    /// Whether a header value is empty or only whitespace (`Character.isWhitespace`), looking at
    /// bytes first: walking Characters costs grapheme breaking on every authenticated call.
    static func isBlank(_ value: String) -> Bool {
        for byte in value.utf8 {
            switch byte {
            case 0x09...0x0D, 0x20: continue
            case ..<0x80: return false
            default: return value.allSatisfy(\.isWhitespace)
            }
        }
        return true
    }

    /// The inferred paginator: `?page=1&per_page=15` → `(page, perPage)`, 422 on nonsense.
    static func page(_ request: HTTPRequest) throws -> (page: Int, perPage: Int) {
        func integer(_ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
            guard let text = request.queryValue(name) else { return value }
            guard let number = Int(text), range.contains(number) else {
                throw MihuError.validation(name, "\(name) must be an integer from \(range.lowerBound) to \(range.upperBound)")
            }
            return number
        }
        return (try integer("page", default: 1, range: 1...1_000_000), try integer("per_page", default: 15, range: 1...100))
    }

    static func paginator(items: [JSONValue], page: Int, perPage: Int, total: Int) -> JSONValue {
        .object(["data": .array(items), "current_page": .int(Int64(page)), "per_page": .int(Int64(perPage)),
                 "total": .int(Int64(total))])
    }

    /// The scenario a creating request names, if any.
    static func scenarioName(_ request: HTTPRequest) -> String? {
        guard let name = request.headers[scenarioHeader], !name.isEmpty else { return nil }
        return name
    }
}

/// Typed reads of body fields, each failing as a 422 that names the field.
struct FieldReader {
    let fields: [String: JSONValue]

    func string(_ name: String, required: Bool, nonEmpty: Bool = true) throws -> String? {
        switch fields[name] {
        case nil, .null?:
            if required { throw MihuError.validation(name, "The \(name) field is required") }
            return nil
        case .string(let text)?:
            if nonEmpty, text.allSatisfy(\.isWhitespace) {
                throw MihuError.validation(name, "The \(name) field must not be empty")
            }
            return text
        default:
            throw MihuError.validation(name, "The \(name) field must be a string")
        }
    }

    func bool(_ name: String) throws -> Bool? {
        switch fields[name] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        default: throw MihuError.validation(name, "The \(name) field must be true or false")
        }
    }

    /// An integer; a real with no fraction (`8000.0`) counts, as JSON does not tell them apart.
    func integer(_ name: String, range: ClosedRange<Int64>, label: String? = nil) throws -> Int64? {
        let label = label ?? name
        let number: Int64
        switch fields[name] {
        case nil, .null?: return nil
        case .int(let value)?: number = value
        case .double(let value)? where value == value.rounded() && abs(value) < 1e15: number = Int64(value)
        default: throw MihuError.validation(label, "The \(label) field must be an integer")
        }
        guard range.contains(number) else {
            throw MihuError.validation(label, "The \(label) field must be from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}
