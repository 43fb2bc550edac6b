import Foundation
import HTTP
import JSON
import Logging
import Store
import Synchronization
import Testing
@testable import Engine

@Suite struct RequestJournalTests {
    let store: Store
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    init() throws {
        store = try Store(path: ":memory:")
    }

    func journal(limit: Int = 100, bodyCap: Int = 1024) -> RequestJournal {
        RequestJournal(store: store, settings: JournalSettings(limit: limit, bodyCap: bodyCap), logger: logger)
    }

    static func entry(_ method: String, _ path: String, namespace: String = "ns", atSeconds: Int64 = 0, status: Int = 200,
                      headers: HTTPHeaders = [:], body: String = "", response: String = "{}") -> JournalEntry {
        JournalEntry(namespace: namespace, at: Timestamp(unixMilliseconds: 1_767_225_600_000 + atSeconds * 1000),
                     method: method, path: path, query: nil, requestHeaders: headers, requestBody: Array(body.utf8),
                     status: status, responseHeaders: ["Content-Type": "application/json"],
                     responseBody: Array(response.utf8), durationMicroseconds: 5, fault: nil)
    }

    @Test func recordedEntry_isListedRightAfter_withoutAnExplicitFlush() async throws {
        let journal = journal()
        journal.record(Self.entry("GET", "/a", headers: ["X-Trace": "1", "X-Trace": "2"], body: "hi"))
        let entries = try await journal.entries(namespace: "ns")
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry.seq > 0)
        #expect(entry.requestHeaders.values(for: "X-Trace") == ["1", "2"])
        #expect(entry.requestBody == Array("hi".utf8))
        #expect(entry.responseBody == Array("{}".utf8))
        #expect(entry.at.iso8601 == "2026-01-01T00:00:00.000Z")
        #expect(try await journal.entries(namespace: "other").isEmpty)
    }

    /// The batching window is wall time (it is not domain time), so this waits, bounded and short.
    @Test func bufferedEntries_reachSQLiteOnTheirOwn_withinTheBatchWindow() async throws {
        let journal = journal()
        for index in 1...3 { journal.record(Self.entry("GET", "/\(index)")) }
        var stored = 0
        for _ in 0..<200 where stored < 3 {
            try await Task.sleep(for: .milliseconds(10))
            stored = try await store.read { try $0.journalSegments.entryCount(namespace: "ns") }
        }
        #expect(stored == 3)
    }

    @Test func aFullBuffer_isWrittenWithoutWaitingForTheWindow() async throws {
        let journal = journal(limit: 10_000)
        for index in 0..<RequestJournal.batchSize { journal.record(Self.entry("GET", "/\(index)")) }
        // Any write queued after the batch runs after it: the writer is FIFO.
        _ = try await store.write { _ in 0 }
        #expect(try await store.read { try $0.journalSegments.entryCount(namespace: "ns") } == RequestJournal.batchSize)
    }

    @Test func filters_combineMethodPathStatusSinceAndAfter() async throws {
        let journal = journal()
        journal.record(Self.entry("POST", "/api/v1/builds", atSeconds: 0, status: 201))
        journal.record(Self.entry("GET", "/api/v1/builds/bld_1", atSeconds: 10, status: 200))
        journal.record(Self.entry("GET", "/api/v1/builds/bld_2", atSeconds: 20, status: 404))
        journal.record(Self.entry("GET", "/__admin/clock", atSeconds: 30, status: 200))
        func paths(_ filter: JournalFilter) async throws -> [String] {
            try await journal.entries(namespace: "ns", filter: filter).map(\.path)
        }
        #expect(try await paths(JournalFilter(method: "GET")).count == 3)
        #expect(try await paths(JournalFilter(path: PathPattern("/api/v1/builds/*"))) == ["/api/v1/builds/bld_1", "/api/v1/builds/bld_2"])
        #expect(try await paths(JournalFilter(path: PathPattern("/api/v1/builds"))) == ["/api/v1/builds"])
        #expect(try await paths(JournalFilter(status: 404)) == ["/api/v1/builds/bld_2"])
        let since = Timestamp(unixMilliseconds: 1_767_225_600_000 + 20_000)
        #expect(try await paths(JournalFilter(since: since)) == ["/api/v1/builds/bld_2", "/__admin/clock"])
        #expect(try await paths(JournalFilter(method: "GET", path: PathPattern("*/bld_*"), status: 200)) == ["/api/v1/builds/bld_1"])
        // `[` and `?` are not wildcards.
        journal.record(Self.entry("GET", "/odd/[x]?"))
        journal.record(Self.entry("GET", "/odd/y?"))
        #expect(try await paths(JournalFilter(path: PathPattern("/odd/[x]?"))) == ["/odd/[x]?"])
        #expect(try await paths(JournalFilter(path: PathPattern("/odd/*?"))) == ["/odd/[x]?", "/odd/y?"])
        #expect(try await journal.total(namespace: "ns", filter: JournalFilter(method: "GET")) == 5)
        #expect(try await journal.entries(namespace: "ns", limit: 2, offset: 1).map(\.path)
                == ["/api/v1/builds/bld_1", "/api/v1/builds/bld_2"])
        let first = try #require(try await journal.entries(namespace: "ns").first)
        #expect(try await paths(JournalFilter(afterSeq: first.seq)).count == 5)
    }

    @Test func countMatcher_checksHeadersAndJSONBodyPaths() async throws {
        let journal = journal()
        journal.record(Self.entry("POST", "/agents/run", headers: ["Content-Type": "application/json; charset=utf-8"],
                                  body: #"{"userMessage":{"userPrompt":"hero"},"n":1,"tags":["a","b"]}"#))
        journal.record(Self.entry("POST", "/agents/run", headers: ["Content-Type": "application/json", "X-Env": "ci"],
                                  body: #"{"userMessage":{"userPrompt":"footer"},"n":2}"#))
        journal.record(Self.entry("GET", "/agents/run", body: "not json"))
        func count(_ matcher: JournalMatcher) async throws -> Int {
            try await journal.count(namespace: "ns", matching: matcher)
        }
        #expect(try await count(JournalMatcher()) == 3)
        #expect(try await count(JournalMatcher(method: "POST", path: PathPattern("/agents/*"))) == 2)
        #expect(try await count(JournalMatcher(headers: [.init(name: "content-type", test: .equals("application/json"))])) == 1)
        #expect(try await count(JournalMatcher(headers: [.init(name: "Content-Type", test: .contains("json"))])) == 2)
        #expect(try await count(JournalMatcher(headers: [.init(name: "X-Env", test: .present)])) == 1)
        #expect(try await count(JournalMatcher(body: [.init(path: "userMessage.userPrompt", equals: "hero")])) == 1)
        #expect(try await count(JournalMatcher(body: [.init(path: "n", equals: .double(2.0))])) == 1)
        #expect(try await count(JournalMatcher(body: [.init(path: "tags.1", equals: "b")])) == 1)
        #expect(try await count(JournalMatcher(body: [.init(path: "missing", equals: .null)])) == 0)
        #expect(try await count(JournalMatcher(method: "GET", body: [.init(path: "n", equals: 1)])) == 0)
    }

    @Test func pruning_keepsTheNewestEntriesPerNamespace() async throws {
        let journal = journal(limit: 3)
        for index in 1...5 { journal.record(Self.entry("GET", "/\(index)")) }
        journal.record(Self.entry("GET", "/other", namespace: "other"))
        #expect(try await journal.entries(namespace: "ns").map(\.path) == ["/3", "/4", "/5"])
        // Past the limit across separate writes too, not only within one batch.
        for index in 6...7 {
            journal.record(Self.entry("GET", "/\(index)"))
            try await journal.flush()
        }
        #expect(try await journal.entries(namespace: "ns").map(\.path) == ["/5", "/6", "/7"])
        // Whole segments go: the 5-entry batch stays until the entries after it alone reach the limit.
        #expect(try await store.read { try $0.journalSegments.entryCount(namespace: "ns") } == 7)
        #expect(try await journal.entries(namespace: "other").map(\.path) == ["/other"])
    }

    @Test func pruning_countsRowsAnotherJournalLeftBehind() async throws {
        let first = journal(limit: 10)
        for index in 1...4 { first.record(Self.entry("GET", "/\(index)")) }
        try await first.flush()
        // A fresh journal on the same database (a restart) must not trust a count of zero.
        let second = journal(limit: 3)
        second.record(Self.entry("GET", "/5"))
        #expect(try await second.entries(namespace: "ns").map(\.path) == ["/3", "/4", "/5"])
    }

    @Test func bodies_areCutAtTheCap_keepingTheirSize() async throws {
        let journal = journal(bodyCap: 4)
        journal.record(Self.entry("POST", "/big", body: "0123456789", response: "abcdefgh"))
        let entry = try #require(try await journal.entries(namespace: "ns").first)
        #expect(entry.requestBody == Array("0123".utf8))
        #expect(entry.requestBodySize == 10)
        #expect(entry.requestBodyTruncated)
        #expect(entry.responseBody == Array("abcd".utf8))
        #expect(entry.responseBodySize == 8)
    }

    @Test func clear_forgetsOneNamespace_includingBufferedEntries() async throws {
        let journal = journal()
        journal.record(Self.entry("GET", "/a"))
        journal.record(Self.entry("GET", "/b", namespace: "keep"))
        #expect(try await journal.clear(namespace: "ns") == 1)
        #expect(try await journal.entries(namespace: "ns").isEmpty)
        #expect(try await journal.entries(namespace: "keep").count == 1)
        journal.record(Self.entry("GET", "/c"))
        #expect(try await journal.entries(namespace: "ns").map(\.path) == ["/c"])
    }
    @Test func seq_increasesAcrossNamespaces_inTheOrderRecorded() async throws {
        let journal = journal()
        for (index, namespace) in ["a", "b", "a", "c", "b"].enumerated() {
            journal.record(Self.entry("GET", "/\(index)", namespace: namespace))
        }
        var all: [(Int64, String)] = []
        for namespace in ["a", "b", "c"] {
            all += try await journal.entries(namespace: namespace).map { ($0.seq, $0.path) }
        }
        #expect(all.sorted { $0.0 < $1.0 }.map(\.1) == ["/0", "/1", "/2", "/3", "/4"])
        #expect(Set(all.map(\.0)).count == 5)
        // Each namespace's share of the batch is one segment.
        #expect(try await store.read { db in try db.journalSegments.list(namespace: "a").map(\.entries) } == [2])
    }

    @Test func seq_neverRepeats_acrossAReopen_evenAfterTheNewestWereCleared() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bm-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { _ = try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("j.sqlite").path
        var seen: [Int64] = []
        for round in 0..<3 {
            let store = try Store(path: path)
            let journal = RequestJournal(store: store, settings: JournalSettings(limit: 100), logger: logger)
            journal.record(Self.entry("GET", "/keep\(round)", namespace: "keep"))
            seen += try await journal.entries(namespace: "keep").suffix(1).map(\.seq)
            journal.record(Self.entry("GET", "/gone\(round)", namespace: "gone"))
            seen += try await journal.entries(namespace: "gone").map(\.seq)
            // The newest seq leaves with the namespace; the next process must still not reuse it.
            #expect(try await journal.clear(namespace: "gone") == 1)
            try store.close()
        }
        #expect(seen.count == 6)
        #expect(seen == seen.sorted() && Set(seen).count == seen.count)
    }

    @Test func pruning_isExactInListings_whileStorageStaysWithinOneSegmentOfTheLimit() async throws {
        let limit = 10
        let journal = journal(limit: limit)
        var recorded: [String] = []
        // Batches of assorted sizes, some larger than the limit.
        for (batch, size) in [3, 4, 1, 12, 2, 5, 1, 1, 9, 3].enumerated() {
            for index in 0..<size {
                recorded.append("/\(batch)-\(index)")
                journal.record(Self.entry("GET", recorded.last!))
            }
            try await journal.flush()
            #expect(try await journal.entries(namespace: "ns").map(\.path) == Array(recorded.suffix(limit)))
            #expect(try await journal.total(namespace: "ns") == min(recorded.count, limit))
            #expect(try await journal.count(namespace: "ns", matching: JournalMatcher()) == min(recorded.count, limit))
            let segments = try await store.read { db in try db.journalSegments.list(namespace: "ns") }
            let stored = segments.reduce(0) { $0 + $1.entries }
            // Dropping the oldest segment would leave fewer than `limit`.
            #expect(stored - (segments.first?.entries ?? 0) < limit)
            #expect(stored >= min(recorded.count, limit))
        }
        let exported = try await journal.entries(namespace: "ns")
        #expect(try await journal.clear(namespace: "ns") == exported.count)
    }

    @Test func aBatchOfLargeBodies_isSplitIntoSegmentsOfAboutAMebibyte() async throws {
        let journal = journal(bodyCap: 64 * 1024)
        // Each body differs: equal ones would be stored once (see `repeatedPolls_…`).
        for index in 0..<40 {
            journal.record(Self.entry("POST", "/\(index)", body: String(repeating: "x", count: 60_000 - 6) + String(100_000 + index)))
        }
        let listed = try await journal.entries(namespace: "ns")
        #expect(listed.map(\.path) == (0..<40).map { "/\($0)" })
        #expect(listed.allSatisfy { $0.requestBody.count == 60_000 })
        let segments = try await store.read { db in try db.journalSegments.list(namespace: "ns") }
        #expect(segments.count >= 3)
        for segment in segments {
            let data = try await store.read { db in try db.journalSegments.data(firstSeq: segment.firstSeq) }
            #expect(try #require(data).count < RequestJournal.segmentBytes + 70_000)
        }
        #expect(segments.reduce(0) { $0 + $1.entries } == 40)
    }

    /// A client polling a job: the same headers (in either of two orders) and the same answer each
    /// time. Each entry lists whole, and the repeats take a few dozen bytes each, not a full copy.
    @Test func repeatedPolls_areStoredOnce_andListWhole() async throws {
        let journal = journal(limit: 1000)
        let answer = #"{"id":"bld_1","status":"building","url":"https://example.com","appName":"Demo"}"#
        for index in 0..<300 {
            let headers: HTTPHeaders = index % 2 == 0 ? ["Host": "h", "Authorization": "Bearer token-123456"]
                                                      : ["Authorization": "Bearer token-123456", "Host": "h"]
            journal.record(Self.entry("GET", "/api/v1/builds/bld_1", atSeconds: Int64(index), headers: headers, response: answer))
        }
        journal.record(Self.entry("GET", "/api/v1/builds/bld_1", atSeconds: 300, response: #"{"status":"success"}"#))
        let listed = try await journal.entries(namespace: "ns")
        #expect(listed.count == 301)
        #expect(listed.prefix(300).allSatisfy { String(decoding: $0.responseBody, as: UTF8.self) == answer })
        #expect(listed[1].requestHeaders.map(\.name) == ["Authorization", "Host"])
        #expect(listed[2].requestHeaders.map(\.name) == ["Host", "Authorization"])
        #expect(listed.prefix(300).allSatisfy { $0.requestHeaders["Authorization"] == "Bearer toke…" })
        #expect(listed.map(\.at.unixMilliseconds) == (0...300).map { 1_767_225_600_000 + Int64($0) * 1000 })
        #expect(listed.last.map { String(decoding: $0.responseBody, as: UTF8.self) } == #"{"status":"success"}"#)
        let stored = try await store.read { db in
            try db.journalSegments.list(namespace: "ns").reduce(0) { $0 + (try db.journalSegments.data(firstSeq: $1.firstSeq)?.count ?? 0) }
        }
        let literal = JournalSegmentCodec.encode(listed, bodyCap: 1024).count
        #expect(stored * 4 < literal)
    }

    @Test func filtersAndPaging_workAcrossSegmentBoundaries() async throws {
        let journal = journal(limit: 8)
        for index in 0..<12 {
            journal.record(Self.entry(index % 2 == 0 ? "GET" : "POST", "/p/\(index)", atSeconds: Int64(index),
                                      status: index % 3 == 0 ? 404 : 200))
            if index % 5 == 4 { try await journal.flush() }
        }
        try await journal.flush()
        // Visible: /p/4 … /p/11, stored in segments [0-4] (partly hidden), [5-9], [10-11].
        let visible = try await journal.entries(namespace: "ns")
        #expect(visible.map(\.path) == (4..<12).map { "/p/\($0)" })
        #expect(try await journal.entries(namespace: "ns", limit: 3, offset: 2).map(\.path) == ["/p/6", "/p/7", "/p/8"])
        let gets = JournalFilter(method: "GET")
        #expect(try await journal.entries(namespace: "ns", filter: gets, limit: 2, offset: 1).map(\.path) == ["/p/6", "/p/8"])
        #expect(try await journal.total(namespace: "ns", filter: gets) == 4)
        let (total, page) = try await journal.page(namespace: "ns", filter: gets, limit: 2, offset: 1)
        #expect(total == 4 && page.map(\.path) == ["/p/6", "/p/8"])
        let after = JournalFilter(afterSeq: visible[3].seq)
        #expect(try await journal.entries(namespace: "ns", filter: after).map(\.path) == (8..<12).map { "/p/\($0)" })
        #expect(try await journal.total(namespace: "ns", filter: JournalFilter(status: 404, afterSeq: visible[0].seq)) == 2)
        let since = Timestamp(unixMilliseconds: 1_767_225_600_000 + 9_000)
        #expect(try await journal.entries(namespace: "ns", filter: JournalFilter(path: PathPattern("/p/1*"), since: since))
                    .map(\.path) == ["/p/10", "/p/11"])
        #expect(try await journal.entries(namespace: "ns", limit: 5, offset: 100).isEmpty)
        // The dashboard's pattern: the total from a one-entry page, then the last few.
        let (all, firstPage) = try await journal.page(namespace: "ns", limit: 1)
        #expect(all == 8 && firstPage.map(\.path) == ["/p/4"])
        #expect(try await journal.entries(namespace: "ns", limit: 3, offset: all - 3).map(\.path) == ["/p/9", "/p/10", "/p/11"])
        #expect(try await journal.page(namespace: "ns", filter: JournalFilter(afterSeq: visible[6].seq), limit: 5).total == 1)
    }

    @Test func anUnreadableSegment_isSkippedAndLogged_andTheRestStillLists() async throws {
        let (logs, logger) = Self.capturingLogger()
        let journal = RequestJournal(store: store, settings: JournalSettings(limit: 100), logger: logger)
        journal.record(Self.entry("GET", "/before"))
        try await journal.flush()
        let damagedSeq = try await journal.entries(namespace: "ns")[0].seq + 1
        try await store.write { db in
            try db.journalSegments.insert(JournalSegment(namespace: "ns", firstSeq: damagedSeq, lastSeq: damagedSeq + 1,
                                                         entries: 2, data: [1, 2, 0xFF, 0xFF]))
            try db.journalSegments.raiseHighWater(to: damagedSeq + 1)
        }
        let reopened = RequestJournal(store: store, settings: JournalSettings(limit: 100), logger: logger)
        reopened.record(Self.entry("GET", "/after"))
        #expect(try await reopened.entries(namespace: "ns").map(\.path) == ["/before", "/after"])
        #expect(try await reopened.total(namespace: "ns", filter: JournalFilter(method: "GET")) == 2)
        // A count that needs no entry reads the segments' counts only, so it includes the unreadable two.
        #expect(try await reopened.total(namespace: "ns") == 4)
        #expect(try await reopened.entries(namespace: "ns", limit: 1, offset: 1).map(\.path) == ["/after"])
        #expect(logs.messages.contains { $0.contains("journal segment unreadable") })
        #expect(try await reopened.clear(namespace: "ns") == 4)
    }

    /// A database from schema 5 kept one row per entry in `journal`; its entries must survive the
    /// upgrade with their seqs, and new entries must follow them.
    @Test func perRowJournalOfSchema5_isMovedIntoSegments_onFirstUse() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bm-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { _ = try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("j.sqlite").path
        do {
            let db = try SQLiteConnection(path: path)
            try Migrator.migrate(db, with: Array(Schema.migrations.prefix(5)))
            // As RequestJournal wrote them at schema 5; seq 3 was pruned, seq 6 was the last given.
            let rows: [(Int64, String, String, String?, String, [UInt8]?, String, [UInt8]?, String?)] = [
                (1, "ns", "/one", "q=1", #"{"body_size":10,"fields":[["Authorization","Bearer abcd…"],["X-T","1"],["X-T","2"]]}"#,
                 Array("0123".utf8), #"{"body_size":2,"fields":[["Content-Type","application/json"]]}"#, Array("{}".utf8), nil),
                (2, "other", "/two", nil, #"{"body_size":0,"fields":[]}"#, nil, #"{"body_size":0,"fields":[]}"#, nil, "reset"),
                (4, "ns", "/four", nil, "[]", [0, 0xFF], "[]", nil, nil),
                (6, "ns", "/six", nil, #"{"body_size":0,"fields":[["X-Ü","naïve"]]}"#, [], #"{"body_size":0,"fields":[]}"#, [], nil),
            ]
            for (seq, namespace, path, query, requestHeaders, requestBody, responseHeaders, responseBody, fault) in rows {
                try db.execute("""
                    INSERT INTO journal (seq, namespace, at, method, path, query, status, request_headers, request_body,
                                         response_headers, response_body, duration_us, fault)
                    VALUES (?, ?, ?, 'GET', ?, ?, 200, ?, ?, ?, ?, 7, ?)
                    """, [.integer(seq), .text(namespace), .integer(1_767_225_600_000 + seq), .text(path), SQLiteValue(query),
                          .text(requestHeaders), SQLiteValue(requestBody), .text(responseHeaders), SQLiteValue(responseBody),
                          SQLiteValue(fault)])
            }
            try db.execute("DELETE FROM journal WHERE seq = 6")
            try db.close()
        }
        do {
            // Let a row with seq 6 have existed: AUTOINCREMENT remembers it, and so must the upgrade.
            let store = try Store(path: path)
            #expect(try store.schemaVersion() == Schema.currentVersion)
            #expect(try store.readSync { try $0.legacyJournal.exists() })
            let journal = RequestJournal(store: store, settings: JournalSettings(limit: 100), logger: logger)
            let listed = try await journal.entries(namespace: "ns")
            #expect(listed.map(\.seq) == [1, 4])
            let first = try #require(listed.first)
            #expect(first.path == "/one" && first.query == "q=1" && first.at.unixMilliseconds == 1_767_225_600_001)
            #expect(first.requestHeaders.values(for: "X-T") == ["1", "2"])
            #expect(first.requestHeaders["Authorization"] == "Bearer abcd…")
            #expect(first.requestBody == Array("0123".utf8) && first.requestBodySize == 10 && first.requestBodyTruncated)
            #expect(first.responseBody == Array("{}".utf8) && first.durationMicroseconds == 7)
            #expect(listed[1].requestBody == [0, 0xFF] && listed[1].requestHeaders.count == 0)
            #expect(try await journal.entries(namespace: "other").map(\.fault) == ["reset"])
            #expect(try store.readSync { try $0.legacyJournal.exists() } == false)
            journal.record(Self.entry("GET", "/new"))
            let new = try #require(try await journal.entries(namespace: "ns").last)
            #expect(new.path == "/new" && new.seq == 7)
            try store.close()
        }
    }

    /// A logger whose messages a test can read.
    static func capturingLogger() -> (LogLines, Logger) {
        let lines = LogLines()
        return (lines, Logger(label: "test", factory: { _ in CapturingLogHandler(lines: lines) }))
    }
}

/// Messages a `CapturingLogHandler` received.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    var messages: [String] { lines.withLock { $0 } }
    func append(_ line: String) { lines.withLock { $0.append(line) } }
}

/// Keeps every message, for tests that assert something was logged.
struct CapturingLogHandler: LogHandler {
    let lines: LogLines
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        lines.append("\(event.message)")
    }
}

@Suite struct RedactionTests {
    @Test(arguments: [
        ("Bearer abcdefghijklmnop", "Bearer abcd…"),
        ("bearer bpk-demo0private0key00000000000001", "bearer bpk-…"),
        ("Bearer short", "Bearer …"),
        ("Basic dXNlcjpwYXNzd29yZA==", "Basic dXNl…"),
        ("rawtokenwithoutscheme", "rawt…"),
        ("Bearer abcd…", "Bearer abcd…"),
        // Edges of the scheme split: what follows the first space after the scheme is the credential.
        ("  Bearer   abcdefghijklmnop", "Bearer   ab…"),
        ("Bearer ", "…"),
        ("Bearer  ", "Bearer …"),
        (" abcdefghijklmnop", " abc…"),
        ("", "…"),
        ("Bearer ééééééééééééé", "Bearer éééé…"),
        ("Bearer éé", "Bearer …"),
    ])
    func redact_keepsTheSchemeAndAShortPrefix(value: String, expected: String) {
        #expect(Redaction.redact(value) == expected)
    }

    @Test func redacting_touchesOnlyCredentialFields() {
        let headers: HTTPHeaders = ["authorization": "Bearer secret-token-123456", "X-Other": "Bearer secret-token-123456",
                                    "Proxy-Authorization": "Basic c2VjcmV0OnNlY3JldA=="]
        let redacted = Redaction.redacting(headers)
        #expect(redacted["Authorization"] == "Bearer secr…")
        #expect(redacted["X-Other"] == "Bearer secret-token-123456")
        #expect(redacted["Proxy-Authorization"] == "Basic c2Vj…")
        #expect(redacted.count == 3)
    }
}

@Suite struct PathPatternTests {
    @Test(arguments: [
        ("/a/b", "/a/b", true), ("/a/b", "/a/b/c", false), ("/a/*", "/a/b/c", true), ("/a/*", "/a", false),
        ("*/run", "/agents/run", true), ("/x/*/y", "/x/1/2/y", true), ("/x/*/y", "/x/y", false),
        ("*", "/anything", true), ("/a*b*c", "/abc", true), ("/a*b*c", "/acb", false),
    ])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(PathPattern(pattern).matches(path) == expected)
    }
}
