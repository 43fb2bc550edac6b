/// What `GET /__admin/requests` narrows the journal to: each field is optional and they combine with AND.
public struct JournalFilter: Sendable {
    public var method: String?
    public var path: PathPattern?
    public var status: Int?
    /// Entries at or after this namespace clock time.
    public var since: Timestamp?
    /// Entries with a larger seq: resume a listing where the last page ended.
    public var afterSeq: Int64

    public init(method: String? = nil, path: PathPattern? = nil, status: Int? = nil, since: Timestamp? = nil,
                afterSeq: Int64 = 0) {
        self.method = method
        self.path = path
        self.status = status
        self.since = since
        self.afterSeq = afterSeq
    }
}
