import JSON
import Synchronization

/// Decoded job payloads by job id, each with the exact text it was decoded from.
///
/// Clients poll the same job every few seconds and most polls find its payload unchanged; parsing
/// that JSON again was the largest single cost of a job read. An entry is used only when the stored
/// text is byte-for-byte the one it was decoded from, so no write ever has to invalidate anything:
/// a changed payload, a deleted and re-created id, another engine in the same process all miss.
final class PayloadDecodeCache: Sendable {
    private struct Entry {
        let text: String
        let payload: [String: JSONValue]
    }

    private let entries = Mutex<[String: Entry]>([:])
    /// Past this many entries the cache starts over: bounded memory without LRU bookkeeping on a
    /// path that exists to be cheap. Polling workloads refill it with the jobs actually polled.
    let capacity: Int

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    /// The payload object `text` decodes to, from the cache when `id` was last decoded from the same
    /// text; nil when `text` is not a JSON object.
    func payload(id: String, text: String) -> [String: JSONValue]? {
        if let entry = entries.withLock({ $0[id] }), entry.text == text { return entry.payload }
        guard let payload = JSONValue.parse(text)?.objectValue else { return nil }
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[id] = Entry(text: text, payload: payload)
        }
        return payload
    }

    var count: Int { entries.withLock { $0.count } }
}
