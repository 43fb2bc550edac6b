@testable import BuilderAgents
import Testing

@Suite struct MihuHTTPTests {
    /// The byte check answers as `allSatisfy(\.isWhitespace)` would, Unicode spaces included.
    @Test(arguments: ["", " ", "\t \r\n", "\u{0B}\u{0C}", "\u{00A0}", " \u{2003} "])
    func isBlank_whitespaceOnly(_ value: String) {
        #expect(MihuHTTP.isBlank(value))
        #expect(value.allSatisfy { $0.isWhitespace })
    }

    @Test(arguments: ["Bearer x", " x", "\u{00A0}x", "é", "\u{2003}Bearer"])
    func isBlank_anythingElse(_ value: String) {
        #expect(!MihuHTTP.isBlank(value))
        #expect(!value.allSatisfy { $0.isWhitespace })
    }
}
