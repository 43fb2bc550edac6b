import JSON
/// One problem found while loading scenarios, precise enough to jump to: file, JSON path, line.
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Path of the file, relative to the directory being loaded (or as given for a single file).
    public var file: String
    /// Where in the document, e.g. `$.steps[2].next`; `$` for the whole file.
    public var jsonPath: String
    /// 1-based line of the offending key or value, when it could be found.
    public var line: Int?
    /// 1-based column, known for syntax errors only.
    public var column: Int?
    public var message: String

    public init(file: String, jsonPath: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.jsonPath = jsonPath
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: $.path: message`, the shape editors and CI annotate.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(jsonPath): \(message)"
    }
}

/// Every error found in a directory, thrown by `ScenarioCatalog.load` so a caller sees all of them at once.
public struct ScenarioValidationFailure: Error, Sendable, CustomStringConvertible {
    public var errors: [ScenarioError]

    public init(errors: [ScenarioError]) { self.errors = errors }

    public var description: String {
        "\(errors.count) scenario error\(errors.count == 1 ? "" : "s"):\n"
            + errors.map { "  " + $0.description }.joined(separator: "\n")
    }
}
