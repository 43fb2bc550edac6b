import Synchronization

/// Fans committed engine events out to subscribers (the SSE stream of the dashboard). Publishing
/// with nobody subscribed costs one uncontended lock, so the engine can publish everywhere.
///
/// Each subscriber has a bounded buffer: one that reads too slowly loses its oldest events rather
/// than making the engine wait or grow without limit (a dashboard refetches lists anyway).
public final class EventBroadcaster: Sendable {
    private struct Subscriber {
        /// nil: every namespace.
        let namespace: String?
        let continuation: AsyncStream<PublishedEvent>.Continuation
        /// Events handed to this subscriber so far: its own numbering, so a gap can only mean that
        /// it dropped some, never that they belonged to another namespace.
        var sequence: UInt64 = 0
    }

    private struct State {
        var nextID = 0
        var subscribers: [Int: Subscriber] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// Events of `namespace` (nil: of every namespace) published from now on. The subscription ends
    /// when the consumer stops iterating (its task is cancelled or the stream is dropped).
    public func subscribe(namespace: String?, bufferSize: Int = 1_024) -> AsyncStream<PublishedEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: PublishedEvent.self,
                                                            bufferingPolicy: .bufferingNewest(max(1, bufferSize)))
        let id = state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            state.subscribers[id] = Subscriber(namespace: namespace, continuation: continuation)
            return id
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// How many subscriptions are open.
    public var subscriberCount: Int {
        state.withLock { $0.subscribers.count }
    }

    /// Whether anyone listens; lets a publisher skip building events nobody would see.
    var hasSubscribers: Bool {
        state.withLock { !$0.subscribers.isEmpty }
    }

    /// Hands `events`, in order, to every subscriber whose namespace they concern.
    func publish(_ events: [EngineEvent]) {
        guard !events.isEmpty else { return }
        // Yielded under the lock so that sequence numbers and delivery order agree across concurrent
        // publishers. `yield` never blocks and never runs `onTermination` (which takes this lock).
        state.withLock { state in
            guard !state.subscribers.isEmpty else { return }
            for event in events {
                let namespace = event.namespace
                for (id, subscriber) in state.subscribers
                where subscriber.namespace == nil || namespace == nil || subscriber.namespace == namespace {
                    let sequence = subscriber.sequence + 1
                    state.subscribers[id]?.sequence = sequence
                    subscriber.continuation.yield(PublishedEvent(sequence: sequence, event: event))
                }
            }
        }
    }
}
