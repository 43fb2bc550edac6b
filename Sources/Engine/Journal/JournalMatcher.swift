public import JSON
import HTTP

/// "Was X called?": the request side of an entry (method, path, headers, JSON body) that
/// `POST /__admin/requests/count` counts. Every given condition must hold.
public struct JournalMatcher: Sendable {
    /// A condition on one request header; names compare case-insensitively.
    public struct HeaderCondition: Sendable {
        public enum Test: Sendable {
            case equals(String)
            case contains(String)
            case present
        }

        public var name: String
        public var test: Test

        public init(name: String, test: Test) {
            self.name = name
            self.test = test
        }
    }

    /// A condition on the JSON request body: the value at a dot path (`prompt.text`, `files.0.name`).
    public struct BodyCondition: Sendable {
        public var path: String
        public var equals: JSONValue

        public init(path: String, equals: JSONValue) {
            self.path = path
            self.equals = equals
        }
    }

    public var method: String?
    public var path: PathPattern?
    public var status: Int?
    public var headers: [HeaderCondition]
    public var body: [BodyCondition]

    public init(method: String? = nil, path: PathPattern? = nil, status: Int? = nil,
                headers: [HeaderCondition] = [], body: [BodyCondition] = []) {
        self.method = method
        self.path = path
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func matches(_ entry: JournalEntry) -> Bool {
        if let method, method != entry.method { return false }
        if let path, !path.matches(entry.path) { return false }
        if let status, status != entry.status { return false }
        for condition in headers {
            let values = entry.requestHeaders.values(for: condition.name)
            let holds: Bool
            switch condition.test {
            case .equals(let expected): holds = values.contains(expected)
            case .contains(let part): holds = values.contains { $0.contains(part) }
            case .present: holds = !values.isEmpty
            }
            if !holds { return false }
        }
        if !body.isEmpty {
            guard let json = JSONValue.parse(entry.requestBody) else { return false }
            for condition in body {
                guard let actual = json[path: condition.path], Self.jsonEqual(actual, condition.equals) else { return false }
            }
        }
        return true
    }

    /// JSON equality where `1` and `1.0` are the same number, as they are in JSON.
    public static func jsonEqual(_ actual: JSONValue, _ expected: JSONValue) -> Bool {
        switch (actual, expected) {
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): return Double(a) == b
        default: return actual == expected
        }
    }
}
