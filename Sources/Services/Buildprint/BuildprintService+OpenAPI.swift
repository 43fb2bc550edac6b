public import JSON

/// The OpenAPI document this API serves at `GET /api/public/v1/openapi.json`, as the vendor does.
/// The text lives with the other documents (Admin's `OpenAPIDocuments`, handed in through
/// `BuildprintSettings.openAPIDocument`); only the model enum is this server's own, because
/// `--strict` and the world fixture change which models are accepted.
extension BuildprintService {
    /// The served document's text, built on first use; nil when the settings name none.
    public var openAPIText: LazyJSONText? {
        guard let base = settings.openAPIDocument else { return nil }
        return LazyJSONText { [self] in base().map(openAPIDocument(base:)) }
    }

    /// `base` with `StartAgentRequest.model.enum` set to the models this server accepts.
    public func openAPIDocument(base: JSONValue) -> JSONValue {
        Self.replacing(["components", "schemas", "StartAgentRequest", "properties", "model", "enum"][...],
                       in: base, with: .array(models.map(JSONValue.string)))
    }

    static func replacing(_ path: ArraySlice<String>, in value: JSONValue, with replacement: JSONValue) -> JSONValue {
        guard let key = path.first else { return replacement }
        guard case .object(var members) = value, let child = members[key] else { return value }
        members[key] = replacing(path.dropFirst(), in: child, with: replacement)
        return .object(members)
    }
}
