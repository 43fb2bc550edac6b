import ArgumentParser
import App

/// The `buildermock` command: `serve` by default, plus `version`.
@main
struct Buildermock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "buildermock",
        abstract: "A self-hosted mock of four hosted AI app builder APIs, with real lifecycles.",
        discussion: """
            Emulates the builder-agents/builders API (Mihu AI), Builder.io's Agents Run API, Buildprint's \
            agents API and Capwrapper's app-builds API on one port, with jobs that move through their \
            lifecycles on a clock your tests control. Every `serve` option can also come from a \
            BUILDERMOCK_* environment variable (named in its help); a flag wins over the variable.
            """,
        version: BuildInfo.version,
        subcommands: [Serve.self, Scenarios.self, DemoCommand.self, Replay.self, Version.self],
        defaultSubcommand: Serve.self)
}

/// `buildermock version`.
struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the version and exit.")
    func run() {
        print("buildermock \(BuildInfo.version)")
    }
}
