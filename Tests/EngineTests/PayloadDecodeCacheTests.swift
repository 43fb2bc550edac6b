@testable import Engine
import JSON
import Testing

/// `PayloadDecodeCache`: a poll of an unchanged job skips the parse, and nothing stale is ever served.
@Suite struct PayloadDecodeCacheTests {
    @Test func sameText_isServedFromTheCache_changedTextIsParsedAgain() throws {
        let cache = PayloadDecodeCache(capacity: 8)
        let first = try #require(cache.payload(id: "job_1", text: #"{"data":{"n":1}}"#))
        #expect(first["data"] == ["n": 1])
        #expect(cache.count == 1)
        #expect(cache.payload(id: "job_1", text: #"{"data":{"n":1}}"#) == first)
        // The job moved: a new text under the same id must never give the old document back.
        #expect(cache.payload(id: "job_1", text: #"{"data":{"n":2}}"#)?["data"] == ["n": 2])
        #expect(cache.payload(id: "job_1", text: #"{"data":{"n":1}}"#)?["data"] == ["n": 1])
    }

    @Test func textThatIsNotAnObject_isNil_andNotCached() {
        let cache = PayloadDecodeCache(capacity: 8)
        #expect(cache.payload(id: "job_1", text: "[1]") == nil)
        #expect(cache.payload(id: "job_1", text: "{") == nil)
        #expect(cache.count == 0)
    }

    @Test func aFullCache_startsOver_soMemoryStaysBounded() {
        let cache = PayloadDecodeCache(capacity: 3)
        for n in 0..<3 { _ = cache.payload(id: "job_\(n)", text: #"{"n":\#(n)}"#) }
        #expect(cache.count == 3)
        _ = cache.payload(id: "job_3", text: #"{"n":3}"#)
        #expect(cache.count == 1)
        #expect(cache.payload(id: "job_0", text: #"{"n":0}"#) == ["n": 0])
    }
}
