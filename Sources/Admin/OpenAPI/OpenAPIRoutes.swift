public import HTTP
public import JSON

/// `GET /__admin/openapi` (an index) and `GET /__admin/openapi/{name}.json`. The documents are
/// handed in, so the wiring can serve a service's own variant (Buildprint's model enum follows
/// `--strict`) while the source stays in `OpenAPIDocuments`.
public struct OpenAPIRoutes: Sendable {
    /// Name (without `.json`) → the document's text, built on first request; in index order.
    let documents: [(name: String, title: String, json: LazyJSONText)]

    public init(documents: [(name: String, title: String, json: LazyJSONText)]) {
        self.documents = documents
    }

    public func register(on router: inout Router) {
        let documents = self.documents
        router.add(.get, "/__admin/openapi") { _ in
            AdminRoutes.json(.ok, .object(["documents": .array(documents.map { entry in
                .object(["name": .string(entry.name), "title": .string(entry.title),
                         "url": .string("/__admin/openapi/\(entry.name).json")])
            })]))
        }
        router.add(.get, "/__admin/openapi/:name") { request in
            let file = request.pathParameters["name"] ?? ""
            guard file.hasSuffix(".json"), let entry = documents.first(where: { $0.name + ".json" == file }),
                  let text = entry.json.text else {
                let names = documents.map { $0.name + ".json" }.joined(separator: ", ")
                throw AdminError(.notFound, "not_found", "no OpenAPI document \(file); available: \(names)")
            }
            return .json(.ok, text)
        }
    }
}
