import JSON
import Testing

/// `JSONValue.serialized()`: the bytes every stored payload and replayed response is compared by.
@Suite struct JSONValueTextTests {
    @Test(arguments: [
        ("plain", #""plain""#),
        ("", #""""#),
        ("quote \" and backslash \\", #""quote \" and backslash \\""#),
        ("line\nreturn\rtab\t", #""line\nreturn\rtab\t""#),
        ("\u{0}\u{1}\u{8}\u{c}\u{1f}", #""\u0000\u0001\u0008\u000c\u001f""#),
        ("\"leading and trailing\\", #""\"leading and trailing\\""#),
        ("é 😀 \u{7f} ü", "\"é 😀 \u{7f} ü\""),
        ("mixed é\"😀\n", #""mixed é\"😀\n""#),
    ])
    func strings_escapeExactlyWhatJSONRequires(_ text: String, _ expected: String) {
        #expect(JSONValue.string(text).serialized() == expected)
    }

    @Test func objects_sortTheirKeys_soTheBytesAreStable() {
        let value: JSONValue = ["b": 1, "a": [true, nil, 1.5, "x"], "c\"": ["z": 0, "y": -2]]
        #expect(value.serialized() == #"{"a":[true,null,1.5,"x"],"b":1,"c\"":{"y":-2,"z":0}}"#)
    }

    @Test func doubles_thatAreWhole_printAsIntegers_andNonFiniteAsNull() {
        #expect(JSONValue.double(3).serialized() == "3")
        #expect(JSONValue.double(-0.25).serialized() == "-0.25")
        #expect(JSONValue.double(.infinity).serialized() == "null")
        #expect(JSONValue.double(.nan).serialized() == "null")
    }

    @Test(arguments: [Int64.min, Int64.min + 1, -10, -1, 0, 7, 10, 99, 1_000, Int64.max])
    func integers_printInDecimal_likeSwiftDoes(_ value: Int64) {
        #expect(JSONValue.int(value).serialized() == String(value))
    }

    @Test func bytes_areTheUTF8OfTheText() {
        let value: JSONValue = ["name": "é\u{1}", "n": [.int(Int64.min), 3], "ok": true]
        #expect(value.serializedBytes() == Array(value.serialized().utf8))
        #expect(value.serialized() == #"{"n":[-9223372036854775808,3],"name":"é\u0001","ok":true}"#)
    }

    @Test(arguments: [
        #"{"s":"a\u00e9\ud83d\ude00\n\"\\","n":null,"t":[true,false,0,-1,2.5]}"#,
        #"["\u0001",{"k":{"k":["v"]}},""]"#,
    ])
    func parseThenSerialize_roundTrips(_ text: String) throws {
        let value = try #require(JSONValue.parse(text))
        let again = try #require(JSONValue.parse(value.serialized()))
        #expect(again.serialized() == value.serialized())
    }
}
