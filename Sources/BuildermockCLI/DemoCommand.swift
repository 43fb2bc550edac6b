import ArgumentParser
import App
import Demo
import Logging

/// `buildermock demo [TOUR]`: a guided tour of all four APIs with a live timeline.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Tour all four emulated APIs on the manual clock and print what happens.",
        discussion: """
            Starts a throwaway in-process server (in-memory database, manual clock, ephemeral loopback \
            port) unless --url names a running one, then drives one job through each API's lifecycle \
            over HTTP: a builder-agents conversation to a deployed builder, a Builder.io agent branch, a \
            Buildprint run and its signed webhook, a Capwrapper build, download and store deploy. The \
            clock is moved to each next due transition, so the tour takes a fraction of a second and \
            prints the same timeline every time with the same seed.

            Tours: \(DemoTour.all.map { "\($0.name) (\($0.summary))" }.joined(separator: "; ")).
            """)

    @Argument(help: "The tour to play: \(DemoTour.all.map(\.name).joined(separator: " or ")).")
    var tour: String = DemoTour.happy.name

    @Option(help: ArgumentHelp("Drive a running server (started with --clock manual) instead of an in-process one.",
                               valueName: "http://HOST:PORT"))
    var url: String?

    @Flag(help: "Print one JSON object per line instead of the readable timeline.")
    var json = false

    @Option(help: "Seed of the in-process server's generated ids.")
    var seed: UInt64 = 42

    func validate() throws {
        do {
            _ = try DemoTour.named(tour)
        } catch {
            throw ValidationError(error.description)
        }
        if let url, DemoClient(url: url) == nil {
            throw ValidationError("--url must look like http://127.0.0.1:8080")
        }
    }

    func run() async throws {
        let tour = try DemoTour.named(tour)
        let logger = LogSetup.bootstrap(format: .text, level: "error")
        var application: Application?
        let client: DemoClient
        if let url, let target = DemoClient(url: url) {
            client = target
        } else {
            var configuration = AppConfiguration()
            configuration.port = 0
            configuration.databasePath = ":memory:"
            configuration.clockMode = .manual
            configuration.seed = seed
            let app = try Application(configuration: configuration, logger: logger)
            client = DemoClient(host: "127.0.0.1", port: try app.start())
            application = app
        }
        let reporter: any DemoReporter = json
            ? JSONLinesReporter { print($0) }
            : TerminalReporter { print($0) }
        let started = ContinuousClock.now
        do {
            let events = try await tour.run(client: client, reporter: reporter)
            let elapsed = ContinuousClock.now - started
            let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            let summary = "\(tour.name) tour: \(events.count) events across 4 APIs in \(milliseconds) ms of wall time"
            if json {
                StandardError.write(summary + "\n")
            } else {
                print("\n" + summary)
            }
        } catch {
            await application?.shutdown()
            StandardError.write("demo failed: \(error)\n")
            throw ExitCode.failure
        }
        await application?.shutdown()
    }
}
