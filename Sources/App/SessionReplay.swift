public import Engine
public import Logging
import HTTP
import JSON

/// Plays a session file against a fresh in-process server (in-memory database, manual clock, the
/// file's seed, clock start and settings) and compares every response with the recorded one.
///
/// In-process means the requests go through the whole pipeline (middleware, router, services,
/// engine) but not through sockets, so no header the socket writer adds at wall time (`Date` when a
/// handler set none, `Server`, `Content-Length`, `Connection`) ever enters a comparison; neither does
/// a step's duration. Everything else is compared.
public struct SessionReplay: Sendable {
    public let session: SessionFile
    /// Fixtures root; nil means the shipped fixtures (as for `serve`).
    public let fixturesPath: String?

    public init(session: SessionFile, fixturesPath: String? = nil) {
        self.session = session
        self.fixturesPath = fixturesPath
    }

    /// A replay of session file text; throws `SessionFileError` naming the JSON path at fault.
    public init(text: [UInt8], fixturesPath: String? = nil) throws {
        self.init(session: try SessionFile(text: text), fixturesPath: fixturesPath)
    }

    /// What one replay saw.
    public struct Outcome: Sendable {
        /// The session with the responses this run got (what `--update` writes).
        public var actual: SessionFile
        /// One entry per step that differs, in order.
        public var differences: [StepDifference]
        /// Status line, headers and body of each response exactly as produced, for byte comparisons.
        public var responseBytes: [[UInt8]]
        public var isIdentical: Bool { differences.isEmpty }
        /// The file text `--update` writes.
        public var updatedText: String { actual.text }
        public var stepCount: Int { actual.steps.count }

        /// The readable report: one block per differing step.
        public var report: String {
            differences.map(\.description).joined(separator: "\n")
        }
    }

    public func run(logger: Logger = Logger(label: "buildermock.replay", factory: { _ in SwiftLogNoOpLogHandler() }))
        async throws -> Outcome
    {
        var configuration = AppConfiguration()
        configuration.databasePath = ":memory:"
        configuration.port = 0
        configuration.clockMode = .manual
        configuration.startTimeMs = session.clockStart.unixMilliseconds
        configuration.seed = session.seed
        configuration.fixturesPath = fixturesPath
        configuration.apply(sessionSettings: session.settings)
        let app = try Application(configuration: configuration, logger: logger)
        do {
            let outcome = try await play(on: app)
            // Never started, so this only closes the database.
            await app.shutdown()
            return outcome
        } catch {
            await app.shutdown()
            throw error
        }
    }

    private func play(on app: Application) async throws -> Outcome {
        var actual = session
        var differences: [StepDifference] = []
        var responseBytes: [[UInt8]] = []
        for (index, step) in session.steps.enumerated() {
            // A session recorded on a real clock has time pass between requests with no clock call:
            // move there first. On a manual clock the explicit clock steps already did.
            if app.engine.now(namespace: session.namespace) < step.at {
                _ = try await app.engine.advance(namespace: session.namespace, to: step.at)
            }
            let at = app.engine.now(namespace: session.namespace)
            let response = await app.responder.respond(to: request(for: step))
            var seen = step
            seen.at = at
            seen.status = response.status.code
            seen.responseHeaders = response.headers
            seen.responseBody = response.body
            seen.responseBodyComplete = true
            seen.fault = response.appliedFault
            actual.steps[index] = seen
            responseBytes.append(Self.bytes(of: response))
            let problems = StepDifference.compare(recorded: step, actual: seen)
            if !problems.isEmpty {
                differences.append(StepDifference(index: index, step: step, problems: problems))
            }
        }
        return Outcome(actual: actual, differences: differences, responseBytes: responseBytes)
    }

    /// The recorded request, with redacted credentials swapped for the values the file supplies.
    func request(for step: SessionFile.Step) -> HTTPRequest {
        var headers = HTTPHeaders()
        for field in step.requestHeaders {
            if Redaction.fieldNames.contains(where: { HTTPHeaders.namesEqual($0, field.name) }),
               case .some(.some(let real)) = session.credentials[field.value] {
                headers.add(field.name, real)
            } else {
                headers.add(field.name, field.value)
            }
        }
        return HTTPRequest(method: HTTPMethod(step.method), target: step.target, headers: headers, body: step.requestBody,
                           remoteAddress: "127.0.0.1")
    }

    static func bytes(of response: HTTPResponse) -> [UInt8] {
        var out = Array("\(response.status.code)\r\n".utf8)
        for field in response.headers { out += Array("\(field.name): \(field.value)\r\n".utf8) }
        out += Array("\r\n".utf8)
        return out + response.body
    }
}
