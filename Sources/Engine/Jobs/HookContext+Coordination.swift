public import JSON
import Scenarios
import Store

// Coordination between jobs of one namespace, for hooks: a few durable values (a counter of busy
// build slots, the highest version seen), a read of the jobs waiting in a state, and events sent to
// other jobs. Everything runs inside the transition's own write transaction, so two creations or two
// finishing jobs can never both take the last slot: the writer applies them one after the other.

/// An event a hook sends to a job of its namespace; see `HookContext.send(event:payload:toJob:)`.
public struct HookEvent: Sendable, Hashable {
    public var jobID: String
    public var name: String
    public var payload: JSONValue
}

/// A hook's refusal on its way out of the write transaction, so `storeWrite` hands the service its
/// own error back instead of reporting a storage failure.
struct HookRejection: Error {
    let error: any Error
}

/// The write transaction's connection as a hook may use it.
///
/// `@unchecked Sendable` holds because an instance lives only for one synchronous hook call on the
/// store's writer queue (it is created just before `entered` and dropped right after), and
/// `SQLiteConnection` is only ever touched from that queue.
final class HookStoreAccess: @unchecked Sendable {
    let db: SQLiteConnection
    let namespace: String
    let service: String
    let kind: String
    /// The first storage error of the hook's reads and writes; the engine throws it after the hook,
    /// which undoes the whole transition (hooks cannot throw themselves).
    var failure: (any Error)?

    init(db: SQLiteConnection, namespace: String, service: String, kind: String) {
        self.db = db
        self.namespace = namespace
        self.service = service
        self.kind = kind
    }

    /// Values live in the namespace's key–value table under `hook/<service>/`, so a namespace reset
    /// clears them together with the jobs they describe.
    func key(_ name: String) -> String { "hook/\(service)/\(name)" }

    func attempt<T>(_ body: () throws -> T) -> T? {
        guard failure == nil else { return nil }
        do {
            return try body()
        } catch {
            failure = error
            return nil
        }
    }
}

extension HookContext {
    /// A value this service keeps for the namespace (written by `setStoredValue`), as of this transaction.
    public func storedValue(forKey key: String) -> JSONValue? {
        guard let access = storeAccess else { return nil }
        let stored = access.attempt { try access.db.keyValues.get(namespace: access.namespace, key: access.key(key)) }
        guard case .text(let text)?? = stored else { return nil }
        return JSONValue.parse(text)
    }

    /// Stores (or, with nil, removes) a value for the namespace, in the transition's transaction.
    public func setStoredValue(_ value: JSONValue?, forKey key: String) {
        guard let access = storeAccess else { return }
        _ = access.attempt {
            if let value {
                try access.db.keyValues.set(namespace: access.namespace, key: access.key(key), value: .text(value.serialized()))
            } else {
                try access.db.keyValues.delete(namespace: access.namespace, key: access.key(key))
            }
        }
    }

    /// Stores a value only if none is stored under `key` yet; returns whether it did (false also
    /// without a store, or after a storage failure, which the engine throws after the hook).
    public func storeValueIfAbsent(_ value: JSONValue, forKey key: String) -> Bool {
        guard let access = storeAccess else { return false }
        return access.attempt {
            try access.db.keyValues.insertIfAbsent(namespace: access.namespace, key: access.key(key),
                                                   value: .text(value.serialized()))
        } ?? false
    }

    /// Ids of the oldest jobs of the hook's kind that show `state` and have no timer (they wait for an
    /// event), oldest first: the queue a `send` can pull from.
    public func waitingJobs(state: String, limit: Int) -> [String] {
        guard let access = storeAccess, limit > 0 else { return [] }
        let records = access.attempt {
            try access.db.jobs.waiting(namespace: access.namespace, service: access.service, kind: access.kind,
                                       state: state, limit: limit)
        }
        return records?.map(\.id) ?? []
    }

    /// Delivers `event` to job `id` of the namespace once this transition is stored, at the same time,
    /// as if the API had sent it. A target that has gone or whose step does not take the event is skipped.
    public mutating func send(event: String, payload: JSONValue = .object([:]), toJob id: String) {
        events.append(HookEvent(jobID: id, name: event, payload: payload))
    }

    /// Refuses the creation of the job being created (a version that is not higher than the last
    /// one): nothing is stored and `createJob` throws `error`. Ignored for later transitions, which
    /// are already due and cannot be refused.
    public mutating func reject(_ error: any Error) {
        if rejection == nil { rejection = error }
    }
}

extension Engine {
    /// Runs the hook for `entry`, after the scenario's default effects; throws the first storage
    /// error the hook ran into.
    func applyEntry(_ entry: StepEntry, to job: inout Job, publicURL: String, in db: SQLiteConnection) throws -> HookContext {
        DefaultEffects.apply(entry.effects, to: &job.data)
        guard let hooks = hooks(for: job.kindKey) else { return HookContext(publicURL: publicURL, seed: seed) }
        let access = HookStoreAccess(db: db, namespace: job.namespace, service: job.service, kind: job.kind)
        var context = HookContext(publicURL: publicURL, seed: seed, storeAccess: access)
        hooks.entered(entry, job: &job, context: &context)
        if let failure = access.failure { throw failure }
        return context
    }

    /// Delivers the events a hook sent, in order, each at `at`; each may cascade through the target's
    /// own hook. - Returns: the transitions they caused.
    func deliverHookEvents(_ events: [HookEvent], namespace: String, at: Timestamp, publicURL: String,
                           in db: SQLiteConnection) throws -> [AppliedTransition] {
        var transitions: [AppliedTransition] = []
        for event in events {
            guard let record = try db.jobs.get(id: event.jobID, namespace: namespace) else { continue }
            var target = try JobRecordCoding.job(from: record, machines: machines)
            guard let machine = machines[Self.machineKey(target.service, target.kind, target.scenario)] else { continue }
            var jitter = RandomStreams(seed: seed, namespace: namespace).stream("jitter/\(target.id)/\(target.version)")
            let outcome = machine.apply(.event(name: event.name, payload: event.payload), at: target.step,
                                        request: target.request, using: &jitter)
            // Only a move matters: a job that no longer waits for the event simply does not take it.
            guard case .moveTo(let transition) = outcome else { continue }
            transitions += try move(&target, to: transition, at: at, trigger: "event:" + event.name,
                                    eventPayload: event.payload, machine: machine, publicURL: publicURL, in: db)
        }
        return transitions
    }

    /// `job` as stored now, when a hook's events may have moved it on after `move`/`insertJob` wrote it.
    func reloaded(_ job: Job, after events: [HookEvent], in db: SQLiteConnection) throws -> Job {
        guard events.contains(where: { $0.jobID == job.id }),
              let record = try db.jobs.get(id: job.id, namespace: job.namespace) else { return job }
        return try JobRecordCoding.job(from: record, machines: machines)
    }
}
