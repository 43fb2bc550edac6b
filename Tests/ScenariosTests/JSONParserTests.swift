import JSON
import Testing
@testable import Scenarios

@Suite struct JSONParserTests {
    @Test func parse_keepsIntegersAndRealsApart() throws {
        let node = try JSONParser.parse(#"{"port": 8000, "rate": 0.1965, "big": 1e3, "neg": -0, "s": "a\u00e9\ud83d\ude00\n", "n": null, "t": [true, false]}"#)
        #expect(node.value == ["port": 8000, "rate": 0.1965, "big": 1000.0, "neg": 0, "s": "aé😀\n", "n": nil, "t": [true, false]])
    }

    @Test func parse_recordsKeyLines() throws {
        let node = try JSONParser.parse("{\n  \"a\": 1,\n\n  \"b\": {\n    \"c\": 2\n  }\n}")
        guard case .object(let members) = node.kind, case .object(let inner) = members[1].value.kind else {
            Issue.record("expected objects")
            return
        }
        #expect(members.map(\.line) == [2, 4])
        #expect(inner[0].line == 5)
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9), ("{\n  \"a\" 1\n}", 2, 7), ("[1, 2", 1, 6), ("{\"a\": 01}", 1, 8),
        ("\"tab\there\"", 1, 5), ("{\"a\": tru}", 1, 10), ("{} x", 1, 4), ("", 1, 1), ("{\"a\": \"\\x\"}", 1, 10),
    ])
    func parse_reportsLineAndColumn(text: String, line: Int, column: Int) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
        }
    }

    @Test func parse_boundsNesting() {
        let deep = String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
    }

    @Test func pathSubscript_walksObjectsAndArrays() {
        let value: JSONValue = ["userMessage": ["userPrompt": "hi", "attachments": [["type": "url"]]]]
        #expect(value[path: "userMessage.userPrompt"] == "hi")
        #expect(value[path: "userMessage.attachments.0.type"] == "url")
        #expect(value[path: "userMessage.attachments.1.type"] == nil)
        #expect(value[path: "missing"] == nil)
    }
}
