import Scenarios
import Synchronization

/// The fault rules of every namespace seen since start, mirrored from the `faults` table so that a
/// request in a namespace without faults costs one dictionary lookup and no database read.
///
/// Counters change here under the lock (so concurrent calls get distinct call numbers) and are then
/// written to the table by the caller; the table is the truth after a restart.
final class FaultBook: Sendable {
    private let byNamespace = Mutex<[String: [ActiveFault]]>([:])
    /// Per-namespace count of header faults that drew a latency, so each draws a fresh value.
    private let headerDraws = Mutex<[String: UInt64]>([:])
    /// Whether any rule may exist anywhere: nil until the table has been asked, true from the first
    /// rule added on (never false again), so a server that never had a rule skips every request's
    /// namespace lookup (`Engine.mayHoldFaultRules`).
    private let anyRules = Mutex<Bool?>(nil)

    /// nil until known.
    var mayHoldRules: Bool? { anyRules.withLock { $0 } }

    /// Records what the table said, unless a rule was added meanwhile.
    func learnedFromTable(_ any: Bool) -> Bool {
        anyRules.withLock { known in
            if known == nil { known = any }
            return known!
        }
    }

    /// Called before a rule is written.
    func ruleWillBeAdded() { anyRules.withLock { $0 = true } }

    /// The namespace's rules, or nil when they have not been loaded yet.
    func cached(_ namespace: String) -> [ActiveFault]? { byNamespace.withLock { $0[namespace] } }

    func store(_ namespace: String, _ faults: [ActiveFault]) { byNamespace.withLock { $0[namespace] = faults } }

    /// Caches what was read from the table unless a concurrent load got there first (whose counters
    /// may already have moved on): - Returns: the cached rules.
    func storeIfAbsent(_ namespace: String, _ faults: [ActiveFault]) -> [ActiveFault] {
        byNamespace.withLock { book in
            if let existing = book[namespace] { return existing }
            book[namespace] = faults
            return faults
        }
    }

    /// Edits in place, under the lock, so a concurrent decision's counters are not overwritten.
    func append(_ namespace: String, _ fault: ActiveFault) { byNamespace.withLock { $0[namespace]?.append(fault) } }

    func remove(_ namespace: String, id: String) { byNamespace.withLock { $0[namespace]?.removeAll { $0.id == id } } }

    func forget(_ namespace: String?) {
        byNamespace.withLock { book in
            if let namespace { book[namespace] = nil } else { book.removeAll() }
        }
    }

    /// Runs the decision for `call` against the namespace's rules and counts it, atomically.
    /// - Returns: the rules whose counters changed (to persist) and the hit, if any.
    func decide(namespace: String, call: FaultCall, eligible: (FaultRule) -> Bool,
                draw: (FaultRule, Int) -> Double) -> (changed: [ActiveFault], hit: ActiveFault?, callNumber: Int) {
        byNamespace.withLock { book in
            guard var faults = book[namespace], !faults.isEmpty else { return ([], nil, 0) }
            let candidates = faults.indices.filter { eligible(faults[$0].rule) }
            guard !candidates.isEmpty else { return ([], nil, 0) }
            let plan = FaultPlan(rules: candidates.map { faults[$0].rule })
            let decision = plan.decide(call, previousCalls: candidates.map { Int(faults[$0].matched) }) { index, number in
                draw(plan.rules[index], number)
            }
            var changed: [ActiveFault] = []
            var hit: ActiveFault?
            var callNumber = 0
            for index in decision.counted {
                let position = candidates[index]
                faults[position].matched += 1
                if decision.hit == index {
                    faults[position].hits += 1
                    hit = faults[position]
                    callNumber = Int(faults[position].matched)
                }
                changed.append(faults[position])
            }
            book[namespace] = faults
            return (changed, hit, callNumber)
        }
    }

    func nextHeaderDraw(_ namespace: String) -> UInt64 {
        headerDraws.withLock { counters in
            counters[namespace, default: 0] += 1
            return counters[namespace]!
        }
    }
}
