import App
import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `buildermock replay FILE [--update]`.
struct Replay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay a session file against a fresh in-process server and diff every response.",
        discussion: """
            Starts the server in this process on an in-memory database with the file's seed, clock \
            start and settings and the fixtures' scenarios, plays the requests and clock moves in \
            order, and compares each response (status, headers, JSON body, fault, clock time) with \
            the recorded one. Exits 0 when all match; prints a diff and exits 1 otherwise. Record a \
            session with GET /__admin/session (see docs/JOURNAL.md).
            """)

    @Argument(help: "A session file, as written by GET /__admin/session.")
    var file: String

    @Flag(help: "Rewrite the file's recorded responses with the ones this run got.")
    var update = false

    @Option(help: "Scenario library directory (BUILDERMOCK_FIXTURES; default: the fixtures/ shipped with buildermock).")
    var fixtures: String?

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read \(file)")
        }
        let fixturesPath = fixtures ?? ProcessInfo.processInfo.environment["BUILDERMOCK_FIXTURES"]
        let replay: SessionReplay
        do {
            replay = try SessionReplay(text: Array(data), fixturesPath: fixturesPath)
        } catch {
            throw ValidationError("\(file): \(error)")
        }
        let outcome: SessionReplay.Outcome
        do {
            outcome = try await replay.run()
        } catch {
            print("replay failed: \(error)")
            throw ExitCode.failure
        }
        if update {
            do {
                try Data(outcome.updatedText.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
            } catch {
                print("cannot write \(file): \(error)")
                throw ExitCode.failure
            }
            print("updated \(file): \(outcome.stepCount) steps, \(outcome.differences.count) changed")
            return
        }
        guard outcome.isIdentical else {
            print(outcome.report)
            print("\(outcome.differences.count) of \(outcome.stepCount) steps differ from \(file)")
            throw ExitCode.failure
        }
        print("ok: \(file): \(outcome.stepCount) steps identical")
    }
}
