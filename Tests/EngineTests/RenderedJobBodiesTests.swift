@testable import Engine
import JSON
import Testing

@Suite struct RenderedJobBodiesTests {
    func job(_ id: String, dueAt: Timestamp?) -> Job {
        Job(id: id, namespace: "a", service: "s", kind: "k", state: "queued", step: "queued", dueAt: dueAt,
            scenario: "default", request: .null, data: [:], createdAt: Timestamp(unixMilliseconds: 0),
            updatedAt: Timestamp(unixMilliseconds: 0), finishedAt: nil, version: 1)
    }

    @Test func servedOnlyAtTheGenerationItWasStoredUnder() {
        let bodies = RenderedJobBodies(capacity: 8)
        let now = Timestamp(unixMilliseconds: 1_000)
        bodies.store([1, 2], of: job("j", dueAt: nil), variant: "show", generation: 7)
        #expect(bodies.body(id: "j", namespace: "a", variant: "show", generation: 7, now: now) == [1, 2])
        #expect(bodies.body(id: "j", namespace: "a", variant: "show", generation: 8, now: now) == nil)
        #expect(bodies.body(id: "j", namespace: "b", variant: "show", generation: 7, now: now) == nil)
        #expect(bodies.body(id: "j", namespace: "a", variant: "list", generation: 7, now: now) == nil)
    }

    /// A job whose timer is due must be caught up by a read, not answered from before it.
    @Test func notServedOnceTheJobsTimerIsDue() {
        let bodies = RenderedJobBodies(capacity: 8)
        bodies.store([1], of: job("j", dueAt: Timestamp(unixMilliseconds: 5_000)), variant: "show", generation: 1)
        #expect(bodies.body(id: "j", namespace: "a", variant: "show", generation: 1, now: Timestamp(unixMilliseconds: 4_999)) == [1])
        #expect(bodies.body(id: "j", namespace: "a", variant: "show", generation: 1, now: Timestamp(unixMilliseconds: 5_000)) == nil)
    }

    @Test func startsOverPastItsCapacity() {
        let bodies = RenderedJobBodies(capacity: 2)
        let now = Timestamp(unixMilliseconds: 0)
        for id in ["a", "b", "c"] { bodies.store([0], of: job(id, dueAt: nil), variant: "show", generation: 1) }
        #expect(bodies.body(id: "a", namespace: "a", variant: "show", generation: 1, now: now) == nil)
        #expect(bodies.body(id: "c", namespace: "a", variant: "show", generation: 1, now: now) == [0])
    }
}
