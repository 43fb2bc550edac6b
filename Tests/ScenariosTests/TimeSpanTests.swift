import Testing
@testable import Scenarios

@Suite struct TimeSpanTests {
    @Test(arguments: [
        ("250ms", 250 as Int64), ("90s", 90_000), ("1m30s", 90_000), ("2h", 7_200_000), ("0s", 0),
        ("1h2m3s4ms", 3_723_004), ("1d", 86_400_000), ("0ms", 0), ("10m", 600_000),
    ])
    func parse_acceptsUnitsLargestFirst(text: String, milliseconds: Int64) {
        #expect(TimeSpan(parsing: text)?.milliseconds == milliseconds)
    }

    @Test(arguments: ["", "5", "s", "-5s", "1.5s", "5 s", "30s1m", "1m1m", "5sec", "1M", " 5s", "5s ", "99999999999999999999ms"])
    func parse_rejectsMalformedText(text: String) {
        #expect(TimeSpan(parsing: text) == nil)
    }

    @Test(arguments: [(0 as Int64, "0s"), (250, "250ms"), (90_000, "1m30s"), (7_200_000, "2h"),
                      (3_723_004, "1h2m3s4ms"), (129_600_000, "36h"), (-1_500, "-1s500ms")])
    func description_isCanonical(milliseconds: Int64, text: String) {
        #expect(TimeSpan(milliseconds: milliseconds).description == text)
    }

    @Test func description_roundTripsThroughParsing() {
        for milliseconds: Int64 in [1, 999, 1_000, 59_999, 60_000, 3_599_999, 86_400_000, 123_456_789] {
            let span = TimeSpan(milliseconds: milliseconds)
            #expect(TimeSpan(parsing: span.description) == span)
        }
    }
}
