import Testing
@testable import HTTP

@Suite struct ChunkedDecoderTests {
    static let encoded = Array("4;a=b\r\nWiki\r\n6\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\nExpires: never\r\n\r\nNEXT".utf8)

    @Test func wholeBody_decodes_andLeavesWhatFollows() throws {
        var decoder = ChunkedDecoder()
        let used = try decoder.decode(Self.encoded)
        #expect(decoder.isComplete)
        #expect(decoder.body.text == "Wikipedia in \r\n\r\nchunks.")
        #expect(decoder.trailers["expires"] == "never")
        #expect(Array(Self.encoded[used...]).text == "NEXT")
    }

    /// The way a client drives it: keep the unused tail, append what arrives, offer it again.
    @Test(arguments: [1, 2, 3, 5, 8])
    func pieceByPiece_withCallerOwnedBuffer_decodesTheSame(pieceSize: Int) throws {
        var decoder = ChunkedDecoder()
        var pending: [UInt8] = []
        var index = 0
        while !decoder.isComplete, index < Self.encoded.count {
            pending += Self.encoded[index..<min(index + pieceSize, Self.encoded.count)]
            index += pieceSize
            let used = try decoder.decode(pending)
            pending.removeFirst(used)
        }
        #expect(decoder.isComplete)
        #expect(decoder.takeBody().text == "Wikipedia in \r\n\r\nchunks.")
        #expect(decoder.body.isEmpty)
        #expect((pending + Self.encoded[min(index, Self.encoded.count)...]).text == "NEXT")
    }

    @Test func emptyBody_isJustTheLastChunk() throws {
        var decoder = ChunkedDecoder()
        #expect(try decoder.decode(Array("0\r\n\r\n".utf8)) == 5)
        #expect(decoder.isComplete)
        #expect(decoder.body.isEmpty)
    }

    @Test func uppercaseAndLeadingZeroHex_isAccepted() throws {
        var decoder = ChunkedDecoder()
        _ = try decoder.decode(Array("00A\r\n0123456789\r\n000\r\n\r\n".utf8))
        #expect(decoder.body.text == "0123456789")
    }

    @Test func sumOverTheLimit_fails413BeforeTheData() {
        var decoder = ChunkedDecoder(maxBodyBytes: 10)
        #expect(throws: ParseError.self) { try decoder.decode(Array("B\r\n".utf8)) }
        do {
            _ = try decoder.decode(Array("B\r\n".utf8))
        } catch {
            #expect(error.status == .payloadTooLarge)
        }
    }

    @Test func overlongSizeLine_fails400() {
        var decoder = ChunkedDecoder(maxLineBytes: 16)
        do {
            _ = try decoder.decode(Array(("1;" + String(repeating: "x", count: 40)).utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.status == .badRequest)
        }
    }

    @Test func oversizedTrailers_fail431() {
        var decoder = ChunkedDecoder(maxTrailerBytes: 20)
        do {
            _ = try decoder.decode(Array("0\r\nX-Long: \(String(repeating: "t", count: 40))\r\n\r\n".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.status == .headerFieldsTooLarge)
        }
    }

    @Test(arguments: ["g\r\n", "\r\n", ";ext\r\n", "3\r\nabc\n0\r\n\r\n", "3\nabc\r\n", "1\r\nab\r\n",
                      "1\r\na\r\n0\r\nBad Name: x\r\n\r\n", "1\u{1}\r\n", "1;\u{0}\r\n"])
    func malformedFraming_fails400(input: String) {
        var decoder = ChunkedDecoder()
        do {
            _ = try decoder.decode(Array(input.utf8))
            Issue.record("expected an error for \(input.debugDescription)")
        } catch {
            #expect(error.status == .badRequest)
        }
    }
}
