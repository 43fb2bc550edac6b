public import JSON

/// The OpenAPI 3.1 documents of the four emulated APIs and of the admin API. Each lives in its own
/// `OpenAPIDocuments+Name.swift` as JSON text compiled into the binary, so `swift run`, the test
/// runner and an installed binary all serve the same bytes without a resource bundle to lose.
/// `OpenAPIDocumentTests` checks every route on the router appears in its document and back.
public enum OpenAPIDocuments {
    /// One served document.
    public struct Entry: Sendable {
        /// File-style name, served at `/__admin/openapi/{name}.json`.
        public let name: String
        public let title: String
        /// The document's JSON text as kept in the source.
        public let text: String
    }

    public static let all: [Entry] = [
        Entry(name: "builderagents", title: "Mihu AI builder agents and builders", text: builderAgents),
        Entry(name: "builderio", title: "Builder.io Agents Run", text: builderIO),
        Entry(name: "buildprint", title: "Buildprint public API", text: buildprint),
        Entry(name: "appbuilds", title: "Capwrapper app builds", text: appBuilds),
        Entry(name: "admin", title: "buildermock admin API", text: admin),
    ]

    /// The parsed document called `name`, or nil. The texts are checked by tests, so a nil here
    /// for a listed name would be a build that never passed them.
    public static func document(named name: String) -> JSONValue? {
        all.first { $0.name == name }.flatMap { JSONValue.parse(Array($0.text.utf8)) }
    }
}
