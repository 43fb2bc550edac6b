import Scenarios

/// `buildermock scenarios validate`: the same checks the server runs at startup, without starting it.
public enum ScenarioValidation {
    /// Every problem in the scenario files under `path` (a directory or one file), as
    /// `file:line: $.json.path: message` lines; empty when they are all valid.
    public static func problems(at path: String) -> [String] {
        ScenarioCatalog.validate(path: path).map(\.description)
    }

    /// How many scenarios the directory holds, by `service/kind`, once it is valid.
    public static func summary(at path: String) -> [String] {
        guard let catalog = try? ScenarioCatalog.load(directory: path) else { return [] }
        return catalog.kinds.map { kind in
            let names = catalog.scenarios(for: kind).map { $0.isDefault ? "\($0.name) (default)" : $0.name }
            return "\(kind): \(names.joined(separator: ", "))"
        }
    }
}
