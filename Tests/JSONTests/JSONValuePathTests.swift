import JSON
import Testing

@Suite struct JSONValuePathTests {
    let document: JSONValue = ["name": "demo", "": "empty key", "permissions": ["camera", "gps"],
                               "user": ["message": ["text": "hi"]], "a.b": "dotted key"]

    @Test func oneKey_andNestedPaths() {
        #expect(document[path: "name"] == "demo")
        #expect(document[path: ""] == "empty key")
        #expect(document[path: "user.message.text"] == "hi")
        #expect(document[path: "permissions.1"] == "gps")
        #expect(JSONValue.array(["x", "y"])[path: "0"] == "x")
    }

    @Test func missingOrMistyped_isNil() {
        #expect(document[path: "missing"] == nil)
        #expect(document[path: "permissions.2"] == nil)
        #expect(document[path: "permissions.x"] == nil)
        #expect(document[path: "name.first"] == nil)
        #expect(JSONValue.string("s")[path: "name"] == nil)
        #expect(JSONValue.array(["x"])[path: "-1"] == nil)
        // A dot always separates segments, so a key with a dot in it is out of reach.
        #expect(document[path: "a.b"] == nil)
    }
}
