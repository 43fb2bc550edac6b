import Admin
import App
import BuildermockTesting
import HTTP
import JSON
import Testing

/// The five OpenAPI documents against the router: every route documented, every documented
/// operation a route, so neither can drift silently.
@Suite struct OpenAPIDocumentTests {
    /// Which document owns a route, by the path it starts with.
    static let owners: [(prefix: String, document: String)] = [
        ("/__admin", "admin"),
        ("/api/v1/builder-agents", "builderagents"), ("/api/v1/builders", "builderagents"), ("/mihu/preview", "builderagents"),
        ("/agents/run", "builderio"), ("/app/projects", "builderio"),
        ("/api/public/v1", "buildprint"),
        ("/api/v1/builds", "appbuilds"), ("/v1/builds", "appbuilds"), ("/api/v1/deploys", "appbuilds"),
        ("/v1/deploys", "appbuilds"), ("/downloads/builds", "appbuilds"),
    ]
    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    static func owner(of pattern: String) -> String? {
        owners.first { Router.path(pattern, isUnder: $0.prefix) }?.document
    }

    /// "/a/:id/b" → "/a/{id}/b", the OpenAPI spelling of a router pattern.
    static func openAPIPath(_ pattern: String) -> String {
        "/" + pattern.split(separator: "/").map { $0.first == ":" ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
    }

    @Test func everyDocument_isOpenAPI31JSON() throws {
        #expect(OpenAPIDocuments.all.map(\.name) == ["builderagents", "builderio", "buildprint", "appbuilds", "admin"])
        for entry in OpenAPIDocuments.all {
            let document = try #require(JSONValue.parse(Array(entry.text.utf8)), "\(entry.name) is not valid JSON")
            #expect(document["openapi"] == "3.1.0", "\(entry.name)")
            #expect(document[path: "info.title"]?.stringValue?.isEmpty == false, "\(entry.name)")
            #expect(document[path: "paths"]?.objectValue?.isEmpty == false, "\(entry.name)")
        }
    }

    @Test func everyReference_resolves() throws {
        for entry in OpenAPIDocuments.all {
            let document = try #require(OpenAPIDocuments.document(named: entry.name))
            var references: [String] = []
            Self.collectReferences(document, into: &references)
            #expect(!references.isEmpty, "\(entry.name)")
            for reference in Set(references) {
                #expect(reference.hasPrefix("#/"), "\(entry.name): \(reference)")
                let path = reference.dropFirst(2).split(separator: "/").joined(separator: ".")
                #expect(document[path: path] != nil, "\(entry.name): \(reference) does not resolve")
            }
        }
    }

    @Test func everyOperation_hasResponsesAndUniqueOperationId() throws {
        var ids: [String: String] = [:]
        for entry in OpenAPIDocuments.all {
            let paths = try #require(OpenAPIDocuments.document(named: entry.name)?[path: "paths"]?.objectValue)
            for (path, item) in paths {
                for method in Self.methods {
                    guard let operation = item[method] else { continue }
                    #expect(operation[path: "responses"]?.objectValue?.isEmpty == false, "\(entry.name) \(method) \(path)")
                    let id = try #require(operation[path: "operationId"]?.stringValue, "\(entry.name) \(method) \(path)")
                    #expect(ids[id] == nil, "operationId \(id) is used twice")
                    ids[id] = path
                    // Every {param} in the path is declared as a path parameter.
                    let declared = Set((operation[path: "parameters"]?.arrayValue ?? []).compactMap { parameter in
                        parameter["in"] == "path" ? parameter["name"]?.stringValue : nil
                    })
                    let inPath = Set(path.split(separator: "/").filter { $0.first == "{" }.map { String($0.dropFirst().dropLast()) })
                    #expect(declared == inPath, "\(entry.name) \(method) \(path): path parameters \(declared) vs \(inPath)")
                }
            }
        }
    }

    @Test func routerAndDocuments_describeTheSameRoutes() throws {
        let app = try TestApp()
        var fromRouter: [String: Set<String>] = [:]
        for route in app.application.routes {
            let owner = try #require(Self.owner(of: route.pattern), "route \(route.pattern) belongs to no document")
            fromRouter[owner, default: []].insert("\(route.method.rawValue) \(Self.openAPIPath(route.pattern))")
        }
        for entry in OpenAPIDocuments.all {
            let paths = try #require(OpenAPIDocuments.document(named: entry.name)?[path: "paths"]?.objectValue)
            var documented: Set<String> = []
            for (path, item) in paths {
                for method in Self.methods where item[method] != nil {
                    documented.insert("\(method.uppercased()) \(path)")
                }
            }
            let routes = fromRouter[entry.name] ?? []
            #expect(routes.subtracting(documented).isEmpty, "\(entry.name) lacks \(routes.subtracting(documented).sorted())")
            #expect(documented.subtracting(routes).isEmpty, "\(entry.name) describes no route \(documented.subtracting(routes).sorted())")
        }
    }

    @Test func documents_areServedUnderAdmin() async throws {
        let app = try TestApp()
        let index = await app.request(.get, "/__admin/openapi")
        #expect(index.status == .ok)
        let listed = index.json?[path: "documents"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(listed == ["builderagents", "builderio", "buildprint", "appbuilds", "admin"])
        for entry in OpenAPIDocuments.all {
            let response = await app.request(.get, "/__admin/openapi/\(entry.name).json")
            #expect(response.status == .ok, "\(entry.name)")
            #expect(response.headers["Content-Type"]?.hasPrefix("application/json") == true)
            if entry.name != "buildprint" {
                #expect(response.json == OpenAPIDocuments.document(named: entry.name), "\(entry.name)")
            }
        }
        // Buildprint's own URL and the admin one serve the same document, model enum included.
        let own = await app.request(.get, "/api/public/v1/openapi.json", token: nil)
        let viaAdmin = await app.request(.get, "/__admin/openapi/buildprint.json")
        #expect(own.json != nil && own.json == viaAdmin.json)
        let missing = await app.request(.get, "/__admin/openapi/nope.json")
        #expect(missing.status == .notFound)
        #expect(missing.json?[path: "error.code"] == "not_found")
        let traversal = await app.request(.get, "/__admin/openapi/..%2Fadmin.json")
        #expect(traversal.status == .notFound)
    }

    static func collectReferences(_ value: JSONValue, into references: inout [String]) {
        switch value {
        case .object(let members):
            if let reference = members["$ref"]?.stringValue { references.append(reference) }
            for member in members.values { collectReferences(member, into: &references) }
        case .array(let items):
            for item in items { collectReferences(item, into: &references) }
        default:
            break
        }
    }
}

extension JSONValue {
    /// An object's member.
    subscript(_ key: String) -> JSONValue? { objectValue?[key] }
    var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }
}
