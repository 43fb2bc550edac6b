public import JSON
public import HTTP

/// A recorded session: the requests of one namespace in order, with the clock moves between them
/// and the responses they got, plus what a fresh server needs to answer the same way (seed, clock
/// start, serve settings). Written by `GET /__admin/session`, played by `buildermock replay`.
public struct SessionFile: Sendable {
    public static let format = "buildermock-session/1"

    /// One request and the response it got.
    public struct Step: Sendable {
        /// A clock move (`/__admin/clock/advance` or `run-until`) or any other request.
        public enum Kind: String, Sendable {
            case request
            case clock
        }

        public var kind: Kind
        /// Namespace clock time when the request arrived; replay moves the clock here first when it lags.
        public var at: Timestamp
        public var method: String
        public var path: String
        public var query: String?
        public var requestHeaders: HTTPHeaders
        public var requestBody: [UInt8]
        public var status: Int
        public var responseHeaders: HTTPHeaders
        public var responseBody: [UInt8]
        /// False when the journal cut the recorded body: replay then compares only its start.
        public var responseBodyComplete: Bool
        public var fault: String?

        public init(kind: Kind, at: Timestamp, method: String, path: String, query: String?, requestHeaders: HTTPHeaders,
                    requestBody: [UInt8], status: Int, responseHeaders: HTTPHeaders, responseBody: [UInt8],
                    responseBodyComplete: Bool = true, fault: String? = nil) {
            self.kind = kind
            self.at = at
            self.method = method
            self.path = path
            self.query = query
            self.requestHeaders = requestHeaders
            self.requestBody = requestBody
            self.status = status
            self.responseHeaders = responseHeaders
            self.responseBody = responseBody
            self.responseBodyComplete = responseBodyComplete
            self.fault = fault
        }

        public var target: String { query.map { path + "?" + $0 } ?? path }

        /// Clock moves are requests like any other; they are marked so a reader sees where time passes.
        static func kind(method: String, path: String) -> Kind {
            method == "POST" && (path == "/__admin/clock/advance" || path == "/__admin/clock/run-until") ? .clock : .request
        }
    }

    public var namespace: String
    public var seed: UInt64
    /// Where the namespace's manual clock starts.
    public var clockStart: Timestamp
    /// The clock mode recorded under; replay always runs manual (a real clock would not repeat).
    public var clockMode: String
    /// Serve settings that change answers (strictness, public URL…): written and read by the App.
    public var settings: [String: JSONValue]
    /// Redacted credential → the value replay sends instead. Export lists each redacted value with
    /// null; fill them in when answers depend on the real token (a workspace derived from it).
    public var credentials: [String: String?]
    public var steps: [Step]

    public init(namespace: String, seed: UInt64, clockStart: Timestamp, clockMode: String,
                settings: [String: JSONValue] = [:], credentials: [String: String?] = [:], steps: [Step]) {
        self.namespace = namespace
        self.seed = seed
        self.clockStart = clockStart
        self.clockMode = clockMode
        self.settings = settings
        self.credentials = credentials
        self.steps = steps
    }

    /// A session made of journal entries (oldest first); credentials found redacted are listed unfilled.
    public init(namespace: String, seed: UInt64, clockStart: Timestamp, clockMode: String,
                settings: [String: JSONValue], entries: [JournalEntry]) {
        var credentials: [String: String?] = [:]
        for entry in entries {
            for field in entry.requestHeaders
            where Redaction.fieldNames.contains(where: { HTTPHeaders.namesEqual($0, field.name) })
                && Redaction.isRedacted(field.value) {
                credentials[field.value] = .some(nil)
            }
        }
        self.init(namespace: namespace, seed: seed, clockStart: clockStart, clockMode: clockMode, settings: settings,
                  credentials: credentials,
                  steps: entries.map { entry in
                      Step(kind: Step.kind(method: entry.method, path: entry.path), at: entry.at, method: entry.method,
                           path: entry.path, query: entry.query, requestHeaders: entry.requestHeaders,
                           requestBody: entry.requestBody, status: entry.status, responseHeaders: entry.responseHeaders,
                           responseBody: entry.responseBody, responseBodyComplete: !entry.responseBodyTruncated,
                           fault: entry.fault)
                  })
    }
}
