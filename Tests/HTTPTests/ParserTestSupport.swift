@testable import HTTP

/// What a parser produced for some input, in a shape tests can compare.
struct ParseOutcome {
    var requests: [HTTPRequest] = []
    var continues = 0
    var error: ParseError?
    /// Events in order, as short tags ("request", "continue", "error").
    var trace: [String] = []
}

enum Feed {
    case whole
    case byteAtATime
    case chunks(Int)
}

/// Feeds `input` as told, draining `next()` after every append.
func parse(_ input: [UInt8], feed: Feed = .whole, limits: ParserLimits = ParserLimits()) -> ParseOutcome {
    var parser = RequestParser(limits: limits)
    var outcome = ParseOutcome()
    func drain() -> Bool {
        while true {
            switch parser.next() {
            case .needMoreData: return true
            case .expectContinue:
                outcome.continues += 1
                outcome.trace.append("continue")
            case .request(let request):
                outcome.requests.append(request)
                outcome.trace.append("request")
            case .error(let error):
                outcome.error = error
                outcome.trace.append("error")
                return false
            }
        }
    }
    switch feed {
    case .whole:
        parser.append(input)
        _ = drain()
    case .byteAtATime:
        for byte in input {
            parser.append([byte])
            if !drain() { break }
        }
    case .chunks(let size):
        var index = 0
        while index < input.count {
            parser.append(Array(input[index..<min(index + size, input.count)]))
            if !drain() { break }
            index += size
        }
    }
    return outcome
}

func parse(_ text: String, feed: Feed = .whole, limits: ParserLimits = ParserLimits()) -> ParseOutcome {
    parse(Array(text.utf8), feed: feed, limits: limits)
}

extension Array where Element == UInt8 {
    var text: String { String(decoding: self, as: UTF8.self) }
}
