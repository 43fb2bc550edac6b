import Dispatch
import HTTP
import JSON
import Synchronization

/// A scripted walk through all four emulated APIs on the manual clock: each act creates a job over
/// the public API, then moves the clock to each next due transition and reports what the API shows.
public struct DemoTour: Sendable {
    public let name: String
    public let summary: String
    let acts: [DemoAct]

    /// The happy path of every API.
    public static let happy = DemoTour(
        name: "happy", summary: "every API's default scenario, from the first request to its end state",
        acts: [.builderAgents(scenario: nil), .builderIO(scenario: nil), .buildprint(scenario: nil),
               .appBuilds(scenario: nil)])

    /// One shipped failure scenario per API.
    public static let failures = DemoTour(
        name: "failures",
        summary: "a shipped failure scenario per API: deploy fails, agent gives up, run errors, URL unreachable",
        acts: [.builderAgents(scenario: "fails-at-deploy"), .builderIO(scenario: "fails"),
               .buildprint(scenario: "error-while-running"), .appBuilds(scenario: "url-unreachable")])

    public static let all = [happy, failures]

    public static func named(_ name: String) throws(DemoError) -> DemoTour {
        guard let tour = all.first(where: { $0.name == name }) else { throw DemoError.unknownTour(name) }
        return tour
    }

    /// Plays every act against the server `client` talks to, reporting as it goes. Returns the
    /// events in order (the same ones the reporter saw).
    @discardableResult
    public func run(client: DemoClient, reporter: any DemoReporter) async throws(DemoError) -> [DemoEvent] {
        let receiver = WebhookReceiver()
        let port: Int
        do {
            port = try receiver.start()
        } catch {
            throw DemoError.transport("cannot start the webhook receiver: \(error)")
        }
        let log = EventLog()
        do {
            for (index, act) in acts.enumerated() {
                let count = acts.count
                let emit: @Sendable (DemoEvent) -> Void = { event in
                    log.append(event)
                    reporter.report(event, act: index, of: count)
                }
                emit(DemoEvent(act: act.api, kind: .act, text: act.title))
                try await act.run(ActContext(client: client, act: act.api, emit: emit, receiver: receiver, webhookPort: port))
            }
        } catch let error as DemoError {
            await receiver.stop()
            throw error
        } catch {
            await receiver.stop()
            throw DemoError.unexpected("\(error)")
        }
        await receiver.stop()
        return log.events
    }
}

/// The events of one run, collected for the caller (tests compare two runs).
final class EventLog: Sendable {
    private let items = Mutex<[DemoEvent]>([])
    func append(_ event: DemoEvent) { items.withLock { $0.append(event) } }
    var events: [DemoEvent] { items.withLock { $0 } }
}
