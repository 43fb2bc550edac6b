public import Store
public import Logging
import Dispatch
import HTTP
import JSON
import Synchronization

/// Every request and response per namespace, in SQLite, bounded per namespace.
///
/// Recording is off the request's critical path: `record` only appends to a buffer; a write on the
/// store's group-commit writer takes the whole buffer 5 ms after the first entry of a burst (or at
/// once when 256 have piled up), so a busy server pays one small transaction per batch, not per
/// request. Readers call `flush()` first, which drains the buffer itself, so a listing made after a
/// response was received always contains it.
public final class RequestJournal: Sendable {
    public let settings: JournalSettings
    private let store: Store
    private let logger: Logger
    private let state = Mutex(State())

    private struct State {
        var buffer: [JournalEntry] = []
        /// A write is queued because the buffer filled; cleared when a write takes the buffer.
        var writeQueuedNow = false
        /// A timer will queue a write; cleared when a write takes the buffer.
        var timerArmed = false
        /// Entries per namespace as far as this process knows; loaded on first use, so pruning
        /// deletes exactly the excess without counting rows on every write. Touched only by writes,
        /// which the store runs one at a time.
        var counts: [String: Int] = [:]
        /// `observe` callbacks by token: namespace and what to call when it records an entry.
        var observers: [Int: (namespace: String, notify: @Sendable () -> Void)] = [:]
        var nextObserver = 0
    }

    public init(store: Store, settings: JournalSettings = JournalSettings(), logger: Logger) {
        precondition(settings.limit >= 0 && settings.bodyCap >= 0)
        self.store = store
        self.settings = settings
        self.logger = logger
    }

    /// Buffers an entry; it reaches SQLite with the next group commit. Bodies are cut here to the cap.
    public func record(_ entry: JournalEntry) {
        guard isEnabled else { return }
        var entry = entry
        if entry.requestBody.count > settings.bodyCap { entry.requestBody = Array(entry.requestBody.prefix(settings.bodyCap)) }
        if entry.responseBody.count > settings.bodyCap { entry.responseBody = Array(entry.responseBody.prefix(settings.bodyCap)) }
        let (queueNow, queueLater, notify) = state.withLock { state -> (Bool, Bool, [@Sendable () -> Void]) in
            state.buffer.append(entry)
            let notify = state.observers.isEmpty ? [] : state.observers.values
                .filter { $0.namespace == entry.namespace }.map(\.notify)
            if state.buffer.count >= Self.batchSize && !state.writeQueuedNow {
                state.writeQueuedNow = true
                return (true, false, notify)
            }
            defer { state.timerArmed = true }
            return (false, !state.timerArmed, notify)
        }
        for callback in notify { callback() }
        if queueNow {
            queueWrite()
        } else if queueLater {
            // A short window lets a burst share one transaction instead of paying a commit per
            // request; reads flush first, so no reader ever waits for this timer.
            DispatchQueue.global().asyncAfter(deadline: .now() + Self.batchWindow) { self.queueWrite() }
        }
    }

    /// Calls `notify` after each entry `namespace` records, until `stopObserving(_:)` with the
    /// returned token: how `POST /__admin/wait` learns that a request it waits for may have arrived.
    public func observe(namespace: String, _ notify: @escaping @Sendable () -> Void) -> Int {
        state.withLock { state in
            let token = state.nextObserver
            state.nextObserver += 1
            state.observers[token] = (namespace, notify)
            return token
        }
    }

    public func stopObserving(_ token: Int) {
        _ = state.withLock { $0.observers.removeValue(forKey: token) }
    }

    /// Entries that trigger a write at once, without waiting for the window.
    static let batchSize = 1024
    static let batchWindow = DispatchTimeInterval.milliseconds(20)

    private func queueWrite() {
        // A flush may have taken the buffer since this was scheduled (always so after shutdown's).
        guard state.withLock({ !$0.buffer.isEmpty }) else { return }
        store.write({ db in try self.drain(into: db) }, completion: { result in
            if case .failure(let error) = result {
                // The batch rolled back, so the counts it added are wrong: reload them on next use.
                self.state.withLock { $0.counts = [:] }
                self.logger.error("journal write failed; entries lost", metadata: ["error": "\(error)"])
            }
        })
    }

    /// False with a limit of 0: nothing is recorded.
    public var isEnabled: Bool { settings.limit > 0 }

    /// Waits until every entry recorded before this call is in SQLite.
    public func flush() async throws {
        do {
            try await store.write { db in try self.drain(into: db) }
        } catch {
            state.withLock { $0.counts = [:] }
            throw error
        }
    }

    /// A namespace's entries, oldest first, filtered; `limit` nil means all.
    public func entries(namespace: String, filter: JournalFilter = JournalFilter(), limit: Int? = nil,
                        offset: Int = 0) async throws -> [JournalEntry] {
        try await flush()
        let query = Self.query(namespace: namespace, filter: filter)
        return try await store.read { db in try db.journal.list(query, limit: limit, offset: offset) }
            .map(Self.entry(from:))
    }

    /// How many of a namespace's entries pass `filter`.
    public func total(namespace: String, filter: JournalFilter = JournalFilter()) async throws -> Int {
        try await flush()
        let query = Self.query(namespace: namespace, filter: filter)
        return try await store.read { db in try db.journal.count(query) }
    }

    /// How many of a namespace's entries match. Method, path and status are narrowed in SQL; header
    /// and body conditions are checked here, on the rows that remain.
    public func count(namespace: String, matching matcher: JournalMatcher) async throws -> Int {
        let filter = JournalFilter(method: matcher.method, path: matcher.path, status: matcher.status)
        if matcher.headers.isEmpty && matcher.body.isEmpty {
            return try await total(namespace: namespace, filter: filter)
        }
        return try await entries(namespace: namespace, filter: filter).reduce(0) { $0 + (matcher.matches($1) ? 1 : 0) }
    }

    static func query(namespace: String, filter: JournalFilter) -> JournalQuery {
        JournalQuery(namespace: namespace, method: filter.method, status: filter.status,
                     sinceAt: filter.since?.unixMilliseconds, afterSeq: filter.afterSeq, pathGlob: filter.path?.glob)
    }

    /// Forgets a namespace's entries, including any still buffered; returns how many were stored.
    @discardableResult
    public func clear(namespace: String) async throws -> Int {
        try await store.write { db in
            try self.drain(into: db)
            let deleted = try db.journal.deleteAll(namespace: namespace)
            self.state.withLock { $0.counts[namespace] = 0 }
            return deleted
        }
    }

    // MARK: - Writing

    /// Runs on the writer: inserts the buffer and prunes each namespace it touched back to the limit.
    private func drain(into db: SQLiteConnection) throws {
        let batch = state.withLock { state in
            defer {
                state.buffer = []
                state.writeQueuedNow = false
                state.timerArmed = false
            }
            return state.buffer
        }
        guard !batch.isEmpty else { return }
        var added: [String: Int] = [:]
        for entry in batch { added[entry.namespace, default: 0] += 1 }
        try db.journal.append(contentsOf: batch.map(Self.record(from:)))
        for (namespace, count) in added {
            let known = state.withLock { $0.counts[namespace] }
            let total = try known.map { $0 + count } ?? db.journal.count(namespace: namespace)
            var kept = total
            if total > settings.limit {
                kept -= try db.journal.pruneOldest(namespace: namespace, count: total - settings.limit)
            }
            state.withLock { $0.counts[namespace] = kept }
        }
    }

    // MARK: - Coding

    static func record(from entry: JournalEntry) -> JournalRecord {
        JournalRecord(namespace: entry.namespace, at: entry.at.unixMilliseconds, method: entry.method, path: entry.path,
                      query: entry.query, status: entry.status,
                      requestHeaders: headersText(entry.requestHeaders, bodySize: entry.requestBodySize),
                      requestBody: entry.requestBody,
                      responseHeaders: headersText(entry.responseHeaders, bodySize: entry.responseBodySize),
                      responseBody: entry.responseBody, durationMicroseconds: entry.durationMicroseconds,
                      fault: entry.fault)
    }

    static func entry(from record: JournalRecord) -> JournalEntry {
        let request = headers(fromText: record.requestHeaders)
        let response = headers(fromText: record.responseHeaders)
        let requestBody = record.requestBody ?? []
        let responseBody = record.responseBody ?? []
        return JournalEntry(seq: record.seq, namespace: record.namespace, at: Timestamp(unixMilliseconds: record.at),
                            method: record.method, path: record.path, query: record.query,
                            requestHeaders: request.headers, requestBody: requestBody,
                            requestBodySize: request.bodySize ?? requestBody.count, status: record.status ?? 0,
                            responseHeaders: response.headers, responseBody: responseBody,
                            responseBodySize: response.bodySize ?? responseBody.count,
                            durationMicroseconds: record.durationMicroseconds ?? 0, fault: record.fault)
    }

    /// The headers columns hold `{"fields":[[name,value],…],"body_size":N}`: fields in order with
    /// repeats (a dictionary would lose both), and the body's real size, which a cut body no longer shows.
    static func headersText(_ headers: HTTPHeaders, bodySize: Int) -> String {
        // Written by hand into bytes: this runs for every journaled message, and building a JSONValue
        // dictionary (or appending to a String piece by piece) cost more than the insert.
        var out = Array(#"{"body_size":"#.utf8)
        out.reserveCapacity(64 + headers.count * 48)
        JSONValue.int(Int64(bodySize)).write(to: &out)
        out += #","fields":["#.utf8
        for (index, field) in headers.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            JSONValue.string(field.name).write(to: &out)
            out.append(UInt8(ascii: ","))
            JSONValue.string(field.value).write(to: &out)
            out.append(UInt8(ascii: "]"))
        }
        out += "]}".utf8
        return String(decoding: out, as: UTF8.self)
    }

    static func headers(fromText text: String) -> (headers: HTTPHeaders, bodySize: Int?) {
        guard let object = JSONValue.parse(text)?.objectValue else { return (HTTPHeaders(), nil) }
        var headers = HTTPHeaders()
        if case .array(let fields)? = object["fields"] {
            for field in fields {
                if case .array(let pair) = field, pair.count == 2, let name = pair[0].stringValue,
                   let value = pair[1].stringValue {
                    headers.add(name, value)
                }
            }
        }
        var bodySize: Int?
        if case .int(let size)? = object["body_size"] { bodySize = Int(size) }
        return (headers, bodySize)
    }
}
