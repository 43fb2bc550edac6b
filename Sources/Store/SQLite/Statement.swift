internal import CSQLite

/// A prepared statement; it owns its `sqlite3_stmt` and finalizes it in `deinit`.
///
/// Not Sendable: like its connection, it is used only by whoever holds that connection.
public final class Statement {
    let handle: OpaquePointer
    /// The SQL it was prepared from, carried into every error it raises.
    public let sql: String
    /// No bind or step since the last reset: a second reset would do nothing but cost two calls
    /// (a cached statement is reset after each use and again when it is fetched).
    private var isReset = true

    init(database: OpaquePointer, sql: String) throws(SQLiteError) {
        var handle: OpaquePointer?
        // `tail` points into the C string, so it is read inside `withCString`: a String passed
        // straight to prepare is bridged to a temporary buffer that is gone once the call returns.
        let (code, trailing) = sql.withCString { text -> (Int32, String?) in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(database, text, -1, 0, &handle, &tail)
            guard let tail, tail.pointee != 0 else { return (code, nil) }
            return (code, String(cString: tail))
        }
        guard code == SQLITE_OK, let handle else {
            throw .prepare(sql: sql, code: code, message: String(cString: sqlite3_errmsg(database)))
        }
        // A second statement after the first would be silently ignored by prepare; refuse it instead.
        if let trailing, !trailing.allSatisfy({ $0.isWhitespace || $0 == ";" }) {
            sqlite3_finalize(handle)
            throw .prepare(sql: sql, code: SQLITE_MISUSE, message: "more than one statement; use executeScript")
        }
        self.handle = handle
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    private var database: OpaquePointer { sqlite3_db_handle(handle) }
    private var errorMessage: String { String(cString: sqlite3_errmsg(database)) }

    // MARK: Binding (indices are 1-based, as in SQLite)

    public func bind(_ value: SQLiteValue, at index: Int) throws(SQLiteError) {
        isReset = false
        let i = Int32(index)
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, i)
        case .integer(let v):
            code = sqlite3_bind_int64(handle, i, v)
        case .real(let v):
            code = sqlite3_bind_double(handle, i, v)
        case .text(let v):
            var v = v
            code = v.withUTF8 { buffer in
                guard let base = buffer.baseAddress else {
                    return sqlite3_bind_text(handle, i, "", 0, buildermock_sqlite_transient())
                }
                // TRANSIENT makes SQLite copy: the Swift buffer dies when this closure returns.
                return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    sqlite3_bind_text(handle, i, $0, Int32(buffer.count), buildermock_sqlite_transient())
                }
            }
        case .blob(let v):
            code = v.withUnsafeBytes { buffer in
                // A nil pointer would bind NULL, not an empty blob.
                guard let base = buffer.baseAddress else { return sqlite3_bind_zeroblob(handle, i, 0) }
                return sqlite3_bind_blob(handle, i, base, Int32(buffer.count), buildermock_sqlite_transient())
            }
        }
        guard code == SQLITE_OK else {
            throw .bind(sql: sql, parameter: "?\(index)", code: code, message: errorMessage)
        }
    }

    /// Binds `:name`, `@name` or `$name`; the prefix is part of `name`.
    public func bind(_ value: SQLiteValue, named name: String) throws(SQLiteError) {
        let index = sqlite3_bind_parameter_index(handle, name)
        guard index > 0 else { throw .unknownParameter(sql: sql, name: name) }
        try bind(value, at: Int(index))
    }

    public func bind(_ value: Int64, at index: Int) throws(SQLiteError) { try bind(.integer(value), at: index) }
    public func bind(_ value: Int, at index: Int) throws(SQLiteError) { try bind(.integer(Int64(value)), at: index) }
    public func bind(_ value: Double, at index: Int) throws(SQLiteError) { try bind(.real(value), at: index) }
    public func bind(_ value: String, at index: Int) throws(SQLiteError) { try bind(.text(value), at: index) }
    public func bind(_ value: [UInt8], at index: Int) throws(SQLiteError) { try bind(.blob(value), at: index) }

    /// Binds `values` to parameters 1…n.
    public func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        for (offset, value) in values.enumerated() {
            try bind(value, at: offset + 1)
        }
    }

    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    // MARK: Stepping

    /// Advances one row: true when a row is available, false when the statement is done.
    @discardableResult
    public func step() throws(SQLiteError) -> Bool {
        isReset = false
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            return false
        default:
            // errmsg belongs to the connection and the next call overwrites it: read it now.
            let message = errorMessage
            let extended = sqlite3_extended_errcode(database)
            if code & 0xFF == SQLITE_CONSTRAINT {
                throw .constraint(sql: sql, code: extended, message: message)
            }
            throw .step(sql: sql, code: extended, message: message)
        }
    }

    /// Steps until done, discarding rows (e.g. a PRAGMA that answers).
    public func run() throws(SQLiteError) {
        while try step() {}
    }

    /// Rewinds for another run and clears bindings. Its result code repeats the last step's
    /// error, already reported, so it is not rethrown here.
    public func reset() {
        guard !isReset else { return }
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        isReset = true
    }

    /// True while the statement has been stepped and not reset, i.e. it may hold a read snapshot.
    public var isBusy: Bool { sqlite3_stmt_busy(handle) != 0 }

    // MARK: Columns of the current row (0-based)

    public var columnCount: Int { Int(sqlite3_column_count(handle)) }
    public func columnName(_ index: Int) -> String { String(cString: sqlite3_column_name(handle, Int32(index))) }
    public func isNull(_ index: Int) -> Bool { sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL }

    public func int64(_ index: Int) -> Int64 { sqlite3_column_int64(handle, Int32(index)) }
    public func int(_ index: Int) -> Int { Int(sqlite3_column_int64(handle, Int32(index))) }
    public func double(_ index: Int) -> Double { sqlite3_column_double(handle, Int32(index)) }

    /// The text of a column; "" for NULL. Reads by length, so embedded NULs survive.
    public func string(_ index: Int) -> String {
        let i = Int32(index)
        // column_text before column_bytes, as https://www.sqlite.org/c3ref/column_blob.html advises.
        guard let text = sqlite3_column_text(handle, i) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, i))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    public func bytes(_ index: Int) -> [UInt8] {
        let i = Int32(index)
        guard let blob = sqlite3_column_blob(handle, i) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, i))
        return Array(UnsafeRawBufferPointer(start: blob, count: count))
    }

    public func optionalInt64(_ index: Int) -> Int64? { isNull(index) ? nil : int64(index) }
    public func optionalDouble(_ index: Int) -> Double? { isNull(index) ? nil : double(index) }
    public func optionalString(_ index: Int) -> String? { isNull(index) ? nil : string(index) }

    public func value(_ index: Int) -> SQLiteValue {
        switch sqlite3_column_type(handle, Int32(index)) {
        case SQLITE_INTEGER: .integer(int64(index))
        case SQLITE_FLOAT: .real(double(index))
        case SQLITE_TEXT: .text(string(index))
        case SQLITE_BLOB: .blob(bytes(index))
        default: .null
        }
    }
}
