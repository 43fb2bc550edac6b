import JSON
import Testing
@testable import Engine

/// Committed engine events reach subscribers in order, filtered by namespace, and never before (or
/// without) their commit; a subscription ends when its consumer stops.
@Suite struct EventBroadcasterTests {
    /// Collects what a subscription delivers, on a task the test can stop.
    final class Collector: Sendable {
        let task: Task<[PublishedEvent], Never>

        init(_ stream: AsyncStream<PublishedEvent>, count: Int) {
            task = Task {
                var seen: [PublishedEvent] = []
                for await event in stream {
                    seen.append(event)
                    if seen.count == count { break }
                }
                return seen
            }
        }

        var events: [PublishedEvent] { get async { await task.value } }
    }

    static func transitions(_ events: [PublishedEvent]) -> [String] {
        events.compactMap {
            guard case .transition(let t) = $0.event else { return nil }
            return "\(t.jobID.prefix(4)) \(t.fromState ?? "-")→\(t.toState) \(t.trigger)"
        }
    }

    @Test func manualAdvance_publishesEachTransitionAndTheClockMove_inOrder() async throws {
        let engine = try TestWorld.engine()
        let stream = engine.events.subscribe(namespace: "a")
        let job = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline", id: "job1"))
        _ = try await engine.advance(namespace: "a", by: 30_000)
        let collector = Collector(stream, count: 4)
        let events = await collector.events
        #expect(Self.transitions(events) == ["job1 -→queued create", "job1 queued→running timer", "job1 running→done timer"])
        guard case .clockMoved(let namespace, let now) = events.last?.event else {
            Issue.record("the clock move comes last: \(events)")
            return
        }
        #expect(namespace == "a")
        #expect(now == job.createdAt.adding(milliseconds: 30_000))
        #expect(events.map(\.sequence) == [1, 2, 3, 4])
    }

    @Test func subscriber_seesOnlyItsNamespace_andAnAllSubscriberSeesBoth() async throws {
        let engine = try TestWorld.engine()
        let onlyB = engine.events.subscribe(namespace: "b")
        let all = engine.events.subscribe(namespace: nil)
        _ = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline", id: "inA"))
        _ = try await engine.createJob(NewJob(namespace: "b", service: "test", kind: "pipeline", id: "inB"))
        let first = await Collector(onlyB, count: 1).events
        #expect(Self.transitions(first) == ["inB -→queued create"])
        // Numbered per subscription: what another namespace published leaves no gap.
        #expect(first.map(\.sequence) == [1])
        let both = await Collector(all, count: 2).events
        #expect(Self.transitions(both) == ["inA -→queued create", "inB -→queued create"])
    }

    @Test func rolledBackCreation_isNeverPublished() async throws {
        let engine = try TestWorld.engine()
        engine.register(Refusing(), service: "test", kind: "gate")
        let stream = engine.events.subscribe(namespace: "a")
        // Fails inside the write transaction (unknown scenario), and a hook refuses the next one.
        await #expect(throws: EngineError.self) {
            try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline", scenarioName: "nope"))
        }
        await #expect(throws: Refusing.No.self) {
            try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "gate"))
        }
        _ = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline", id: "kept"))
        let events = await Collector(stream, count: 1).events
        #expect(Self.transitions(events) == ["kept -→queued create"])
        #expect(engine.counters.snapshot().transitions == [.init(service: "test", kind: "pipeline", state: "queued"): 1])
    }

    @Test func eventsSentToAJob_andResets_arePublished() async throws {
        let engine = try TestWorld.engine()
        let stream = engine.events.subscribe(namespace: "a")
        _ = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "gate", id: "g"))
        _ = try await engine.advance(namespace: "a", by: 5_000)
        _ = try await engine.send(event: "answer", payload: ["region": "eu"], toJob: "g", namespace: "a")
        _ = try await engine.update(jobID: "g", namespace: "a") { $0.data["note"] = "edited" }
        try await engine.reset(namespace: "a")
        let events = await Collector(stream, count: 6).events
        #expect(Self.transitions(events) == ["g -→processing create", "g processing→gathering timer",
                                             "g gathering→processing event:answer"])
        #expect(events.dropFirst(2).first?.event == .clockMoved(namespace: "a", now: Timestamp.defaultManualStart.adding(milliseconds: 5_000)))
        #expect(events[4].event == .jobUpdated(namespace: "a", jobID: "g"))
        #expect(events[5].event == .reset(namespace: "a"))
    }

    @Test func stoppingTheConsumer_endsTheSubscription() async throws {
        let engine = try TestWorld.engine()
        let stream = engine.events.subscribe(namespace: "a")
        #expect(engine.events.subscriberCount == 1)
        let consumer = Task { for await _ in stream {} }
        consumer.cancel()
        await consumer.value
        #expect(engine.events.subscriberCount == 0)
        // Publishing with nobody listening is a no-op, not an error.
        _ = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline"))
        #expect(engine.counters.snapshot().transitions.values.reduce(0, +) == 1)
    }

    @Test func slowSubscriber_losesTheOldestEvents_notTheEngine() async throws {
        let engine = try TestWorld.engine()
        let stream = engine.events.subscribe(namespace: "a", bufferSize: 2)
        for index in 0..<5 {
            _ = try await engine.createJob(NewJob(namespace: "a", service: "test", kind: "pipeline", id: "j\(index)"))
        }
        let events = await Collector(stream, count: 2).events
        #expect(events.map(\.sequence) == [4, 5])
    }

    /// Refuses every creation of the kind it is registered for.
    struct Refusing: LifecycleHooks {
        struct No: Error {}
        func entered(_ entry: StepEntry, job: inout Job, context: inout HookContext) {
            if entry.trigger == "create" { context.reject(No()) }
        }
    }
}
