internal import CSQLite

/// Every failure of the Store, with the SQL and `sqlite3_errmsg` captured where the call failed.
///
/// `code` is SQLite's extended result code (https://www.sqlite.org/rescode.html), kept so callers can
/// tell a busy database from a corrupt one; `message` is what SQLite said at that moment.
public enum SQLiteError: Error, Sendable, Equatable {
    case open(path: String, code: Int32, message: String)
    case prepare(sql: String, code: Int32, message: String)
    case step(sql: String, code: Int32, message: String)
    /// A UNIQUE, PRIMARY KEY, NOT NULL, CHECK or FOREIGN KEY constraint refused the statement.
    case constraint(sql: String, code: Int32, message: String)
    case bind(sql: String, parameter: String, code: Int32, message: String)
    /// A named parameter that the statement does not contain.
    case unknownParameter(sql: String, name: String)
    case exec(sql: String, code: Int32, message: String)
    case close(path: String, code: Int32, message: String)
    /// `close()` found statements still alive; a leak the tests must catch.
    case unfinalizedStatements(path: String, sql: [String])
    /// The file was written by a newer buildermock: refusing beats guessing at an unknown schema.
    case schemaTooNew(path: String, found: Int, supported: Int)
    /// A `transaction {}` inside another; use `savepoint {}` for nesting.
    case nestedTransaction
    /// The Store was closed before the request ran.
    case closed

    public var code: Int32? {
        switch self {
        case .open(_, let code, _), .prepare(_, let code, _), .step(_, let code, _),
             .constraint(_, let code, _), .bind(_, _, let code, _), .exec(_, let code, _),
             .close(_, let code, _):
            code
        default:
            nil
        }
    }

    /// Another process held the write lock past `busy_timeout`; worth a retry, unlike most errors.
    public var isBusy: Bool { code.map { $0 & 0xFF == SQLITE_BUSY } ?? false }
}

extension SQLiteError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .open(let path, let code, let message):
            "cannot open database \(path): \(message) (\(codeName(code)))"
        case .prepare(let sql, let code, let message):
            "cannot prepare statement: \(message) (\(codeName(code))) in: \(sql)"
        case .step(let sql, let code, let message):
            "statement failed: \(message) (\(codeName(code))) in: \(sql)"
        case .constraint(let sql, let code, let message):
            "constraint failed: \(message) (\(codeName(code))) in: \(sql)"
        case .bind(let sql, let parameter, let code, let message):
            "cannot bind parameter \(parameter): \(message) (\(codeName(code))) in: \(sql)"
        case .unknownParameter(let sql, let name):
            "no parameter named \(name) in: \(sql)"
        case .exec(let sql, let code, let message):
            "script failed: \(message) (\(codeName(code))) in: \(sql)"
        case .close(let path, let code, let message):
            "cannot close database \(path): \(message) (\(codeName(code)))"
        case .unfinalizedStatements(let path, let sql):
            "database \(path) closed with \(sql.count) unfinalized statement(s): \(sql.joined(separator: "; "))"
        case .schemaTooNew(let path, let found, let supported):
            "database \(path) has schema version \(found), newer than this build supports (\(supported)); use a newer buildermock or another --db"
        case .nestedTransaction:
            "transaction {} called inside a transaction; use savepoint {}"
        case .closed:
            "the store is closed"
        }
    }
}

private func codeName(_ code: Int32) -> String {
    "code \(code): " + String(cString: sqlite3_errstr(code))
}
