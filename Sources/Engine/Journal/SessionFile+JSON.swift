public import JSON
import HTTP

extension SessionFile {
    /// The file as a JSON value; keys come out sorted, so the same session gives the same bytes.
    public var json: JSONValue {
        .object([
            "format": .string(Self.format),
            "namespace": .string(namespace),
            "seed": .string(String(seed)),
            "clock": .object(["mode": .string(clockMode), "start": .string(clockStart.iso8601)]),
            "settings": .object(settings),
            "credentials": .object(credentials.mapValues { $0.map(JSONValue.string) ?? .null }),
            "steps": .array(steps.map(\.json)),
        ])
    }

    /// Pretty JSON text (two-space indent, sorted keys, one trailing newline): files meant for review and diffs.
    public var text: String {
        var out = ""
        Self.writePretty(json, indent: "", to: &out)
        return out + "\n"
    }

    /// Reads a session file; the error names the JSON path at fault.
    public init(json value: JSONValue) throws(SessionFileError) {
        guard let root = value.objectValue else { throw SessionFileError("$", "must be an object") }
        guard root["format"]?.stringValue == Self.format else {
            throw SessionFileError("$.format", "must be \"\(Self.format)\"")
        }
        guard let namespace = root["namespace"]?.stringValue else { throw SessionFileError("$.namespace", "must be a string") }
        let seed: UInt64
        switch root["seed"] {
        case .string(let text)?:
            guard let value = UInt64(text) else { throw SessionFileError("$.seed", "must be an unsigned integer") }
            seed = value
        case .int(let value)? where value >= 0: seed = UInt64(value)
        default: throw SessionFileError("$.seed", "must be an unsigned integer (as a string or a number)")
        }
        guard let clock = root["clock"]?.objectValue, let startText = clock["start"]?.stringValue,
              let start = Timestamp(iso8601: startText) else {
            throw SessionFileError("$.clock.start", "must be an ISO 8601 UTC time")
        }
        let settings = root["settings"]?.objectValue ?? [:]
        var credentials: [String: String?] = [:]
        for (key, value) in root["credentials"]?.objectValue ?? [:] {
            switch value {
            case .null: credentials[key] = .some(nil)
            case .string(let text): credentials[key] = text
            default: throw SessionFileError("$.credentials[\"\(key)\"]", "must be a string or null")
            }
        }
        guard case .array(let items)? = root["steps"] else { throw SessionFileError("$.steps", "must be an array") }
        var steps: [Step] = []
        for (index, item) in items.enumerated() {
            steps.append(try Step(json: item, path: "$.steps[\(index)]"))
        }
        self.init(namespace: namespace, seed: seed, clockStart: start, clockMode: clock["mode"]?.stringValue ?? "manual",
                  settings: settings, credentials: credentials, steps: steps)
    }

    /// Parses file text.
    public init(text: [UInt8]) throws(SessionFileError) {
        guard let value = JSONValue.parse(text) else { throw SessionFileError("$", "is not valid JSON") }
        try self.init(json: value)
    }

    static func writePretty(_ value: JSONValue, indent: String, to out: inout String) {
        let inner = indent + "  "
        switch value {
        case .array(let items) where !items.isEmpty && items.contains(where: \.isContainer):
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += inner
                writePretty(item, indent: inner, to: &out)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            for (index, key) in members.keys.sorted().enumerated() {
                out += inner + JSONValue.string(key).serialized() + ": "
                writePretty(members[key]!, indent: inner, to: &out)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        default:
            // Scalars and flat arrays (a header pair) stay on one line.
            out += value.serialized()
        }
    }
}

extension SessionFile.Step {
    var json: JSONValue {
        var request = JournalEntry.messageJSON(headers: requestHeaders, body: requestBody, size: requestBody.count,
                                               parseJSON: false)
        request["method"] = .string(method)
        request["path"] = .string(path)
        if let query { request["query"] = .string(query) }
        var response = JournalEntry.messageJSON(headers: responseHeaders, body: responseBody, size: responseBody.count,
                                                parseJSON: true)
        response["status"] = .int(Int64(status))
        if !responseBodyComplete { response["body_complete"] = .bool(false) }
        if let fault { response["fault"] = .string(fault) }
        return .object(["kind": .string(kind.rawValue), "at": .string(at.iso8601),
                        "request": .object(request), "response": .object(response)])
    }

    init(json value: JSONValue, path: String) throws(SessionFileError) {
        guard let object = value.objectValue else { throw SessionFileError(path, "must be an object") }
        guard let atText = object["at"]?.stringValue, let at = Timestamp(iso8601: atText) else {
            throw SessionFileError(path + ".at", "must be an ISO 8601 UTC time")
        }
        guard let request = object["request"]?.objectValue else { throw SessionFileError(path + ".request", "must be an object") }
        guard let method = request["method"]?.stringValue, !method.isEmpty,
              method.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else {
            throw SessionFileError(path + ".request.method", "must be an HTTP method")
        }
        guard let target = request["path"]?.stringValue, target.hasPrefix("/") else {
            throw SessionFileError(path + ".request.path", "must be a path starting with /")
        }
        guard let requestHeaders = JournalEntry.headers(fromJSON: request["headers"]) else {
            throw SessionFileError(path + ".request.headers", "must be [[name, value], …]")
        }
        let requestBody: [UInt8]
        switch JournalEntry.body(fromMessage: request) {
        case .success(let bytes): requestBody = bytes
        case .failure(let error): throw SessionFileError(path + ".request", error.description)
        }
        guard let response = object["response"]?.objectValue else { throw SessionFileError(path + ".response", "must be an object") }
        guard case .int(let status)? = response["status"], (100...599).contains(status) else {
            throw SessionFileError(path + ".response.status", "must be an HTTP status code")
        }
        guard let responseHeaders = JournalEntry.headers(fromJSON: response["headers"]) else {
            throw SessionFileError(path + ".response.headers", "must be [[name, value], …]")
        }
        let responseBody: [UInt8]
        switch JournalEntry.body(fromMessage: response) {
        case .success(let bytes): responseBody = bytes
        case .failure(let error): throw SessionFileError(path + ".response", error.description)
        }
        let kind = object["kind"]?.stringValue.flatMap(Kind.init(rawValue:)) ?? Self.kind(method: method, path: target)
        self.init(kind: kind, at: at, method: method, path: target, query: request["query"]?.stringValue,
                  requestHeaders: requestHeaders, requestBody: requestBody, status: Int(status),
                  responseHeaders: responseHeaders, responseBody: responseBody,
                  responseBodyComplete: response["body_complete"] != .bool(false), fault: response["fault"]?.stringValue)
    }
}

extension JSONValue {
    fileprivate var isContainer: Bool {
        switch self {
        case .array, .object: true
        default: false
        }
    }
}
