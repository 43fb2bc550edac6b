public import JSON
/// Chooses the scenario a new job follows. First match wins: the name asked for explicitly (the
/// `X-Buildermock-Scenario` header), then an admin pin, then match rules in catalog order, then the default.
///
/// Pure: the engine stores pins and their remaining counts, and decrements one when `usedPin` is true.
public struct ScenarioSelector: Sendable {
    public let catalog: ScenarioCatalog

    public init(catalog: ScenarioCatalog) { self.catalog = catalog }

    /// Why a scenario was chosen, for the job's history and the journal.
    public enum Reason: String, Sendable, Hashable {
        case explicit, pinned, matched
        case `default` = "default"
    }

    /// The chosen scenario and why.
    public struct Selection: Sendable, Hashable {
        public var scenario: Scenario
        public var reason: Reason
        /// True when the pin decided: the caller spends one of its remaining uses.
        public var usedPin: Bool { reason == .pinned }
    }

    /// An admin pin: the next `remaining` jobs of a kind follow scenario `name`.
    public struct Pin: Sendable, Hashable {
        public var name: String
        public var remaining: Int

        public init(name: String, remaining: Int) {
            self.name = name
            self.remaining = remaining
        }
    }

    /// Why no scenario could be chosen.
    public enum SelectionError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The header named a scenario this kind does not have; the caller answers 400 with `valid`.
        case unknownScenario(name: String, kind: ScenarioKind, valid: [String])
        /// A pin names a scenario that no longer exists (the catalog was reloaded).
        case unknownPinnedScenario(name: String, kind: ScenarioKind, valid: [String])
        /// The kind has no scenarios at all (a wiring error, not a client error).
        case noScenario(kind: ScenarioKind)

        public var description: String {
            switch self {
            case .unknownScenario(let name, let kind, let valid):
                return "unknown scenario \"\(name)\" for \(kind); valid: \(valid.joined(separator: ", "))"
            case .unknownPinnedScenario(let name, let kind, let valid):
                return "pinned scenario \"\(name)\" does not exist for \(kind); valid: \(valid.joined(separator: ", "))"
            case .noScenario(let kind):
                return "no scenario for \(kind)"
            }
        }
    }

    /// - Parameters:
    ///   - request: the creating request's JSON body, which match rules read.
    ///   - explicitName: the header's value, if any (an empty value counts as absent).
    ///   - pin: the kind's current pin, if any; ignored when it has no uses left.
    public func select(_ kind: ScenarioKind, request: JSONValue, explicitName: String? = nil,
                       pin: Pin? = nil) -> Result<Selection, SelectionError> {
        let candidates = catalog.scenarios(for: kind)
        guard !candidates.isEmpty else { return .failure(.noScenario(kind: kind)) }
        let names = candidates.map(\.name)
        if let explicitName, !explicitName.isEmpty {
            guard let scenario = candidates.first(where: { $0.name == explicitName }) else {
                return .failure(.unknownScenario(name: explicitName, kind: kind, valid: names))
            }
            return .success(Selection(scenario: scenario, reason: .explicit))
        }
        if let pin, pin.remaining > 0 {
            guard let scenario = candidates.first(where: { $0.name == pin.name }) else {
                return .failure(.unknownPinnedScenario(name: pin.name, kind: kind, valid: names))
            }
            return .success(Selection(scenario: scenario, reason: .pinned))
        }
        if let matched = candidates.first(where: { !$0.match.isEmpty && $0.match.allSatisfy { $0.holds(on: request) } }) {
            return .success(Selection(scenario: matched, reason: .matched))
        }
        if let fallback = candidates.first(where: \.isDefault) {
            return .success(Selection(scenario: fallback, reason: .default))
        }
        return .failure(.noScenario(kind: kind))
    }
}
