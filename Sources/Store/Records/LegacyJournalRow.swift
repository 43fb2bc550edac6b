/// One row of `journal_v2`, where schema versions 2–5 kept one journal entry per row; read once, to
/// move the rows into segments (see `Schema.v6`).
public struct LegacyJournalRow: Sendable, Hashable {
    public var seq: Int64
    public var namespace: String
    /// Namespace clock time in Unix milliseconds.
    public var at: Int64
    public var method: String
    public var path: String
    public var query: String?
    public var status: Int?
    /// JSON text: `{"body_size":N,"fields":[[name,value],…]}`.
    public var requestHeaders: String
    public var requestBody: [UInt8]?
    /// JSON text, as `requestHeaders`.
    public var responseHeaders: String
    public var responseBody: [UInt8]?
    public var durationMicroseconds: Int64?
    public var fault: String?

    public init(seq: Int64, namespace: String, at: Int64, method: String, path: String, query: String?,
                status: Int?, requestHeaders: String, requestBody: [UInt8]?, responseHeaders: String,
                responseBody: [UInt8]?, durationMicroseconds: Int64?, fault: String?) {
        self.seq = seq
        self.namespace = namespace
        self.at = at
        self.method = method
        self.path = path
        self.query = query
        self.status = status
        self.requestHeaders = requestHeaders
        self.requestBody = requestBody
        self.responseHeaders = responseHeaders
        self.responseBody = responseBody
        self.durationMicroseconds = durationMicroseconds
        self.fault = fault
    }

    init(row s: Statement) {
        self.init(seq: s.int64(0), namespace: s.string(1), at: s.int64(2), method: s.string(3), path: s.string(4),
                  query: s.optionalString(5), status: s.isNull(6) ? nil : s.int(6), requestHeaders: s.string(7),
                  requestBody: s.isNull(8) ? nil : s.bytes(8), responseHeaders: s.string(9),
                  responseBody: s.isNull(10) ? nil : s.bytes(10), durationMicroseconds: s.optionalInt64(11),
                  fault: s.optionalString(12))
    }
}
