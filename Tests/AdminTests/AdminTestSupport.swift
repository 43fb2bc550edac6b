import App
import Engine
import BuildermockTesting
import HTTP
import JSON
import Testing

/// A valid app-build body (docs/API-APPBUILDS.md).
let buildBody: JSONValue = [
    "url": "https://example.com", "appName": "Demo", "bundleId": "com.example.demo", "version": "1.0.0",
    "platform": "android",
]

extension TestApp {
    /// Creates an app build in `namespace` and returns its id.
    func createBuild(namespace: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let response = await request(.post, "/api/v1/builds", token: "t", json: buildBody,
                                     headers: ["X-Buildermock-Namespace": namespace])
        #expect(response.status.code == 201, "\(response.text)", sourceLocation: sourceLocation)
        return try #require(response.json?[path: "id"]?.stringValue, sourceLocation: sourceLocation)
    }

    /// Serves the application on a loopback port for `body`, and always shuts it down.
    func live<T>(_ body: (Int) async throws -> T) async throws -> T {
        let port = try application.start()
        do {
            let result = try await body(port)
            await application.shutdown()
            return result
        } catch {
            await application.shutdown()
            throw error
        }
    }
}

/// One sample of a Prometheus text exposition, parsed back.
struct PrometheusSample: Equatable {
    var name: String
    var labels: [String: String]
    var value: Double
}

/// Why a metrics text is not valid exposition format.
struct ExpositionError: Error, CustomStringConvertible {
    var description: String
}

/// A strict reader of the text format 0.0.4: every family declared once with HELP and TYPE before
/// its samples, metric and label names of the allowed alphabet, quoted and escaped label values,
/// float values. Throws on the first line that breaks a rule.
enum PrometheusParser {
    static func parse(_ text: String) throws -> (types: [String: String], samples: [PrometheusSample]) {
        var types: [String: String] = [:]
        var helped: Set<String> = []
        var samples: [PrometheusSample] = []
        guard text.hasSuffix("\n") else { throw ExpositionError(description: "the text must end with a line feed") }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
            let line = String(line)
            func fail(_ why: String) -> ExpositionError { ExpositionError(description: "line \(number + 1) \(why): \(line)") }
            if line.hasPrefix("# HELP ") {
                let parts = line.dropFirst(7).split(separator: " ", maxSplits: 1)
                guard let name = parts.first, isMetricName(String(name)) else { throw fail("bad HELP") }
                guard helped.insert(String(name)).inserted else { throw fail("second HELP") }
                continue
            }
            if line.hasPrefix("# TYPE ") {
                let parts = line.dropFirst(7).split(separator: " ")
                guard parts.count == 2, isMetricName(String(parts[0])),
                      ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[1]) else { throw fail("bad TYPE") }
                guard types[String(parts[0])] == nil else { throw fail("second TYPE") }
                types[String(parts[0])] = String(parts[1])
                continue
            }
            guard !line.hasPrefix("#"), !line.isEmpty else { throw fail("unexpected") }
            let sample = try parseSample(line, fail: fail)
            let family = types[sample.name] != nil ? sample.name
                : ["_bucket", "_sum", "_count"].compactMap { suffix in
                    sample.name.hasSuffix(suffix) ? String(sample.name.dropLast(suffix.count)) : nil
                }.first { types[$0] == "histogram" }
            guard let family, types[family] != nil else { throw fail("sample of an undeclared family") }
            if sample.name.hasSuffix("_bucket"), sample.labels["le"] == nil { throw fail("bucket without le") }
            samples.append(sample)
        }
        return (types, samples)
    }

    static func parseSample(_ line: String, fail: (String) -> ExpositionError) throws -> PrometheusSample {
        let chars = Array(line.unicodeScalars)
        var index = 0
        var name = ""
        while index < chars.count, chars[index] != "{", chars[index] != " " { name.unicodeScalars.append(chars[index]); index += 1 }
        guard isMetricName(name) else { throw fail("bad metric name") }
        var labels: [String: String] = [:]
        if index < chars.count, chars[index] == "{" {
            index += 1
            while index < chars.count, chars[index] != "}" {
                var label = ""
                while index < chars.count, chars[index] != "=" { label.unicodeScalars.append(chars[index]); index += 1 }
                guard isLabelName(label), index + 1 < chars.count, chars[index + 1] == "\"" else { throw fail("bad label") }
                index += 2
                var value = ""
                while index < chars.count, chars[index] != "\"" {
                    if chars[index] == "\\" {
                        guard index + 1 < chars.count else { throw fail("dangling escape") }
                        switch chars[index + 1] {
                        case "\\": value += "\\"
                        case "\"": value += "\""
                        case "n": value += "\n"
                        default: throw fail("bad escape")
                        }
                        index += 2
                    } else {
                        value.unicodeScalars.append(chars[index])
                        index += 1
                    }
                }
                guard index < chars.count else { throw fail("unterminated label value") }
                index += 1
                guard labels.updateValue(value, forKey: label) == nil else { throw fail("repeated label") }
                if index < chars.count, chars[index] == "," { index += 1 }
            }
            guard index < chars.count else { throw fail("unterminated labels") }
            index += 1
        }
        guard index < chars.count, chars[index] == " " else { throw fail("no value") }
        var text = ""
        text.unicodeScalars.append(contentsOf: chars[(index + 1)...])
        let value: Double
        switch text {
        case "+Inf": value = .infinity
        case "-Inf": value = -.infinity
        default:
            guard let parsed = Double(text) else { throw fail("bad value") }
            value = parsed
        }
        return PrometheusSample(name: name, labels: labels, value: value)
    }

    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`
    static func isMetricName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first == ":" || first.isASCIILetter else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" || $0 == ":" }
    }

    /// `[a-zA-Z_][a-zA-Z0-9_]*`
    static func isLabelName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.isASCIILetter else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}

extension [PrometheusSample] {
    /// The value of the one sample with this name and exactly these labels.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        first { $0.name == name && $0.labels == labels }?.value
    }
}
