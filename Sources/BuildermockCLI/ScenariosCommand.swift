import App
import ArgumentParser

/// `buildermock scenarios …`: work with scenario files.
struct Scenarios: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with scenario files.",
        subcommands: [Validate.self])

    /// `buildermock scenarios validate DIR`.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check scenario files the way the server does at startup.",
            discussion: """
                Prints one line per problem as FILE:LINE: $.json.path: message and exits 1 when there \
                is any; otherwise lists the scenarios per service/kind and exits 0. DIR is a scenarios \
                directory (fixtures/scenarios) or a single file.
                """)

        @Argument(help: "A scenarios directory, e.g. fixtures/scenarios, or one scenario file.")
        var path: String

        func run() throws {
            let problems = ScenarioValidation.problems(at: path)
            guard problems.isEmpty else {
                problems.forEach { print($0) }
                print("\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(path)")
                throw ExitCode.failure
            }
            ScenarioValidation.summary(at: path).forEach { print($0) }
            print("ok: \(path)")
        }
    }
}
