public import Store
public import Logging
import Dispatch
import HTTP
import Synchronization

/// Every request and response per namespace, in SQLite, bounded per namespace.
///
/// Recording stays cheap on the request's path: `record` encodes the entry and appends it to a
/// buffer; a write on the store's group-commit writer takes the whole buffer `batchWindow` after the
/// first entry of a burst (or at once when `batchSize` have piled up) and stores each namespace's
/// share of it as one segment row (`JournalSegmentCodec`), so a busy server pays one small
/// transaction and a row or two per batch, not a row and an index entry per request. Readers call
/// `flush()` first, which drains the buffer itself, so a listing made after a response was received
/// always contains it.
public final class RequestJournal: Sendable {
    public let settings: JournalSettings
    private let store: Store
    private let logger: Logger
    private let state = Mutex(State())

    private struct State {
        /// Recorded entries, encoded without their seqs, back to back; `buffered` says whose each is.
        var buffer: [UInt8] = []
        var buffered: [BufferedEntry] = []
        /// The parts the next entry may repeat instead of writing them again; emptied with the buffer.
        var repeatable = RepeatableParts()
        /// The previous batch's buffer, emptied with its capacity kept, for the next batch: a buffer
        /// grown from nothing reallocated (and page-faulted) its way up to hundreds of KiB every
        /// batch, the large copies under this lock, where the other I/O thread waits to record.
        var spare: [UInt8] = []
        /// A write is queued because the buffer filled; cleared when a write takes the buffer.
        var writeQueuedNow = false
        /// A timer will queue a write; cleared when a write takes the buffer.
        var timerArmed = false
        /// Entries stored per namespace as far as this process knows; loaded on first use, so pruning
        /// needs no count on every write. This and `nextSeq` are touched only by writes, which the
        /// store runs one at a time, and are forgotten when one fails (its work rolled back).
        var counts: [String: Int] = [:]
        /// The seq the next stored entry gets; nil until a write has loaded it (and moved any
        /// per-row journal an older version left).
        var nextSeq: Int64?
        /// `observe` callbacks by token: namespace and what to call when it records an entry.
        var observers: [Int: (namespace: String, notify: @Sendable () -> Void)] = [:]
        var nextObserver = 0

        /// Part `kind` of the entry at batch `index`, whose value is `value`: a reference to an equal
        /// part in `recent`, else written to the buffer (and remembered, a large body excepted).
        mutating func part<Value: RepeatablePart>(_ kind: JournalSegmentCodec.PartKind, _ value: Value,
                                             recent: WritableKeyPath<RepeatableParts, Recent<Value>>,
                                             of entry: JournalEntry, at index: Int, bodyCap: Int) -> JournalSegmentCodec.Part {
            if let source = repeatable[keyPath: recent].index(of: value) { return .sameAs(source) }
            let range = JournalSegmentCodec.appendPart(kind, of: entry, bodyCap: bodyCap, to: &buffer)
            if value.isWorthRemembering { repeatable[keyPath: recent].remember(value, at: index) }
            return .literal(range)
        }
    }

    /// One recorded entry in `State.buffer`: whose it is and where its pieces lie.
    private struct BufferedEntry {
        let namespace: String
        let recorded: JournalSegmentCodec.Recorded
    }

    /// The newest literal copies of each part in the buffer, all from entries of `namespace`, with
    /// the values they were written from: an entry whose part equals one refers to it instead.
    ///
    /// Compared before encoding, as values: equal headers redact to equal bytes, and an equal body
    /// is cut at the same cap. Bodies over `largestRepeatableBody` are neither kept nor compared.
    fileprivate struct RepeatableParts {
        var namespace: String?
        var requestHeaders = Recent<HTTPHeaders>()
        var requestBody = Recent<Body>()
        var responseHeaders = Recent<HTTPHeaders>()
        var responseBody = Recent<Body>()

        mutating func reset(for namespace: String?) {
            self.namespace = namespace
            requestHeaders.removeAll()
            requestBody.removeAll()
            responseHeaders.removeAll()
            responseBody.removeAll()
        }
    }

    /// A body as a part compares: the bytes held and the size the client sent.
    fileprivate struct Body: RepeatablePart {
        var bytes: [UInt8]
        var size: Int

        /// A large body is neither kept alive for the batch nor compared byte by byte.
        var isWorthRemembering: Bool { bytes.count <= RequestJournal.largestRepeatableBody }
    }

    /// A few distinct values with the batch index of the entry that wrote each, newest first. More
    /// than one, because clients alternate: wrk's two threads send the same headers in two orders.
    fileprivate struct Recent<Value: RepeatablePart> {
        private var items: [(index: Int, value: Value)] = []
        static var capacity: Int { 4 }

        func index(of value: Value) -> Int? { items.first { $0.value == value }?.index }

        mutating func remember(_ value: Value, at index: Int) {
            if items.count == Self.capacity { items.removeLast() }
            items.insert((index, value), at: 0)
        }

        mutating func removeAll() { items.removeAll(keepingCapacity: true) }
    }

    static let largestRepeatableBody = 64 << 10

    public init(store: Store, settings: JournalSettings = JournalSettings(), logger: Logger) {
        precondition(settings.limit >= 0 && settings.bodyCap >= 0)
        self.store = store
        self.settings = settings
        self.logger = logger
    }

    /// Encodes an entry (bodies cut to the cap, `Authorization` redacted) into the buffer; it reaches
    /// SQLite with the next group commit. A part equal to the same part of an earlier entry of this
    /// batch (a poll's headers, an unchanged job's body) is not encoded again but referred to.
    ///
    /// Encoded here, on the request's thread, rather than by the writer: holding the entries until
    /// then kept every journaled request's headers and bodies alive for a batch window, and had the
    /// writer free them all from another thread, which cost more than the encoding. It happens under
    /// the lock, straight into the buffer: which parts repeat depends on what was recorded last, and
    /// for a repeated poll the encoding is a few dozen bytes, less than a private copy would cost.
    public func record(_ entry: JournalEntry) {
        guard isEnabled else { return }
        let namespace = entry.namespace
        let bodyCap = settings.bodyCap
        let (queueNow, queueLater, notify) = state.withLock { state -> (Bool, Bool, [@Sendable () -> Void]) in
            let index = state.buffered.count
            if state.repeatable.namespace != namespace { state.repeatable.reset(for: namespace) }
            let head = JournalSegmentCodec.appendHead(entry, to: &state.buffer)
            let prefix = JournalSegmentCodec.appendPrefix(entry, to: &state.buffer)
            var parts = JournalSegmentCodec.Parts()
            parts.requestHeaders = state.part(.requestHeaders, entry.requestHeaders, recent: \.requestHeaders,
                                              of: entry, at: index, bodyCap: bodyCap)
            parts.requestBody = state.part(.requestBody, Body(bytes: entry.requestBody, size: entry.requestBodySize),
                                           recent: \.requestBody, of: entry, at: index, bodyCap: bodyCap)
            parts.responseHeaders = state.part(.responseHeaders, entry.responseHeaders, recent: \.responseHeaders,
                                               of: entry, at: index, bodyCap: bodyCap)
            parts.responseBody = state.part(.responseBody, Body(bytes: entry.responseBody, size: entry.responseBodySize),
                                            recent: \.responseBody, of: entry, at: index, bodyCap: bodyCap)
            state.buffered.append(BufferedEntry(namespace: namespace,
                                                recorded: .init(head: head, prefix: prefix, parts: parts)))
            let notify = state.observers.isEmpty ? [] : state.observers.values
                .filter { $0.namespace == namespace }.map(\.notify)
            if state.buffered.count >= Self.batchSize && !state.writeQueuedNow {
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

    /// The most buffer capacity kept between batches.
    static let spareCapacityLimit = 4 << 20

    /// Entries that trigger a write at once, without waiting for the window.
    static let batchSize = 1024
    static let batchWindow = DispatchTimeInterval.milliseconds(20)

    private func queueWrite() {
        // A flush may have taken the buffer since this was scheduled (always so after shutdown's).
        guard state.withLock({ !$0.buffered.isEmpty }) else { return }
        store.write({ db in try self.drain(into: db) }, completion: { result in
            if case .failure(let error) = result {
                self.forgetWriterState()
                self.logger.error("journal write failed; entries lost", metadata: ["error": "\(error)"])
            }
        })
    }

    /// After a failed write, whose counts and seqs rolled back: reload them on next use.
    private func forgetWriterState() {
        state.withLock { state in
            state.counts = [:]
            state.nextSeq = nil
        }
    }

    /// False with a limit of 0: nothing is recorded.
    public var isEnabled: Bool { settings.limit > 0 }

    /// How many of a namespace's newest stored entries reads show. With the journal off nothing is
    /// pruned either, so whatever an earlier run left stays readable, as it always was.
    private var visibleLimit: Int { isEnabled ? settings.limit : Int.max }

    /// Waits until every entry recorded before this call is in SQLite.
    public func flush() async throws {
        do {
            try await store.write { db in try self.drain(into: db) }
        } catch {
            forgetWriterState()
            throw error
        }
    }

    // MARK: - Reading

    /// A namespace's entries, oldest first, filtered; `limit` nil means all.
    public func entries(namespace: String, filter: JournalFilter = JournalFilter(), limit: Int? = nil,
                        offset: Int = 0) async throws -> [JournalEntry] {
        try await flush()
        let page = Self.window(limit: limit, offset: offset)
        return try await store.read { db in
            try self.scan(namespace: namespace, filter: filter, page: page, countingAll: false, in: db).page
        }
    }

    /// One page of a namespace's entries and how many pass `filter` in all, from one read, so the
    /// two agree even while requests keep arriving.
    public func page(namespace: String, filter: JournalFilter = JournalFilter(), limit: Int,
                     offset: Int = 0) async throws -> (total: Int, entries: [JournalEntry]) {
        try await flush()
        let page = Self.window(limit: limit, offset: offset)
        let (total, entries) = try await store.read { db in try self.scan(namespace: namespace, filter: filter, page: page, in: db) }
        return (total, entries)
    }

    private static func window(limit: Int?, offset: Int) -> Range<Int> {
        let start = max(0, offset)
        return start..<(limit.map { start + max(0, $0) } ?? Int.max)
    }

    /// How many of a namespace's entries pass `filter`.
    public func total(namespace: String, filter: JournalFilter = JournalFilter()) async throws -> Int {
        try await flush()
        return try await store.read { db in try self.scan(namespace: namespace, filter: filter, in: db).matched }
    }

    /// How many of a namespace's entries match. Method, path and status are checked on each entry's
    /// head; header and body conditions decode the entries that pass those.
    public func count(namespace: String, matching matcher: JournalMatcher) async throws -> Int {
        try await flush()
        let filter = JournalFilter(method: matcher.method, path: matcher.path, status: matcher.status)
        let needsWhole = !(matcher.headers.isEmpty && matcher.body.isEmpty)
        return try await store.read { db in
            try self.scan(namespace: namespace, filter: filter, matching: needsWhole ? matcher : nil, in: db).matched
        }
    }

    /// Walks a namespace's visible entries in seq order: how many pass `filter` (and `matcher`), and
    /// the whole entries of those whose position among them falls in `page`. Without `countingAll`
    /// it stops once the page is full (and `matched` is then only a lower bound).
    ///
    /// Visible means the newest `limit`: pruning deletes whole segments, so up to one segment's worth
    /// of older entries may still be stored, and is skipped here by count. Without a filter on the
    /// entries themselves, a segment wholly after `afterSeq` and outside the page is counted from the
    /// index and never loaded, so the dashboard's "total, then the last 15" stays cheap. A segment
    /// that does not decode is logged and left out, rather than failing every listing of its
    /// namespace (a count that did not need to load it still includes it).
    private func scan(namespace: String, filter: JournalFilter, matching matcher: JournalMatcher? = nil,
                      page: Range<Int> = 0..<0, countingAll: Bool = true,
                      in db: SQLiteConnection) throws -> (matched: Int, page: [JournalEntry]) {
        let segments = try db.journalSegments.list(namespace: namespace)
        var hidden = max(0, segments.reduce(0) { $0 + $1.entries } - visibleLimit)
        let since = filter.since?.unixMilliseconds
        let filtersEntries = matcher != nil || filter.method != nil || filter.status != nil || since != nil || filter.path != nil
        var matched = 0
        var entries: [JournalEntry] = []
        for segment in segments {
            if !countingAll && matched >= page.upperBound { break }
            let skip = min(hidden, segment.entries)
            hidden -= skip
            guard segment.lastSeq > filter.afterSeq, skip < segment.entries else { continue }
            let visible = segment.entries - skip
            if !filtersEntries && segment.firstSeq > filter.afterSeq && !page.overlaps(matched..<(matched + visible)) {
                matched += visible
                continue
            }
            let (matchedBefore, pageBefore) = (matched, entries.count)
            do {
                // Deleted since the listing's first statement is impossible: both run in one snapshot.
                var reader = try JournalSegmentReader(try db.journalSegments.data(firstSeq: segment.firstSeq) ?? [])
                var index = 0
                while countingAll || matched < page.upperBound, let head = try reader.nextHead() {
                    index += 1
                    guard index > skip, head.seq > filter.afterSeq,
                          filter.method.map({ $0 == head.method }) ?? true,
                          filter.status.map({ $0 == head.status }) ?? true,
                          since.map({ head.at >= $0 }) ?? true,
                          filter.path?.matches(head.path) ?? true else { continue }
                    if let matcher {
                        guard matcher.matches(try reader.readRest(head, namespace: namespace)) else { continue }
                    } else if page.contains(matched) {
                        entries.append(try reader.readRest(head, namespace: namespace))
                    }
                    matched += 1
                }
            } catch let error as JournalSegmentError {
                matched = matchedBefore
                entries.removeSubrange(pageBefore...)
                logger.error("journal segment unreadable; its entries are left out", metadata: [
                    "journal.namespace": "\(namespace)", "journal.first_seq": "\(segment.firstSeq)",
                    "journal.entries": "\(segment.entries)", "error": "\(error)"])
            }
        }
        return (matched, entries)
    }

    /// Forgets a namespace's entries, including any still buffered; returns how many were listed.
    @discardableResult
    public func clear(namespace: String) async throws -> Int {
        do {
            return try await store.write { db in
                try self.drain(into: db)
                // The namespace may hold the newest seqs; they must not be handed out again.
                let next = try self.nextSeq(in: db)
                try db.journalSegments.raiseHighWater(to: next - 1)
                let deleted = try db.journalSegments.deleteAll(namespace: namespace)
                self.state.withLock { $0.counts[namespace] = 0 }
                return min(deleted, self.visibleLimit)
            }
        } catch {
            forgetWriterState()
            throw error
        }
    }

    // MARK: - Writing

    /// Runs on the writer: stores the buffer as a segment per namespace (more for very large
    /// batches), seqs in the order recorded, and prunes each namespace it touched.
    private func drain(into db: SQLiteConnection) throws {
        var (bytes, batch) = state.withLock { state in
            defer {
                state.buffer = state.spare
                state.spare = []
                state.buffered = []
                state.repeatable.reset(for: nil)
                state.writeQueuedNow = false
                state.timerArmed = false
            }
            return (state.buffer, state.buffered)
        }
        defer {
            // At most one batch's worth is kept, and only while batches keep coming.
            bytes.removeAll(keepingCapacity: bytes.capacity <= Self.spareCapacityLimit)
            state.withLock { $0.spare = bytes }
        }
        // Before the first read too: a per-row journal left by an older version moves here.
        let first = try nextSeq(in: db)
        guard !batch.isEmpty else { return }
        // An entry's seq is `first` plus its place in the batch, whichever namespace it belongs to.
        var offsets: [String: [Int]] = [:]
        var order: [String] = []
        for (offset, entry) in batch.enumerated() {
            if offsets[entry.namespace] == nil { order.append(entry.namespace) }
            offsets[entry.namespace, default: []].append(offset)
        }
        state.withLock { $0.nextSeq = first + Int64(batch.count) }
        let recorded = batch.map(\.recorded)
        for namespace in order {
            let group = offsets[namespace] ?? []
            try insertSegments(group.map { (seq: first + Int64($0), index: $0) }, of: recorded, bytes: bytes,
                               namespace: namespace, into: db)
            let known = state.withLock { $0.counts[namespace] }
            let stored = try known.map { $0 + group.count } ?? db.journalSegments.entryCount(namespace: namespace)
            let kept = try prune(namespace: namespace, stored: stored, in: db)
            state.withLock { $0.counts[namespace] = kept }
        }
    }

    /// Stores entries that already carry their seqs (the move of an older per-row journal), like a batch.
    func insertSegments(_ entries: [JournalEntry], namespace: String, into db: SQLiteConnection) throws {
        var bytes: [UInt8] = []
        let recorded = entries.map { JournalSegmentCodec.appendLiteral($0, bodyCap: settings.bodyCap, to: &bytes) }
        try insertSegments(entries.enumerated().map { (seq: $0.element.seq, index: $0.offset) }, of: recorded,
                           bytes: bytes, namespace: namespace, into: db)
    }

    /// Stores entries (`members`: their seqs and places in `batch`, in seq order) as one segment, or
    /// as several when they would encode to more than `segmentBytes`: a burst of large bodies must
    /// not become one huge blob that every later read of the namespace loads whole, and pruning's
    /// surplus stays as small as a segment.
    private func insertSegments(_ members: [(seq: Int64, index: Int)], of batch: [JournalSegmentCodec.Recorded],
                                bytes: [UInt8], namespace: String, into db: SQLiteConnection) throws {
        var start = 0
        while start < members.count {
            var end = start
            var size = 0
            repeat {
                size += batch[members[end].index].literalSize
                end += 1
            } while end < members.count && size < Self.segmentBytes
            try db.journalSegments.insert(JournalSegment(
                namespace: namespace, firstSeq: members[start].seq, lastSeq: members[end - 1].seq, entries: end - start,
                data: JournalSegmentCodec.segment(members[start..<end], of: batch, bytes: bytes)))
            start = end
        }
    }

    /// Roughly the most one segment holds, unless a single entry is larger.
    static let segmentBytes = 1 << 20

    /// Deletes a namespace's oldest segments while what remains still holds `limit` entries; returns
    /// how many entries remain. Listings hide the few older entries the last segment may keep.
    private func prune(namespace: String, stored: Int, in db: SQLiteConnection) throws -> Int {
        var stored = stored
        while stored > settings.limit {
            let oldest = try db.journalSegments.oldest(namespace: namespace, limit: 64)
            var through: Int64?
            for segment in oldest {
                guard stored - segment.entries >= settings.limit else { break }
                stored -= segment.entries
                through = segment.firstSeq
            }
            guard let through else { break }
            try db.journalSegments.delete(namespace: namespace, throughFirstSeq: through)
            if through != oldest.last?.firstSeq { break }
        }
        return stored
    }

    /// The seq for the next entry, loaded on the first write of this process; that write also
    /// moves any per-row journal an older version left into segments.
    private func nextSeq(in db: SQLiteConnection) throws -> Int64 {
        if let next = state.withLock({ $0.nextSeq }) { return next }
        try moveLegacyRows(in: db)
        let next = try db.journalSegments.highestSeq() + 1
        state.withLock { $0.nextSeq = next }
        return next
    }

    /// Moves `journal_v2` (schema versions 2–5 kept an entry per row) into segments, keeping seqs,
    /// and drops it, in this write's transaction.
    private func moveLegacyRows(in db: SQLiteConnection) throws {
        guard try db.legacyJournal.exists() else { return }
        var after: Int64 = 0
        var moved = 0
        while true {
            let rows = try db.legacyJournal.rows(afterSeq: after, limit: 1024)
            guard let last = rows.last else { break }
            var groups: [String: [JournalEntry]] = [:]
            for row in rows { groups[row.namespace, default: []].append(Self.entry(fromLegacy: row)) }
            for (namespace, entries) in groups { try insertSegments(entries, namespace: namespace, into: db) }
            after = last.seq
            moved += rows.count
        }
        try db.legacyJournal.drop()
        state.withLock { $0.counts = [:] }
        logger.info("request journal moved into segments", metadata: ["journal.entries": "\(moved)"])
    }
}

/// A value an entry part is written from, compared with the recent ones before it is encoded.
fileprivate protocol RepeatablePart: Equatable {
    /// Whether to keep it for later entries to refer to.
    var isWorthRemembering: Bool { get }
}

extension HTTPHeaders: RepeatablePart {
    fileprivate var isWorthRemembering: Bool { true }
}
