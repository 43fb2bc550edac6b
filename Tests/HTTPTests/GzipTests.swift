import Testing
@testable import HTTP

@Suite struct GzipTests {
    static func sample(_ count: Int) -> [UInt8] {
        var generator = SplitMix(seed: 7)
        // Words from a small vocabulary: compressible, yet not trivially.
        let words = ["build", "agent", "queued", "running", "succeeded", "{", "}", "\"id\":", "42", ", "]
        var out: [UInt8] = []
        while out.count < count { out += Array(words[Int(generator.next() % 10)].utf8) }
        return Array(out.prefix(count))
    }

    @Test(arguments: [0, 1, 100, 70_000, 300_000])
    func compressThenDecompress_roundTrips(count: Int) throws {
        let input = Self.sample(count)
        let compressed = try Gzip.compress(input)
        #expect(compressed.prefix(2) == [0x1F, 0x8B])
        #expect(try Gzip.decompress(compressed, limit: count) == input)
    }

    @Test func decompress_honoursTheLimitExactly() throws {
        let compressed = try Gzip.compress([UInt8](repeating: 1, count: 1000))
        #expect(try Gzip.decompress(compressed, limit: 1000).count == 1000)
        #expect(throws: GzipError.limitExceeded(limit: 999)) { try Gzip.decompress(compressed, limit: 999) }
    }

    @Test func bomb_isStoppedAtTheLimit() throws {
        let bomb = try Gzip.compress([UInt8](repeating: 0, count: 20 << 20))
        #expect(throws: GzipError.limitExceeded(limit: 1 << 20)) { try Gzip.decompress(bomb, limit: 1 << 20) }
    }

    @Test func truncatedInput_isReported() throws {
        let compressed = try Gzip.compress(Self.sample(5000))
        #expect(throws: GzipError.truncated) { try Gzip.decompress(Array(compressed.dropLast(10)), limit: 1 << 20) }
        #expect(throws: GzipError.truncated) { try Gzip.decompress([], limit: 10) }
    }

    @Test func corruptInput_carriesZlibsMessage() throws {
        do {
            _ = try Gzip.decompress(Array("definitely not gzip".utf8), limit: 1000)
            Issue.record("expected an error")
        } catch {
            guard case .corrupt(_, let message) = error else { Issue.record("got \(error)"); return }
            #expect(!message.isEmpty)
        }
    }

    @Test func concatenatedMembers_decodeAsOneBody() throws {
        let joined = try Gzip.compress(Array("hello ".utf8)) + Gzip.compress(Array("world".utf8))
        #expect(try Gzip.decompress(joined, limit: 100).text == "hello world")
    }
}
