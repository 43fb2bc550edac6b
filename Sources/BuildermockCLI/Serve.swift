import ArgumentParser
import App
import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Logging

/// `buildermock serve`: runs the server in the foreground until SIGINT or SIGTERM.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the mock server (the default command).",
        discussion: """
            Serves all four emulated APIs and /__admin on one port. Stops gracefully on SIGINT or \
            SIGTERM: no new connections, in-flight requests finish, then exit 0.
            """)

    @OptionGroup var options: ServeOptions

    func validate() throws {
        _ = try AppConfiguration(options: options, environment: ProcessInfo.processInfo.environment)
    }

    func run() async throws {
        let configuration = try AppConfiguration(options: options, environment: ProcessInfo.processInfo.environment)
        let logger = LogSetup.bootstrap(format: configuration.logFormat, level: configuration.logLevel)
        let application: Application
        do {
            application = try Application(configuration: configuration, logger: logger)
        } catch {
            logger.critical("could not start: \(error)")
            throw ExitCode.failure
        }
        // Signals are turned into an async event before the server starts, so a SIGTERM that
        // arrives during startup is not lost to the default (killing) disposition.
        let signals = ShutdownSignals([SIGINT, SIGTERM])
        do {
            try application.start()
        } catch {
            logger.critical("could not start: \(error)")
            throw ExitCode.failure
        }
        let signal = await signals.next()
        logger.info("shutting down", metadata: ["signal": .stringConvertible(signal)])
        await application.shutdown()
    }
}

/// Waits for the first of some signals through Dispatch signal sources (the same `shutdown()` path
/// the tests call), instead of a C signal handler that could do nothing safely.
/// Not Sendable: made and awaited by the one task that runs `serve`.
final class ShutdownSignals {
    private let sources: [any DispatchSourceSignal]
    private let stream: AsyncStream<Int32>

    init(_ numbers: [Int32]) {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        self.stream = stream
        let queue = DispatchQueue(label: "buildermock.signals")
        sources = numbers.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
    }

    func next() async -> Int32 {
        for await number in stream { return number }
        return SIGTERM
    }
}
