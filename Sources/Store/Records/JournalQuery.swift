/// Which journal rows a listing or count covers; every field but `namespace` optional (AND).
public struct JournalQuery: Sendable, Hashable {
    public var namespace: String
    public var method: String?
    public var status: Int?
    /// Rows with `at` at or after this.
    public var sinceAt: Int64?
    /// Rows with a larger seq.
    public var afterSeq: Int64
    /// A pattern for SQLite's GLOB operator (https://www.sqlite.org/lang_expr.html#glob), case-sensitive.
    public var pathGlob: String?

    public init(namespace: String, method: String? = nil, status: Int? = nil, sinceAt: Int64? = nil,
                afterSeq: Int64 = 0, pathGlob: String? = nil) {
        self.namespace = namespace
        self.method = method
        self.status = status
        self.sinceAt = sinceAt
        self.afterSeq = afterSeq
        self.pathGlob = pathGlob
    }

    var whereClause: (String, [SQLiteValue]) {
        var sql = "namespace = ? AND seq > ?"
        var arguments: [SQLiteValue] = [.text(namespace), .integer(afterSeq)]
        if let method {
            sql += " AND method = ?"
            arguments.append(.text(method))
        }
        if let status {
            sql += " AND status = ?"
            arguments.append(.integer(Int64(status)))
        }
        if let sinceAt {
            sql += " AND at >= ?"
            arguments.append(.integer(sinceAt))
        }
        if let pathGlob {
            sql += " AND path GLOB ?"
            arguments.append(.text(pathGlob))
        }
        return (sql, arguments)
    }
}
