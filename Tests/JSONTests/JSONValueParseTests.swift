import JSON
import Testing

/// `JSONValue.parse` (straight to values) must agree with `JSONParser.parse(...).value`, and
/// `serialized()` (with its no-escape fast path) must escape exactly what JSON requires.
@Suite struct JSONValueParseTests {
    @Test(arguments: [
        #"{"port": 8000, "rate": 0.1965, "big": 1e3, "neg": -0, "s": "a\u00e9\ud83d\ude00\n", "n": null, "t": [true, false]}"#,
        #"{"a": 1, "a": 2, "b": {"c": [], "d": {}}, "e": [[1], [2, [3]]]}"#,
        "\u{FEFF}  [\"é\", \"\\\"quoted\\\" \\\\ back\", \"\\/\", -12.5e-3]  ",
        #""plain""#, "17", "null", "true",
    ])
    func parse_agreesWithTheNodeParser(text: String) throws {
        let node = try JSONParser.parse(text)
        #expect(JSONValue.parse(text) == node.value)
        #expect(try JSONParser.parseValue(bytes: Array(text.utf8)) == node.value)
    }

    @Test(arguments: [
        "{\"a\": 1,}", "{\n  \"a\" 1\n}", "[1, 2", "{\"a\": 01}", "\"tab\there\"", "{\"a\": tru}", "{} x", "",
        "{\"a\": \"\\x\"}", "\"\\ud800\"", "[1,]", "{\"a\"}", "nul",
    ])
    func parse_refusesWhatTheNodeParserRefuses(text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
        #expect(JSONValue.parse(text) == nil)
    }

    @Test func parse_boundsNesting() {
        #expect(JSONValue.parse(String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000)) == nil)
        #expect(JSONValue.parse(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) != nil)
    }

    @Test func serialized_escapesOnlyWhatJSONRequires_andSortsKeys() {
        let value: JSONValue = ["b": "plain é 😀", "a": "q\"b\\s\nr\rt\t\u{1}\u{1F}", "c": [1, 2.5, nil, true]]
        #expect(value.serialized()
            == #"{"a":"q\"b\\s\nr\rt\t\u0001\u001f","b":"plain é 😀","c":[1,2.5,null,true]}"#)
        #expect(JSONValue.parse(value.serialized()) == value)
    }
}
