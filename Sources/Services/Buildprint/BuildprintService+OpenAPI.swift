import JSON

/// The OpenAPI document this API serves at `GET /api/public/v1/openapi.json`, as the vendor does.
/// The text lives with the other documents (Admin's `OpenAPIDocuments`, handed in through
/// `BuildprintSettings.openAPIDocument`); only the model enum is this server's own, because
/// `--strict` and the world fixture change which models are accepted.
extension BuildprintService {
    /// `base` with `StartAgentRequest.model.enum` set to `models`, the models this server accepts.
    static func openAPIDocument(base: JSONValue, models: [String]) -> JSONValue {
        replacing(["components", "schemas", "StartAgentRequest", "properties", "model", "enum"][...],
                  in: base, with: .array(models.map(JSONValue.string)))
    }

    static func replacing(_ path: ArraySlice<String>, in value: JSONValue, with replacement: JSONValue) -> JSONValue {
        guard let key = path.first else { return replacement }
        guard case .object(var members) = value, let child = members[key] else { return value }
        members[key] = replacing(path.dropFirst(), in: child, with: replacement)
        return .object(members)
    }
}
