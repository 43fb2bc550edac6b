extension SQLiteConnection {
    /// Runs `body` in `BEGIN IMMEDIATE … COMMIT` (`beginWriteTransaction`, `commitWriteTransaction`);
    /// any throw rolls back and the first error is rethrown.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        guard !isInTransaction else { throw SQLiteError.nestedTransaction }
        try beginWriteTransaction()
        let result: T
        do {
            result = try body()
            try commitWriteTransaction()
        } catch {
            rollbackKeepingFirstError()
            throw error
        }
        return result
    }

    /// `BEGIN IMMEDIATE`, for a transaction that ends with `commitWriteTransaction` or a rollback.
    ///
    /// IMMEDIATE takes the write lock at BEGIN: a deferred transaction that reads and later writes
    /// can get SQLITE_BUSY at the write without the busy handler being invoked, since waiting could
    /// deadlock (https://www.sqlite.org/lang_transaction.html). Failing at BEGIN is failing before any work.
    public func beginWriteTransaction() throws(SQLiteError) {
        try execute("BEGIN IMMEDIATE")
        transactionMemory.begin()
    }

    /// Writes the counters the transaction holds (`SequenceRecords.writeHeld`), then `COMMIT`. On a
    /// throw the transaction is still open: the caller rolls it back.
    public func commitWriteTransaction() throws(SQLiteError) {
        try sequences.writeHeld()
        try execute("COMMIT")
        transactionMemory.end()
    }

    /// Runs `body` inside `SAVEPOINT`: on a throw only its own changes are undone and the enclosing
    /// transaction goes on. Outside a transaction it behaves as a deferred transaction.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        try beginSavepoint()
        let result: T
        do {
            result = try body()
            try releaseSavepoint()
        } catch {
            rollBackSavepoint()
            throw error
        }
        return result
    }

    /// `SAVEPOINT`, for a caller that ends it itself with `releaseSavepoint` or `rollBackSavepoint`
    /// (the group commit, whose savepoints span several callers' closures).
    func beginSavepoint() throws(SQLiteError) {
        // Reusing one name is fine: ROLLBACK TO and RELEASE act on the most recent savepoint of
        // that name (https://www.sqlite.org/lang_savepoint.html), so nesting works too.
        try execute("SAVEPOINT buildermock")
        transactionMemory.savepointBegan()
    }

    /// `RELEASE` of the innermost savepoint: its changes join the enclosing transaction.
    func releaseSavepoint() throws(SQLiteError) {
        try execute("RELEASE buildermock")
        transactionMemory.savepointReleased()
    }

    /// Undoes and ends the innermost savepoint. Its errors are dropped: the caller is already
    /// handling the error that made it roll back (see `rollbackKeepingFirstError`), and if SQLite
    /// ended the whole transaction by itself there is nothing left to roll back to.
    func rollBackSavepoint() {
        transactionMemory.savepointRolledBack()
        guard isInTransaction else { return }
        do {
            try execute("ROLLBACK TO buildermock")
            try execute("RELEASE buildermock")
        } catch {
            // The body's error is the one the caller must see.
        }
    }

    /// A read snapshot: every statement in `body` sees the same committed state, however many
    /// commits the writer makes meanwhile (https://www.sqlite.org/isolation.html).
    func readSnapshot<T>(_ body: () throws -> T) throws -> T {
        guard !isInTransaction else { return try body() }
        try execute("BEGIN DEFERRED")
        let result: T
        do {
            result = try body()
            try execute("COMMIT")
        } catch {
            rollbackKeepingFirstError()
            throw error
        }
        return result
    }

    /// Rolls back if a transaction is still open. Some errors (SQLITE_FULL, IOERR, NOMEM, interrupt
    /// …) make SQLite roll back by itself (https://www.sqlite.org/lang_transaction.html
    /// "Response To Errors Within A Transaction"), so autocommit is checked first. Should ROLLBACK
    /// still fail, its error is secondary: the caller gets the error that caused the rollback.
    func rollbackKeepingFirstError() {
        transactionMemory.end()
        guard isInTransaction else { return }
        do {
            try execute("ROLLBACK")
        } catch {
            // Deliberately dropped in favour of the first error (GRDB's inTransaction does the same).
        }
    }
}
