import Engine
import HTTP
import JSON

/// How one replayed step differs from its recording.
public struct StepDifference: Sendable, CustomStringConvertible {
    public let index: Int
    public let method: String
    public let target: String
    /// One line each: `status: recorded 202, got 200`, `body $.status: recorded "done", got "failed"`.
    public let problems: [String]

    init(index: Int, step: SessionFile.Step, problems: [String]) {
        self.index = index
        method = step.method
        target = step.target
        self.problems = problems
    }

    public var description: String {
        "step \(index + 1): \(method) \(target)\n" + problems.map { "  " + $0 }.joined(separator: "\n")
    }

    /// At most this many body differences are listed per step; a changed id can touch dozens of fields.
    static let maximumBodyLines = 20

    static func compare(recorded: SessionFile.Step, actual: SessionFile.Step) -> [String] {
        var problems: [String] = []
        if recorded.at != actual.at {
            problems.append("clock: recorded \(recorded.at.iso8601), got \(actual.at.iso8601)")
        }
        if recorded.status != actual.status {
            problems.append("status: recorded \(recorded.status), got \(actual.status)")
        }
        if recorded.fault != actual.fault {
            problems.append("fault: recorded \(recorded.fault ?? "none"), got \(actual.fault ?? "none")")
        }
        problems += headerProblems(recorded.responseHeaders, actual.responseHeaders)
        problems += bodyProblems(recorded, actual)
        return problems
    }

    static func headerProblems(_ recorded: HTTPHeaders, _ actual: HTTPHeaders) -> [String] {
        var problems: [String] = []
        var names: [String] = []
        for field in recorded.fields + actual.fields where !names.contains(where: { HTTPHeaders.namesEqual($0, field.name) }) {
            names.append(field.name)
        }
        for name in names {
            let was = recorded.values(for: name)
            let now = actual.values(for: name)
            guard was != now else { continue }
            let show = { (values: [String]) in values.isEmpty ? "(absent)" : values.map { "\"\($0)\"" }.joined(separator: ", ") }
            problems.append("header \(name): recorded \(show(was)), got \(show(now))")
        }
        return problems
    }

    static func bodyProblems(_ recorded: SessionFile.Step, _ actual: SessionFile.Step) -> [String] {
        var expected = recorded.responseBody
        var got = actual.responseBody
        if !recorded.responseBodyComplete {
            // The journal kept only the start of this body: compare that much.
            got = Array(got.prefix(expected.count))
        }
        if expected == got { return [] }
        if recorded.responseBodyComplete, let was = JSONValue.parse(expected), let now = JSONValue.parse(got) {
            var lines: [String] = []
            jsonDifferences(was, now, path: "$", into: &lines)
            if lines.isEmpty { return [] }  // Same JSON value, spelled differently.
            if lines.count > maximumBodyLines {
                let more = lines.count - maximumBodyLines
                lines = Array(lines.prefix(maximumBodyLines)) + ["… and \(more) more"]
            }
            return lines.map { "body " + $0 }
        }
        let offset = zip(expected, got).prefix { $0 == $1 }.count
        expected = Array(expected.dropFirst(offset).prefix(60))
        got = Array(got.dropFirst(offset).prefix(60))
        return ["body differs from byte \(offset) (recorded \(recorded.responseBody.count) bytes, got \(actual.responseBody.count)): "
                + "recorded \(preview(expected)), got \(preview(got))"]
    }

    static func jsonDifferences(_ was: JSONValue, _ now: JSONValue, path: String, into lines: inout [String]) {
        switch (was, now) {
        case (.object(let a), .object(let b)):
            for key in Set(a.keys).union(b.keys).sorted() {
                let sub = path + "." + key
                switch (a[key], b[key]) {
                case (let x?, let y?): jsonDifferences(x, y, path: sub, into: &lines)
                case (let x?, nil): lines.append("\(sub): recorded \(x.serialized()), got (absent)")
                case (nil, let y?): lines.append("\(sub): recorded (absent), got \(y.serialized())")
                default: break
                }
            }
        case (.array(let a), .array(let b)):
            for index in 0..<max(a.count, b.count) {
                let sub = "\(path)[\(index)]"
                if index < a.count, index < b.count {
                    jsonDifferences(a[index], b[index], path: sub, into: &lines)
                } else if index < a.count {
                    lines.append("\(sub): recorded \(a[index].serialized()), got (absent)")
                } else {
                    lines.append("\(sub): recorded (absent), got \(b[index].serialized())")
                }
            }
        default:
            if was != now, !JournalMatcher.jsonEqual(was, now) {
                lines.append("\(path): recorded \(was.serialized()), got \(now.serialized())")
            }
        }
    }

    static func preview(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return JSONValue.string(text).serialized() }
        return bytes.map { String($0, radix: 16) }.joined(separator: " ")
    }
}
