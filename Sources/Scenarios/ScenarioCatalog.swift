import JSON
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Every scenario of a directory tree (`<service>/<kind>/*.json`), validated and indexed by kind and name.
///
/// Loading never stops at the first problem: a fixture author fixing files one error per run is what
/// `scenarios validate` exists to prevent. Within a kind, "catalog order" (the order match rules are
/// tried in) is the files' relative paths sorted bytewise, so `10-…` before `20-…` is a way to rank them.
public struct ScenarioCatalog: Sendable {
    private let byKind: [ScenarioKind: [Scenario]]

    /// Validates the cross-file rules (unique names per kind, exactly one default per kind) over
    /// already-validated scenarios, e.g. ones built in code by tests.
    public init(scenarios: [Scenario]) throws(ScenarioValidationFailure) {
        let errors = Self.crossFileErrors(scenarios, lines: [:], requireDefaults: true)
        guard errors.isEmpty else { throw ScenarioValidationFailure(errors: errors) }
        self.init(unchecked: scenarios)
    }

    private init(unchecked scenarios: [Scenario]) {
        var byKind: [ScenarioKind: [Scenario]] = [:]
        for scenario in scenarios { byKind[scenario.kindKey, default: []].append(scenario) }
        self.byKind = byKind
    }

    /// Every kind that has scenarios, sorted.
    public var kinds: [ScenarioKind] { byKind.keys.sorted() }

    /// Every scenario, by kind, each kind in catalog order.
    public var all: [Scenario] { kinds.flatMap { byKind[$0] ?? [] } }

    /// The scenarios of one kind, in catalog order.
    public func scenarios(for kind: ScenarioKind) -> [Scenario] { byKind[kind] ?? [] }

    public func scenario(named name: String, for kind: ScenarioKind) -> Scenario? {
        byKind[kind]?.first { $0.name == name }
    }

    public func defaultScenario(for kind: ScenarioKind) -> Scenario? {
        byKind[kind]?.first { $0.isDefault }
    }

    // MARK: Loading

    /// Loads and validates every `*.json` under `directory` (recursively).
    /// - Parameter vocabulary: allowed states/events per kind; kinds missing from it are errors.
    ///   Pass nil to accept any kind, state and event.
    public static func load(directory: String,
                            vocabulary: [ScenarioKind: KindVocabulary]? = KindVocabulary.builtIn)
        throws(ScenarioValidationFailure) -> ScenarioCatalog
    {
        let (scenarios, errors) = collect(path: directory, vocabulary: vocabulary)
        guard errors.isEmpty else { throw ScenarioValidationFailure(errors: errors) }
        return ScenarioCatalog(unchecked: scenarios)
    }

    /// Every error in a directory, or in a single file (then the one-default-per-kind rule is skipped,
    /// since one file cannot satisfy it). Empty means valid. The same code runs at server startup.
    public static func validate(path: String,
                                vocabulary: [ScenarioKind: KindVocabulary]? = KindVocabulary.builtIn) -> [ScenarioError] {
        collect(path: path, vocabulary: vocabulary).errors
    }

    /// Parses and validates one scenario document. `file` is only used to label errors; `location`, when
    /// given (`["appbuilds", "build"]`), must agree with the document's service and kind.
    public static func parse(_ text: String, file: String, location: [String]? = nil,
                             vocabulary: [ScenarioKind: KindVocabulary]? = KindVocabulary.builtIn)
        -> (scenario: Scenario?, errors: [ScenarioError])
    {
        let result = parseFile(text, file: file, location: location, vocabulary: vocabulary)
        return (result.scenario, result.errors)
    }

    private struct ParsedFile {
        var scenario: Scenario?
        var errors: [ScenarioError]
        var lines: [String: Int]
    }

    private static func parseFile(_ text: String, file: String, location: [String]?,
                                  vocabulary: [ScenarioKind: KindVocabulary]?) -> ParsedFile {
        let root: JSONNode
        do {
            root = try JSONParser.parse(text)
        } catch {
            return ParsedFile(scenario: nil, errors: [ScenarioError(file: file, jsonPath: "$", line: error.line,
                                                                      column: error.column, message: "invalid JSON: \(error.message)")],
                              lines: [:])
        }
        var decoder = ScenarioDecoder(file: file)
        guard let scenario = decoder.decode(root) else {
            return ParsedFile(scenario: nil, errors: decoder.errors, lines: decoder.lines)
        }
        var errors = decoder.errors
        var kindVocabulary: KindVocabulary?
        if let vocabulary, !scenario.service.isEmpty, !scenario.kind.isEmpty {
            kindVocabulary = vocabulary[scenario.kindKey]
            if kindVocabulary == nil {
                let known = vocabulary.keys.sorted().map(\.description).joined(separator: ", ")
                errors.append(ScenarioError(file: file, jsonPath: "$.kind", line: decoder.lines["$.kind"],
                                            message: "unknown kind \"\(scenario.kindKey)\"; known kinds: \(known)"))
            }
        }
        if let location, location.count == 2 {
            if location[0] != scenario.service {
                errors.append(ScenarioError(file: file, jsonPath: "$.service", line: decoder.lines["$.service"],
                                            message: "service \"\(scenario.service)\" does not match the folder \"\(location[0])\""))
            }
            if location[1] != scenario.kind {
                errors.append(ScenarioError(file: file, jsonPath: "$.kind", line: decoder.lines["$.kind"],
                                            message: "kind \"\(scenario.kind)\" does not match the folder \"\(location[1])\""))
            }
        }
        var validator = ScenarioValidator(file: file, lines: decoder.lines, vocabulary: kindVocabulary)
        validator.validate(scenario)
        errors += validator.errors
        return ParsedFile(scenario: errors.isEmpty ? scenario : nil, errors: errors, lines: decoder.lines)
    }

    private static func collect(path: String, vocabulary: [ScenarioKind: KindVocabulary]?)
        -> (scenarios: [Scenario], errors: [ScenarioError])
    {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: path) else {
            return ([], [ScenarioError(file: path, jsonPath: "$", message: "no such file or directory")])
        }
        // Listing it tells a directory (a symlink to one included) from a file without
        // fileExists(atPath:isDirectory:), whose flag is ObjCBool on Darwin and Bool in FoundationEssentials.
        let isDirectory = (try? fileManager.contentsOfDirectory(atPath: path)) != nil
        var files: [(relative: String, path: String)] = []
        if isDirectory {
            let subpaths = (try? fileManager.subpathsOfDirectory(atPath: path)) ?? []
            let root = path.hasSuffix("/") ? path : path + "/"
            for relative in subpaths where relative.hasSuffix(".json") {
                files.append((relative, root + relative))
            }
            files.sort { Array($0.relative.utf8).lexicographicallyPrecedes(Array($1.relative.utf8)) }
        } else {
            files = [(path, path)]
        }

        var scenarios: [Scenario] = []
        var errors: [ScenarioError] = []
        var lines: [String: [String: Int]] = [:]
        for (relative, filePath) in files {
            guard let data = fileManager.contents(atPath: filePath) else {
                errors.append(ScenarioError(file: relative, jsonPath: "$", message: "cannot read the file"))
                continue
            }
            guard let text = String(validating: Array(data), as: UTF8.self) else {
                errors.append(ScenarioError(file: relative, jsonPath: "$", message: "the file is not UTF-8"))
                continue
            }
            let components = relative.split(separator: "/").map(String.init)
            let location = isDirectory && components.count == 3 ? Array(components.prefix(2)) : nil
            if isDirectory && components.count != 3 {
                errors.append(ScenarioError(file: relative, jsonPath: "$",
                                            message: "scenario files live at <service>/<kind>/<name>.json under the scenarios directory"))
            }
            let parsed = parseFile(text, file: relative, location: location, vocabulary: vocabulary)
            errors += parsed.errors
            if let scenario = parsed.scenario {
                scenarios.append(scenario)
                lines[relative] = parsed.lines
            }
        }
        errors += crossFileErrors(scenarios, lines: lines, requireDefaults: isDirectory)
        return (scenarios, errors)
    }

    /// Unique names and exactly one default, per kind.
    private static func crossFileErrors(_ scenarios: [Scenario], lines: [String: [String: Int]],
                                        requireDefaults: Bool) -> [ScenarioError] {
        var errors: [ScenarioError] = []
        var byKind: [ScenarioKind: [Scenario]] = [:]
        for scenario in scenarios { byKind[scenario.kindKey, default: []].append(scenario) }
        for kind in byKind.keys.sorted() {
            let group = byKind[kind] ?? []
            var firstByName: [String: Scenario] = [:]
            for scenario in group {
                if let first = firstByName[scenario.name] {
                    errors.append(ScenarioError(file: scenario.file, jsonPath: "$.name", line: lines[scenario.file]?["$.name"],
                                                message: "duplicate scenario name \"\(scenario.name)\" for \(kind) (also in \(first.file))"))
                } else {
                    firstByName[scenario.name] = scenario
                }
            }
            let defaults = group.filter(\.isDefault)
            for extra in defaults.dropFirst() {
                errors.append(ScenarioError(file: extra.file, jsonPath: "$.default", line: lines[extra.file]?["$.default"],
                                            message: "\(kind) already has a default scenario, \"\(defaults[0].name)\" (\(defaults[0].file)); only one may set \"default\": true"))
            }
            if requireDefaults, defaults.isEmpty, let first = group.first {
                errors.append(ScenarioError(file: first.file, jsonPath: "$.default", line: lines[first.file]?["$"],
                                            message: "\(kind) has scenarios but no default; mark one with \"default\": true"))
            }
        }
        return errors
    }
}
