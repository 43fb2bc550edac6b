import Engine
import App
import BuildermockTesting
import HTTP
import JSON

/// The shipped world fixture's demo space (fixtures/world/builderio.json, docs/API-BUILDERIO.md).
enum Demo {
    static let space = "demo0space0000000000000000000001"
    static let key = "bpk-demo0private0key00000000000001"
    static let ownerID = "a1f0c3e5b7d9f1a3c5e7b9d1"
    static let developerID = "d3e1b5c7a9f1e3d5c7b9a1f3"
    static let developer = "developer@yourcompany.com"
    static let project = "abc123def456"
    /// A second space, for isolation and mismatch tests.
    static let otherSpace = "other0space000000000000000000002"
    static let otherKey = "bpk-other0private0key0000000000002"
    static let otherProject = "fed654cba321"
    static let outsider = "outsider@othercompany.com"
    static let prompt = "Build a landing page with a hero section, feature grid, and contact form"
}

/// A request body: the seed's minimal example, with `extra` fields merged at the top level.
func runBody(prompt: String = Demo.prompt, email: String? = Demo.developer,
             attachments: [JSONValue]? = nil, extra: [String: JSONValue] = [:]) -> JSONValue {
    var message: [String: JSONValue] = ["userPrompt": .string(prompt)]
    if let attachments { message["attachments"] = .array(attachments) }
    var fields: [String: JSONValue] = ["userMessage": .object(message)]
    if let email { fields["userEmail"] = .string(email) }
    for (key, value) in extra { fields[key] = value }
    return .object(fields)
}

extension TestApp {
    /// `POST /agents/run?apiKey=…` with `Authorization: Bearer KEY`.
    func run(_ body: JSONValue, apiKey: String? = Demo.space, key: String? = Demo.key,
             headers: HTTPHeaders = [:]) async -> HTTPResponse {
        let target = apiKey.map { "/agents/run?apiKey=\($0)" } ?? "/agents/run"
        return await request(.post, target, token: key, json: body, headers: headers)
    }

    /// `GET /__admin/builderio/projects/{id}` as JSON.
    func project(_ id: String) async -> JSONValue? {
        await request(.get, "/__admin/builderio/projects/\(id)", token: nil).json
    }
}

extension HTTPResponse {
    /// The `error` string of a Builder.io error body.
    var errorMessage: String? { json?[path: "error"]?.stringValue }
}

extension JSONValue {
    func string(_ path: String) -> String? { self[path: path]?.stringValue }
    var arrayCount: Int? {
        if case .array(let items) = self { return items.count }
        return nil
    }
}

/// A data URL carrying `bytes` bytes of the given type.
func dataURL(_ contentType: String, bytes: Int) -> String {
    "data:\(contentType);base64," + base64(Array(repeating: 0x41, count: bytes))
}

/// Standard base64 with padding (RFC 4648 §4), for building request bodies.
func base64(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    var out = ""
    var index = 0
    while index < bytes.count {
        let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
        let value = (UInt32(chunk[0]) << 16) | (UInt32(chunk.count > 1 ? chunk[1] : 0) << 8) | UInt32(chunk.count > 2 ? chunk[2] : 0)
        out.append(alphabet[Int(value >> 18 & 63)])
        out.append(alphabet[Int(value >> 12 & 63)])
        out.append(chunk.count > 1 ? alphabet[Int(value >> 6 & 63)] : "=")
        out.append(chunk.count > 2 ? alphabet[Int(value & 63)] : "=")
        index += 3
    }
    return out
}

/// An upload attachment whose dataUrl decodes to `bytes` bytes and claims `size`.
func upload(contentType: String = "image/png", bytes: Int = 10, size: Int64? = nil, id: String = "att-001",
            dataURLOverride: String? = nil) -> JSONValue {
    .object([
        "type": "upload", "name": "design.png", "contentType": .string(contentType),
        "dataUrl": .string(dataURLOverride ?? dataURL(contentType, bytes: bytes)),
        "size": .int(size ?? Int64(bytes)), "id": .string(id),
    ])
}

/// The checkout's world fixture.
enum FixtureLocation {
    static var world: String { FixturePaths.root + "/world/builderio.json" }
}

extension JSONValue {
    /// The member `name` of an object.
    subscript(_ name: String) -> JSONValue? {
        if case .object(let members) = self { return members[name] }
        return nil
    }
}
