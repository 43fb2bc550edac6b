public import HTTP

/// A request and the response it got, as the journal keeps them: `Authorization` redacted, bodies
/// cut at the journal's cap (the `…Size` fields keep the real lengths).
public struct JournalEntry: Sendable {
    /// Assigned when the entry is stored; 0 before.
    public var seq: Int64
    public var namespace: String
    /// Namespace clock time when the request arrived.
    public var at: Timestamp
    public var method: String
    public var path: String
    public var query: String?
    public var requestHeaders: HTTPHeaders
    public var requestBody: [UInt8]
    public var requestBodySize: Int
    public var status: Int
    public var responseHeaders: HTTPHeaders
    public var responseBody: [UInt8]
    public var responseBodySize: Int
    /// Wall time spent in the handler chain below the journal; never part of a session file.
    public var durationMicroseconds: Int64
    /// Name of the fault that bent the response, if any.
    public var fault: String?

    public init(seq: Int64 = 0, namespace: String, at: Timestamp, method: String, path: String, query: String?,
                requestHeaders: HTTPHeaders, requestBody: [UInt8], requestBodySize: Int? = nil, status: Int,
                responseHeaders: HTTPHeaders, responseBody: [UInt8], responseBodySize: Int? = nil,
                durationMicroseconds: Int64, fault: String?) {
        self.seq = seq
        self.namespace = namespace
        self.at = at
        self.method = method
        self.path = path
        self.query = query
        self.requestHeaders = requestHeaders
        self.requestBody = requestBody
        self.requestBodySize = requestBodySize ?? requestBody.count
        self.status = status
        self.responseHeaders = responseHeaders
        self.responseBody = responseBody
        self.responseBodySize = responseBodySize ?? responseBody.count
        self.durationMicroseconds = durationMicroseconds
        self.fault = fault
    }

    /// Whether a body was cut at the journal's cap.
    public var requestBodyTruncated: Bool { requestBody.count < requestBodySize }
    public var responseBodyTruncated: Bool { responseBody.count < responseBodySize }

    /// The request target as the client sent it (path and raw query).
    public var target: String { query.map { path + "?" + $0 } ?? path }
}
