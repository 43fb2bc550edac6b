import BuildermockTesting
import HTTP
import JSON
import Testing

/// Bugs schemathesis found (scripts/conformance.sh), kept as regressions.
extension BuilderValidationTests {
    /// `{"auto_stop_interval": null}` passed the presence check and then crashed the server on a
    /// force unwrap; a null is as missing as an absent key.
    @Test func autoStop_nullOrWrongType_is422NotACrash() async throws {
        let mihu = try Mihu()
        let created = await mihu.createBuilder()
        let uuid = try #require(created.json?[path: "data.uuid"]?.stringValue)
        for target in ["/api/v1/builders/\(uuid)/auto-stop", "/api/v1/builders/0/auto-stop"] {
            let values: [JSONValue] = [.null, "AAA", [.null, .null], [:], -1, 1.5]
            for value in values {
                let response = await mihu.post(target, ["auto_stop_interval": value])
                expectError(response, .unprocessableContent, code: "VALIDATION_ERROR", field: "auto_stop_interval")
            }
        }
    }
}
