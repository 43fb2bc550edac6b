import HTTP
import JSON
import Logging
import Store
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
            stored = try await store.read { try $0.journal.count(namespace: "ns") }
        }
        #expect(stored == 3)
    }

    @Test func aFullBuffer_isWrittenWithoutWaitingForTheWindow() async throws {
        let journal = journal(limit: 10_000)
        for index in 0..<RequestJournal.batchSize { journal.record(Self.entry("GET", "/\(index)")) }
        // Any write queued after the batch runs after it: the writer is FIFO.
        _ = try await store.write { _ in 0 }
        #expect(try await store.read { try $0.journal.count(namespace: "ns") } == RequestJournal.batchSize)
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
        // SQLite's GLOB must not read `[` or `?` in a pattern as wildcards.
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
        #expect(try await store.read { try $0.journal.count(namespace: "ns") } == 3)
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

    @Test func glob_escapesWhatGLOBWouldReadAsWildcards() {
        #expect(PathPattern("/a?[b]/*").glob == "/a[?][[]b]/*")
    }
}
