import ArgumentParser

/// The `buildermock` command.
@main
struct Buildermock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "buildermock",
        abstract: "A self-hosted mock of four hosted AI app builder APIs, with real lifecycles.")
}
