import JSON
import Logging
import Testing
@testable import BuildermockCLI

@Suite struct JSONLogHandlerTests {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "disk full" }
    }

    func event(metadata: Logger.Metadata?, error: (any Error)? = nil) -> LogEvent {
        LogEvent(level: .warning, message: "request done", error: error, metadata: metadata, source: "App",
                 file: #fileID, function: #function, line: #line)
    }

    @Test func line_isOneSortedJSONObjectWithTheEventMetadataWinning() throws {
        var handler = JSONLogHandler(label: "buildermock")
        handler.metadata = ["http.port": "8080", "request": "handler"]
        let line = handler.line(for: event(metadata: ["request": "event", "tags": ["a", "b"],
                                                      "nested": ["k": .stringConvertible(42)]]),
                                at: 1_763_925_600.25)
        #expect(line.hasSuffix("}\n"))
        #expect(line.dropLast().contains("\n") == false)
        #expect(line == #"{"http.port":"8080","label":"buildermock","level":"warning","msg":"request done","#
            + #""nested":{"k":"42"},"request":"event","tags":["a","b"],"ts":1763925600.25}"# + "\n")
    }

    @Test func line_carriesTheErrorAndEscapesText() throws {
        let handler = JSONLogHandler(label: "x")
        let line = handler.line(for: LogEvent(level: .error, message: "quote \" and\nnewline", error: Failure(),
                                              metadata: nil, source: "App", file: #fileID, function: #function,
                                              line: #line),
                                at: 5)
        let parsed = try #require(JSONValue.parse(line)?.objectValue)
        #expect(parsed["error"]?.stringValue == "disk full")
        #expect(parsed["msg"]?.stringValue == "quote \" and\nnewline")
        #expect(parsed["ts"] == .int(5) || parsed["ts"] == .double(5))
    }
}
